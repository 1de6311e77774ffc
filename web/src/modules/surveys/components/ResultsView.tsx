import { Card, Empty, Flex, List, Progress, Spin, Statistic, Table, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type QuestionResult, type Survey, useSurveyResults, useSurveyTexts } from '../api.ts';
import { EChart } from '../../../shared/EChart.tsx';
import { meanOf, tenths } from './labels.tsx';

/** The results page: participation, then per question a chart with its exact counts beside it. */
export function ResultsView({ survey: s }: { survey: Survey }) {
  const { t } = useTranslation();
  const results = useSurveyResults(s.id);
  if (results.isPending) return <Spin />;
  if (results.isError) return <Typography.Text type="danger">{results.error.message}</Typography.Text>;
  const { participation, questions } = results.data;
  const percent = participation.eligible ? Math.floor((participation.answered * 100) / participation.eligible) : 0;
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex gap={32} align="center" wrap>
          <Statistic title={t('surveys.results.answered')} value={participation.answered} suffix={`/ ${participation.eligible} ${t(`surveys.per.${participation.per}`)}`} />
          <Progress type="circle" size={72} percent={percent} aria-label={t('surveys.results.participation')} />
        </Flex>
      </Card>
      {questions.map((q) => (
        <Card key={q.no} size="small" title={`${q.no}. ${q.prompt}`} extra={t('surveys.results.questionAnswered', { count: q.answered, kind: t(`surveys.kind.${q.kind}`) })}>
          <QuestionResultView surveyId={s.id} q={q} />
        </Card>
      ))}
    </Flex>
  );
}

function QuestionResultView({ surveyId, q }: { surveyId: string; q: QuestionResult }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsOption | null>(() => {
    if ('options' in q && q.options) {
      const labels = q.options.map((o) => o.label);
      const counts = q.options.map((o) => o.count);
      return q.kind === 'single'
        ? {
            tooltip: { trigger: 'item' },
            series: [{ type: 'pie', radius: ['35%', '65%'], data: q.options.map((o) => ({ name: o.label, value: o.count })), label: { formatter: '{b}: {c}' } }],
          }
        : { tooltip: {}, grid: { left: 120, right: 24, top: 8, bottom: 24 }, xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: labels, inverse: true }, series: [{ type: 'bar', data: counts }] };
    }
    if ('scale' in q && q.scale) {
      return {
        tooltip: {},
        grid: { left: 40, right: 16, top: 16, bottom: 24 },
        xAxis: { type: 'category', data: q.scale.distribution.map((d) => String(d.value)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: q.scale.distribution.map((d) => d.count) }],
      };
    }
    return null;
  }, [q]);
  if (q.kind === 'text') return <Texts surveyId={surveyId} no={q.no} />;
  const rows =
    'options' in q && q.options
      ? q.options.map((o) => ({ key: o.label, label: o.label, count: o.count, share: tenths(o.shareTenths) }))
      : 'scale' in q && q.scale
        ? q.scale.distribution.map((d) => ({ key: String(d.value), label: String(d.value), count: d.count, share: tenths(d.shareTenths) }))
        : [];
  return (
    <Flex gap={16} wrap>
      <div style={{ flex: '1 1 320px', minWidth: 280 }}>{option && <EChart option={option} label={q.prompt} />}</div>
      <Flex vertical gap={8} style={{ flex: '1 1 280px' }}>
        <Table
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: q.kind === 'scale' ? t('surveys.results.value') : t('surveys.results.option'), dataIndex: 'label' },
            { title: t('surveys.results.count'), dataIndex: 'count', align: 'right' },
            { title: t('surveys.results.share'), dataIndex: 'share', align: 'right' },
          ]}
        />
        {'scale' in q && q.scale && (
          <Typography.Text>
            {t('surveys.results.mean', { mean: meanOf(q.scale.mean), numerator: q.scale.mean.numerator, denominator: q.scale.mean.denominator })}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}

function Texts({ surveyId, no }: { surveyId: string; no: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const texts = useSurveyTexts(surveyId, { no, page, pageSize: 10 });
  if (!texts.data) return <Spin />;
  if (texts.data.total === 0) return <Empty description={t('surveys.results.noTexts')} />;
  return (
    <List
      size="small"
      dataSource={texts.data.items}
      renderItem={(r) => <List.Item>{r.text}</List.Item>}
      pagination={{ current: page, pageSize: 10, total: texts.data.total, onChange: setPage, size: 'small' }}
    />
  );
}
