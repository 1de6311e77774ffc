import { App, Alert, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography, Upload, type TableColumnsType, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ORG_FIELDS, PROJECT_GRADES, ROUND_NEXT, SCORE_CRITERIA, SCORE_MAX, type ScoreCriterion } from '#server/modules/grid/contract.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import {
  fen,
  type RoundView,
  useAddApplication,
  useAddReviewer,
  useAdvance,
  useApprove,
  useDecideReport,
  useEvaluate,
  useOrgs,
  usePropose,
  useRemoveReviewer,
  useReport,
  useReviewerOptions,
  useRound,
  useScore,
  useSetMilestones,
  yuan,
} from '../api.ts';
import { RoundStatusTag } from '../components/labels.tsx';

type App_ = RoundView['applications'][number];
const TABS = ['applications', 'review', 'funding', 'projects'] as const;

/**
 * One 公益创投 round: 申报项目 (ranked, with budgets; 录入申报项目 while the call is open), 评审 (the panel, my scoring form
 * with 「提交评分」 — recused on my own organisation's — and the score matrix), 资助名单 (「提交资助名单」 and 「批准」 by
 * another account, each behind a confirmation), 项目执行 (milestones, reports with evidence, accept / return, the
 * final evaluation). The round moves on by the header's button, behind a confirmation.
 */
export function RoundPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const round = useRound(id);
  const tab = (TABS as readonly string[]).includes(search.get('tab') ?? '') ? search.get('tab')! : 'applications';
  return (
    <QueryView query={round}>
      {(r) => (
        <>
          <Header round={r} />
          <Tabs
            activeKey={tab}
            onChange={(k) => setSearch({ tab: k }, { replace: true })}
            items={[
              { key: 'applications', label: t('gridSocial.round.tabs.applications'), children: <Applications round={r} /> },
              { key: 'review', label: t('gridSocial.round.tabs.review'), children: <Review round={r} /> },
              { key: 'funding', label: t('gridSocial.round.tabs.funding'), children: <Funding round={r} /> },
              { key: 'projects', label: t('gridSocial.round.tabs.projects'), children: <Projects round={r} /> },
            ]}
          />
        </>
      )}
    </QueryView>
  );
}

function useRun() {
  const { message } = App.useApp();
  return async (work: () => Promise<unknown>, ok: string) => {
    try {
      await work();
      void message.success(ok);
    } catch (err) {
      void message.error((err as Error).message);
      throw err;
    }
  };
}

function Header({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const advance = useAdvance(round.id);
  const run = useRun();
  const next = ROUND_NEXT[round.status];
  const mayAdvance = next && (round.may.manage || (round.may.approve && round.status === 'draft'));
  const ask = () =>
    next &&
    modal.confirm({
      title: t('gridSocial.round.advanceTitle', { action: t(`gridSocial.round.advance.${next}`) }),
      content: t('gridSocial.round.advanceContent', { from: t(`gridSocial.roundStatus.${round.status}`), to: t(`gridSocial.roundStatus.${next}`) }),
      okText: t(`gridSocial.round.advance.${next}`),
      cancelText: t('gridSocial.cancel'),
      onOk: () => run(() => advance.mutateAsync(next), t('gridSocial.round.done')),
    });
  return (
    <>
      <PageHeader
        title={round.title}
        tags={<RoundStatusTag status={round.status} />}
        extra={
          <Space wrap>
            <Link to="/grid/social/rounds">{t('gridSocial.round.back')}</Link>
            {mayAdvance && (
              <Button type="primary" onClick={ask}>
                {t(`gridSocial.round.advance.${next}`)}
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('gridSocial.rounds.place')}>{round.placeName}</Descriptions.Item>
          <Descriptions.Item label={t('gridSocial.round.pool')}>{t('gridSocial.yuan', { amount: yuan(round.poolFen) })}</Descriptions.Item>
          <Descriptions.Item label={t('gridSocial.round.cap')}>{t('gridSocial.yuan', { amount: yuan(round.capFen) })}</Descriptions.Item>
          <Descriptions.Item label={t('gridSocial.round.call')}>{`${formatDate(round.opensOn)} – ${formatDate(round.closesOn)}`}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}

function Applications({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const columns: TableColumnsType<App_> = [
    { title: t('gridSocial.round.rank'), dataIndex: 'rank', width: 70 },
    { title: t('gridSocial.round.projectTitle'), dataIndex: 'title' },
    { title: t('gridSocial.round.org'), dataIndex: 'orgName' },
    { title: t('gridSocial.orgs.field'), dataIndex: 'field', render: (v: string) => <Tag>{t(`gridSocial.field.${v}`)}</Tag> },
    { title: t('gridSocial.round.budgetTotal'), dataIndex: 'budgetFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('gridSocial.round.average'), dataIndex: 'average', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
    { title: t('gridSocial.round.scoredBy'), dataIndex: 'scoredBy', align: 'right' },
    { title: t('gridSocial.round.grant'), dataIndex: 'grantFen', align: 'right', render: (v: number | null) => (v === null ? '—' : yuan(v)) },
  ];
  return (
    <Card
      extra={
        round.may.manage &&
        round.status === 'call' && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('gridSocial.round.addApplication')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        columns={columns}
        dataSource={round.applications}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('gridSocial.round.noApplications') }}
        expandable={{
          expandedRowRender: (a) => (
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('gridSocial.round.summary')}>{a.summary || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('gridSocial.round.beneficiaries')}>{a.beneficiaries || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('gridSocial.round.budget')}>{a.budget.map((l) => `${l.item} ${yuan(l.amountFen)}`).join('；')}</Descriptions.Item>
            </Descriptions>
          ),
        }}
      />
      {adding && <ApplicationModal round={round} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function ApplicationModal({ round, onClose }: { round: RoundView; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddApplication(round.id);
  const orgs = useOrgs({ active: true, pageSize: 100 });
  return (
    <FormModal<{ orgId: string; title: string; field: string; summary?: string; beneficiaries?: string; budget: { item: string; amount: number }[] }>
      title={t('gridSocial.round.addApplication')}
      open
      width={680}
      onClose={onClose}
      initialValues={{ field: 'elderly', budget: [{ item: '', amount: 0 }] }}
      submit={(v) => add.mutateAsync({ orgId: v.orgId, title: v.title, field: v.field, summary: v.summary ?? '', beneficiaries: v.beneficiaries ?? '', budget: v.budget.map((l) => ({ item: l.item, amountFen: fen(l.amount) })) })}
    >
      <Form.Item name="orgId" label={t('gridSocial.round.org')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" loading={orgs.isLoading} options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.placeName}）` }))} />
      </Form.Item>
      <Form.Item name="title" label={t('gridSocial.round.projectTitle')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="field" label={t('gridSocial.orgs.field')} rules={[{ required: true }]}>
        <Select options={ORG_FIELDS.map((f) => ({ value: f, label: t(`gridSocial.field.${f}`) }))} />
      </Form.Item>
      <Form.Item name="summary" label={t('gridSocial.round.summary')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Form.Item name="beneficiaries" label={t('gridSocial.round.beneficiaries')} rules={[{ max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Typography.Text strong>{t('gridSocial.round.budget')}</Typography.Text>
      <Form.List name="budget">
        {(fields, { add: addLine, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'item']} rules={[{ required: true, whitespace: true, max: 60 }]}>
                  <Input placeholder={t('gridSocial.round.budgetItem')} aria-label={t('gridSocial.round.budgetItem')} maxLength={60} />
                </Form.Item>
                <Form.Item name={[f.name, 'amount']} rules={[{ required: true }]}>
                  <InputNumber placeholder={t('gridSocial.round.amount')} aria-label={t('gridSocial.round.amount')} min={0.01} precision={2} style={{ width: 160 }} />
                </Form.Item>
                {fields.length > 1 && <Button onClick={() => remove(f.name)}>−</Button>}
              </Space>
            ))}
            <Button onClick={() => addLine({ item: '', amount: 0 })}>{t('gridSocial.round.addLine')}</Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('gridSocial.round.cap')}：{yuan(round.capFen)}
            </Typography.Paragraph>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

function Review({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [adding, setAdding] = useState(false);
  const remove = useRemoveReviewer(round.id);
  const run = useRun();
  const panelEditable = round.may.approve && ['draft', 'call', 'review'].includes(round.status);
  const matrixColumns: TableColumnsType<App_> = [
    { title: t('gridSocial.round.rank'), dataIndex: 'rank', width: 70 },
    { title: t('gridSocial.round.projectTitle'), dataIndex: 'title' },
    ...round.panel.map((p) => ({
      title: p.name,
      key: p.accountId,
      align: 'right' as const,
      render: (_: unknown, a: App_) => {
        const rows = round.scores.filter((s) => s.applicationId === a.id && s.accountId === p.accountId);
        if (p.affiliationOrgId && p.affiliationOrgId === a.orgId) return <Tag>{t('gridSocial.round.conflict')}</Tag>;
        return rows.length ? (
          <span title={rows.map((s) => `${t(`gridSocial.criterion.${s.criterion}`)} ${s.score}`).join(' / ')}>{rows.reduce((x, s) => x + s.score, 0)}</span>
        ) : (
          <Typography.Text type="secondary">{t('gridSocial.round.notScored')}</Typography.Text>
        );
      },
    })),
    { title: t('gridSocial.round.average'), dataIndex: 'average', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('gridSocial.round.panel')}
        extra={
          panelEditable && (
            <Button onClick={() => setAdding(true)}>{t('gridSocial.round.addReviewer')}</Button>
          )
        }
      >
        <Table
          rowKey="accountId"
          pagination={false}
          dataSource={round.panel}
          columns={[
            { title: t('gridSocial.round.reviewerCol'), dataIndex: 'name' },
            { title: t('gridSocial.round.affiliation'), dataIndex: 'affiliationName', render: (v: string | null) => v ?? t('gridSocial.round.affiliationNone') },
            { title: t('gridSocial.round.scoredBy'), dataIndex: 'scored', render: (v: number) => t('gridSocial.round.scored', { count: v }) },
            ...(panelEditable
              ? [
                  {
                    title: '',
                    key: 'remove',
                    render: (_: unknown, p: RoundView['panel'][number]) =>
                      p.scored === 0 && (
                        <Button
                          size="small"
                          onClick={() =>
                            modal.confirm({
                              title: `${t('gridSocial.round.removeReviewer')} ${p.name}?`,
                              cancelText: t('gridSocial.cancel'),
                              onOk: () => run(() => remove.mutateAsync(p.accountId), t('gridSocial.round.done')),
                            })
                          }
                        >
                          {t('gridSocial.round.removeReviewer')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('gridSocial.round.myScoring')}>
        {round.may.score ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            {round.applications.map((a) => (
              <ScoreForm key={a.id} app={a} />
            ))}
          </Space>
        ) : (
          <Alert type="info" showIcon message={round.may.review ? t('gridSocial.round.notInReview') : t('gridSocial.round.notReviewer')} />
        )}
      </Card>
      <Card title={t('gridSocial.round.matrix')}>
        <Table rowKey="id" pagination={false} dataSource={round.applications} columns={matrixColumns} scroll={{ x: 700 }} locale={{ emptyText: t('gridSocial.round.noApplications') }} />
      </Card>
      {adding && <ReviewerModal round={round} onClose={() => setAdding(false)} />}
    </Space>
  );
}

function ScoreForm({ app }: { app: App_ }) {
  const { t } = useTranslation();
  const score = useScore();
  const run = useRun();
  const [form] = Form.useForm<Record<ScoreCriterion, number>>();
  if (app.conflict)
    return (
      <Card size="small" title={app.title} extra={<Tag>{t('gridSocial.round.conflict')}</Tag>}>
        <Typography.Text type="secondary">{t('gridSocial.round.conflictHint')}</Typography.Text>
      </Card>
    );
  return (
    <Card size="small" title={`${app.title} · ${app.orgName}`}>
      <Form form={form} layout="inline" initialValues={app.myScores ?? {}} onFinish={(v) => run(() => score.mutateAsync({ id: app.id, scores: v }), t('gridSocial.round.scoresSaved')).catch(() => undefined)}>
        {SCORE_CRITERIA.map((c) => (
          <Form.Item key={c} name={c} label={`${t(`gridSocial.criterion.${c}`)}（${SCORE_MAX[c]}）`} rules={[{ required: true }]}>
            <InputNumber min={0} max={SCORE_MAX[c]} precision={0} style={{ width: 80 }} />
          </Form.Item>
        ))}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={score.isPending}>
            {t('gridSocial.round.submitScores')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function ReviewerModal({ round, onClose }: { round: RoundView; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddReviewer(round.id);
  const options = useReviewerOptions(round.id, true);
  const orgs = useOrgs({ pageSize: 100 });
  const taken = new Set(round.panel.map((p) => p.accountId));
  return (
    <FormModal<{ accountId: string; affiliationOrgId?: string }> title={t('gridSocial.round.addReviewer')} open onClose={onClose} submit={(v) => add.mutateAsync({ accountId: v.accountId, affiliationOrgId: v.affiliationOrgId ?? null })}>
      <Form.Item name="accountId" label={t('gridSocial.round.reviewerAccount')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" loading={options.isLoading} options={(options.data ?? []).filter((o) => !taken.has(o.id)).map((o) => ({ value: o.id, label: o.username ? `${o.name}（${o.username}）` : o.name }))} />
      </Form.Item>
      <Form.Item name="affiliationOrgId" label={t('gridSocial.round.affiliation')}>
        <Select allowClear showSearch optionFilterProp="label" options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
    </FormModal>
  );
}

function Funding({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const propose = usePropose(round.id);
  const approve = useApprove(round.id);
  const run = useRun();
  const [picked, setPicked] = useState<Record<string, number | null>>({});
  const lines = Object.entries(picked).filter((e): e is [string, number] => e[1] !== null);
  const total = lines.reduce((s, [, y]) => s + fen(y), 0);
  const f = round.funding;
  const mayPropose = round.may.manage && round.status === 'review';

  const submit = () =>
    modal.confirm({
      title: t('gridSocial.round.submitFundingTitle'),
      content: t('gridSocial.round.submitFundingContent', { count: lines.length, total: yuan(total) }),
      okText: t('gridSocial.round.submitFunding'),
      cancelText: t('gridSocial.cancel'),
      onOk: () => run(() => propose.mutateAsync(lines.map(([applicationId, y]) => ({ applicationId, grantFen: fen(y) }))), t('gridSocial.round.fundingSubmitted')),
    });
  const doApprove = () =>
    modal.confirm({
      title: t('gridSocial.round.approveTitle'),
      content: t('gridSocial.round.approveContent'),
      okText: t('gridSocial.round.approve'),
      cancelText: t('gridSocial.cancel'),
      onOk: () => run(() => approve.mutateAsync(undefined), t('gridSocial.round.approved')),
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={f ? <Space>{t('gridSocial.round.tabs.funding')}<Tag color={f.status === 'approved' ? 'green' : 'gold'}>{t(`gridSocial.round.fundingStatus.${f.status}`)}</Tag></Space> : t('gridSocial.round.tabs.funding')}
        extra={
          f?.mayApprove && (
            <Button type="primary" onClick={doApprove}>
              {t('gridSocial.round.approve')}
            </Button>
          )
        }
      >
        {f ? (
          <>
            <Table
              rowKey="applicationId"
              pagination={false}
              dataSource={f.lines}
              columns={[
                { title: t('gridSocial.round.projectTitle'), dataIndex: 'title' },
                { title: t('gridSocial.round.org'), dataIndex: 'orgName' },
                { title: t('gridSocial.round.grant'), dataIndex: 'grantFen', align: 'right', render: (v: number) => yuan(v) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    {t('gridSocial.round.total')}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {yuan(f.totalFen)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('gridSocial.round.proposedBy', { name: f.proposedBy, at: formatDateTime(f.proposedAt) })}
              {f.approvedBy && ` · ${t('gridSocial.round.approvedBy', { name: f.approvedBy, at: formatDateTime(f.approvedAt) })}`}
            </Typography.Paragraph>
            {f.status === 'proposed' && round.may.approve && !f.mayApprove && <Alert type="warning" showIcon message={t('gridSocial.round.sameApprover')} />}
          </>
        ) : (
          <Empty description={t('gridSocial.round.fundingNone')} />
        )}
      </Card>
      {mayPropose && (
        <Card
          title={t('gridSocial.round.draftFunding')}
          extra={
            <Button type="primary" disabled={!lines.length || total > round.poolFen} onClick={submit}>
              {t('gridSocial.round.submitFunding')}
            </Button>
          }
        >
          <Table
            rowKey="id"
            pagination={false}
            dataSource={round.applications}
            columns={[
              {
                title: t('gridSocial.round.select'),
                key: 'pick',
                width: 70,
                render: (_: unknown, a: App_) => (
                  <Checkbox aria-label={a.title} checked={picked[a.id] !== undefined && picked[a.id] !== null} onChange={(e) => setPicked((p) => ({ ...p, [a.id]: e.target.checked ? Math.min(a.budgetFen, round.capFen) / 100 : null }))} />
                ),
              },
              { title: t('gridSocial.round.rank'), dataIndex: 'rank', width: 70 },
              { title: t('gridSocial.round.projectTitle'), dataIndex: 'title' },
              { title: t('gridSocial.round.average'), dataIndex: 'average', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
              { title: t('gridSocial.round.budgetTotal'), dataIndex: 'budgetFen', align: 'right', render: (v: number) => yuan(v) },
              {
                title: t('gridSocial.round.grant'),
                key: 'grant',
                render: (_: unknown, a: App_) =>
                  picked[a.id] !== undefined && picked[a.id] !== null ? (
                    <InputNumber aria-label={`${t('gridSocial.round.grant')} ${a.title}`} min={0.01} max={Math.min(a.budgetFen, round.capFen) / 100} precision={2} value={picked[a.id]} onChange={(v) => setPicked((p) => ({ ...p, [a.id]: v }))} />
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 8 }} type={total > round.poolFen ? 'danger' : undefined}>
            {t('gridSocial.round.proposeTotal', { total: yuan(total), pool: yuan(round.poolFen) })}
          </Typography.Paragraph>
        </Card>
      )}
    </Space>
  );
}

function Projects({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const funded = round.applications.filter((a) => a.grantFen !== null);
  if (!funded.length) return <Empty description={t('gridSocial.round.noProjects')} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {funded.map((a) => (
        <Project key={a.id} round={round} app={a} plan={round.projects.find((p) => p.applicationId === a.id)?.milestones ?? []} />
      ))}
    </Space>
  );
}

type Milestone = RoundView['projects'][number]['milestones'][number];

function Project({ round, app, plan }: { round: RoundView; app: App_; plan: Milestone[] }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const decide = useDecideReport();
  const run = useRun();
  const [dialog, setDialog] = useState<'plan' | 'evaluate' | { report: Milestone } | { returning: string } | null>(null);
  const manage = round.may.manage;
  const planEditable = manage && ['funded', 'running'].includes(round.status) && plan.every((m) => m.status === 'pending');
  const accept = (reportId: string, m: Milestone) =>
    modal.confirm({
      title: t('gridSocial.round.acceptTitle'),
      content: t('gridSocial.round.acceptContent', { amount: yuan(m.trancheFen) }),
      okText: t('gridSocial.round.accept'),
      cancelText: t('gridSocial.cancel'),
      onOk: () => run(() => decide.mutateAsync({ id: reportId, accept: true }), t('gridSocial.round.done')),
    });
  return (
    <Card
      title={`${app.title} · ${app.orgName}`}
      extra={
        <Space wrap>
          <span>{t('gridSocial.round.grant')} {yuan(app.grantFen ?? 0)}</span>
          {app.grade && <Tag color={app.grade === 'fail' ? 'red' : 'green'}>{t(`gridSocial.grade.${app.grade}`)}</Tag>}
          {planEditable && <Button onClick={() => setDialog('plan')}>{t('gridSocial.round.setMilestones')}</Button>}
          {manage && round.status === 'running' && !app.grade && <Button onClick={() => setDialog('evaluate')}>{t('gridSocial.round.evaluate')}</Button>}
        </Space>
      }
    >
      {app.gradeNote && <Typography.Paragraph type="secondary">{`${t('gridSocial.round.evaluation')}：${app.gradeNote}`}</Typography.Paragraph>}
      <Table
        rowKey="id"
        pagination={false}
        dataSource={plan}
        locale={{ emptyText: t('gridSocial.round.milestones') }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 50 },
          { title: t('gridSocial.round.milestoneTitle'), dataIndex: 'title' },
          { title: t('gridSocial.round.dueOn'), dataIndex: 'dueOn', render: (v: string) => formatDate(v) },
          { title: t('gridSocial.round.tranche'), dataIndex: 'trancheFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('gridSocial.rounds.status'), dataIndex: 'status', render: (v: string) => <Tag color={v === 'accepted' ? 'green' : v === 'reported' ? 'gold' : v === 'returned' ? 'red' : 'default'}>{t(`gridSocial.milestoneStatus.${v}`)}</Tag> },
          {
            title: '',
            key: 'act',
            render: (_: unknown, m: Milestone) =>
              manage &&
              round.status === 'running' &&
              (m.status === 'pending' || m.status === 'returned') && (
                <Button size="small" onClick={() => setDialog({ report: m })}>
                  {t('gridSocial.round.report')}
                </Button>
              ),
          },
        ]}
        expandable={{
          rowExpandable: (m) => m.reports.length > 0,
          expandedRowRender: (m) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {m.reports.map((r) => (
                <Card key={r.id} size="small" title={`${formatDateTime(r.submittedAt)} · ${t(`gridSocial.reportStatus.${r.status}`)}`}>
                  <Typography.Paragraph>{r.note}</Typography.Paragraph>
                  <Space wrap>
                    {r.files.map((f) => (
                      <a key={f.id} href={`/api/grid/files/${f.id}`} target="_blank" rel="noreferrer">
                        {f.label}
                      </a>
                    ))}
                  </Space>
                  {r.decisionNote && <Typography.Paragraph type="secondary">{r.decisionNote}</Typography.Paragraph>}
                  {manage && r.status === 'submitted' && round.status === 'running' && (
                    <Space style={{ marginTop: 8 }}>
                      <Button type="primary" size="small" onClick={() => accept(r.id, m)}>
                        {t('gridSocial.round.accept')}
                      </Button>
                      <Button size="small" danger onClick={() => setDialog({ returning: r.id })}>
                        {t('gridSocial.round.return')}
                      </Button>
                    </Space>
                  )}
                </Card>
              ))}
            </Space>
          ),
        }}
      />
      {dialog === 'plan' && <PlanModal app={app} plan={plan} onClose={() => setDialog(null)} />}
      {dialog === 'evaluate' && <EvaluateModal app={app} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === 'object' && 'report' in dialog && <ReportModal milestone={dialog.report} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === 'object' && 'returning' in dialog && (
        <FormModal<{ reason: string }> title={t('gridSocial.round.return')} open onClose={() => setDialog(null)} submit={(v) => decide.mutateAsync({ id: dialog.returning, accept: false, reason: v.reason })}>
          <Form.Item name="reason" label={t('gridSocial.round.returnReason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input.TextArea maxLength={200} rows={3} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

function PlanModal({ app, plan, onClose }: { app: App_; plan: Milestone[]; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetMilestones();
  const grant = app.grantFen ?? 0;
  return (
    <FormModal<{ milestones: { title: string; dueOn: dayjs.Dayjs; tranche: number }[] }>
      title={t('gridSocial.round.setMilestones')}
      open
      width={680}
      onClose={onClose}
      initialValues={{ milestones: plan.length ? plan.map((m) => ({ title: m.title, dueOn: dayjs(m.dueOn), tranche: m.trancheFen / 100 })) : [{ title: '', dueOn: undefined as unknown as dayjs.Dayjs, tranche: grant / 100 }] }}
      submit={(v) => save.mutateAsync({ id: app.id, milestones: v.milestones.map((m) => ({ title: m.title, dueOn: m.dueOn.format('YYYY-MM-DD'), trancheFen: fen(m.tranche) })) })}
    >
      <Typography.Paragraph type="secondary">{t('gridSocial.round.trancheTotal', { grant: yuan(grant) })}</Typography.Paragraph>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, max: 60 }]}>
                  <Input placeholder={t('gridSocial.round.milestoneTitle')} aria-label={t('gridSocial.round.milestoneTitle')} maxLength={60} />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}>
                  <DatePicker placeholder={t('gridSocial.round.dueOn')} aria-label={t('gridSocial.round.dueOn')} />
                </Form.Item>
                <Form.Item name={[f.name, 'tranche']} rules={[{ required: true }]}>
                  <InputNumber placeholder={t('gridSocial.round.tranche')} aria-label={t('gridSocial.round.tranche')} min={0.01} precision={2} style={{ width: 150 }} />
                </Form.Item>
                {fields.length > 1 && <Button onClick={() => remove(f.name)}>−</Button>}
              </Space>
            ))}
            <Button onClick={() => add({ title: '', tranche: 0 })}>{t('gridSocial.round.addMilestone')}</Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

function ReportModal({ milestone, onClose }: { milestone: Milestone; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useReport();
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <FormModal<{ note: string; labels?: string }>
      title={t('gridSocial.round.reportTitle', { title: milestone.title })}
      open
      width={600}
      onClose={onClose}
      submit={(v) => report.mutateAsync({ milestoneId: milestone.id, note: v.note, labels: v.labels ?? '', files: files.map((f) => f.originFileObj as File).filter(Boolean) })}
    >
      <Form.Item name="note" label={t('gridSocial.round.reportNote')} rules={[{ required: true, whitespace: true, max: 500 }]}>
        <Input.TextArea rows={4} maxLength={500} />
      </Form.Item>
      <Form.Item label={t('gridSocial.round.evidence')} required>
        <Upload multiple maxCount={6} accept="image/jpeg,image/png,image/webp,application/pdf" fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
          <Button>{t('gridSocial.round.evidence')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="labels" label={t('gridSocial.round.reportLabels')}>
        <Input.TextArea rows={2} maxLength={600} />
      </Form.Item>
    </FormModal>
  );
}

function EvaluateModal({ app, onClose }: { app: App_; onClose: () => void }) {
  const { t } = useTranslation();
  const evaluate = useEvaluate();
  return (
    <FormModal<{ grade: string; note?: string }> title={`${t('gridSocial.round.evaluate')} · ${app.title}`} open onClose={onClose} submit={(v) => evaluate.mutateAsync({ id: app.id, grade: v.grade, note: v.note ?? '' })}>
      <Form.Item name="grade" label={t('gridSocial.round.gradeLabel')} rules={[{ required: true }]}>
        <Select options={PROJECT_GRADES.map((g) => ({ value: g, label: t(`gridSocial.grade.${g}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('gridSocial.round.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
