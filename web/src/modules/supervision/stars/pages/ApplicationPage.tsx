import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Input, InputNumber, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { companyShareAllowed, type RecipientKind } from '#server/modules/supervision/contract.ts';
import { ApiError } from '../../../../shared/api.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { useChangeOutcome } from '../../../../workbench/components/approval-notice.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Application, useAllocate, useApplication, useAssessors, useAssign, useRequestConfirmation, useStartAssessment } from '../api.ts';
import { scoreText, StarsText, StatusTag, TypeTag, yuanText } from '../components/labels.tsx';

/** 星级申请: one application from applying to the reward's allocation, with what the actor may do at each step. */
export function ApplicationPage() {
  const { id } = useParams<{ id: string }>();
  const app = useApplication(id!);
  const { t } = useTranslation();
  return (
    <QueryView query={app}>
      {(a) => (
        <>
          <PageHeader
            title={t('supervisionStars.detail.title', { compound: a.compoundName, period: a.period })}
            tags={a.status === 'assessing' && a.inspection?.status === 'submitted' ? <Tag color="blue">{t('supervisionStars.detail.scored')}</Tag> : <StatusTag status={a.status} />}
            breadcrumb={<Link to="/supervision/stars">{t('supervisionStars.page.title')}</Link>}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card title={t('supervisionStars.detail.application')}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('supervisionStars.col.compound')}>{a.compoundName}</Descriptions.Item>
                  <Descriptions.Item label={t('supervisionStars.col.period')}>{a.period}</Descriptions.Item>
                  <Descriptions.Item label={t('supervisionStars.col.level')}>
                    <StarsText stars={a.level} /> {t('supervisionStars.nStars', { n: a.level })}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('supervisionStars.detail.before')}>{a.starsBefore ? <StarsText stars={a.starsBefore} /> : t('supervisionStars.detail.noStar')}</Descriptions.Item>
                  <Descriptions.Item label={t('supervisionStars.detail.applicant')}>
                    {a.applicantName} · {formatDate(a.appliedAt)}
                  </Descriptions.Item>
                  {a.note && <Descriptions.Item label={t('supervisionStars.apply.note')}>{a.note}</Descriptions.Item>}
                </Descriptions>
              </Card>
              <AssessorCard a={a} />
            </Col>
            <Col xs={24} lg={14}>
              <ResultCard a={a} />
              {a.reward && <RewardCard a={a} />}
            </Col>
          </Row>
        </>
      )}
    </QueryView>
  );
}

function AssessorCard({ a }: { a: Application }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const assessors = useAssessors(a.id, a.can.assign);
  const assign = useAssign(a.id);
  const start = useStartAssessment(a.id);
  const [chosen, setChosen] = useState<string | undefined>(a.assessorId ?? undefined);
  const inspectionLink = a.inspection ? `/supervision/inspections/${a.inspection.id}` : null;
  return (
    <Card title={t('supervisionStars.detail.assessment')} style={{ marginTop: 16 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('supervisionStars.col.assessor')}>{a.assessorName ?? t('supervisionStars.detail.noAssessor')}</Descriptions.Item>
        {a.inspection && (
          <Descriptions.Item label={t('supervisionStars.detail.inspection')}>
            <Link to={inspectionLink!}>{a.inspection.status === 'submitted' ? t('supervisionStars.detail.inspectionSubmitted', { name: a.inspection.inspectorName }) : t('supervisionStars.detail.inspectionDraft', { name: a.inspection.inspectorName })}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      {a.can.assign && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Select
            aria-label={t('supervisionStars.detail.chooseAssessor')}
            placeholder={t('supervisionStars.detail.chooseAssessor')}
            style={{ flex: 1 }}
            value={chosen}
            onChange={setChosen}
            loading={assessors.isPending}
            options={(assessors.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.placeName}）` }))}
          />
          <Button type="primary" disabled={!chosen} loading={assign.isPending} onClick={async () => {
            await assign.mutateAsync({ assessorId: chosen! });
            void message.success(t('supervisionStars.detail.assigned'));
          }}>
            {t('supervisionStars.detail.assign')}
          </Button>
        </Space.Compact>
      )}
      {a.can.assess && (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('supervisionStars.detail.assessHelp')}</Typography.Text>
          {a.inspection ? (
            <Button type="primary" onClick={() => navigate(inspectionLink!)}>
              {t('supervisionStars.detail.continue')}
            </Button>
          ) : (
            <Button type="primary" loading={start.isPending} onClick={async () => navigate(`/supervision/inspections/${(await start.mutateAsync(undefined)).inspectionId}`)}>
              {t('supervisionStars.detail.start')}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}

function ResultCard({ a }: { a: Application }) {
  const { t } = useTranslation();
  const confirm = useRequestConfirmation(a.id);
  const outcome = useChangeOutcome();
  return (
    <Card title={t('supervisionStars.detail.result')}>
      {a.scoreCenti === null ? (
        <Typography.Text type="secondary">{t('supervisionStars.detail.notScored')}</Typography.Text>
      ) : (
        <Row gutter={16}>
          <Col span={8}>
            <Statistic title={t('supervisionStars.col.score')} value={scoreText(a.scoreCenti)} valueRender={(v) => <span data-testid="stars-score">{v}</span>} />
          </Col>
          <Col span={8}>
            <Statistic title={t('supervisionStars.col.stars')} valueRender={() => <span data-testid="stars-star" data-stars={a.stars}><StarsText stars={a.stars!} /></span>} />
          </Col>
          <Col span={8}>
            <Statistic title={t('supervisionStars.col.type')} valueRender={() => <TypeTag type={a.type!} />} />
          </Col>
        </Row>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('supervisionStars.detail.bands')}
        {a.bands.map((b) => `${t('supervisionStars.nStars', { n: b.stars })} ${b.stars === 5 ? `[${scoreText(b.from)}, 100]` : `[${scoreText(b.from)}, ${scoreText(b.to)})`}`).join('；')}
      </Typography.Paragraph>
      {a.approval && (
        <Alert
          style={{ marginTop: 12 }}
          showIcon
          type={a.approval.status === 'approved' ? 'success' : a.approval.status === 'rejected' ? 'error' : 'info'}
          title={t(`supervisionStars.approval.${a.approval.status}`, { by: a.approval.decidedBy ?? '', at: formatDateTime(a.approval.decidedAt) })}
          description={a.approval.note ?? undefined}
        />
      )}
      {a.can.confirm && (
        <Popconfirm title={t('supervisionStars.detail.confirmAsk', { n: a.stars })} onConfirm={async () => outcome(await confirm.mutateAsync(undefined), t('supervisionStars.detail.confirmSent'))}>
          <Button type="primary" style={{ marginTop: 12 }} loading={confirm.isPending}>
            {t('supervisionStars.detail.confirm')}
          </Button>
        </Popconfirm>
      )}
    </Card>
  );
}

interface Line {
  key: number;
  recipient: string;
  name: string;
  amount: number | null;
  purpose: string;
}

function RewardCard({ a }: { a: Application }) {
  const { t } = useTranslation();
  const reward = a.reward!;
  const recipients = a.recipients;
  const kindOf = (recipient: string) => (recipient === 'other' ? 'other' : (recipients.find((r) => r.id === recipient)?.kind ?? 'other')) as RecipientKind;
  return (
    <Card title={t('supervisionStars.reward.title')} style={{ marginTop: 16 }}>
      <Descriptions column={2} size="small">
        <Descriptions.Item label={t('supervisionStars.reward.amount')}>
          <strong data-testid="reward-amount">{yuanText(reward.amountFen)}</strong> {t('supervisionStars.yuan')}
        </Descriptions.Item>
        <Descriptions.Item label={t('supervisionStars.reward.move')}>{t('supervisionStars.reward.moveText', { from: reward.fromStars, to: reward.toStars })}</Descriptions.Item>
        <Descriptions.Item label={t('supervisionStars.reward.cap')}>{reward.companyMaxPercent}%</Descriptions.Item>
        <Descriptions.Item label={t('supervisionStars.reward.allocatedAt')}>{reward.allocatedAt ? formatDateTime(reward.allocatedAt) : t('supervisionStars.reward.notAllocated')}</Descriptions.Item>
      </Descriptions>
      {reward.lines.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          style={{ marginTop: 12 }}
          dataSource={reward.lines}
          columns={[
            { title: t('supervisionStars.reward.recipient'), dataIndex: 'recipientName' },
            { title: t('supervisionStars.reward.kind'), dataIndex: 'recipientKind', render: (k: string) => t(`supervisionStars.recipient.${k}`) },
            { title: t('supervisionStars.reward.lineAmount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => yuanText(f) },
            { title: t('supervisionStars.reward.purpose'), dataIndex: 'purpose' },
          ]}
        />
      )}
      {a.can.allocate && <AllocationForm key={reward.allocatedAt ?? 'new'} a={a} kindOf={kindOf} />}
    </Card>
  );
}

function AllocationForm({ a, kindOf }: { a: Application; kindOf: (recipient: string) => RecipientKind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reward = a.reward!;
  const allocate = useAllocate(a.id);
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<Line[]>(() =>
    reward.lines.length
      ? reward.lines.map((l, i) => ({ key: i, recipient: l.organisationId ?? 'other', name: l.organisationId ? '' : l.recipientName, amount: l.amountFen / 100, purpose: l.purpose }))
      : a.recipients.map((r, i) => ({ key: i, recipient: r.id, name: '', amount: null, purpose: '' })),
  );
  const fen = (v: number | null) => Math.round((v ?? 0) * 100);
  const total = lines.reduce((s, l) => s + fen(l.amount), 0);
  const company = lines.filter((l) => kindOf(l.recipient) === 'property_company').reduce((s, l) => s + fen(l.amount), 0);
  const sharePct = useMemo(() => (reward.amountFen ? ((company * 100) / reward.amountFen).toFixed(2) : '0.00'), [company, reward.amountFen]);
  const over = !companyShareAllowed(company, reward.amountFen, reward.companyMaxPercent);
  const set = (key: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const options = [...a.recipients.map((r) => ({ value: r.id, label: `${r.name}（${t(`supervisionStars.recipient.${r.kind}`)}）` })), { value: 'other', label: t('supervisionStars.recipient.other') }];
  const submit = async () => {
    setError(null);
    try {
      await allocate.mutateAsync({
        lines: lines.map((l) => {
          const kind = kindOf(l.recipient);
          return kind === 'other'
            ? { recipientKind: kind, recipientName: l.name.trim(), amountFen: fen(l.amount), purpose: l.purpose.trim() }
            : { recipientKind: kind, organisationId: l.recipient, amountFen: fen(l.amount), purpose: l.purpose.trim() };
        }),
      });
      void message.success(t('supervisionStars.reward.saved'));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('supervisionStars.reward.form')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('supervisionStars.reward.formHelp', { cap: reward.companyMaxPercent })}</Typography.Paragraph>
      {lines.map((l, i) => (
        <Flex key={l.key} gap={8} style={{ marginBottom: 8 }} data-line={i + 1}>
          <Select aria-label={t('supervisionStars.reward.lineRecipient', { n: i + 1 })} style={{ width: 200 }} value={l.recipient} options={options} onChange={(v) => set(l.key, { recipient: v })} />
          {l.recipient === 'other' && <Input aria-label={t('supervisionStars.reward.lineName', { n: i + 1 })} placeholder={t('supervisionStars.reward.namePlaceholder')} style={{ width: 130 }} value={l.name} onChange={(e) => set(l.key, { name: e.target.value })} />}
          <InputNumber aria-label={t('supervisionStars.reward.lineAmountN', { n: i + 1 })} min={0} precision={2} style={{ width: 150 }} value={l.amount} onChange={(v) => set(l.key, { amount: v })} addonAfter={t('supervisionStars.yuan')} />
          <Input aria-label={t('supervisionStars.reward.linePurpose', { n: i + 1 })} placeholder={t('supervisionStars.reward.purpose')} style={{ flex: 1, minWidth: 120 }} value={l.purpose} onChange={(e) => set(l.key, { purpose: e.target.value })} maxLength={200} />
          <Button aria-label={t('supervisionStars.reward.removeLine', { n: i + 1 })} icon={<DeleteOutlined />} disabled={lines.length === 1} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))} />
        </Flex>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => setLines((ls) => [...ls, { key: Math.max(0, ...ls.map((x) => x.key)) + 1, recipient: 'other', name: '', amount: null, purpose: '' }])}>
        {t('supervisionStars.reward.addLine')}
      </Button>
      <Flex gap={24} wrap style={{ marginTop: 12 }} aria-live="polite">
        <Typography.Text type={total === reward.amountFen ? 'success' : 'warning'} data-testid="allocation-total">
          {t('supervisionStars.reward.total', { total: yuanText(total), reward: yuanText(reward.amountFen) })}
        </Typography.Text>
        <Typography.Text type={over ? 'danger' : undefined} strong data-testid="company-share">
          {t('supervisionStars.reward.share', { pct: sharePct, cap: reward.companyMaxPercent })}
        </Typography.Text>
      </Flex>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={t('supervisionStars.reward.refused')} description={error} data-testid="allocation-error" />}
      <Button type="primary" style={{ marginTop: 12 }} loading={allocate.isPending} onClick={submit}>
        {t('supervisionStars.reward.save')}
      </Button>
    </div>
  );
}
