import { Card, Empty, Image, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { evidenceUrl, type Rating, useCommittee } from '../api.ts';
import { RatingStatus, score, Stars } from '../components/labels.tsx';

type Dim = Rating['dimensions'][number];

/** An owners' committee's page: every year's rating — stars, score, each dimension's score, note and evidence. */
export function CommitteePage() {
  const { committeeId = '' } = useParams();
  const { t } = useTranslation();
  const committee = useCommittee(committeeId);
  return (
    <QueryView query={committee}>
      {(c) => (
        <>
          <PageHeader title={c.name} breadcrumb={<Link to="/supervision/committees">{t('supervisionCommittees.page.title')}</Link>} tags={<Typography.Text type="secondary">{c.compoundName}</Typography.Text>} />
          {c.history.length === 0 && (
            <Card>
              <Empty description={t('supervisionCommittees.committee.none')} />
            </Card>
          )}
          {c.history.map((r) => (
            <HistoryCard key={r.id} rating={r} />
          ))}
        </>
      )}
    </QueryView>
  );
}

function HistoryCard({ rating: r }: { rating: Rating }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Dim> = [
    { title: t('supervisionCommittees.col.dimension'), dataIndex: 'dimension', width: 120, render: (v: Dim['dimension']) => t(`supervisionCommittees.dimension.${v}`) },
    { title: t('supervisionCommittees.col.score'), dataIndex: 'scoreCenti', width: 90, align: 'right', render: (v: number | null) => score(v) },
    { title: t('supervisionCommittees.rating.note'), dataIndex: 'note' },
    {
      title: t('supervisionCommittees.col.evidence'),
      key: 'files',
      render: (_, d) => (
        <Space wrap>
          {d.files.map((f) =>
            f.mime.startsWith('image/') ? (
              <Image key={f.id} src={evidenceUrl(r.id, f.id)} alt={f.name} width={56} height={42} style={{ objectFit: 'cover' }} />
            ) : (
              <a key={f.id} href={evidenceUrl(r.id, f.id)} target="_blank" rel="noreferrer">
                {f.name}
              </a>
            ),
          )}
        </Space>
      ),
    },
  ];
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={
        <Space wrap>
          {t('supervisionCommittees.page.yearLabel', { year: r.period })}
          <Stars stars={r.stars} size={18} />
          {r.scoreCenti !== null && <Typography.Text strong>{t('supervisionCommittees.committee.score', { score: score(r.scoreCenti) })}</Typography.Text>}
          <RatingStatus status={r.status} />
        </Space>
      }
      extra={<Link to={`/supervision/committees/ratings/${r.id}`}>{r.editable ? t('supervisionCommittees.page.continue') : t('supervisionCommittees.page.view')}</Link>}
    >
      <Table rowKey="dimension" size="small" pagination={false} columns={columns} dataSource={r.dimensions} scroll={{ x: 'max-content' }} />
    </Card>
  );
}
