import { Alert, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors } from '../../../../workbench/components/server-errors.ts';
import { type Point, useOpenCase, useResidents, useServices } from '../api.ts';

interface Values {
  pointId: string;
  serviceId: string;
  personId?: string;
  name?: string;
  phone?: string;
  idNumber?: string;
  note?: string;
}

/**
 * 受理新件: the point (preset when the user staffs one), the service it accepts, the applicant picked from the
 * compound's owners and tenants by name (or, ticked, a name and mobile for someone not in the registry), the ID
 * number, and the documents (images or PDF, each labelled with the service's documents in order).
 */
export function OpenCaseModal({ points, onClose, onOpened }: { points: Point[]; onClose: () => void; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [pointId, setPointId] = useState<string | undefined>(points[0]?.id);
  const [serviceId, setServiceId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [outside, setOutside] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const residents = useResidents(pointId, search);
  const services = useServices();
  const open = useOpenCase();
  const point = points.find((p) => p.id === pointId);
  const service = services.data?.items.find((s) => s.id === serviceId);
  const offered = useMemo(() => (point ? point.services : []), [point]);

  const submit = async (v: Values) => {
    setBusy(true);
    setBanner(null);
    try {
      const labels = files.map((f, i) => service?.documents[i] ?? f.name).join('\n');
      const r = await open.mutateAsync({
        fields: { pointId: v.pointId, serviceId: v.serviceId, personId: outside ? '' : (v.personId ?? ''), name: outside ? (v.name ?? '') : '', phone: outside ? (v.phone ?? '') : '', idNumber: v.idNumber ?? '', note: v.note ?? '', labels },
        files,
      });
      onOpened(r.id);
    } catch (err) {
      setBanner(showServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('gridAgency.open.title')}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('gridAgency.open.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={620}
    >
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ pointId: points[0]?.id }} onFinish={(v) => void submit(v)}>
        <Form.Item name="pointId" label={t('gridAgency.col.point')} rules={[{ required: true }]} hidden={points.length === 1}>
          <Select
            options={points.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(v: string) => {
              setPointId(v);
              form.setFieldsValue({ serviceId: undefined, personId: undefined });
              setServiceId(undefined);
            }}
          />
        </Form.Item>
        <Form.Item name="serviceId" label={t('gridAgency.col.service')} rules={[{ required: true, message: t('gridAgency.open.serviceRequired') }]}>
          <Select showSearch optionFilterProp="label" options={offered.map((s) => ({ value: s.id, label: s.name }))} onChange={(v: string) => setServiceId(v)} />
        </Form.Item>
        {service && service.documents.length > 0 && (
          <Typography.Paragraph type="secondary">{t('gridAgency.open.documentsAsked', { documents: service.documents.join('、'), days: service.timeLimitDays })}</Typography.Paragraph>
        )}
        <Checkbox checked={outside} onChange={(e) => setOutside(e.target.checked)} style={{ marginBottom: 12 }}>
          {t('gridAgency.open.outside')}
        </Checkbox>
        {outside ? (
          <>
            <Form.Item name="name" label={t('gridAgency.open.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="phone" label={t('gridAgency.open.phone')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('gridAgency.open.phoneInvalid') }]}>
              <Input maxLength={11} inputMode="tel" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="personId" label={t('gridAgency.col.applicant')} rules={[{ required: true, message: t('gridAgency.open.applicantRequired') }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setSearch}
              loading={residents.isFetching}
              placeholder={t('gridAgency.open.applicantPlaceholder')}
              notFoundContent={t('gridAgency.open.noResident')}
              options={(residents.data?.items ?? []).map((r) => ({ value: r.personId, label: `${r.name}（${r.room}${r.phoneMasked ? ` · ${r.phoneMasked}` : ''}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="idNumber" label={t('gridAgency.open.idNumber')} rules={[{ pattern: /^\d{17}[\dXx]$/, message: t('gridAgency.open.idInvalid') }]}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('gridAgency.open.documents')} extra={t('gridAgency.open.documentsHint')}>
          <input
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,application/pdf"
            aria-label={t('gridAgency.open.documents')}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []).slice(0, 6))}
          />
          {files.length > 0 && (
            <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
              {files.map((f, i) => (
                <li key={`${f.name}-${i}`}>
                  {service?.documents[i] ?? f.name} · {f.name}
                </li>
              ))}
            </ul>
          )}
        </Form.Item>
        <Form.Item name="note" label={t('gridAgency.open.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
