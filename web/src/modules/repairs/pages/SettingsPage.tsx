import { Alert, App, Button, Form, InputNumber, Modal, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_CLOSE_BOUNDS, type Category } from '#server/modules/repairs/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { showServerErrors } from '../../../workbench/components/server-errors.ts';
import { useScope } from '../../../workbench/scope.tsx';
import { type CompoundSettings, type SettingsRow, useCompoundSettings, useSaveSettings, useSettingsList } from '../api.ts';
import { formatMinutes } from '../format.ts';

const FILTERS = ['q'] as const;

/** 报修时限: each compound's response and completion limits per category, and its auto-close days. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const compounds = useSettingsList({ ...list.query, placeId: scope?.id });
  const [open, setOpen] = useState<SettingsRow | null>(null);

  const columns: TableColumnsType<SettingsRow> = [
    { title: t('repairs.field.compound'), dataIndex: 'name' },
    { title: t('place.kind.community'), dataIndex: 'parentLabel', render: (v: string | null) => v ?? '—' },
    { title: t('repairs.settings.customLimits'), dataIndex: 'customLimits', align: 'right' },
    { title: t('repairs.settings.autoCloseDays'), dataIndex: 'autoCloseDays', align: 'right' },
    { title: t('repairs.settings.updatedAt'), dataIndex: 'updatedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Button size="small" type={c.canEdit ? 'primary' : 'default'} ghost={c.canEdit} onClick={() => setOpen(c)}>
          {c.canEdit ? t('repairs.settings.edit') : t('repairs.settings.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('repairs.settings.title')} tags={<ScopeNote />} />
      <Alert type="info" showIcon title={t('repairs.settings.intro')} style={{ marginBottom: 16 }} />
      <ListCard list={list} search={{ label: t('repairs.settings.search') }} query={compounds} columns={columns} empty={t('repairs.settings.none')} />
      {open && <LimitsModal compound={open} onClose={() => setOpen(null)} />}
    </>
  );
}

interface LimitValues {
  autoCloseDays: number;
  limits: Record<Category, { response: number; completion: number }>;
}

const toHours = (m: number) => Math.round((m / 60) * 10) / 10;
const toMinutes = (h: number) => Math.round(h * 60);

function LimitsModal({ compound, onClose }: { compound: SettingsRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useCompoundSettings(compound.id);
  const save = useSaveSettings(compound.id);
  const [form] = Form.useForm<LimitValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const data = settings.data;
  const canEdit = !!data?.canEdit;

  useEffect(() => {
    if (!data) return;
    form.setFieldsValue({
      autoCloseDays: data.autoCloseDays,
      limits: Object.fromEntries(data.limits.map((l) => [l.category, { response: toHours(l.responseMinutes), completion: toHours(l.completionMinutes) }])) as LimitValues['limits'],
    });
  }, [data, form]);

  const onSave = async (v: LimitValues) => {
    setBanner(null);
    try {
      await save.mutateAsync({
        autoCloseDays: v.autoCloseDays,
        limits: (data?.limits ?? []).map((l) => ({
          category: l.category,
          responseMinutes: toMinutes(v.limits[l.category].response),
          completionMinutes: toMinutes(v.limits[l.category].completion),
        })),
      });
      void message.success(t('repairs.settings.saved'));
      onClose();
    } catch (err) {
      setBanner(showServerErrors(form, err));
    }
  };

  type Limit = CompoundSettings['limits'][number];
  const columns: TableColumnsType<Limit> = [
    {
      title: t('repairs.field.category'),
      dataIndex: 'category',
      render: (c: Category, l) => (
        <>
          {t(`repairs.category.${c}`)} {l.custom && <Tag color="blue">{t('repairs.settings.custom')}</Tag>}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('repairs.settings.default', { r: formatMinutes(t, l.defaultResponseMinutes), c: formatMinutes(t, l.defaultCompletionMinutes) })}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('repairs.settings.response'),
      key: 'response',
      render: (_, l) => (
        <Form.Item name={['limits', l.category, 'response']} noStyle rules={[{ required: true }]}>
          <InputNumber min={0.1} max={168} step={0.5} disabled={!canEdit} aria-label={`${t(`repairs.category.${l.category}`)} ${t('repairs.settings.response')}`} />
        </Form.Item>
      ),
    },
    {
      title: t('repairs.settings.completion'),
      key: 'completion',
      render: (_, l) => (
        <Form.Item
          name={['limits', l.category, 'completion']}
          noStyle
          dependencies={[['limits', l.category, 'response']]}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: async (_r, v: number) => {
                if (v < getFieldValue(['limits', l.category, 'response'])) throw new Error(t('repairs.settings.invalid'));
              },
            }),
          ]}
        >
          <InputNumber min={0.2} max={2160} step={1} disabled={!canEdit} aria-label={`${t(`repairs.category.${l.category}`)} ${t('repairs.settings.completion')}`} />
        </Form.Item>
      ),
    },
  ];

  return (
    <Modal
      open
      title={t('repairs.settings.editTitle', { name: compound.name })}
      width={720}
      onCancel={onClose}
      onOk={() => (canEdit ? form.submit() : onClose())}
      okText={canEdit ? t('common.save') : t('common.close')}
      cancelButtonProps={canEdit ? undefined : { style: { display: 'none' } }}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {!canEdit && data && <Alert type="info" showIcon title={t('repairs.settings.readOnly')} style={{ marginBottom: 12 }} />}
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={onSave} onFinishFailed={() => setBanner(t('repairs.settings.invalid'))}>
        <Table<Limit> size="small" rowKey="category" pagination={false} loading={settings.isPending} dataSource={data?.limits ?? []} columns={columns} />
        <Form.Item
          name="autoCloseDays"
          label={t('repairs.settings.autoCloseDays')}
          extra={t('repairs.settings.autoCloseHint')}
          style={{ marginTop: 16 }}
          rules={[{ required: true }]}
        >
          <InputNumber min={AUTO_CLOSE_BOUNDS[0]} max={AUTO_CLOSE_BOUNDS[1]} precision={0} disabled={!canEdit} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
