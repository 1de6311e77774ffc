import { App, Button, Card, Form, Input, Space, type TableColumnsType, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { PlaceTreeSelect } from '../../../registry/index.ts';
import { type DiffRow, useDiffs, useReconcile, useResolveDiff, yuan } from '../api.ts';

const FILTERS = ['q', 'status', 'day'] as const;
const KINDS = { missing_in_book: 'red', missing_in_statement: 'orange', amount_differs: 'volcano' } as const;
const STREET_ONLY = ['street'] as const;

/** 对账: run a day's reconciliation (the provider's statement fetched, or its file uploaded); work the differences with a note. */
export function ReconciliationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedIn();
  const list = useListParams(FILTERS);
  const diffs = useDiffs(list.query);
  const reconcile = useReconcile();
  const resolve = useResolveDiff();
  const [resolving, setResolving] = useState<DiffRow | null>(null);
  const [csv, setCsv] = useState<string | undefined>(undefined);
  const streetGrant = me.grants.find((g) => g.role === 'street_official' || g.role === 'platform_admin');
  const [form] = Form.useForm<{ streetId: string; day: string }>();

  const columns: TableColumnsType<DiffRow> = [
    { title: t('feesPayments.recon.day'), dataIndex: 'day', sorter: true },
    { title: t('feesPayments.recon.kind'), dataIndex: 'kind', sorter: true, render: (v: keyof typeof KINDS) => <Tag color={KINDS[v]}>{t(`feesPayments.recon.kinds.${v}`)}</Tag> },
    { title: t('feesPayments.recon.type'), dataIndex: 'txnType', render: (v: string) => t(`feesPayments.recon.types.${v}`) },
    { title: t('feesPayments.field.txn'), dataIndex: 'txnId', sorter: true, key: 'txn' },
    { title: t('feesPayments.field.orderNo'), dataIndex: 'outTradeNo' },
    { title: t('feesPayments.recon.statement'), dataIndex: 'statementFen', align: 'right', render: (v: number | null) => yuan(v) },
    { title: t('feesPayments.recon.book'), dataIndex: 'bookFen', align: 'right', render: (v: number | null) => yuan(v) },
    { title: t('feesPayments.recon.place'), dataIndex: 'placeName' },
    { title: t('feesPayments.recon.runAt'), dataIndex: 'runAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { key: 'act', render: (_, d) => (d.status === 'resolved' ? d.note : <Button size="small" onClick={() => setResolving(d)}>{t('feesPayments.recon.resolve')}</Button>) },
  ];
  return (
    <>
      <PageHeader title={t('feesPayments.recon.title')} />
      {streetGrant && (
        <Card style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="inline"
            initialValues={{ day: todayInShanghai() }}
            onFinish={async (v) => {
              try {
                const r = await reconcile.mutateAsync({ streetId: v.streetId, day: v.day, ...(csv !== undefined ? { csv } : {}) });
                void message.success(t('feesPayments.recon.ran', { rows: r.statementRows, book: r.bookRows, diffs: r.diffs.length }));
              } catch (err) {
                void message.error((err as Error).message);
              }
            }}
          >
            <Form.Item name="streetId" label={t('feesPayments.recon.street')} rules={[{ required: true, message: t('validation.pickOne') }]}>
              <PlaceTreeSelect kinds={STREET_ONLY} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="day" label={t('feesPayments.recon.day')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item>
              <Upload
                accept=".csv,text/csv"
                maxCount={1}
                beforeUpload={(file) => {
                  void file.text().then(setCsv);
                  return false;
                }}
                onRemove={() => setCsv(undefined)}
              >
                <Button>{t('feesPayments.recon.upload')}</Button>
              </Upload>
            </Form.Item>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={reconcile.isPending}>
                  {csv === undefined ? t('feesPayments.recon.fetch') : t('feesPayments.recon.compare')}
                </Button>
              </Space>
            </Form.Item>
          </Form>
        </Card>
      )}
      <ListCard
        list={list}
        search={{ label: t('feesPayments.recon.search') }}
        selects={[{ field: 'status', label: t('feesPayments.field.status'), options: optionsOf(['open', 'resolved'] as const, (s) => t(`feesPayments.recon.status.${s}`)) }]}
        query={diffs}
        columns={columns}
        empty={{ none: t('feesPayments.recon.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      <FormModal<{ note: string }> title={t('feesPayments.recon.resolve')} open={!!resolving} onClose={() => setResolving(null)} submit={(v) => resolve.mutateAsync({ id: resolving!.id, note: v.note })}>
        <Form.Item name="note" label={t('feesPayments.field.note')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
