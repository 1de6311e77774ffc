import { Alert, Card, Descriptions, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AssessmentInput, BreakdownLine, RawInputs } from '#server/modules/supervision/contract.ts';
import type { Jsonify } from '../../../../shared/api.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type CompoundAssessment, useCompoundAssessment } from '../api.ts';
import { bandsText, ColourTag, score, StatusTag } from '../components/labels.tsx';

type Line = Jsonify<BreakdownLine>;

/** Where the rows behind each input are listed (the other pages' URL parameters). */
function linkOf(key: AssessmentInput, a: CompoundAssessment): string {
  const { from, to, fromMonth, toMonth } = a.window;
  switch (key) {
    case 'ownerRatings':
      return `/fees/ratings?${new URLSearchParams({ placeId: a.compoundId, from: fromMonth, to: toMonth })}`;
    case 'repairSatisfaction':
    case 'repairService':
      return `/repairs/orders?${new URLSearchParams({ placeId: a.compoundId, from, to })}`;
    case 'residentVerdicts':
      return `/deliberation/items?${new URLSearchParams({ placeId: a.compoundId })}`;
    case 'streetEvaluation':
    case 'partyEvaluation':
      return `/supervision/assessment/evaluations?period=${a.period}`;
    case 'inspections':
      return `/supervision/inspections?${new URLSearchParams({ placeId: a.compoundId, period: a.period })}`;
  }
}

/** An input's raw figures in words (the numerator and denominator behind its 0–100 score). */
function useRawText() {
  const { t } = useTranslation();
  return (line: Line): string => {
    if (!line.present || !line.raw) return t('supervisionAssessment.breakdown.missing');
    const raw = line.raw as Jsonify<NonNullable<RawInputs[AssessmentInput]>> & Record<string, unknown>;
    if (line.key === 'streetEvaluation' || line.key === 'partyEvaluation') {
      const e = raw as { scoreCenti: number; comment: string; evaluator: string };
      return t('supervisionAssessment.raw.evaluation', { score: score(e.scoreCenti), evaluator: e.evaluator, comment: e.comment });
    }
    if (line.key === 'inspections') {
      const i = raw as { inspections: number; scoreSumCenti: number };
      return t('supervisionAssessment.raw.inspections', { count: i.inspections, sum: score(i.scoreSumCenti) });
    }
    return t(`supervisionAssessment.raw.${line.key}`, raw);
  };
}

/** How one compound's score of a period was computed, input by input, with links to the rows behind each input. */
export function CompoundAssessmentPage() {
  const { t } = useTranslation();
  const { period = '', compoundId = '' } = useParams();
  const query = useCompoundAssessment(period, compoundId);
  const rawText = useRawText();
  const name = (c: string) => t(`supervisionAssessment.colour.${c}`);
  return (
    <QueryView query={query}>
      {(a) => {
        const lines = a.breakdown.inputs as Line[];
        const columns: TableColumnsType<Line> = [
          {
            title: t('supervisionAssessment.breakdown.input'),
            key: 'input',
            render: (_, l) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{t(`supervisionAssessment.input.${l.key}`)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`supervisionAssessment.formula.${l.key}`)}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('supervisionAssessment.breakdown.raw'), key: 'raw', render: (_, l) => (l.present ? rawText(l) : <Tag>{t('supervisionAssessment.breakdown.missing')}</Tag>) },
          { title: t('supervisionAssessment.breakdown.score'), dataIndex: 'scoreCenti', align: 'right', render: (v: number | null) => score(v) },
          { title: t('supervisionAssessment.breakdown.weight'), dataIndex: 'weight', align: 'right' },
          { title: t('supervisionAssessment.breakdown.effectiveWeight'), dataIndex: 'effectiveWeightCenti', align: 'right', render: (v: number, l) => (l.present ? `${score(v)}%` : '—') },
          { title: t('supervisionAssessment.breakdown.contribution'), dataIndex: 'contributionCenti', align: 'right', render: (v: number, l) => (l.present ? score(v) : '—') },
          { title: t('supervisionAssessment.breakdown.rows'), key: 'rows', render: (_, l) => <Link to={linkOf(l.key, a)}>{t('supervisionAssessment.breakdown.open')}</Link> },
        ];
        return (
          <>
            <PageHeader
              title={`${a.compoundName} · ${a.period}`}
              breadcrumb={<Link to={`/supervision/assessment?period=${a.period}`}>{t('supervisionAssessment.page.title')}</Link>}
              tags={
                <Space>
                  <ColourTag colour={a.colour} />
                  <StatusTag status={a.status} />
                </Space>
              }
            />
            <Card style={{ marginBottom: 16 }}>
              <Descriptions column={{ xs: 1, md: 3 }} size="small">
                <Descriptions.Item label={t('supervisionAssessment.col.score')}>
                  <Typography.Text strong style={{ fontSize: 20 }} data-testid="assessment-score">
                    {score(a.scoreCenti)}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('supervisionAssessment.col.colour')}>
                  <span data-testid="assessment-colour" data-colour={a.colour ?? 'none'}>
                    <ColourTag colour={a.colour} />
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('supervisionAssessment.col.company')}>{a.companyName}</Descriptions.Item>
                <Descriptions.Item label={t('supervisionAssessment.col.rooms')}>{a.rooms}</Descriptions.Item>
                <Descriptions.Item label={t('supervisionAssessment.page.bands')}>{bandsText(a.bands, name)}</Descriptions.Item>
                <Descriptions.Item label={t('supervisionAssessment.page.computedAt')}>{formatDateTime(a.computedAt)}</Descriptions.Item>
              </Descriptions>
            </Card>
            {a.partial && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('supervisionAssessment.breakdown.partial', { weight: a.breakdown.presentWeight })} />}
            <Card title={t('supervisionAssessment.breakdown.title')}>
              <Typography.Paragraph type="secondary">{t('supervisionAssessment.breakdown.how', { weight: a.breakdown.presentWeight, version: a.breakdown.settingsVersion })}</Typography.Paragraph>
              <Table rowKey="key" size="small" pagination={false} columns={columns} dataSource={lines} scroll={{ x: true }} />
            </Card>
          </>
        );
      }}
    </QueryView>
  );
}
