import { App, Button, Descriptions, Drawer, Form, Input, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { downloadXlsx, fenOf, type PaymentRow, usePayment, usePayments, useRefund, yuan } from '../api.ts';

const FILTERS = ['q', 'channel', 'from', 'to'] as const;
const CHANNELS = ['gateway', 'cash', 'pos'] as const;

/** 缴费记录: payments at my compounds — search, filter, sort, page, xlsx; a payment's bills and refunds in a drawer. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const { scope } = useScope();
  const query = { ...list.query, placeId: scope?.id };
  const payments = usePayments(query);
  const [open, setOpen] = useState<string | null>(null);
  const columns: TableColumnsType<PaymentRow> = [
    { title: t('feesPayments.field.no'), dataIndex: 'no', sorter: true, render: (v: string, p) => <Button type="link" size="small" onClick={() => setOpen(p.id)}>{v}</Button> },
    { title: t('feesPayments.field.receipt'), dataIndex: 'receiptNo' },
    { title: t('feesPayments.field.room'), key: 'room', render: (_, p) => `${p.compound} ${p.roomLabel ?? ''}` },
    { title: t('feesPayments.field.period'), dataIndex: 'periods', ellipsis: true },
    { title: t('feesPayments.field.channel'), dataIndex: 'channel', render: (v: string) => <Tag>{t(`feesPayments.channel.${v}`)}</Tag> },
    { title: t('feesPayments.field.amount'), dataIndex: 'amount', sorter: true, align: 'right', render: (_, p) => yuan(p.amountFen) },
    { title: t('feesPayments.field.refunded'), dataIndex: 'refunded', sorter: true, align: 'right', render: (_, p) => (p.refundedFen ? yuan(p.refundedFen) : '') },
    { title: t('feesPayments.field.payer'), dataIndex: 'payerName' },
    { title: t('feesPayments.field.bookedAt'), dataIndex: 'bookedAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <>
      <PageHeader
        title={t('feesPayments.payments.title')}
        tags={<ScopeNote />}
        extra={<ExportButton total={payments.data?.total ?? 0} limit={50_000} i18nPrefix="feesPayments.payments" run={() => downloadXlsx('/api/fees/payments/export.xlsx', { ...query, page: undefined, pageSize: undefined }, '缴费记录.xlsx')} />}
      />
      <ListCard
        list={list}
        search={{ label: t('feesPayments.payments.search') }}
        selects={[{ field: 'channel', label: t('feesPayments.field.channel'), options: optionsOf(CHANNELS, (c) => t(`feesPayments.channel.${c}`)) }]}
        query={payments}
        columns={columns}
        empty={{ none: t('feesPayments.payments.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      >
        <Space>
          <Input type="date" aria-label={t('feesPayments.payments.from')} value={list.filters.from ?? ''} onChange={(e) => list.setFilters({ from: e.target.value || undefined })} />
          <Input type="date" aria-label={t('feesPayments.payments.to')} value={list.filters.to ?? ''} onChange={(e) => list.setFilters({ to: e.target.value || undefined })} />
        </Space>
      </ListCard>
      <PaymentDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

function PaymentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const p = usePayment(id);
  const refund = useRefund(id ?? '');
  const [refunding, setRefunding] = useState(false);
  const d = p.data;
  return (
    <Drawer open={!!id} onClose={onClose} width={720} title={d ? `${t('feesPayments.payments.detail')} ${d.no}` : t('feesPayments.payments.detail')}>
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('feesPayments.field.amount')}>{yuan(d.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('feesPayments.field.refunded')}>{yuan(d.refundedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('feesPayments.field.channel')}>{t(`feesPayments.channel.${d.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('feesPayments.field.voucher')}>{d.voucherNo ?? d.providerTxnId}</Descriptions.Item>
            <Descriptions.Item label={t('feesPayments.field.receipt')}>{d.receiptNo}</Descriptions.Item>
            <Descriptions.Item label={t('feesPayments.field.bookedAt')}>{formatDateTime(d.bookedAt)}</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.allocations}
            columns={[
              { title: t('feesPayments.field.room'), dataIndex: 'roomLabel' },
              { title: t('feesPayments.field.period'), dataIndex: 'periodLabel' },
              { title: t('feesPayments.field.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
              { title: t('feesPayments.field.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
            ]}
          />
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            title={() => t('feesPayments.refund.list')}
            dataSource={d.refunds}
            locale={{ emptyText: t('feesPayments.refund.none') }}
            columns={[
              { title: t('feesPayments.field.no'), dataIndex: 'no' },
              { title: t('feesPayments.field.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
              { title: t('feesPayments.refund.reason'), dataIndex: 'reason' },
              { title: t('feesPayments.field.at'), dataIndex: 'refundedAt', render: (v: string) => formatDateTime(v) },
              { title: t('feesPayments.refund.confirmed'), dataIndex: 'confirmedAt', render: (v: string | null, r) => (r.voucherNo ? r.voucherNo : v ? formatDateTime(v) : t('feesPayments.refund.waiting')) },
            ]}
          />
          {d.canRefund && (
            <Button danger onClick={() => setRefunding(true)}>
              {t('feesPayments.refund.action')}
            </Button>
          )}
          <FormModal<{ amount: string; reason: string; voucherNo?: string }>
            title={t('feesPayments.refund.action')}
            open={refunding}
            onClose={() => setRefunding(false)}
            initialValues={{ amount: yuan(d.amountFen - d.refundedFen) }}
            submit={async (v) => {
              const amountFen = fenOf(v.amount);
              if (!amountFen) throw new Error(t('feesPayments.refund.badAmount'));
              await refund.mutateAsync({ amountFen, reason: v.reason, ...(v.voucherNo ? { voucherNo: v.voucherNo } : {}) });
              void message.success(t('feesPayments.refund.done'));
            }}
          >
            <Form.Item name="amount" label={t('feesPayments.refund.amount')} extra={t('feesPayments.refund.rule')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item name="reason" label={t('feesPayments.refund.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
            {d.channel !== 'gateway' && (
              <Form.Item name="voucherNo" label={t('feesPayments.refund.voucher')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                <Input maxLength={64} />
              </Form.Item>
            )}
          </FormModal>
        </Space>
      )}
    </Drawer>
  );
}
