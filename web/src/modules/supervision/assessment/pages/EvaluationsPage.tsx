import { Button, Card, Form, Input, InputNumber, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EVALUATION_COMMENT_MAX, type EvaluationKind } from '#server/modules/supervision/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type EvaluationRow, useEvaluate, useEvaluations } from '../api.ts';
import { recentQuarters, score } from '../components/labels.tsx';

interface Values {
  score: number;
  comment: string;
}

/** 考评评价: the street's and the community party organisation's evaluation of each compound for a period. */
export function EvaluationsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [search, setSearch] = useSearchParams();
  const quarters = useMemo(() => recentQuarters(), []);
  const period = search.get('period') ?? quarters[0]!;
  const query = useEvaluations({ placeId: scope?.id, period });
  const [editing, setEditing] = useState<{ row: EvaluationRow; kind: EvaluationKind } | null>(null);
  const evaluate = useEvaluate();

  const cell = (kind: EvaluationKind) => (_: unknown, r: EvaluationRow) => {
    const e = r[kind];
    return (
      <Space direction="vertical" size={0}>
        {e ? (
          <>
            <Typography.Text strong>{score(e.scoreCenti)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.evaluator} · {formatDateTime(e.updatedAt)}：{e.comment}
            </Typography.Text>
          </>
        ) : (
          <Tag>{t('supervisionAssessment.evaluations.none')}</Tag>
        )}
        {r.can[kind] && !r.frozen && (
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setEditing({ row: r, kind })}>
            {e ? t('supervisionAssessment.evaluations.change') : t(`supervisionAssessment.evaluations.enter.${kind}`)}
          </Button>
        )}
      </Space>
    );
  };
  const columns: TableColumnsType<EvaluationRow> = [
    { title: t('supervisionAssessment.col.compound'), dataIndex: 'compoundName' },
    { title: t('supervisionAssessment.col.company'), dataIndex: 'companyName' },
    { title: t('supervisionAssessment.input.streetEvaluation'), key: 'street', render: cell('street') },
    { title: t('supervisionAssessment.input.partyEvaluation'), key: 'party', render: cell('party') },
    { title: '', key: 'frozen', render: (_, r) => r.frozen && <Tag>{t('supervisionAssessment.evaluations.frozen')}</Tag> },
  ];
  return (
    <>
      <PageHeader
        title={t('supervisionAssessment.evaluations.title')}
        tags={<ScopeNote />}
        breadcrumb={<Link to={`/supervision/assessment?period=${period}`}>{t('supervisionAssessment.page.title')}</Link>}
        extra={
          <Select
            aria-label={t('supervisionAssessment.page.period')}
            value={period}
            onChange={(p) => setSearch({ period: p })}
            options={quarters.map((q) => ({ value: q, label: q }))}
            style={{ width: 120 }}
          />
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('supervisionAssessment.evaluations.intro')}</Typography.Paragraph>
        <QueryView query={query}>{(data) => <Table rowKey="compoundId" columns={columns} dataSource={data.items} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: true }} />}</QueryView>
      </Card>
      {editing && (
        <FormModal<Values>
          title={`${editing.row.compoundName} · ${t(`supervisionAssessment.input.${editing.kind === 'street' ? 'streetEvaluation' : 'partyEvaluation'}`)} · ${period}`}
          open
          onClose={() => setEditing(null)}
          initialValues={editing.row[editing.kind] ? { score: editing.row[editing.kind]!.scoreCenti / 100, comment: editing.row[editing.kind]!.comment } : {}}
          submit={async (v) => {
            await evaluate.mutateAsync({ compoundId: editing.row.compoundId, period, kind: editing.kind, scoreCenti: Math.round(v.score * 100), comment: v.comment });
            setEditing(null);
          }}
        >
          <Form.Item name="score" label={t('supervisionAssessment.evaluations.score')} rules={[{ required: true, message: t('supervisionAssessment.evaluations.scoreRequired') }]}>
            <InputNumber min={0} max={100} step={0.5} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="comment" label={t('supervisionAssessment.evaluations.comment')} rules={[{ required: true, whitespace: true, message: t('supervisionAssessment.evaluations.commentRequired') }]}>
            <Input.TextArea rows={3} maxLength={EVALUATION_COMMENT_MAX} showCount />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
