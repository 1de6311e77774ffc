import { Alert, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Decision, Tally } from '../api.ts';
import { m2, ThresholdTag } from './labels.tsx';

type Row = Tally['items'][number];
type Sums = Row['for'];

/** Heads over area, the two measures the law counts together. */
function Both({ s }: { s: Sums }) {
  const { t } = useTranslation();
  return (
    <Flex vertical>
      <span>{t('decisions.result.heads', { n: s.heads })}</span>
      <Typography.Text type="secondary">{t('decisions.result.area', { n: m2(s.areaCenti) })}</Typography.Text>
    </Flex>
  );
}

function TallyTable({ rows, titles }: { rows: Row[]; titles: Map<number, string> }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Row> = [
    { title: t('decisions.result.item'), key: 'item', render: (_, r) => `${r.no}. ${titles.get(r.no) ?? ''}`, width: 220 },
    { title: t('decisions.result.participating'), key: 'participating', render: (_, r) => <Both s={r.participating} /> },
    { title: t('decisions.result.for'), key: 'for', render: (_, r) => <Both s={r.for} /> },
    { title: t('decisions.result.against'), key: 'against', render: (_, r) => <Both s={r.against} /> },
    { title: t('decisions.result.abstain'), key: 'abstain', render: (_, r) => <Both s={r.abstain} /> },
    {
      title: t('decisions.result.quorum'),
      key: 'quorum',
      render: (_, r) => <Tag color={r.quorum.met ? 'success' : 'error'}>{r.quorum.met ? t('decisions.result.quorumMet') : t('decisions.result.quorumNotMet')}</Tag>,
    },
    { title: t('decisions.result.threshold'), key: 'threshold', render: (_, r) => <ThresholdTag threshold={r.threshold} /> },
    {
      title: t('decisions.result.outcome'),
      key: 'passed',
      render: (_, r) => <Tag color={r.passed ? 'success' : 'error'}>{r.passed ? t('decisions.result.passed') : t('decisions.result.failed')}</Tag>,
    },
  ];
  return <Table<Row> size="small" rowKey="no" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 'max-content' }} />;
}

/**
 * 表决结果: the strict Civil Code tally, labelled as the legal result; the rules' 从众 tally only beneath it, only
 * when there is one, labelled with its clause.
 */
export function ResultPanel({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const result = d.result as Tally | null;
  const titles = new Map(d.items.map((i) => [i.no, i.title]));
  return (
    <Card title={t('decisions.detail.result')}>
      {!result ? (
        <Typography.Text type="secondary">{t('decisions.result.none')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('decisions.result.totals', { heads: result.totals.heads, area: m2(result.totals.areaCenti) })}
          </Typography.Paragraph>
          <Typography.Title level={5}>{t('decisions.result.legal')}</Typography.Title>
          <TallyTable rows={result.items} titles={titles} />
          {result.adjusted && (
            <div style={{ marginTop: 24 }}>
              <Alert type="warning" showIcon title={t('decisions.result.adjusted', { clause: result.adjusted.clause })} style={{ marginBottom: 12 }} />
              <TallyTable rows={result.adjusted.items} titles={titles} />
            </div>
          )}
        </>
      )}
    </Card>
  );
}
