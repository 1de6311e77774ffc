import { Alert, Card, Col, Input, Row, Space, Statistic, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RATING_DIMENSIONS } from '#server/modules/fees/contract.ts';
import { EChart } from '../../../../shared/EChart.tsx';
import { formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, type RatingRow, type RatingSummary, useRatings, useRatingSummary } from '../api.ts';

const FILTERS = ['q', 'placeId'] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
type CompoundRow = RatingSummary['compounds'][number];

const monthsBack = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
/** A share in percent with two decimals, rounded half up in integers. */
const percent = (num: number, den: number) => {
  if (den === 0) return '—';
  const bp = Math.floor((num * 20000 + den) / (2 * den));
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
};

/** 业主评价: the owners' ratings at my scope — averages per dimension (cards and a bar chart), per compound, and the list with comments. */
export function RatingsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const thisMonth = todayInShanghai().slice(0, 7);
  // A link may name the place and months (the assessment's breakdown does); else the chosen scope, the last six months.
  const [params] = useSearchParams();
  const month = (key: string) => (MONTH.test(params.get(key) ?? '') ? params.get(key)! : null);
  const [from, setFrom] = useState(month('from') ?? monthsBack(thisMonth, 5));
  const [to, setTo] = useState(month('to') ?? thisMonth);
  const list = useListParams(FILTERS);
  const range = { placeId: list.filters.placeId ?? scope?.id, from, to };
  const query = { ...list.query, ...range };
  const summary = useRatingSummary(range);
  const ratings = useRatings(query);
  const dimension = (d: string) => t(`feesRatings.dimension.${d}`);

  const columns: TableColumnsType<RatingRow> = [
    { title: t('feesRatings.col.period'), dataIndex: 'period', sorter: true },
    { title: t('feesRatings.col.compound'), dataIndex: 'compoundName' },
    { title: t('feesRatings.col.owner'), dataIndex: 'owner', render: (v: string, r) => (r.roomsLabel ? `${v}（${r.roomsLabel}）` : v) },
    ...RATING_DIMENSIONS.map((d) => ({ title: dimension(d), dataIndex: d, align: 'right' as const })),
    { title: t('feesRatings.col.total'), dataIndex: 'total', sorter: true, align: 'right' },
    { title: t('feesRatings.col.comment'), dataIndex: 'comment', ellipsis: true },
    { title: t('feesRatings.col.ratedAt'), dataIndex: 'ratedAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];
  const compoundColumns: TableColumnsType<CompoundRow> = [
    { title: t('feesRatings.col.compound'), dataIndex: 'compoundName' },
    { title: t('feesRatings.col.company'), dataIndex: 'companyName' },
    { title: t('feesRatings.col.count'), dataIndex: 'count', align: 'right' },
    { title: t('feesRatings.col.raters'), key: 'raters', align: 'right', render: (_, r) => `${r.raters} / ${r.owners}` },
    ...RATING_DIMENSIONS.map((d) => ({ title: dimension(d), key: d, align: 'right' as const, render: (_: unknown, r: CompoundRow) => r.dimensions.find((x) => x.key === d)?.average ?? '—' })),
  ];

  return (
    <>
      <PageHeader
        title={t('feesRatings.page.title')}
        tags={<ScopeNote />}
        extra={<ExportButton total={ratings.data?.total ?? 0} limit={20000} i18nPrefix="feesRatings.page" run={() => download('/api/fees/ratings/export.xlsx', query, `${t('feesRatings.page.title')}.xlsx`)} />}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input type="month" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} aria-label={t('feesRatings.page.from')} />
        <Input type="month" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} aria-label={t('feesRatings.page.to')} />
      </Space>
      <QueryView query={summary}>
        {(s) => (
          <>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={12} md={4}>
                <Card>
                  <Statistic title={t('feesRatings.page.count')} value={s.count} />
                </Card>
              </Col>
              <Col xs={12} md={5}>
                <Card>
                  <Statistic title={t('feesRatings.page.share')} value={percent(s.raters, s.owners)} />
                  <div style={{ color: '#888' }}>{t('feesRatings.page.shareHelp', { raters: s.raters, owners: s.owners })}</div>
                </Card>
              </Col>
              {s.dimensions.map((d) => (
                <Col key={d.key} xs={12} md={3}>
                  <Card>
                    <Statistic title={dimension(d.key)} value={d.average} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Card style={{ marginBottom: 16 }} title={t('feesRatings.page.chart')}>
              <EChart
                label={t('feesRatings.page.chart')}
                option={{
                  tooltip: { trigger: 'axis' },
                  xAxis: { type: 'category', data: s.dimensions.map((d) => dimension(d.key)) },
                  yAxis: { type: 'value', min: 0, max: 5 },
                  series: [{ name: t('feesRatings.page.average'), type: 'bar', data: s.dimensions.map((d) => (d.count ? Number(d.average) : 0)) }],
                }}
              />
              <p style={{ color: '#888', marginBottom: 0 }}>{t('feesRatings.page.rule')}</p>
            </Card>
            {s.compounds.length > 1 && (
              <Card style={{ marginBottom: 16 }} title={t('feesRatings.page.byCompound')}>
                <Table rowKey={(r) => `${r.compoundId}|${r.companyId}`} size="small" columns={compoundColumns} dataSource={s.compounds} pagination={false} />
              </Card>
            )}
          </>
        )}
      </QueryView>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('feesRatings.page.masked')} />
      <ListCard
        list={list}
        search={{ label: t('feesRatings.page.search') }}
        query={ratings}
        columns={columns}
        empty={{ none: t('feesRatings.page.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
    </>
  );
}
