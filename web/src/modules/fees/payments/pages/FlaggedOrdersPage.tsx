import { Button, Form, Input, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { StatusSwitch } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { type FlaggedRow, useFlagged, useResolveFlagged, yuan } from '../api.ts';

const FILTERS = ['q', 'status'] as const;

/** 支付异常: orders the gateway reported with another amount (or for bills that changed), never booked; closed with a note. */
export function FlaggedOrdersPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const orders = useFlagged(list.query);
  const resolve = useResolveFlagged();
  const [closing, setClosing] = useState<FlaggedRow | null>(null);
  const columns: TableColumnsType<FlaggedRow> = [
    { title: t('feesPayments.field.orderNo'), dataIndex: 'no', sorter: true },
    { title: t('feesPayments.field.room'), key: 'room', render: (_, o) => `${o.compound} ${o.roomLabel}` },
    { title: t('feesPayments.field.amount'), dataIndex: 'amount', sorter: true, align: 'right', render: (_, o) => yuan(o.amountFen) },
    { title: t('feesPayments.flagged.diff'), dataIndex: 'diffFen', align: 'right', render: (v: number | null) => yuan(v) },
    { title: t('feesPayments.flagged.why'), dataIndex: 'flagNote', ellipsis: true },
    { title: t('feesPayments.field.txn'), dataIndex: 'providerTxnId' },
    { title: t('feesPayments.field.createdAt'), dataIndex: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
    {
      key: 'act',
      render: (_, o) => (o.resolvedNote ? o.resolvedNote : <Button size="small" onClick={() => setClosing(o)}>{t('feesPayments.flagged.resolve')}</Button>),
    },
  ];
  return (
    <>
      <PageHeader title={t('feesPayments.flagged.title')} tags={<ScopeNote />} />
      <ListCard
        list={list}
        search={{ label: t('feesPayments.flagged.search') }}
        query={orders}
        columns={columns}
        intro={<p>{t('feesPayments.flagged.intro')}</p>}
        empty={{ none: t('feesPayments.flagged.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      >
        <StatusSwitch list={list} field="status" label={t('feesPayments.field.status')} options={[{ value: 'flagged', label: t('feesPayments.flagged.open') }, { value: 'closed', label: t('feesPayments.flagged.closed') }]} />
      </ListCard>
      <FormModal<{ note: string }> title={t('feesPayments.flagged.resolve')} open={!!closing} onClose={() => setClosing(null)} submit={(v) => resolve.mutateAsync({ id: closing!.id, note: v.note })}>
        <Form.Item name="note" label={t('feesPayments.field.note')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
