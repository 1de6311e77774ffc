import { Card, Input, Segmented, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../../../shared/format.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type CollectionRates, download, useCollection, yuan } from '../api.ts';
import { EChart } from '../../../../shared/EChart.tsx';

type Row = CollectionRates['compounds'][number];

/** Basis points, rounded half up in integers, as the xlsx shows them. */
const rateBp = (num: number, den: number) => (den === 0 ? null : Math.floor((num * 10000 * 2 + den) / (2 * den)));
const pct = (num: number, den: number) => {
  const bp = rateBp(num, den);
  return bp === null ? '—' : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
};
const monthsBack = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/** 收缴率: per compound and per property company, month by month, with a bar chart and xlsx. */
export function CollectionPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const thisMonth = todayInShanghai().slice(0, 7);
  const [from, setFrom] = useState(monthsBack(thisMonth, 5));
  const [to, setTo] = useState(thisMonth);
  const [by, setBy] = useState<'compounds' | 'companies'>('compounds');
  const q = { placeId: scope?.id, from, to };
  const rates = useCollection(q);
  const columns: TableColumnsType<Row> = [
    { title: by === 'compounds' ? t('feesArrears.arrears.compound') : t('feesArrears.collection.company'), dataIndex: 'name' },
    { title: t('feesArrears.collection.month'), dataIndex: 'month' },
    { title: t('feesArrears.collection.paid'), dataIndex: 'paidFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesArrears.collection.billed'), dataIndex: 'billedFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesArrears.collection.rate'), key: 'rate', align: 'right', render: (_, r) => pct(r.paidFen, r.billedFen) },
    { title: t('feesArrears.collection.paidAll'), dataIndex: 'paidAllFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesArrears.collection.owedAll'), dataIndex: 'owedAllFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesArrears.collection.rateAll'), key: 'rateAll', align: 'right', render: (_, r) => pct(r.paidAllFen, r.owedAllFen) },
  ];
  return (
    <>
      <PageHeader
        title={t('feesArrears.collection.title')}
        tags={<ScopeNote />}
        extra={<ExportButton total={rates.data ? rates.data.compounds.length : 0} i18nPrefix="feesArrears.collection" run={() => download('/api/fees/collection/export.xlsx', q, `${t('feesArrears.collection.title')}.xlsx`)} />}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input type="month" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} aria-label={t('feesArrears.collection.from')} />
        <Input type="month" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} aria-label={t('feesArrears.collection.to')} />
        <Segmented value={by} onChange={(v) => setBy(v as typeof by)} options={[{ value: 'compounds', label: t('feesArrears.collection.byCompound') }, { value: 'companies', label: t('feesArrears.collection.byCompany') }]} />
      </Space>
      <QueryView query={rates}>
        {(r) => {
          const rows = r[by];
          const names = [...new Set(rows.map((x) => x.name))];
          return (
            <>
              <Card style={{ marginBottom: 16 }}>
                <EChart
                  label={t('feesArrears.collection.title')}
                  option={{
                    tooltip: { trigger: 'axis' },
                    xAxis: { type: 'category', data: r.months },
                    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                    series: names.map((name) => ({
                      name,
                      type: 'bar',
                      data: r.months.map((m) => {
                        const x = rows.find((y) => y.name === name && y.month === m);
                        const bp = x ? rateBp(x.paidFen, x.billedFen) : null;
                        return bp === null ? 0 : bp / 100;
                      }),
                    })),
                  }}
                />
                <p style={{ color: '#888', marginBottom: 0 }}>{t('feesArrears.collection.rule')}</p>
              </Card>
              <Card>
                <Table rowKey={(x) => `${x.id}|${x.month}`} size="small" columns={columns} dataSource={rows} pagination={{ pageSize: 24 }} />
              </Card>
            </>
          );
        }}
      </QueryView>
    </>
  );
}
