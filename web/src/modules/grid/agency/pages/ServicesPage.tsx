import { Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRID_ROLES } from '#server/modules/grid/contract.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Service, type ServiceBody, useSaveService, useSaveSettings, useServices, useSettings } from '../api.ts';
import { yuan } from '../components/labels.tsx';

/** 服务事项: the services a point may accept (documents asked for, time limit, pay per completed case); the street adds and changes them, and sets how long documents are kept. */
export function ServicesPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const manages = me.grants.some((g) => (GRID_ROLES.agencyManage as readonly string[]).includes(g.role));
  const services = useServices();
  const settings = useSettings(manages);
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const [retention, setRetention] = useState(false);

  const columns: TableColumnsType<Service> = [
    { title: t('gridAgency.col.service'), dataIndex: 'name' },
    { title: t('gridAgency.services.documents'), dataIndex: 'documents', render: (d: string[]) => (d.length ? d.join('、') : '—') },
    { title: t('gridAgency.services.timeLimit'), dataIndex: 'timeLimitDays', align: 'right', render: (v: number) => t('gridAgency.days', { count: v }) },
    { title: t('gridAgency.services.pay'), dataIndex: 'payFen', align: 'right', render: (v: number) => t('gridAgency.yuan', { amount: yuan(v) }) },
    { title: t('gridAgency.services.active'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{t('gridAgency.services.on')}</Tag> : <Tag>{t('gridAgency.services.off')}</Tag>) },
    ...(manages ? [{ title: '', key: 'edit', render: (_: unknown, r: Service) => <Button onClick={() => setEditing(r)}>{t('gridAgency.edit')}</Button> }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('gridAgency.services.title')}
        extra={
          manages && (
            <Space wrap>
              <Button onClick={() => setRetention(true)} disabled={!settings.data}>
                {t('gridAgency.services.retention', { days: settings.data?.documentRetentionDays ?? '…' })}
              </Button>
              <Button type="primary" onClick={() => setEditing('new')}>
                {t('gridAgency.services.add')}
              </Button>
            </Space>
          )
        }
      />
      <Card>
        <QueryView query={services}>
          {(s) => <Table rowKey="id" columns={columns} dataSource={s.items} pagination={false} locale={{ emptyText: t('gridAgency.services.none') }} />}
        </QueryView>
      </Card>
      {editing && <ServiceModal service={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {retention && settings.data && <RetentionModal days={settings.data.documentRetentionDays} onClose={() => setRetention(false)} />}
    </>
  );
}

function ServiceModal({ service, onClose }: { service: Service | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveService(service?.id);
  return (
    <FormModal<Omit<ServiceBody, 'payFen'> & { payYuan: number }>
      title={service ? t('gridAgency.services.editTitle') : t('gridAgency.services.add')}
      open
      onClose={onClose}
      initialValues={service ? { ...service, payYuan: service.payFen / 100 } : { documents: ['身份证复印件'], timeLimitDays: 10, payYuan: 15, active: true }}
      submit={({ payYuan, ...v }) => save.mutateAsync({ ...v, payFen: Math.round(payYuan * 100) })}
    >
      <Form.Item name="name" label={t('gridAgency.col.service')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="documents" label={t('gridAgency.services.documents')} extra={t('gridAgency.services.documentsHint')}>
        <Select mode="tags" tokenSeparators={['、', ',', '，']} open={false} />
      </Form.Item>
      <Form.Item name="timeLimitDays" label={t('gridAgency.services.timeLimit')} rules={[{ required: true }]}>
        <InputNumber min={1} max={365} precision={0} addonAfter={t('gridAgency.daysUnit')} />
      </Form.Item>
      <Form.Item name="payYuan" label={t('gridAgency.services.pay')} rules={[{ required: true }]}>
        <InputNumber min={0} max={1000000} precision={2} addonAfter={t('gridAgency.yuanUnit')} />
      </Form.Item>
      <Form.Item name="active" label={t('gridAgency.services.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

function RetentionModal({ days, onClose }: { days: number; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  return (
    <FormModal<{ documentRetentionDays: number }> title={t('gridAgency.services.retentionTitle')} open onClose={onClose} initialValues={{ documentRetentionDays: days }} submit={(v) => save.mutateAsync(v)}>
      <Typography.Paragraph type="secondary">{t('gridAgency.services.retentionNote')}</Typography.Paragraph>
      <Form.Item name="documentRetentionDays" label={t('gridAgency.services.retentionDays')} rules={[{ required: true }]}>
        <InputNumber min={1} max={3650} precision={0} addonAfter={t('gridAgency.daysUnit')} />
      </Form.Item>
    </FormModal>
  );
}
