import { App, Button, Card, Descriptions, Form, Input, Space, Table, type TableColumnsType, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Bill, useBill, useRequestAdjustment, yuan } from '../api.ts';
import { BillStatusTag } from './BillsPage.tsx';

type Line = Bill['lines'][number];
type Adjustment = Bill['adjustments'][number];
type Allocation = Bill['allocations'][number];

/** 账单详情: the lines with their formulas (never changed), the adjustments beside them, payments, the history; a request for an adjustment or a write-off. */
export function BillDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const bill = useBill(id);
  const request = useRequestAdjustment(id);
  const [asking, setAsking] = useState<'adjust' | 'write_off' | null>(null);

  const lineColumns: TableColumnsType<Line> = [
    { title: t('feesBills.detail.item'), dataIndex: 'label' },
    { title: t('feesBills.detail.formula'), dataIndex: 'formula' },
    { title: t('feesBills.bills.amount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
  ];
  const adjustmentColumns: TableColumnsType<Adjustment> = [
    { title: t('feesBills.detail.kind.adjust'), dataIndex: 'kind', render: (k: Adjustment['kind']) => t(`feesBills.detail.kind.${k}`) },
    { title: t('feesBills.detail.delta'), dataIndex: 'deltaFen', align: 'right', render: (f: number, a) => (a.kind === 'write_off' && a.status === 'pending' ? '—' : yuan(f)) },
    { title: t('feesBills.detail.reason'), dataIndex: 'reason' },
    { title: t('feesBills.bills.status'), dataIndex: 'status', render: (s: Adjustment['status']) => <Tag color={s === 'approved' ? 'green' : s === 'pending' ? 'gold' : 'red'}>{t(`feesBills.priceStatus.${s}`)}</Tag> },
    { title: t('feesBills.price.requestedBy'), key: 'r', render: (_, a) => `${a.requestedBy ?? ''} ${formatDateTime(a.requestedAt)}` },
    { title: t('feesBills.price.decidedBy'), key: 'd', render: (_, a) => (a.decidedAt ? `${a.decidedBy ?? ''} ${formatDateTime(a.decidedAt)}` : '—') },
  ];
  const allocationColumns: TableColumnsType<Allocation> = [
    { title: t('feesBills.detail.paymentNo'), dataIndex: 'paymentNo' },
    { title: t('feesBills.bills.amount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
    { title: t('feesBills.detail.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
  ];

  return (
    <QueryView query={bill}>
      {(b) => (
        <>
          <PageHeader
            breadcrumb={<Link to="/fees/bills">{t('feesBills.bills.title')}</Link>}
            title={`${b.roomLabel} · ${b.periodLabel}`}
            tags={<BillStatusTag status={b.status} />}
            extra={
              b.can.adjust &&
              b.status !== 'written_off' && (
                <Space>
                  <Button onClick={() => setAsking('adjust')}>{t('feesBills.detail.requestAdjust')}</Button>
                  {b.status === 'open' && (
                    <Button danger onClick={() => setAsking('write_off')}>
                      {t('feesBills.detail.requestWriteOff')}
                    </Button>
                  )}
                </Space>
              )
            }
          />
          <Card style={{ marginBottom: 16 }}>
            <Descriptions
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'days', label: t('feesBills.bills.days'), children: `${b.periodStart} – ${b.periodEnd}` },
                { key: 'payer', label: t('feesBills.bills.payer'), children: t(`feesBills.payer.${b.payerKind}`) },
                { key: 'dueOn', label: t('feesBills.bills.dueOn'), children: b.dueOn },
                { key: 'amount', label: t('feesBills.bills.amount'), children: yuan(b.amountFen) },
                { key: 'adjusted', label: t('feesBills.bills.adjusted'), children: yuan(b.adjustedFen) },
                { key: 'paid', label: t('feesBills.bills.paid'), children: yuan(b.paidFen) },
                { key: 'due', label: t('feesBills.bills.due'), children: yuan(b.dueFen) },
              ]}
            />
          </Card>
          <Card title={t('feesBills.detail.lines')} style={{ marginBottom: 16 }}>
            <Table rowKey="lineNo" columns={lineColumns} dataSource={b.lines} pagination={false} />
          </Card>
          <Card title={t('feesBills.detail.adjustments')} style={{ marginBottom: 16 }}>
            <Table rowKey="id" columns={adjustmentColumns} dataSource={b.adjustments} pagination={false} locale={{ emptyText: t('feesBills.detail.noAdjustments') }} />
          </Card>
          <Card title={t('feesBills.detail.payments')} style={{ marginBottom: 16 }}>
            <Table rowKey="id" columns={allocationColumns} dataSource={b.allocations} pagination={false} locale={{ emptyText: t('feesBills.detail.noPayments') }} />
          </Card>
          <Card title={t('feesBills.detail.timeline')}>
            <Timeline items={b.timeline.map((e) => ({ key: e.id, children: `${formatDateTime(e.at)} · ${t(`auditAction.${e.action.replaceAll('.', '_')}`)} · ${e.actorName}` }))} />
          </Card>
          <FormModal<{ deltaYuan?: string; reason: string }>
            title={asking === 'write_off' ? t('feesBills.detail.requestWriteOff') : t('feesBills.detail.requestAdjust')}
            open={!!asking}
            onClose={() => setAsking(null)}
            okText={t('common.submit')}
            submit={async (v) => {
              if (asking === 'write_off') {
                const ok = await modal.confirm({ title: t('feesBills.detail.requestWriteOff'), content: t('feesBills.detail.writeOffConfirm', { due: yuan(b.dueFen) }) });
                if (!ok) throw new Error(t('feesBills.notSubmitted'));
                await request.mutateAsync({ kind: 'write_off', reason: v.reason });
              } else {
                await request.mutateAsync({ kind: 'adjust', deltaYuan: v.deltaYuan!, reason: v.reason });
              }
              void message.success(t('feesBills.detail.requested'));
            }}
          >
            {asking === 'adjust' && (
              <Form.Item name="deltaYuan" label={t('feesBills.detail.delta')} extra={t('feesBills.detail.deltaHint')} rules={[{ required: true, pattern: /^-?\d{1,7}(\.\d{1,2})?$/, message: t('feesBills.detail.deltaHint') }]}>
                <Input inputMode="decimal" />
              </Form.Item>
            )}
            <Form.Item name="reason" label={t('feesBills.detail.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 500 }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </FormModal>
        </>
      )}
    </QueryView>
  );
}
