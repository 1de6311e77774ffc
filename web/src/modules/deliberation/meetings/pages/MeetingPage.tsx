import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, FilePdfOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, List, Radio, Row, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MEETING_LOCATION_MAX, MEETING_OPEN, MEETING_TITLE_MAX, MINUTES_MAX, STANCES, type Stance } from '#server/modules/deliberation/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { PublicPageButton } from '../../../../workbench/components/PublicPageButton.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import {
  type Meeting,
  meetingUrls,
  useAddAttendee,
  useAgendaCandidates,
  useCancelMeeting,
  useChangeAgenda,
  useCloseMeeting,
  useMeeting,
  useRecordOutcome,
  useRemoveAttachment,
  useSaveMinutes,
  useSetPositions,
  useStaffSignIn,
  useUpdateMeeting,
  useUploadAttachment,
} from '../api.ts';
import { AttendeePositions } from '../components/AttendeePositions.tsx';
import { MeetingStatusTag } from '../components/labels.tsx';
import '../i18n.ts';

type AgendaRow = Meeting['agenda'][number];

/**
 * A joint meeting: its header and actions (change time, cancel, close with a summary, the record PDF, the public
 * page), the sign-in QR code, the attendees with their posts and sign-in, the agenda with each body's position and
 * the outcome, the minutes with the public switch, and the files.
 */
export function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  return <QueryView query={meeting}>{(m) => <MeetingView m={m} />}</QueryView>;
}

function MeetingView({ m }: { m: Meeting }) {
  const { t } = useTranslation();
  const open = MEETING_OPEN.includes(m.status);
  const manage = m.can.manage && open;
  return (
    <>
      <PageHeader
        title={m.title}
        breadcrumb={<Breadcrumb items={[{ title: <Link to="/deliberation/meetings">{t('deliberationMeetings.menu.meetings')}</Link> }, { title: m.title }]} />}
        tags={
          <Space>
            <MeetingStatusTag status={m.status} />
            <Tag>{t(`deliberationMeetings.kind.${m.kind}`)}</Tag>
          </Space>
        }
        extra={<HeaderActions m={m} />}
      />
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('deliberationMeetings.field.startsAt')}>{formatDateTime(m.startsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('deliberationMeetings.field.location')}>{m.location}</Descriptions.Item>
          <Descriptions.Item label={t('deliberationMeetings.field.placeShort')}>{m.placeLabel ?? m.placeName}</Descriptions.Item>
          <Descriptions.Item label={t('deliberationMeetings.page.convener')}>
            {m.convenerName}（{t(`deliberationMeetings.convenerKind.${m.convenerKind}`)}）
          </Descriptions.Item>
          <Descriptions.Item label={t('deliberationMeetings.field.attendance')}>
            {m.attendees.filter((a) => a.signedInAt).length}/{m.attendees.length}
          </Descriptions.Item>
          {m.closedAt && <Descriptions.Item label={t('deliberationMeetings.page.closedAt')}>{formatDateTime(m.closedAt)}</Descriptions.Item>}
          {m.cancelReason && <Descriptions.Item label={t('deliberationMeetings.page.cancelReason')}>{m.cancelReason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={manage && m.signInToken ? 16 : 24}>
          <Attendees m={m} manage={manage} />
        </Col>
        {manage && m.signInToken && (
          <Col xs={24} xl={8}>
            <Card title={t('deliberationMeetings.page.signInQr')}>
              <img src={meetingUrls.qr(m.id)} alt={t('deliberationMeetings.page.signInQr')} style={{ width: '100%', maxWidth: 320, display: 'block', margin: '0 auto' }} />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('deliberationMeetings.page.signInQrHint')}
              </Typography.Paragraph>
            </Card>
          </Col>
        )}
        <Col span={24}>
          <Agenda m={m} manage={manage} />
        </Col>
        <Col xs={24} xl={14}>
          <Minutes m={m} manage={manage} />
        </Col>
        <Col xs={24} xl={10}>
          <Attachments m={m} />
        </Col>
      </Row>
    </>
  );
}

function HeaderActions({ m }: { m: Meeting }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const close = useCloseMeeting(m.id);
  const cancel = useCancelMeeting(m.id);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const manage = m.can.manage && MEETING_OPEN.includes(m.status);
  const decided = m.agenda.filter((g) => g.outcomeKind).length;
  const confirmClose = () =>
    modal.confirm({
      title: t('deliberationMeetings.page.closeConfirm'),
      content: t('deliberationMeetings.page.closeSummary', {
        items: m.agenda.length,
        decided,
        rest: m.agenda.length - decided,
        minutes: m.minutes ? t('deliberationMeetings.page.minutesWritten') : t('deliberationMeetings.page.minutesMissing'),
        signed: m.attendees.filter((a) => a.signedInAt).length,
        total: m.attendees.length,
      }),
      okText: t('deliberationMeetings.page.close'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await close.mutateAsync();
        } catch (err) {
          void message.error((err as Error).message);
        }
      },
    });
  return (
    <Space wrap>
      <Button icon={<FilePdfOutlined />} href={meetingUrls.pdf(m.id)} target="_blank">
        {t('deliberationMeetings.page.pdf')}
      </Button>
      {m.status !== 'cancelled' && <PublicPageButton pageKey="deliberation.meeting" id={m.id} />}
      {manage && <Button onClick={() => setEditing(true)}>{t('deliberationMeetings.page.edit')}</Button>}
      {manage && (
        <Button danger onClick={() => setCancelling(true)}>
          {t('deliberationMeetings.page.cancel')}
        </Button>
      )}
      {manage && (
        <Button type="primary" onClick={confirmClose}>
          {t('deliberationMeetings.page.close')}
        </Button>
      )}
      <EditMeetingModal m={m} open={editing} onClose={() => setEditing(false)} />
      <FormModal<{ reason: string }>
        title={t('deliberationMeetings.page.cancel')}
        open={cancelling}
        onClose={() => setCancelling(false)}
        okText={t('deliberationMeetings.page.cancel')}
        submit={(v) => cancel.mutateAsync(v.reason)}
      >
        <Form.Item name="reason" label={t('deliberationMeetings.field.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function EditMeetingModal({ m, open, onClose }: { m: Meeting; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(m.id);
  return (
    <FormModal<{ title: string; startsAt: Dayjs; location: string }>
      title={t('deliberationMeetings.page.edit')}
      open={open}
      onClose={onClose}
      initialValues={{ title: m.title, startsAt: dayjs(m.startsAt), location: m.location }}
      fieldForCode={{ STARTS_IN_PAST: 'startsAt' }}
      submit={(v) => update.mutateAsync({ title: v.title, startsAt: v.startsAt.toISOString(), location: v.location })}
    >
      <Typography.Paragraph type="secondary">{t('deliberationMeetings.page.editHint')}</Typography.Paragraph>
      <Form.Item name="title" label={t('deliberationMeetings.field.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={MEETING_TITLE_MAX} />
      </Form.Item>
      <Form.Item name="startsAt" label={t('deliberationMeetings.field.startsAt')} rules={[{ required: true }]}>
        <DateTime />
      </Form.Item>
      <Form.Item name="location" label={t('deliberationMeetings.field.location')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={MEETING_LOCATION_MAX} />
      </Form.Item>
    </FormModal>
  );
}

function DateTime(props: { value?: Dayjs; onChange?: (v: Dayjs | null) => void }) {
  return <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" {...props} />;
}

function Attendees({ m, manage }: { m: Meeting; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const signIn = useStaffSignIn(m.id);
  const add = useAddAttendee(m.id);
  const [adding, setAdding] = useState(false);
  type Row = Meeting['attendees'][number];
  return (
    <Card
      title={t('deliberationMeetings.page.attendees')}
      extra={manage && <Button onClick={() => setAdding(true)}>{t('deliberationMeetings.page.addAttendee')}</Button>}
    >
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={m.attendees}
        columns={[
          { title: t('deliberationMeetings.field.name'), dataIndex: 'name', width: 120 },
          { title: t('deliberationMeetings.page.positions'), key: 'positions', render: (_, a) => <AttendeePositions positions={a.positions} /> },
          {
            title: t('deliberationMeetings.field.attendance'),
            key: 'signedIn',
            width: 220,
            render: (_, a) =>
              a.signedInAt ? (
                <Tag color="green">
                  {t('deliberationMeetings.page.signedIn')} {formatDateTime(a.signedInAt).slice(11)} ·{' '}
                  {a.signedInVia === 'qr' ? t('deliberationMeetings.page.viaQr') : `${t('deliberationMeetings.page.viaStaff')}${a.signedInByName ? `（${a.signedInByName}）` : ''}`}
                </Tag>
              ) : manage ? (
                <Button
                  size="small"
                  onClick={() => signIn.mutateAsync(a.id).catch((err: Error) => void message.error(err.message))}
                  aria-label={`${t('deliberationMeetings.page.signInByHand')} ${a.name}`}
                >
                  {t('deliberationMeetings.page.signInByHand')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('deliberationMeetings.page.notSignedIn')}</Typography.Text>
              ),
          },
        ]}
      />
      <FormModal<{ name: string; note?: string }>
        title={t('deliberationMeetings.page.addAttendee')}
        open={adding}
        onClose={() => setAdding(false)}
        submit={(v) => add.mutateAsync({ name: v.name, ...(v.note ? { note: v.note } : {}) })}
      >
        <Form.Item name="name" label={t('deliberationMeetings.field.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="note" label={t('deliberationMeetings.field.note')}>
          <Input maxLength={50} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function Agenda({ m, manage }: { m: Meeting; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeAgenda(m.id);
  const candidates = useAgendaCandidates(manage ? m.placeId : undefined);
  const [positionsOf, setPositionsOf] = useState<AgendaRow | null>(null);
  const [outcomeOf, setOutcomeOf] = useState<AgendaRow | null>(null);
  const bodyName = new Map(m.bodies.map((b) => [b.key, b.name]));
  const run = (body: Parameters<typeof change.mutateAsync>[0]) => change.mutateAsync(body).catch((err: Error) => void message.error(err.message));
  const move = (i: number, by: number) => {
    const order = m.agenda.map((g) => g.itemId);
    const [one] = order.splice(i, 1);
    order.splice(i + by, 0, one!);
    void run({ order });
  };
  return (
    <Card
      title={t('deliberationMeetings.page.agenda')}
      extra={
        manage && (
          <Select
            style={{ width: 320 }}
            placeholder={t('deliberationMeetings.page.addItem')}
            aria-label={t('deliberationMeetings.page.addItem')}
            value={null}
            notFoundContent={t('deliberationMeetings.create.noItems')}
            options={(candidates.data ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.title}` }))}
            onChange={(itemId: string) => void run({ add: itemId })}
          />
        )
      }
    >
      {m.agenda.length === 0 ? (
        <Empty description={t('deliberationMeetings.page.noAgenda')} />
      ) : (
        <List
          dataSource={m.agenda}
          renderItem={(g, i) => (
            <List.Item
              actions={
                manage
                  ? [
                      <Button key="up" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('deliberationMeetings.page.up')} />,
                      <Button key="down" size="small" icon={<ArrowDownOutlined />} disabled={i === m.agenda.length - 1} onClick={() => move(i, 1)} aria-label={t('deliberationMeetings.page.down')} />,
                      <Button key="pos" size="small" onClick={() => setPositionsOf(g)}>
                        {t('deliberationMeetings.page.positionsEdit')}
                      </Button>,
                      <Button key="out" size="small" type="primary" disabled={!!g.outcomeKind} onClick={() => setOutcomeOf(g)}>
                        {t('deliberationMeetings.page.outcomeEdit')}
                      </Button>,
                      <Button key="rm" size="small" danger disabled={!!g.outcomeKind} onClick={() => void run({ remove: g.itemId })}>
                        {t('deliberationMeetings.page.remove')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>
                      {i + 1}. {g.code} {g.title}
                    </span>
                    <Tag color={g.outcomeKind ? 'green' : undefined}>{t(`deliberationMeetings.outcome.${g.outcomeKind ?? 'none'}`)}</Tag>
                  </Space>
                }
                description={
                  <>
                    {g.positions.length > 0 && (
                      <div>
                        {g.positions.map((p) => (
                          <Tag key={p.bodyKey} color={p.stance === 'support' ? 'green' : p.stance === 'oppose' ? 'red' : p.stance === 'conditional' ? 'gold' : undefined}>
                            {bodyName.get(p.bodyKey) ?? p.bodyKey}：{t(`deliberationMeetings.stance.${p.stance}`)}
                            {p.note ? `（${p.note}）` : ''}
                          </Tag>
                        ))}
                      </div>
                    )}
                    {g.outcomeText && <Typography.Paragraph style={{ marginBottom: 0 }}>{g.outcomeText}</Typography.Paragraph>}
                    {g.decisionId && <Link to={`/decisions/${g.decisionId}`}>{t('deliberationMeetings.page.decisionLink')}</Link>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {positionsOf && <PositionsModal m={m} item={positionsOf} onClose={() => setPositionsOf(null)} />}
      {outcomeOf && <OutcomeModal m={m} item={outcomeOf} onClose={() => setOutcomeOf(null)} />}
    </Card>
  );
}

function PositionsModal({ m, item, onClose }: { m: Meeting; item: AgendaRow; onClose: () => void }) {
  const { t } = useTranslation();
  const set = useSetPositions(m.id);
  const initial = Object.fromEntries(m.bodies.map((b) => [b.key, { stance: item.positions.find((p) => p.bodyKey === b.key)?.stance, note: item.positions.find((p) => p.bodyKey === b.key)?.note ?? '' }]));
  return (
    <FormModal<Record<string, { stance?: Stance; note?: string }>>
      title={`${t('deliberationMeetings.page.positionsEdit')} · ${item.title}`}
      open
      onClose={onClose}
      width={720}
      initialValues={initial}
      submit={(v) =>
        set.mutateAsync({
          itemId: item.itemId,
          body: { positions: Object.entries(v).flatMap(([bodyKey, p]) => (p?.stance ? [{ bodyKey, stance: p.stance, ...(p.note ? { note: p.note } : {}) }] : [])) },
        })
      }
    >
      {m.bodies.map((b) => (
        <Space key={b.key} align="start" style={{ display: 'flex' }} wrap>
          <Form.Item name={[b.key, 'stance']} label={b.name} style={{ minWidth: 260 }}>
            <Select allowClear aria-label={b.name} options={STANCES.map((s) => ({ value: s, label: t(`deliberationMeetings.stance.${s}`) }))} />
          </Form.Item>
          <Form.Item name={[b.key, 'note']} label={t('deliberationMeetings.field.note')}>
            <Input maxLength={500} style={{ width: 320 }} />
          </Form.Item>
        </Space>
      ))}
    </FormModal>
  );
}

function OutcomeModal({ m, item, onClose }: { m: Meeting; item: AgendaRow; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordOutcome(m.id);
  return (
    <FormModal<{ kind: 'decided' | 'refer_vote' | 'next_meeting'; text?: string; voteTitle?: string; matter?: number }>
      title={`${t('deliberationMeetings.page.outcomeEdit')} · ${item.title}`}
      open
      onClose={onClose}
      initialValues={{ kind: 'decided', matter: 9, voteTitle: item.title }}
      fieldForCode={{ NOT_A_MATTER_FOR_OWNERS: 'matter', VOTE_NEEDS_COMPOUND: 'kind' }}
      submit={(v) =>
        record.mutateAsync({
          itemId: item.itemId,
          body:
            v.kind === 'refer_vote'
              ? { kind: 'refer_vote', text: v.text ?? '', voteTitle: v.voteTitle ?? '', matter: v.matter ?? 9 }
              : v.kind === 'decided'
                ? { kind: 'decided', text: v.text ?? '' }
                : { kind: 'next_meeting', ...(v.text ? { text: v.text } : {}) },
        })
      }
    >
      <OutcomeFields />
    </FormModal>
  );
}

function OutcomeFields() {
  const { t } = useTranslation();
  const kind = Form.useWatch('kind');
  return (
    <>
      <Form.Item name="kind" rules={[{ required: true }]}>
        <Radio.Group options={(['decided', 'refer_vote', 'next_meeting'] as const).map((k) => ({ value: k, label: t(`deliberationMeetings.outcome.${k}`) }))} />
      </Form.Item>
      <Form.Item name="text" label={t('deliberationMeetings.page.outcomeText')} rules={[{ required: kind !== 'next_meeting', whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      {kind === 'refer_vote' && (
        <>
          <Form.Item name="voteTitle" label={t('deliberationMeetings.page.voteTitle')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="matter" label={t('deliberationMeetings.page.matter')} rules={[{ required: true }]}>
            <InputNumber min={1} max={9} precision={0} />
          </Form.Item>
        </>
      )}
    </>
  );
}

function Minutes({ m, manage }: { m: Meeting; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveMinutes(m.id);
  const [text, setText] = useState(m.minutes ?? '');
  const [isPublic, setPublic] = useState(m.minutesPublic);
  useEffect(() => {
    setText(m.minutes ?? '');
    setPublic(m.minutesPublic);
  }, [m.minutes, m.minutesPublic]);
  return (
    <Card
      title={t('deliberationMeetings.page.minutes')}
      extra={
        <Space>
          <Switch checked={isPublic} disabled={!manage} onChange={setPublic} aria-label={t('deliberationMeetings.field.minutesPublic')} />
          <span>{t('deliberationMeetings.field.minutesPublic')}</span>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('deliberationMeetings.page.minutesPublicHint')}</Typography.Paragraph>
      {manage ? (
        <>
          <Input.TextArea rows={8} value={text} maxLength={MINUTES_MAX} onChange={(e) => setText(e.target.value)} aria-label={t('deliberationMeetings.page.minutes')} />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            loading={save.isPending}
            onClick={() =>
              save
                .mutateAsync({ minutes: text, minutesPublic: isPublic })
                .then(() => void message.success(t('deliberationMeetings.page.saved')))
                .catch((err: Error) => void message.error(err.message))
            }
          >
            {t('common.save')}
          </Button>
        </>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.minutes ?? '—'}</Typography.Paragraph>
      )}
    </Card>
  );
}

function Attachments({ m }: { m: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadAttachment(m.id);
  const remove = useRemoveAttachment(m.id);
  const canUpload = m.can.manage && m.status !== 'cancelled';
  const canRemove = m.can.manage && MEETING_OPEN.includes(m.status);
  return (
    <Card
      title={t('deliberationMeetings.page.attachments')}
      extra={
        canUpload && (
          <Upload
            showUploadList={false}
            accept="image/jpeg,image/png,image/webp,application/pdf"
            customRequest={({ file, onSuccess, onError }) =>
              upload
                .mutateAsync(file as File)
                .then((r) => onSuccess?.(r))
                .catch((err: Error) => {
                  void message.error(err.message);
                  onError?.(err);
                })
            }
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('deliberationMeetings.page.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {m.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deliberationMeetings.page.noAttachments')} />
      ) : (
        <List
          size="small"
          dataSource={m.attachments}
          renderItem={(a) => (
            <List.Item
              actions={
                canRemove
                  ? [<Button key="rm" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('deliberationMeetings.page.delete')} ${a.name}`} onClick={() => void remove.mutateAsync(a.id)} />]
                  : []
              }
            >
              <a href={meetingUrls.attachment(m.id, a.id)} target="_blank" rel="noreferrer">
                <PaperClipOutlined /> {a.name}
              </a>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
