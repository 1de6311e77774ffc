import { Button, Form, Input, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECEIPT_STATUSES } from '#server/modules/fees/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { PublicPageButton } from '../../../../workbench/components/PublicPageButton.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, type ReceiptRow, useReceipts, useRequestInvoice, useVoidReceipt, yuan } from '../api.ts';

const FILTERS = ['q', 'status'] as const;

/** 收据: the receipts of my compounds — search by number, PDF, the public check, 作废申请 and 发票 requests. */
export function ReceiptsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const receipts = useReceipts(query);
  const [voiding, setVoiding] = useState<ReceiptRow | null>(null);
  const [invoicing, setInvoicing] = useState<ReceiptRow | null>(null);
  const voidReceipt = useVoidReceipt();
  const invoice = useRequestInvoice(false);

  const columns: TableColumnsType<ReceiptRow> = [
    { title: t('feesArrears.receipt.no'), dataIndex: 'no', sorter: true },
    { title: t('feesArrears.receipt.issuedAt'), dataIndex: 'issuedAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('feesArrears.receipt.room'), key: 'room', render: (_, r) => `${r.compoundName} ${r.roomLabel}` },
    { title: t('feesArrears.receipt.periods'), dataIndex: 'periods' },
    { title: t('feesArrears.receipt.amount'), dataIndex: 'amountFen', key: 'amount', sorter: true, align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesArrears.receipt.payer'), dataIndex: 'payerNameMasked', render: (v: string | null) => v ?? '—' },
    {
      title: t('feesArrears.receipt.status'),
      dataIndex: 'status',
      sorter: true,
      render: (v: 'valid' | 'voided', r) => (
        <>
          <Tag color={v === 'valid' ? 'green' : 'red'}>{t(`feesArrears.receiptStatus.${v}`)}</Tag>
          {r.voidPending && <Tag color="orange">{t('feesArrears.receipt.voidPending')}</Tag>}
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space size={4} wrap>
          <Button size="small" href={`/api/fees/receipts/${r.id}/receipt.pdf`} target="_blank">
            PDF
          </Button>
          <PublicPageButton pageKey="fees.receipt" id={r.id} />
          <Button size="small" disabled={r.status !== 'valid'} onClick={() => setInvoicing(r)}>
            {t('feesArrears.invoice.record')}
          </Button>
          <Button size="small" danger disabled={r.status !== 'valid' || r.voidPending} onClick={() => setVoiding(r)}>
            {t('feesArrears.receipt.void')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('feesArrears.receipts.title')}
        tags={<ScopeNote />}
        extra={<ExportButton total={receipts.data?.total ?? 0} limit={20000} i18nPrefix="feesArrears.receipts" run={() => download('/api/fees/receipts/export.xlsx', query, `${t('feesArrears.receipts.title')}.xlsx`)} />}
      />
      <ListCard
        list={list}
        search={{ label: t('feesArrears.receipts.search') }}
        selects={[{ field: 'status', label: t('feesArrears.receipt.status'), options: optionsOf(RECEIPT_STATUSES, (s) => t(`feesArrears.receiptStatus.${s}`)) }]}
        query={receipts}
        columns={columns}
        empty={{ none: t('feesArrears.receipts.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      <FormModal<{ reason: string }>
        title={t('feesArrears.receipt.voidTitle', { no: voiding?.no ?? '' })}
        open={!!voiding}
        onClose={() => setVoiding(null)}
        okText={t('feesArrears.receipt.voidSubmit')}
        submit={(v) => voidReceipt.mutateAsync({ id: voiding!.id, reason: v.reason })}
      >
        <p>{t('feesArrears.receipt.voidHelp')}</p>
        <Form.Item name="reason" label={t('feesArrears.receipt.voidReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('validation.required') }]}>
          <Input.TextArea maxLength={200} showCount rows={3} />
        </Form.Item>
      </FormModal>
      <InvoiceRequestModal receiptNo={invoicing?.no ?? ''} open={!!invoicing} onClose={() => setInvoicing(null)} submit={(v) => invoice.mutateAsync({ ...v, receiptId: invoicing!.id })} />
    </>
  );
}

/** The 发票 request form (staff record one; the resident's H5 has its own). */
export function InvoiceRequestModal({ receiptNo, open, onClose, submit }: { receiptNo: string; open: boolean; onClose: () => void; submit: (v: { title: string; taxNo?: string; email: string }) => Promise<unknown> }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ title: string; taxNo?: string; email: string }>
      title={t('feesArrears.invoice.requestTitle', { no: receiptNo })}
      open={open}
      onClose={onClose}
      submit={(v) => submit({ ...v, taxNo: v.taxNo?.trim() ? v.taxNo.trim() : undefined })}
    >
      <p>{t('feesArrears.invoice.outOfReach')}</p>
      <Form.Item name="title" label={t('feesArrears.invoice.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="taxNo" label={t('feesArrears.invoice.taxNo')} rules={[{ pattern: /^[0-9A-Z]{15,20}$/, message: t('feesArrears.invoice.taxNoHelp') }]}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="email" label={t('feesArrears.invoice.email')} rules={[{ required: true, type: 'email', message: t('feesArrears.invoice.emailHelp') }]}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
