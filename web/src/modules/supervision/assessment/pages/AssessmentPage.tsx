import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { COLOURS } from '#server/modules/supervision/contract.ts';
import { EChart } from '../../../../shared/EChart.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type AssessmentRow, type CompanyRow, download, type StreetState, useAssessments, useCompute, useOverview, usePublish, useTrend } from '../api.ts';
import { bandsText, CHART_COLOUR, ColourTag, recentQuarters, score, StatusTag } from '../components/labels.tsx';

const FILTERS = ['q', 'colour'] as const;

/** 四色考评: a period's colours — per street its state and actions, the distribution, the companies, their trend and the compounds. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [search, setSearch] = useSearchParams();
  const quarters = useMemo(() => recentQuarters(), []);
  const period = search.get('period') ?? quarters[0]!;
  const setPeriod = (p: string) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      next.set('period', p);
      next.delete('page');
      return next;
    });
  const list = useListParams(FILTERS);
  const base = { placeId: scope?.id, period };
  const query = { ...list.query, ...base };
  const overview = useOverview(base);
  const trend = useTrend(base);
  const rows = useAssessments(query);
  const colourName = (c: string) => t(`supervisionAssessment.colour.${c}`);

  const columns: TableColumnsType<AssessmentRow> = [
    { title: t('supervisionAssessment.col.compound'), dataIndex: 'compoundName', key: 'compound', sorter: true, render: (v: string, r) => <Link to={`/supervision/assessment/${r.period}/${r.compoundId}`}>{v}</Link> },
    { title: t('supervisionAssessment.col.company'), dataIndex: 'companyName', key: 'company', sorter: true },
    { title: t('supervisionAssessment.col.rooms'), dataIndex: 'rooms', key: 'rooms', sorter: true, align: 'right' },
    { title: t('supervisionAssessment.col.score'), dataIndex: 'scoreCenti', key: 'score', sorter: true, align: 'right', render: (v: number | null) => score(v) },
    {
      title: t('supervisionAssessment.col.colour'),
      key: 'colour',
      render: (_, r) => (
        <Space size={4}>
          <ColourTag colour={r.colour} />
          {r.partial && <Tag>{t('supervisionAssessment.partial')}</Tag>}
        </Space>
      ),
    },
    { title: t('supervisionAssessment.col.status'), dataIndex: 'status', key: 'status', render: (v: StreetState['status']) => <StatusTag status={v} /> },
  ];
  const companyColumns: TableColumnsType<CompanyRow> = [
    { title: t('supervisionAssessment.col.company'), dataIndex: 'companyName' },
    { title: t('supervisionAssessment.col.compounds'), dataIndex: 'compounds', align: 'right' },
    { title: t('supervisionAssessment.col.rooms'), dataIndex: 'rooms', align: 'right' },
    { title: t('supervisionAssessment.col.score'), dataIndex: 'scoreCenti', align: 'right', render: (v: number | null) => score(v) },
    { title: t('supervisionAssessment.col.colour'), dataIndex: 'colour', render: (v: CompanyRow['colour']) => <ColourTag colour={v} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('supervisionAssessment.page.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            <Select aria-label={t('supervisionAssessment.page.period')} value={period} onChange={setPeriod} options={quarters.map((q) => ({ value: q, label: q }))} style={{ width: 120 }} />
            <Link to={`/supervision/assessment/evaluations?period=${period}`}>
              <Button>{t('supervisionAssessment.page.evaluations')}</Button>
            </Link>
            <Link to="/supervision/assessment/settings">
              <Button>{t('supervisionAssessment.page.settings')}</Button>
            </Link>
            <ExportButton
              total={rows.data?.total ?? 0}
              limit={20000}
              i18nPrefix="supervisionAssessment.page"
              run={() => download('/api/supervision/assessment/compounds/export.xlsx', query, `${t('supervisionAssessment.page.title')}-${period}.xlsx`)}
            />
          </Space>
        }
      />
      <QueryView query={overview}>
        {(o) => (
          <>
            {o.streets.map((s) => (
              <StreetCard key={s.streetId} street={s} period={period} />
            ))}
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={24} md={10}>
                <Card title={t('supervisionAssessment.page.distribution')}>
                  <EChart label={t('supervisionAssessment.page.distribution')} option={pieOption(o.distribution, colourName)} />
                  {o.partial > 0 && <Typography.Text type="secondary">{t('supervisionAssessment.page.partialNote', { count: o.partial })}</Typography.Text>}
                </Card>
              </Col>
              <Col xs={24} md={14}>
                <Card title={t('supervisionAssessment.page.companies')}>
                  <Typography.Paragraph type="secondary">{t('supervisionAssessment.page.rollUpNote')}</Typography.Paragraph>
                  <Table rowKey={(r) => `${r.streetId}|${r.companyId}`} size="small" pagination={false} columns={companyColumns} dataSource={o.companies} />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </QueryView>
      <Card title={t('supervisionAssessment.page.trend')} style={{ marginBottom: 16 }}>
        <QueryView query={trend}>
          {(tr) => (tr.companies.length ? <EChart label={t('supervisionAssessment.page.trend')} option={trendOption(tr)} /> : <Typography.Text type="secondary">{t('supervisionAssessment.page.noTrend')}</Typography.Text>)}
        </QueryView>
      </Card>
      <ListCard
        title={t('supervisionAssessment.page.compounds')}
        list={list}
        query={rows}
        columns={columns}
        search={{ label: t('supervisionAssessment.page.search') }}
        selects={[{ field: 'colour', label: t('supervisionAssessment.col.colour'), options: optionsOf([...COLOURS, 'none'] as const, colourName) }]}
        empty={{ none: t('supervisionAssessment.page.empty'), noMatch: t('supervisionAssessment.page.noMatch') }}
      />
    </>
  );
}

function pieOption(distribution: { colour: string; compounds: number }[], name: (c: string) => string): EChartsOption {
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        data: distribution.filter((d) => d.compounds > 0).map((d) => ({ name: name(d.colour), value: d.compounds, itemStyle: { color: CHART_COLOUR[d.colour as keyof typeof CHART_COLOUR] } })),
      },
    ],
  };
}

function trendOption(tr: { periods: string[]; companies: { companyName: string; points: (number | null)[] }[] }): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { bottom: 48 },
    xAxis: { type: 'category', data: tr.periods },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: tr.companies.map((c) => ({ type: 'line', name: c.companyName, connectNulls: false, data: c.points.map((p) => (p === null ? null : p / 100)) })),
  };
}

/** One street's period: its state, the bands used, and compute / publish for those who may. */
function StreetCard({ street, period }: { street: StreetState; period: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const compute = useCompute();
  const publish = usePublish();
  const body = { streetId: street.streetId, period };
  const name = (c: string) => t(`supervisionAssessment.colour.${c}`);
  const frozen = street.status === 'published' || street.status === 'pending';
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={
        <Flex gap={8} align="center">
          {street.streetName} · {period} <StatusTag status={street.status} />
        </Flex>
      }
      extra={
        <Space wrap>
          {street.can.compute && !frozen && (
            <Popconfirm
              title={street.status ? t('supervisionAssessment.page.recomputeConfirm') : t('supervisionAssessment.page.computeConfirm')}
              onConfirm={async () => {
                const r = await compute.mutateAsync(body);
                void message.success(t('supervisionAssessment.page.computed', { count: r.compounds }));
              }}
            >
              <Button loading={compute.isPending}>{street.status ? t('supervisionAssessment.page.recompute') : t('supervisionAssessment.page.compute')}</Button>
            </Popconfirm>
          )}
          {street.can.publish && street.status === 'draft' && (
            <Popconfirm
              title={t('supervisionAssessment.page.publishConfirm')}
              onConfirm={async () => {
                await publish.mutateAsync(body);
                void message.success(t('supervisionAssessment.page.publishAsked'));
              }}
            >
              <Button type="primary" loading={publish.isPending}>
                {t('supervisionAssessment.page.publish')}
              </Button>
            </Popconfirm>
          )}
          {street.status === 'pending' && <Link to="/approvals?status=pending">{t('supervisionAssessment.page.pendingLink')}</Link>}
        </Space>
      }
    >
      {(compute.error || publish.error) && <Alert type="error" showIcon title={(compute.error ?? publish.error)!.message} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('supervisionAssessment.page.bands')}>{bandsText(street.bands, name)}</Descriptions.Item>
        <Descriptions.Item label={t('supervisionAssessment.page.computedAt')}>{street.computedAt ? formatDateTime(street.computedAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('supervisionAssessment.page.publishedAt')}>{street.publishedAt ? formatDateTime(street.publishedAt) : '—'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
