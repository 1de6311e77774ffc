import { App, Button, Card, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type CommitteeRow, download, type RankingRow, useCommittees, useRanking, useStartRating } from '../api.ts';
import { RatingStatus, recentYears, score, Stars } from '../components/labels.tsx';

const FILTERS = ['q', 'stars'] as const;

/** 红色业委会: the year's owners' committees to rate (for raters) and the street's ranking of submitted ratings. */
export function CommitteesPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const years = useMemo(() => recentYears(), []);
  const period = search.get('period') ?? years[0]!;
  const setPeriod = (p: string) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      next.set('period', p);
      next.delete('page');
      return next;
    });
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id, period };
  const committees = useCommittees({ placeId: scope?.id, period });
  const ranking = useRanking(query);
  const start = useStartRating();

  const rate = async (c: CommitteeRow) => {
    if (c.ratingId && c.status === 'draft') return navigate(`/supervision/committees/ratings/${c.ratingId}`);
    try {
      const r = await start.mutateAsync({ committeeId: c.id, period });
      await navigate(`/supervision/committees/ratings/${r.id}`);
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  const committeeColumns: TableColumnsType<CommitteeRow> = [
    { title: t('supervisionCommittees.col.committee'), dataIndex: 'name', render: (v: string, r) => <Link to={`/supervision/committees/${r.id}`}>{v}</Link> },
    { title: t('supervisionCommittees.col.compound'), dataIndex: 'compoundName' },
    { title: t('supervisionCommittees.col.status'), dataIndex: 'status', render: (v: CommitteeRow['status']) => <RatingStatus status={v} /> },
    { title: t('supervisionCommittees.col.score'), dataIndex: 'scoreCenti', align: 'right', render: (v: number | null) => score(v) },
    { title: t('supervisionCommittees.col.stars'), dataIndex: 'stars', render: (v: number | null) => <Stars stars={v} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.status === 'submitted' ? (
          <Link to={`/supervision/committees/ratings/${r.ratingId}`}>{t('supervisionCommittees.page.view')}</Link>
        ) : r.canRate ? (
          <Button size="small" type={r.status ? 'default' : 'primary'} loading={start.isPending} onClick={() => void rate(r)}>
            {r.status === 'draft' ? t('supervisionCommittees.page.continue') : t('supervisionCommittees.page.rate')}
          </Button>
        ) : null,
    },
  ];
  const rankingColumns: TableColumnsType<RankingRow> = [
    { title: t('supervisionCommittees.col.rank'), key: 'rank', width: 64, render: (_, __, i) => (list.page - 1) * list.pageSize + i + 1 },
    { title: t('supervisionCommittees.col.committee'), dataIndex: 'committeeName', key: 'committee', sorter: true, render: (v: string, r) => <Link to={`/supervision/committees/${r.committeeId}`}>{v}</Link> },
    { title: t('supervisionCommittees.col.compound'), dataIndex: 'compoundName', key: 'compound', sorter: true },
    { title: t('supervisionCommittees.col.period'), dataIndex: 'period', key: 'period', sorter: true },
    { title: t('supervisionCommittees.col.stars'), dataIndex: 'stars', key: 'stars', sorter: true, render: (v: number) => <Stars stars={v} /> },
    { title: t('supervisionCommittees.col.score'), dataIndex: 'scoreCenti', key: 'score', sorter: true, align: 'right', render: (v: number, r) => <Link to={`/supervision/committees/ratings/${r.id}`}>{score(v)}</Link> },
    { title: t('supervisionCommittees.col.rater'), dataIndex: 'raterName' },
  ];

  return (
    <>
      <PageHeader
        title={t('supervisionCommittees.page.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            <Select aria-label={t('supervisionCommittees.page.year')} value={period} onChange={setPeriod} options={years.map((y) => ({ value: y, label: t('supervisionCommittees.page.yearLabel', { year: y }) }))} style={{ width: 120 }} />
            <Link to="/supervision/committees/settings">
              <Button>{t('supervisionCommittees.page.settings')}</Button>
            </Link>
            <ExportButton
              total={ranking.data?.total ?? 0}
              limit={20000}
              i18nPrefix="supervisionCommittees.page"
              run={() => download('/api/supervision/committees/ratings/export.xlsx', query, `${t('supervisionCommittees.page.title')}-${period}.xlsx`)}
            />
          </Space>
        }
      />
      <Card title={t('supervisionCommittees.page.committees', { year: period })} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('supervisionCommittees.page.committeesIntro')}</Typography.Paragraph>
        <QueryView query={committees}>
          {(rows) => <Table rowKey="id" size="small" pagination={false} columns={committeeColumns} dataSource={rows} locale={{ emptyText: t('supervisionCommittees.page.noCommittees') }} scroll={{ x: 'max-content' }} />}
        </QueryView>
      </Card>
      <ListCard
        title={t('supervisionCommittees.page.ranking', { year: period })}
        list={list}
        query={ranking}
        columns={rankingColumns}
        search={{ label: t('supervisionCommittees.page.search') }}
        selects={[{ field: 'stars', label: t('supervisionCommittees.col.stars'), options: [5, 4, 3, 2, 1].map((s) => ({ value: String(s), label: t('supervisionCommittees.stars', { count: s }) })) }]}
        empty={{ none: t('supervisionCommittees.page.noRatings'), noMatch: t('supervisionCommittees.page.noMatch') }}
      />
    </>
  );
}
