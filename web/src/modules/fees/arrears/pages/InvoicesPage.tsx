import { Alert, Button, Form, Input, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVOICE_STATUSES } from '#server/modules/fees/contract.ts';
import { formatDate, formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type InvoiceRow, useInvoices, useIssueInvoice, useRejectInvoice, yuan } from '../api.ts';

const FILTERS = ['q', 'status'] as const;
const COLOR = { requested: 'orange', issued: 'green', rejected: 'default' } as const;

/** 发票申请: the payers' requests, worked by recording the invoice issued in the tax system, or a rejection. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const invoices = useInvoices({ ...list.query, placeId: scope?.id });
  const [issuing, setIssuing] = useState<InvoiceRow | null>(null);
  const [rejecting, setRejecting] = useState<InvoiceRow | null>(null);
  const issue = useIssueInvoice();
  const reject = useRejectInvoice();

  const columns: TableColumnsType<InvoiceRow> = [
    { title: t('feesArrears.receipt.no'), dataIndex: 'receiptNo', sorter: true },
    { title: t('feesArrears.receipt.room'), key: 'room', render: (_, r) => `${r.compoundName} ${r.roomLabel}` },
    { title: t('feesArrears.receipt.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesArrears.invoice.title'), dataIndex: 'title' },
    { title: t('feesArrears.invoice.taxNo'), dataIndex: 'taxNo', render: (v: string | null) => v ?? '—' },
    { title: t('feesArrears.invoice.email'), dataIndex: 'email' },
    { title: t('feesArrears.invoice.requestedAt'), dataIndex: 'requestedAt', sorter: true, render: (v: string) => formatDateTime(v) },
    {
      title: t('feesArrears.invoice.status'),
      dataIndex: 'status',
      sorter: true,
      render: (v: InvoiceRow['status'], r) => (
        <>
          <Tag color={COLOR[v]}>{t(`feesArrears.invoiceStatus.${v}`)}</Tag>
          {r.invoiceNo && `${r.invoiceNo} · ${formatDate(r.invoiceDate)}`}
          {r.rejectReason}
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.status === 'requested' && (
          <Space size={4}>
            <Button size="small" type="primary" onClick={() => setIssuing(r)}>
              {t('feesArrears.invoice.issue')}
            </Button>
            <Button size="small" onClick={() => setRejecting(r)}>
              {t('feesArrears.invoice.reject')}
            </Button>
          </Space>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={t('feesArrears.invoices.title')} tags={<ScopeNote />} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('feesArrears.invoice.outOfReach')} />
      <ListCard
        list={list}
        search={{ label: t('feesArrears.invoices.search') }}
        selects={[{ field: 'status', label: t('feesArrears.invoice.status'), options: optionsOf(INVOICE_STATUSES, (s) => t(`feesArrears.invoiceStatus.${s}`)) }]}
        query={invoices}
        columns={columns}
        empty={{ none: t('feesArrears.invoices.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      <FormModal<{ invoiceNo: string; invoiceDate: string }>
        title={t('feesArrears.invoice.issue')}
        open={!!issuing}
        onClose={() => setIssuing(null)}
        initialValues={{ invoiceDate: todayInShanghai() }}
        submit={(v) => issue.mutateAsync({ id: issuing!.id, ...v })}
      >
        <Form.Item name="invoiceNo" label={t('feesArrears.invoice.invoiceNo')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="invoiceDate" label={t('feesArrears.invoice.invoiceDate')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
      <FormModal<{ reason: string }> title={t('feesArrears.invoice.reject')} open={!!rejecting} onClose={() => setRejecting(null)} submit={(v) => reject.mutateAsync({ id: rejecting!.id, reason: v.reason })}>
        <Form.Item name="reason" label={t('feesArrears.invoice.rejectReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea maxLength={200} rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
