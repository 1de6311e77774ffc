import { Card, DatePicker, Flex, Select, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../../shared/EChart.tsx';
import { todayInShanghai } from '../../../../shared/format.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type FigureRow, useFigures, usePoints } from '../api.ts';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 代办统计: cases by service per point for a month — accepted, completed, completed on time, on-time share — as a table and a bar chart. */
export function FiguresPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(todayInShanghai().slice(0, 7));
  const [pointId, setPointId] = useState<string | undefined>();
  const points = usePoints();
  const figures = useFigures({ month, pointId });

  const columns: TableColumnsType<FigureRow> = [
    { title: t('gridAgency.col.point'), dataIndex: 'pointName' },
    { title: t('gridAgency.col.service'), dataIndex: 'serviceName' },
    { title: t('gridAgency.figures.accepted'), dataIndex: 'accepted', align: 'right' },
    { title: t('gridAgency.figures.completed'), dataIndex: 'completed', align: 'right' },
    { title: t('gridAgency.figures.onTime'), dataIndex: 'onTime', align: 'right' },
    { title: t('gridAgency.figures.share'), dataIndex: 'onTimeShare', align: 'right', render: (v: number | null) => pct(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('gridAgency.figures.title')}
        extra={
          <Flex gap={12} wrap>
            <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} aria-label={t('gridAgency.figures.month')} />
            <Select allowClear placeholder={t('gridAgency.col.point')} style={{ width: 220 }} value={pointId} onChange={setPointId} options={(points.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Flex>
        }
      />
      <QueryView query={figures}>
        {(f) => (
          <>
            <Card style={{ marginBottom: 16 }}>
              <Flex gap={48} wrap>
                <Statistic title={t('gridAgency.figures.accepted')} value={f.total.accepted} />
                <Statistic title={t('gridAgency.figures.completed')} value={f.total.completed} />
                <Statistic title={t('gridAgency.figures.onTime')} value={f.total.onTime} />
                <Statistic title={t('gridAgency.figures.share')} value={pct(f.total.onTimeShare)} />
              </Flex>
            </Card>
            <Card title={t('gridAgency.figures.chart')} style={{ marginBottom: 16 }}>
              {f.rows.length ? <Chart rows={f.rows} /> : <Typography.Text type="secondary">{t('gridAgency.figures.none')}</Typography.Text>}
            </Card>
            <Card>
              <Table rowKey={(r) => `${r.pointId}|${r.serviceName}`} size="small" columns={columns} dataSource={f.rows} pagination={false} locale={{ emptyText: t('gridAgency.figures.none') }} />
            </Card>
          </>
        )}
      </QueryView>
    </>
  );
}

/** Accepted and completed per service (summed over the points shown). */
function Chart({ rows }: { rows: FigureRow[] }) {
  const { t } = useTranslation();
  const option = useMemo((): EChartsOption => {
    const by = new Map<string, { accepted: number; completed: number; onTime: number }>();
    for (const r of rows) {
      const v = by.get(r.serviceName) ?? { accepted: 0, completed: 0, onTime: 0 };
      v.accepted += r.accepted;
      v.completed += r.completed;
      v.onTime += r.onTime;
      by.set(r.serviceName, v);
    }
    const names = [...by.keys()];
    return {
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 40, right: 16, bottom: 80 },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('gridAgency.figures.accepted'), type: 'bar', data: names.map((n) => by.get(n)!.accepted) },
        { name: t('gridAgency.figures.completed'), type: 'bar', data: names.map((n) => by.get(n)!.completed) },
        { name: t('gridAgency.figures.onTime'), type: 'bar', data: names.map((n) => by.get(n)!.onTime) },
      ],
    };
  }, [rows, t]);
  return <EChart label={t('gridAgency.figures.chart')} option={option} height={320} />;
}
