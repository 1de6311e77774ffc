import { App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SUBSIDY_OUTCOMES, SUPERVISION_ROLES, type SubsidyOutcome } from '#server/modules/supervision/contract.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useMe } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { recentQuarters, score } from '../../assessment/components/labels.tsx';
import { download, type ListedRow, type Policy, type QuarterRow, useCandidates, useListCompound, useListed, usePolicies, useQuarter, useSetPolicy, useUnlistCompound } from '../api.ts';

const FILTERS = ['q', 'outcome'] as const;
const LISTED_FILTERS = ['lq'] as const;
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const OUTCOME_COLOUR: Record<SubsidyOutcome, string> = { meets: 'green', below: 'red', unpublished: 'gold', no_policy: 'default', not_assessed: 'default', no_score: 'default' };

/** 达标补贴: per quarter the listed compounds with their published score, whether they meet the standard and why not, the amounts and the statement; the policy versions and the list. */
export function SubsidyPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const me = useMe().data;
  const [search, setSearch] = useSearchParams();
  const quarters = useMemo(() => recentQuarters(), []);
  // The last ended quarter first: the current one is not assessed (or paid) until it ends.
  const period = search.get('period') ?? quarters[1]!;
  const setPeriod = (p: string) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      next.set('period', p);
      next.delete('page');
      return next;
    });
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id, period };
  const quarter = useQuarter(query);
  const streetId = quarter.data?.streets[0]?.streetId;
  const manages = !!me?.grants.some((g) => (SUPERVISION_ROLES.subsidyManage as readonly string[]).includes(g.role));
  const outcomeName = (o: string) => t(`supervisionSubsidy.outcome.${o}`);

  const columns: TableColumnsType<QuarterRow> = [
    { title: t('supervisionSubsidy.col.compound'), dataIndex: 'compoundName', key: 'compound', sorter: true, render: (v: string, r) => <Link to={`/supervision/assessment/${period}/${r.compoundId}`}>{v}</Link> },
    { title: t('supervisionSubsidy.col.company'), dataIndex: 'companyName', render: (v: string | null) => v ?? '—' },
    { title: t('supervisionSubsidy.col.score'), dataIndex: 'scoreCenti', key: 'score', sorter: true, align: 'right', render: (v: number | null) => score(v) },
    { title: t('supervisionSubsidy.col.outcome'), dataIndex: 'outcome', render: (v: SubsidyOutcome) => <Tag color={OUTCOME_COLOUR[v]}>{outcomeName(v)}</Tag> },
    { title: t('supervisionSubsidy.col.rooms'), dataIndex: 'rooms', align: 'right', render: (v: number | null) => v ?? '—' },
    {
      title: t('supervisionSubsidy.col.amount'),
      dataIndex: 'amountFen',
      key: 'amount',
      sorter: true,
      align: 'right',
      render: (v: number, r) =>
        r.outcome === 'meets' ? (
          <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
            <span>{yuan(v)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.capped ? t('supervisionSubsidy.capped', { cap: yuan(r.unitFen) }) : t('supervisionSubsidy.formula', { rooms: r.quantity, rate: yuan(r.unitFen) })}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('supervisionSubsidy.col.statement'),
      key: 'statement',
      render: (_, r) =>
        r.statementId ? <Link to={`/payouts/${r.statementId}`}>{t('supervisionSubsidy.statement')}</Link> : r.statementStatus ? t('supervisionSubsidy.onStatement') : r.outcome === 'meets' ? t('supervisionSubsidy.notGenerated') : '—',
    },
  ];

  return (
    <>
      <PageHeader
        title={t('supervisionSubsidy.page.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            <Select aria-label={t('supervisionSubsidy.page.period')} value={period} onChange={setPeriod} options={quarters.map((q) => ({ value: q, label: q }))} style={{ width: 120 }} />
            <ExportButton
              total={quarter.data?.total ?? 0}
              limit={20000}
              i18nPrefix="supervisionSubsidy.page"
              run={() => download('/api/supervision/subsidy/quarter/export.xlsx', query, `${t('supervisionSubsidy.page.title')}-${period}.xlsx`)}
            />
          </Space>
        }
      />
      <PolicyCard streetId={streetId} period={period} manages={manages} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={8}>
          <Card>
            <Statistic title={t('supervisionSubsidy.totals.listed')} value={quarter.data?.totals.listed ?? 0} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card>
            <Statistic title={t('supervisionSubsidy.totals.meeting')} value={quarter.data?.totals.meeting ?? 0} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card>
            <Statistic title={t('supervisionSubsidy.totals.amount')} value={yuan(quarter.data?.totals.amountFen ?? 0)} />
          </Card>
        </Col>
      </Row>
      <ListCard
        title={t('supervisionSubsidy.page.quarter', { period })}
        intro={quarter.data?.streets.some((s) => !s.published) && <Typography.Paragraph type="warning">{t('supervisionSubsidy.page.unpublished')}</Typography.Paragraph>}
        list={list}
        query={quarter}
        columns={columns}
        search={{ label: t('supervisionSubsidy.page.search') }}
        selects={[{ field: 'outcome', label: t('supervisionSubsidy.col.outcome'), options: optionsOf(SUBSIDY_OUTCOMES, outcomeName) }]}
        empty={{ none: t('supervisionSubsidy.page.empty'), noMatch: t('supervisionSubsidy.page.noMatch') }}
      />
      <div style={{ height: 16 }} />
      <ListedCard streetId={streetId} manages={manages} />
    </>
  );
}

/** The policy applying to the quarter, stated exactly, with its versions; street officials add a version. */
function PolicyCard({ streetId, period, manages }: { streetId: string | undefined; period: string; manages: boolean }) {
  const { t } = useTranslation();
  const policies = usePolicies(streetId);
  const [open, setOpen] = useState(false);
  const set = useSetPolicy();
  const versions = policies.data?.versions ?? [];
  const current = versions.find((v) => v.fromPeriod <= period);
  const columns: TableColumnsType<Policy> = [
    { title: t('supervisionSubsidy.policy.from'), dataIndex: 'fromPeriod' },
    { title: t('supervisionSubsidy.policy.threshold'), dataIndex: 'thresholdCenti', align: 'right', render: (v: number) => score(v) },
    { title: t('supervisionSubsidy.policy.rate'), dataIndex: 'rateFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('supervisionSubsidy.policy.cap'), dataIndex: 'capFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('supervisionSubsidy.policy.note'), dataIndex: 'note' },
  ];
  return (
    <Card title={t('supervisionSubsidy.policy.title')} style={{ marginBottom: 16 }} extra={manages && streetId && <Button onClick={() => setOpen(true)}>{t('supervisionSubsidy.policy.add')}</Button>}>
      <Typography.Paragraph strong>
        {current ? t('supervisionSubsidy.policy.rule', { period, from: current.fromPeriod, threshold: score(current.thresholdCenti), rate: yuan(current.rateFen), cap: yuan(current.capFen) }) : t('supervisionSubsidy.policy.none', { period })}
      </Typography.Paragraph>
      <Table rowKey="fromPeriod" size="small" pagination={false} columns={columns} dataSource={versions} scroll={{ x: 'max-content' }} />
      {streetId && (
        <FormModal<{ fromPeriod: string; threshold: number; rate: number; cap: number; note?: string }>
          title={t('supervisionSubsidy.policy.add')}
          open={open}
          onClose={() => setOpen(false)}
          initialValues={{ fromPeriod: period, threshold: current ? current.thresholdCenti / 100 : 80, rate: current ? current.rateFen / 100 : 15, cap: current ? current.capFen / 100 : 30000 }}
          submit={(v) => set.mutateAsync({ streetId, fromPeriod: v.fromPeriod, thresholdCenti: Math.round(v.threshold * 100), rateFen: Math.round(v.rate * 100), capFen: Math.round(v.cap * 100), ...(v.note ? { note: v.note } : {}) })}
        >
          <Form.Item name="fromPeriod" label={t('supervisionSubsidy.policy.from')} rules={[{ required: true, pattern: /^\d{4}-Q[1-4]$/, message: t('supervisionSubsidy.policy.periodFormat') }]}>
            <Input placeholder="2026-Q1" />
          </Form.Item>
          <Form.Item name="threshold" label={t('supervisionSubsidy.policy.threshold')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="rate" label={t('supervisionSubsidy.policy.rate')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="cap" label={t('supervisionSubsidy.policy.cap')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="note" label={t('supervisionSubsidy.policy.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

/** The compounds the street lists (old compounds), from a quarter to an optional last one; street officials change it. */
function ListedCard({ streetId, manages }: { streetId: string | undefined; manages: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useListParams(LISTED_FILTERS, 10);
  const { lq, ...rest } = list.query as Record<string, string | number>;
  const listed = useListed({ ...rest, ...(lq ? { q: lq } : {}) });
  const [open, setOpen] = useState(false);
  const candidates = useCandidates(streetId, open);
  const add = useListCompound();
  const remove = useUnlistCompound();
  const columns: TableColumnsType<ListedRow> = [
    { title: t('supervisionSubsidy.col.compound'), dataIndex: 'compoundName', key: 'compound', sorter: true },
    { title: t('supervisionSubsidy.listed.from'), dataIndex: 'fromPeriod', key: 'from', sorter: true },
    { title: t('supervisionSubsidy.listed.to'), dataIndex: 'toPeriod', key: 'to', sorter: true, render: (v: string | null) => v ?? t('supervisionSubsidy.listed.open') },
    { title: t('supervisionSubsidy.policy.note'), dataIndex: 'note' },
    ...(manages
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: ListedRow) => (
              <Popconfirm title={t('supervisionSubsidy.listed.removeConfirm')} onConfirm={() => remove.mutate(r.compoundId, { onError: (e) => void message.error(e.message) })}>
                <Button size="small" danger>
                  {t('supervisionSubsidy.listed.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <ListCard
        title={
          <Space>
            {t('supervisionSubsidy.listed.title')}
            {manages && streetId && (
              <Button size="small" type="primary" onClick={() => setOpen(true)}>
                {t('supervisionSubsidy.listed.add')}
              </Button>
            )}
          </Space>
        }
        list={list}
        query={listed}
        columns={columns}
        search={{ label: t('supervisionSubsidy.listed.search'), field: 'lq' }}
        empty={{ none: t('supervisionSubsidy.listed.empty'), noMatch: t('supervisionSubsidy.page.noMatch') }}
      />
      <FormModal<{ compoundId: string; fromPeriod: string; toPeriod?: string; note?: string }>
        title={t('supervisionSubsidy.listed.add')}
        open={open}
        onClose={() => setOpen(false)}
        submit={(v) => add.mutateAsync({ compoundId: v.compoundId, fromPeriod: v.fromPeriod, toPeriod: v.toPeriod || null, ...(v.note ? { note: v.note } : {}) })}
      >
        <Form.Item name="compoundId" label={t('supervisionSubsidy.col.compound')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={candidates.isLoading}
            options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.name}${c.companyName ? ` · ${c.companyName}` : ''} · ${t('supervisionSubsidy.listed.rooms', { count: c.rooms })}${c.listed ? ` · ${t('supervisionSubsidy.listed.already')}` : ''}` }))}
          />
        </Form.Item>
        <Form.Item name="fromPeriod" label={t('supervisionSubsidy.listed.from')} rules={[{ required: true, pattern: /^\d{4}-Q[1-4]$/, message: t('supervisionSubsidy.policy.periodFormat') }]}>
          <Input placeholder="2026-Q1" />
        </Form.Item>
        <Form.Item name="toPeriod" label={t('supervisionSubsidy.listed.to')} rules={[{ pattern: /^\d{4}-Q[1-4]$/, message: t('supervisionSubsidy.policy.periodFormat') }]}>
          <Input placeholder={t('supervisionSubsidy.listed.open')} />
        </Form.Item>
        <Form.Item name="note" label={t('supervisionSubsidy.policy.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </>
  );
}
