import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { type PlotBody, type PlotRow, useCreatePlot, useRates, useUpdatePlot } from '../api.ts';

const AREA = /^\d{1,7}(\.\d{1,2})?$/;

/** The plot form (登记/编辑绿地): compound (on creation), name, area in m² (two decimals at most), location, description. */
export function PlotFormModal({ open, onClose, plot, onSaved }: { open: boolean; onClose: () => void; plot?: PlotRow; onSaved?: (p: PlotRow) => void }) {
  const { t } = useTranslation();
  const rates = useRates();
  const create = useCreatePlot();
  const update = useUpdatePlot(plot?.id ?? '');
  const compounds = (rates.data?.compounds ?? []).filter((c) => c.canManage);
  const initial: Partial<PlotBody> = plot ? { name: plot.name, area: plot.areaText, location: plot.location, description: plot.description } : { location: '', description: '' };
  return (
    <FormModal<PlotBody>
      title={plot ? t('volGreen.form.titleEdit') : t('volGreen.form.titleAdd')}
      open={open}
      onClose={onClose}
      initialValues={initial}
      okText={t('volGreen.form.save')}
      width={560}
      submit={async (v) => {
        const body = { ...v, location: v.location ?? '', description: v.description ?? '' };
        const saved = plot ? await update.mutateAsync(body) : await create.mutateAsync(body);
        onSaved?.(saved);
      }}
      fieldForCode={{ NOT_A_COMPOUND: 'compoundId', PLACE_NOT_FOUND: 'compoundId' }}
    >
      {!plot && (
        <Form.Item name="compoundId" label={t('volGreen.form.compound')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" loading={rates.isLoading} options={compounds.map((c) => ({ value: c.compoundId, label: c.compoundName }))} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('volGreen.form.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input maxLength={60} placeholder={t('volGreen.form.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="area"
        label={t('volGreen.form.area')}
        extra={t('volGreen.form.areaHint')}
        rules={[{ required: true, pattern: AREA, message: t('volGreen.form.areaInvalid') }, { validator: (_r, v: string) => (v && Number(v) <= 0 ? Promise.reject(new Error(t('volGreen.form.areaInvalid'))) : Promise.resolve()) }]}
      >
        <Input inputMode="decimal" suffix="㎡" style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item name="location" label={t('volGreen.form.location')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={t('volGreen.form.description')} rules={[{ max: 500 }]}>
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
