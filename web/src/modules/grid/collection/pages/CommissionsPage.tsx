import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX } from '#server/modules/grid/contract.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Commission, useCommissions, useCreateCommission, useEndCommission, useSaveSettings, useSettings } from '../api.ts';

/** The street's incentive and spot-check share; a change asks first. */
function SettingsCard() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const settings = useSettings();
  const save = useSaveSettings();
  return (
    <QueryView query={settings}>
      {(s) => (
        <Card title={t('gridCollection.commissions.settings')} style={{ marginBottom: 16 }}>
          <Form
            layout="inline"
            initialValues={{ yuan: s.incentiveFen / 100, percent: s.spotCheckBp / 100 }}
            disabled={!s.canManage}
            onFinish={(v: { yuan: number; percent: number }) =>
              modal.confirm({
                title: t('gridCollection.commissions.saveSettings'),
                content: t('gridCollection.commissions.settingsConfirm'),
                okText: t('gridCollection.detail.ok'),
                cancelText: t('common.cancel'),
                onOk: async () => {
                  try {
                    await save.mutateAsync({ incentiveFen: Math.round(v.yuan * 100), spotCheckBp: Math.round(v.percent * 100) });
                    void message.success(t('gridCollection.commissions.settingsSaved'));
                  } catch (err) {
                    void message.error((err as Error).message);
                  }
                },
              })
            }
          >
            <Form.Item name="yuan" label={t('gridCollection.commissions.incentive')} rules={[{ required: true }]}>
              <InputNumber min={0} max={1000} precision={2} />
            </Form.Item>
            <Form.Item name="percent" label={t('gridCollection.commissions.spotShare')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} precision={2} />
            </Form.Item>
            {s.canManage && (
              <Button type="primary" htmlType="submit">
                {t('gridCollection.commissions.saveSettings')}
              </Button>
            )}
          </Form>
        </Card>
      )}
    </QueryView>
  );
}

/** 委托采集: the street commissions a compound's property company to collect there (from, until), and ends a commission. */
export function CommissionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const commissions = useCommissions();
  const create = useCreateCommission();
  const end = useEndCommission();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Commission | null>(null);
  const canManage = commissions.data?.canManage ?? false;

  const columns: TableColumnsType<Commission> = [
    { title: t('gridCollection.commissions.company'), dataIndex: 'companyName' },
    { title: t('gridCollection.commissions.compound'), dataIndex: 'compoundName' },
    { title: t('gridCollection.commissions.community'), dataIndex: 'communityName' },
    { title: t('gridCollection.commissions.validFrom'), dataIndex: 'validFrom' },
    { title: t('gridCollection.commissions.validUntil'), dataIndex: 'validUntil', render: (v: string | null) => v ?? t('gridCollection.commissions.openEnded') },
    { title: t('gridCollection.commissions.inForce'), dataIndex: 'inForce', render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{t(v ? 'gridCollection.commissions.active' : 'gridCollection.commissions.inactive')}</Tag> },
    { title: t('gridCollection.commissions.note'), dataIndex: 'note' },
    ...(canManage ? [{ title: '', key: 'end', render: (_: unknown, c: Commission) => (c.inForce ? <Button size="small" onClick={() => setEnding(c)}>{t('gridCollection.commissions.end')}</Button> : null) }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('gridCollection.commissions.title')}
        extra={
          canManage && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('gridCollection.commissions.add')}
            </Button>
          )
        }
      />
      <SettingsCard />
      <Card>
        <Table<Commission> rowKey="id" loading={commissions.isLoading} dataSource={commissions.data?.items ?? []} columns={columns} pagination={{ pageSize: 20 }} locale={{ emptyText: t('gridCollection.commissions.none') }} scroll={{ x: true }} />
      </Card>
      {adding && commissions.data && (
        <FormModal<{ compoundId: string; validFrom: Dayjs; validUntil?: Dayjs; note?: string }>
          title={t('gridCollection.commissions.add')}
          open
          onClose={() => setAdding(false)}
          submit={async (v) => {
            const compound = commissions.data!.compounds.find((c) => c.id === v.compoundId)!;
            await create.mutateAsync({ companyId: compound.companyId, compoundId: compound.id, validFrom: v.validFrom.format('YYYY-MM-DD'), validUntil: v.validUntil?.format('YYYY-MM-DD'), note: v.note ?? '' });
            void message.success(t('gridCollection.commissions.saved'));
          }}
        >
          <Form.Item name="compoundId" label={t('gridCollection.commissions.compound')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={commissions.data.compounds.map((c) => ({ value: c.id, label: `${c.name} · ${c.companyName}` }))} />
          </Form.Item>
          <Space>
            <Form.Item name="validFrom" label={t('gridCollection.commissions.validFrom')} rules={[{ required: true }]}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="validUntil" label={t('gridCollection.commissions.validUntil')}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('gridCollection.commissions.note')} rules={[{ max: NOTE_MAX }]}>
            <Input maxLength={NOTE_MAX} />
          </Form.Item>
        </FormModal>
      )}
      {ending && (
        <FormModal<{ validUntil: Dayjs }>
          title={`${t('gridCollection.commissions.end')} · ${ending.compoundName}`}
          open
          onClose={() => setEnding(null)}
          submit={async (v) => {
            await end.mutateAsync({ id: ending.id, validUntil: v.validUntil.format('YYYY-MM-DD') });
          }}
        >
          <Form.Item name="validUntil" label={t('gridCollection.commissions.endDay')} rules={[{ required: true }]}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
