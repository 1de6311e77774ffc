import { ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BILL_STATUSES, PAYER_KINDS } from '#server/modules/fees/contract.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { SearchInput } from '../../../../workbench/components/SearchInput.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { type BillingSummary, type BillRow, downloadBillsXlsx, useBillingSummary, useBills, useFeeItems, useGenerateBills, yuan } from '../api.ts';
import { CompoundPicker, useCompoundParam } from './CompoundPicker.tsx';

const FILTERS = ['q', 'status', 'payerKind', 'period'] as const;
const CYCLES = ['month', 'quarter', 'year'] as const;

export function BillStatusTag({ status }: { status: BillRow['status'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'open' ? 'gold' : status === 'paid' ? 'green' : 'default'}>{t(`feesBills.status.${status}`)}</Tag>;
}

/** 账单: the bills of my places (or of one compound), filtered, searched, sorted, exported; 生成账单 for a compound with a confirmation of what will be billed. */
export function BillsPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const compound = useCompoundParam();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: compound.compoundId };
  const bills = useBills(query);
  const summary = useBillingSummary(compound.compoundId);
  const items = useFeeItems(compound.compoundId);
  const generate = useGenerateBills();
  const [generating, setGenerating] = useState(false);

  const columns: TableColumnsType<BillRow> = [
    { title: t('feesBills.bills.room'), dataIndex: 'roomLabel', key: 'room', sorter: true, render: (v: string, b) => <Link to={`/fees/bills/${b.id}`}>{v}</Link> },
    { title: t('feesBills.bills.period'), dataIndex: 'periodLabel', key: 'period', sorter: true },
    { title: t('feesBills.bills.days'), key: 'days', render: (_, b) => `${b.periodStart} – ${b.periodEnd}` },
    { title: t('feesBills.bills.payer'), dataIndex: 'payerKind', render: (p: string) => t(`feesBills.payer.${p}`) },
    { title: t('feesBills.bills.amount'), dataIndex: 'amountFen', key: 'amount', sorter: true, align: 'right', render: (f: number) => yuan(f) },
    { title: t('feesBills.bills.adjusted'), dataIndex: 'adjustedFen', align: 'right', render: (f: number) => (f ? yuan(f) : '—') },
    { title: t('feesBills.bills.paid'), dataIndex: 'paidFen', align: 'right', render: (f: number) => yuan(f) },
    { title: t('feesBills.bills.due'), key: 'dueFen', align: 'right', render: (_, b) => (b.status === 'open' ? yuan(b.dueFen) : '—') },
    { title: t('feesBills.bills.dueOn'), dataIndex: 'dueOn', key: 'due', sorter: true },
    { title: t('feesBills.bills.status'), dataIndex: 'status', key: 'status', sorter: true, render: (s: BillRow['status']) => <BillStatusTag status={s} /> },
  ];
  const summaryColumns: TableColumnsType<BillingSummary['periods'][number]> = [
    { title: t('feesBills.bills.period'), dataIndex: 'periodLabel' },
    { title: t('feesBills.bills.bills'), dataIndex: 'bills', align: 'right' },
    { title: t('feesBills.bills.developerBills'), dataIndex: 'developerBills', align: 'right' },
    { title: t('feesBills.bills.openBills'), dataIndex: 'openBills', align: 'right' },
    { title: t('feesBills.bills.amount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
    { title: t('feesBills.bills.paid'), dataIndex: 'paidFen', align: 'right', render: (f: number) => yuan(f) },
    { title: t('feesBills.bills.due'), dataIndex: 'dueFen', align: 'right', render: (f: number) => yuan(f) },
  ];

  const canBill = !!items.data?.can.bill;
  return (
    <>
      <PageHeader
        title={t('feesBills.bills.title')}
        extra={
          <Space wrap>
            <CompoundPicker value={compound} />
            {canBill && (
              <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => setGenerating(true)}>
                {t('feesBills.bills.generate')}
              </Button>
            )}
            <ExportButton total={bills.data?.total ?? 0} limit={100_000} i18nPrefix="feesBills.bills" run={() => downloadBillsXlsx({ ...query, page: undefined, pageSize: undefined }, '账单.xlsx').then(() => bills.data?.total ?? 0)} />
          </Space>
        }
      />
      {summary.data && summary.data.periods.length > 0 && (
        <Card title={`${summary.data.compoundName} · ${t('feesBills.bills.summary')}`} style={{ marginBottom: 16 }} size="small">
          <Table rowKey="periodLabel" size="small" columns={summaryColumns} dataSource={summary.data.periods} pagination={false} />
        </Card>
      )}
      <ListCard
        list={list}
        search={{ label: t('feesBills.bills.search') }}
        selects={[
          { field: 'status', label: t('feesBills.bills.status'), options: optionsOf(BILL_STATUSES, (s) => t(`feesBills.status.${s}`)) },
          { field: 'payerKind', label: t('feesBills.bills.payer'), options: optionsOf(PAYER_KINDS, (s) => t(`feesBills.payer.${s}`)) },
        ]}
        query={bills}
        columns={columns}
        empty={{ none: t('feesBills.h5.noBills'), noMatch: t('common.noMatchFor', { q: list.filters.q ?? '' }) }}
      >
        <SearchInput list={list} field="period" label={t('feesBills.bills.periodPlaceholder')} width={200} />
      </ListCard>
      <FormModal<{ cycle: (typeof CYCLES)[number]; periodLabel: string }>
        title={t('feesBills.generate.title')}
        open={generating}
        onClose={() => setGenerating(false)}
        okText={t('feesBills.bills.generate')}
        initialValues={{ cycle: 'month', periodLabel: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7) }}
        submit={async (v) => {
          const billed = (items.data?.items ?? []).filter((i) => i.active && i.cycle === v.cycle && (i.currentPrice || i.nextPrice));
          const ok = await modal.confirm({
            title: t('feesBills.generate.confirmTitle'),
            content: billed.length
              ? t('feesBills.generate.confirm', { compound: items.data?.compoundName ?? '', period: v.periodLabel, items: billed.map((i) => `${i.name} ${i.currentPrice ? yuan(i.currentPrice.unitFen) : ''}`).join('、') })
              : t('feesBills.generate.noItems'),
          });
          if (!ok) throw new Error(t('feesBills.notSubmitted'));
          const r = await generate.mutateAsync({ compoundId: compound.compoundId!, cycle: v.cycle, periodLabel: v.periodLabel });
          void message.success(t('feesBills.generate.done', { created: r.created, existing: r.existing, amount: yuan(r.amountFen) }));
        }}
      >
        <Descriptions size="small" column={1} items={[{ key: 'c', label: t('feesBills.compound'), children: items.data?.compoundName }]} style={{ marginBottom: 12 }} />
        <Form.Item name="cycle" label={t('feesBills.generate.cycle')} rules={[{ required: true }]}>
          <Select options={CYCLES.map((c) => ({ value: c, label: t(`feesBills.cycle.${c}`) }))} />
        </Form.Item>
        <Form.Item name="periodLabel" label={t('feesBills.generate.period')} extra={t('feesBills.generate.periodHint')} rules={[{ required: true, pattern: /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, message: t('feesBills.generate.periodHint') }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
