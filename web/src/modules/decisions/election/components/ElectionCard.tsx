import { CheckOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import type { Decision } from '../../api.ts';
import {
  CANDIDATE_STATUSES,
  type Candidate,
  type CandidateStatus,
  type Election,
  nominationsOpen,
  STATEMENT_MAX,
  useCorrectCandidate,
  useElection,
  useGiveVerdict,
  usePlaceOnBallot,
  useRecordConsent,
  useWithdrawCandidate,
} from '../api.ts';
import { ElectionResultPanel } from './ElectionResultPanel.tsx';
import { CandidateStatusTag, useReasonLabel, VerdictTag } from './labels.tsx';
import { NominateModal } from './NominateModal.tsx';
import { VerdictModal, type VerdictTarget } from './VerdictModal.tsx';
import '../i18n.ts';

/** 业委会选举 on an election's page: the rules it was created under, its candidates, their vetting, the ballot, and the result. */
export function ElectionCard({ decision }: { decision: Decision }) {
  const election = useElection(decision.id);
  return <QueryView query={election}>{(e) => <ElectionView d={decision} e={e} />}</QueryView>;
}

const before = (status: string) => status === 'draft' || status === 'roll_published';

function ElectionView({ d, e }: { d: Decision; e: Election }) {
  const { t } = useTranslation();
  const [nominating, setNominating] = useState(false);
  const live = e.candidates.filter((c) => c.status !== 'withdrawn');
  const approved = live.filter((c) => c.status === 'approved').sort((a, b) => a.no - b.no);
  // The ballot must carry exactly the approved candidates: a later approval or withdrawal needs 上选票 again.
  const onBallot = e.candidates.filter((c) => c.onBallot);
  const ballotOutdated = before(d.status) && approved.length > 0 && (onBallot.length !== approved.length || approved.some((c) => !c.onBallot));
  const open = nominationsOpen(d.status, e.nominationUntil, todayInShanghai());

  return (
    <>
      {e.result && <ElectionResultPanel decisionId={d.id} election={e} />}
      <Card title={t('decisionsElection.card.title')} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('decisionsElection.card.purpose')}>
            {t(`decisionsElection.purpose.${e.purpose}`)}
            {e.parentId && (
              <Link to={`/decisions/${e.parentId}`} style={{ marginInlineStart: 8 }}>
                {t('decisionsElection.card.toParent')}
              </Link>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('decisionsElection.card.seats')}>{t('decisionsElection.card.seatsValue', { n: e.seats })}</Descriptions.Item>
          <Descriptions.Item label={t('decisionsElection.card.alternates')}>{t('decisionsElection.card.seatsValue', { n: e.alternates })}</Descriptions.Item>
          <Descriptions.Item label={t('decisionsElection.card.termYears')}>{t('decisionsElection.card.termValue', { n: e.termYears })}</Descriptions.Item>
          <Descriptions.Item label={t('decisionsElection.card.tieBreak')}>{t(`decisionsElection.tieBreak.${e.tieBreak}`)}</Descriptions.Item>
          <Descriptions.Item label={t('decisionsElection.card.nominationUntil')}>
            {e.nominationUntil ? formatDate(e.nominationUntil) : t('decisionsElection.card.noDeadline')}
          </Descriptions.Item>
          {!!e.followUps?.length && (
            <Descriptions.Item label={t('decisionsElection.card.followUps')}>
              <Space size={12} wrap>
                {e.followUps.map((f) => (
                  <Link key={f.id} to={`/decisions/${f.id}`}>
                    {t(`decisionsElection.purpose.${f.purpose}`)}：{f.title}
                  </Link>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Flex vertical gap={16} style={{ marginBottom: 16 }}>
        {e.departments.length === 0 && before(d.status) && <Alert type="warning" showIcon title={t('decisionsElection.card.noDepartments')} />}
        {ballotOutdated && <Alert type="warning" showIcon title={t('decisionsElection.card.ballotOutdated')} />}
        <CandidatesTable d={d} e={e} onNominate={open && e.can.nominate ? () => setNominating(true) : undefined} approved={approved} />
        <VettingMatrix d={d} e={e} />
      </Flex>
      <NominateModal decisionId={d.id} open={nominating} onClose={() => setNominating(false)} />
    </>
  );
}

/** The candidates: search, status filter, sort and pages in the card (the roll keeps the URL's list state). */
function CandidatesTable({ d, e, onNominate, approved }: { d: Decision; e: Election; onNominate?: () => void; approved: Candidate[] }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const consent = useRecordConsent(d.id);
  const placeOnBallot = usePlaceOnBallot(d.id);
  const withdraw = useWithdrawCandidate(d.id);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<CandidateStatus | undefined>();
  const [correcting, setCorrecting] = useState<Candidate | null>(null);
  const [withdrawing, setWithdrawing] = useState<Candidate | null>(null);
  const reasonLabel = useReasonLabel();
  const rows = useMemo(() => {
    const needle = q.trim();
    return e.candidates.filter((c) => (!status || c.status === status) && (!needle || c.name.includes(needle) || c.roomLabel.includes(needle)));
  }, [e.candidates, q, status]);
  const organising = e.can.consent && before(d.status);

  const recordConsent = (c: Candidate) =>
    modal.confirm({
      title: t('decisionsElection.card.consentTitle', { name: c.name }),
      content: t('decisionsElection.card.consentText'),
      okText: t('decisionsElection.card.consent'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await consent.mutateAsync({ candidateId: c.id });
        void message.success(t('decisionsElection.card.consentDone'));
      },
    });
  const putOnBallot = () =>
    modal.confirm({
      title: t('decisionsElection.card.placeTitle', { n: approved.length }),
      width: 520,
      content: (
        <>
          <Typography.Paragraph>{t('decisionsElection.card.placeText', { seats: e.seats })}</Typography.Paragraph>
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            {approved.map((c) => (
              <li key={c.id}>
                {c.name}（{c.roomLabel}）{c.partyMember ? ` · ${t('decisionsElection.card.party')}` : ''}
              </li>
            ))}
          </ol>
        </>
      ),
      okText: t('decisionsElection.card.placeOnBallot'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await placeOnBallot.mutateAsync(undefined);
        void message.success(t('decisionsElection.card.placeDone'));
      },
    });

  const columns: TableColumnsType<Candidate> = [
    { title: t('decisionsElection.field.no'), dataIndex: 'no', width: 64, sorter: (a, b) => a.no - b.no, defaultSortOrder: 'ascend' },
    { title: t('decisionsElection.field.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    { title: t('decisionsElection.field.room'), dataIndex: 'roomLabel', sorter: (a, b) => a.roomLabel.localeCompare(b.roomLabel, 'zh-CN') },
    {
      title: t('decisionsElection.field.partyMember'),
      dataIndex: 'partyMember',
      width: 80,
      sorter: (a, b) => Number(b.partyMember) - Number(a.partyMember),
      render: (v: boolean) => (v ? <Tag color="red">{t('decisionsElection.card.party')}</Tag> : '—'),
    },
    { title: t('decisionsElection.field.nomination'), dataIndex: 'nomination', render: (v: Candidate['nomination']) => t(`decisionsElection.nomination.${v}`) },
    {
      title: t('decisionsElection.field.consent'),
      dataIndex: 'consentAt',
      render: (v: string | null) => (v ? <span title={formatDateTime(v)}>{t('decisionsElection.card.consented')}</span> : <Typography.Text type="secondary">{t('decisionsElection.card.notConsented')}</Typography.Text>),
    },
    {
      title: t('decisionsElection.field.status'),
      dataIndex: 'status',
      sorter: (a, b) => CANDIDATE_STATUSES.indexOf(a.status) - CANDIDATE_STATUSES.indexOf(b.status),
      render: (s: CandidateStatus, c) => (
        <Space size={4} wrap>
          <CandidateStatusTag status={s} />
          {c.onBallot && <Tag color="blue">{c.itemNo ? t('decisionsElection.card.onBallotNo', { no: c.itemNo }) : t('decisionsElection.card.onBallot')}</Tag>}
        </Space>
      ),
    },
    { title: t('decisionsElection.field.round'), dataIndex: 'round', width: 70, sorter: (a, b) => a.round - b.round },
  ];
  if (organising) {
    columns.push({
      title: t('decisionsElection.card.actions'),
      key: 'actions',
      render: (_, c) => (
        <Space size={4} wrap>
          {!c.consentAt && c.status === 'nominated' && (
            <Button size="small" icon={<CheckOutlined />} onClick={() => recordConsent(c)}>
              {t('decisionsElection.card.consent')}
            </Button>
          )}
          {c.status === 'returned' && (
            <Button size="small" icon={<UndoOutlined />} onClick={() => setCorrecting(c)}>
              {t('decisionsElection.card.correct')}
            </Button>
          )}
          {c.status !== 'withdrawn' && (
            <Button size="small" type="text" danger onClick={() => setWithdrawing(c)} aria-label={`${t('decisionsElection.card.withdraw')} ${c.name}`}>
              {t('decisionsElection.card.withdraw')}
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('decisionsElection.card.candidates')}
      extra={
        <Space>
          {onNominate && (
            <Button icon={<PlusOutlined />} onClick={onNominate}>
              {t('decisionsElection.card.nominate')}
            </Button>
          )}
          {e.can.placeOnBallot && before(d.status) && (
            <Button type="primary" disabled={approved.length === 0} title={approved.length === 0 ? t('decisionsElection.card.placeNone') : undefined} onClick={putOnBallot}>
              {t('decisionsElection.card.placeOnBallot')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex gap={12} wrap className="gz-toolbar" style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('decisionsElection.card.search')} aria-label={t('decisionsElection.card.search')} style={{ width: 240 }} onSearch={setQ} onChange={(ev) => ev.target.value || setQ('')} />
        <Select
          allowClear
          placeholder={t('decisionsElection.card.statusFilter')}
          aria-label={t('decisionsElection.card.statusFilter')}
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={CANDIDATE_STATUSES.map((s) => ({ value: s, label: t(`decisionsElection.status.${s}`) }))}
        />
      </Flex>
      <Table<Candidate>
        size="small"
        rowKey="id"
        dataSource={rows}
        columns={columns}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true, showSizeChanger: true }}
        locale={{ emptyText: e.candidates.length ? t('decisionsElection.card.noMatch') : t('decisionsElection.card.noCandidates') }}
        expandable={{
          rowExpandable: (c) => !!c.statement || c.nominators.length > 0 || !!c.history?.length,
          expandedRowRender: (c) => (
            <Descriptions size="small" column={1}>
              {c.statement && (
                <Descriptions.Item label={t('decisionsElection.field.statement')}>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.statement}</Typography.Paragraph>
                </Descriptions.Item>
              )}
              {c.nominators.length > 0 && (
                <Descriptions.Item label={t('decisionsElection.field.nominators')}>{c.nominators.map((n) => `${n.name}（${n.room}）`).join('、')}</Descriptions.Item>
              )}
              {!!c.history?.length && (
                <Descriptions.Item label={t('decisionsElection.card.history')}>
                  <Flex vertical gap={2}>
                    {c.history.map((h, i) => (
                      <span key={i}>
                        {formatDateTime(h.at)} · {h.departmentName} · {t('decisionsElection.card.round', { n: h.round })} · {t(`decisionsElection.verdict.${h.verdict}`)}
                        {h.reasonCode && h.reasonCode !== 'ok' ? `（${reasonLabel(h.reasonCode)}${h.note ? `：${h.note}` : ''}）` : h.note ? `（${h.note}）` : ''} · {h.byName}
                      </span>
                    ))}
                  </Flex>
                </Descriptions.Item>
              )}
            </Descriptions>
          ),
        }}
      />
      {correcting && <CorrectModal decisionId={d.id} candidate={correcting} onClose={() => setCorrecting(null)} />}
      {withdrawing && (
        <FormModal<{ reason: string }>
          title={t('decisionsElection.card.withdrawTitle', { name: withdrawing.name })}
          open
          onClose={() => setWithdrawing(null)}
          okText={t('decisionsElection.card.withdraw')}
          submit={async (v) => {
            await withdraw.mutateAsync({ candidateId: withdrawing.id, reason: v.reason.trim() });
            void message.success(t('decisionsElection.card.withdrawDone'));
          }}
        >
          <Form.Item name="reason" label={t('decisionsElection.card.withdrawReason')} rules={[{ required: true, whitespace: true, message: t('decisionsElection.card.withdrawReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

/** 补正 on the candidate's behalf after a department returned the application: a new round, the returning department looks again. */
function CorrectModal({ decisionId, candidate: c, onClose }: { decisionId: string; candidate: Candidate; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const correct = useCorrectCandidate(decisionId);
  return (
    <FormModal<{ statement: string; roomLabel: string; note: string }>
      title={t('decisionsElection.card.correctTitle', { name: c.name })}
      open
      onClose={onClose}
      okText={t('decisionsElection.card.correct')}
      initialValues={{ statement: c.statement, roomLabel: c.roomLabel }}
      submit={async (v) => {
        await correct.mutateAsync({ candidateId: c.id, statement: v.statement?.trim() || undefined, roomLabel: v.roomLabel.trim(), note: v.note.trim() });
        void message.success(t('decisionsElection.card.correctDone'));
      }}
    >
      <ReturnReasons c={c} />
      <Form.Item name="roomLabel" label={t('decisionsElection.field.room')} rules={[{ required: true, whitespace: true, message: t('decisionsElection.nominate.roomRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="statement" label={t('decisionsElection.field.statement')}>
        <Input.TextArea rows={4} maxLength={STATEMENT_MAX} showCount />
      </Form.Item>
      <Form.Item name="note" label={t('decisionsElection.card.correctNote')} rules={[{ required: true, whitespace: true, message: t('decisionsElection.card.correctNoteRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** Why it was returned, so the correction answers it. */
function ReturnReasons({ c }: { c: Candidate }) {
  const reasonLabel = useReasonLabel();
  const returns = c.verdicts.filter((v) => v.verdict === 'return' && !v.stale);
  if (!returns.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={returns.map((v) => (
        <div key={v.departmentId}>
          {reasonLabel(v.reasonCode)}
          {v.note ? `：${v.note}` : ''}
        </div>
      ))}
    />
  );
}

/** 联审情况: candidates × departments, each cell the department's current verdict; a reviewer opens the verdict form from their column. */
function VettingMatrix({ d, e }: { d: Decision; e: Election }) {
  const { t } = useTranslation();
  const give = useGiveVerdict(d.id);
  const [target, setTarget] = useState<VerdictTarget | null>(null);
  const rows = e.candidates.filter((c) => c.status !== 'withdrawn');
  if (e.departments.length === 0) return null;
  const columns: TableColumnsType<Candidate> = [
    { title: t('decisionsElection.field.no'), dataIndex: 'no', width: 56, fixed: 'left' },
    { title: t('decisionsElection.field.name'), dataIndex: 'name', fixed: 'left', width: 110 },
    ...e.departments.map((dep) => ({
      title: dep.name,
      key: dep.id,
      render: (_: unknown, c: Candidate) => {
        const cell = c.verdicts.find((v) => v.departmentId === dep.id);
        const mayVet = e.can.vet.includes(dep.id) && !!c.consentAt && (c.status === 'vetting' || c.status === 'returned') && (!cell?.verdict || cell.stale);
        return (
          <Space size={4}>
            <VerdictTag cell={cell} />
            {mayVet && (
              <Button
                size="small"
                type="link"
                onClick={() => setTarget({ decisionId: d.id, candidateId: c.id, name: c.name, departmentId: dep.id, departmentName: dep.name, roomLabel: c.roomLabel, statement: c.statement, round: c.round })}
                aria-label={`${t('decisionsElection.card.vet')} ${c.name} ${dep.name}`}
              >
                {t('decisionsElection.card.vet')}
              </Button>
            )}
          </Space>
        );
      },
    })),
    { title: t('decisionsElection.field.status'), dataIndex: 'status', render: (s: CandidateStatus) => <CandidateStatusTag status={s} /> },
  ];
  return (
    <Card title={t('decisionsElection.card.matrix')}>
      <Table<Candidate> size="small" rowKey="id" dataSource={rows} columns={columns} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('decisionsElection.card.noCandidates') }} />
      {target && <VerdictModal target={target} onClose={() => setTarget(null)} send={({ decisionId: _id, ...body }) => give.mutateAsync(body)} />}
    </Card>
  );
}
