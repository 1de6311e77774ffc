import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Image, Input, Rate, Select, Space, Tag, Timeline, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { EVENT_CATEGORIES, GRID_ROLES, type EventAction, type EventBody, EVENT_REASON_MAX, MAX_FILES, NOTE_MAX, RATING_COMMENT_MAX } from '#server/modules/grid/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useSignedIn } from '../../../../shared/session.ts';
import { type GridEvent, useAccept, useClose, useDispatch, useEvent, useRate, useReasoned, useResolve } from '../api.ts';
import { StatusTag } from '../components/labels.tsx';

type Reasoned = 'reject' | 'dismiss' | 'reopen' | 'escalate';
const REASON_TEXTS: Record<Reasoned, { title: string; hint?: string; danger?: boolean }> = {
  reject: { title: 'gridEvents.detail.rejectTitle', hint: 'gridEvents.detail.rejectHint' },
  dismiss: { title: 'gridEvents.detail.dismissTitle', hint: 'gridEvents.detail.dismissHint', danger: true },
  reopen: { title: 'gridEvents.detail.reopenTitle' },
  escalate: { title: 'gridEvents.detail.escalateTitle', hint: 'gridEvents.detail.escalateHint' },
};

/**
 * One event: where, what, who reported it, the photos, the body it is with and its time limit, the result and the
 * rating, and its timeline. The buttons are the actions the server says the viewer may take now (派遣, 改派, 不予受理,
 * 上报街道, 结案, 重新办理, 受理, 退回, 办结, 评价), each behind a confirmation.
 */
export function EventPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { id = '' } = useParams();
  const event = useEvent(id);
  const accept = useAccept(id);
  const close = useClose(id);
  const [open, setOpen] = useState<EventAction | null>(null);
  // mediation part: 「转人民调解」 for those who may open a mediation case.
  const navigate = useNavigate();
  const me = useSignedIn();
  const toMediation = me.grants.some((g) => (GRID_ROLES.mediationOpen as readonly string[]).includes(g.role));

  const confirm = (title: string, content: string, run: () => Promise<unknown>) =>
    modal.confirm({
      title,
      content,
      okText: t('gridEvents.detail.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await run();
          void message.success(t('gridEvents.detail.done'));
        } catch (err) {
          void message.error((err as Error).message);
        }
      },
    });

  return (
    <QueryView query={event}>
      {(e) => {
        const onAction = (a: EventAction) => {
          if (a === 'accept') return confirm(t('gridEvents.detail.acceptTitle'), t('gridEvents.detail.acceptContent'), () => accept.mutateAsync(undefined));
          if (a === 'close') return confirm(t('gridEvents.detail.closeTitle'), t('gridEvents.detail.closeContent'), () => close.mutateAsync(undefined));
          setOpen(a);
        };
        return (
          <>
            <PageHeader
              title={`${t(`gridEvents.category.${e.category}`)} · ${e.compoundName}`}
              tags={
                <Space size={4}>
                  <StatusTag status={e.status} />
                  {e.urgency === 'urgent' && <Tag color="red">{t('gridEvents.urgency.urgent')}</Tag>}
                  {e.level === 'street' && <Tag color="purple">{t('gridEvents.detail.street')}</Tag>}
                  {e.overdue && <Tag color="red">{t('gridEvents.page.overdue')}</Tag>}
                </Space>
              }
              extra={
                <Space wrap>
                  <Link to="/grid/events">{t('gridEvents.page.back')}</Link>
                  {e.actions.map((a) => (
                    <Button key={a} type={a === 'dispatch' || a === 'accept' || a === 'resolve' || a === 'close' ? 'primary' : 'default'} danger={a === 'dismiss'} onClick={() => onAction(a)}>
                      {t(`gridEvents.action.${a}`)}
                    </Button>
                  ))}
                  {/* mediation part: hand a dispute over to 人民调解 (the new case page, this event prefilled). */}
                  {toMediation && (
                    <Button onClick={() => void navigate(`/grid/mediation/new?${new URLSearchParams({ source: 'grid_event', sourceRef: e.id, placeId: e.compoundId, sourceTitle: e.description.slice(0, 100) })}`)}>
                      {t('gridMediation.fromEvent')}
                    </Button>
                  )}
                </Space>
              }
            />
            <Card title={t('gridEvents.detail.facts')} style={{ marginBottom: 16 }}>
              <Descriptions column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('gridEvents.col.place')}>{[e.compoundName, e.placeId !== e.compoundId ? e.placeName : ''].filter(Boolean).join(' ')}</Descriptions.Item>
                <Descriptions.Item label={t('gridEvents.detail.location')}>{e.location || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('gridEvents.col.urgency')}>{t(`gridEvents.urgency.${e.urgency}`)}</Descriptions.Item>
                <Descriptions.Item label={t('gridEvents.detail.reportedBy')}>{`${e.reporterName} · ${formatDateTime(e.createdAt)}`}</Descriptions.Item>
                <Descriptions.Item label={t('gridEvents.col.body')}>
                  {e.body ? (e.liaisonName ? t('gridEvents.detail.bodyWithLiaison', { body: t(`gridEvents.body.${e.body}`), name: e.liaisonName }) : t(`gridEvents.body.${e.body}`)) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('gridEvents.detail.dispatchedAt')}>{formatDateTime(e.dispatchedAt) || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('gridEvents.col.dueAt')}>{formatDateTime(e.dueAt) || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('gridEvents.col.description')} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{e.description}</span>
                </Descriptions.Item>
                {e.resolutionNote && (
                  <Descriptions.Item label={t('gridEvents.detail.resolution')} span={2}>
                    {e.resolutionNote}
                  </Descriptions.Item>
                )}
                {e.rating !== null && (
                  <Descriptions.Item label={t('gridEvents.detail.rating')} span={2}>
                    <Rate disabled value={e.rating} /> {e.ratingComment}
                  </Descriptions.Item>
                )}
                {e.patrolId && <Descriptions.Item label={t('gridEvents.detail.patrol')}>{<Link to="/grid/patrols">{t('gridEvents.menu.patrols')}</Link>}</Descriptions.Item>}
              </Descriptions>
              {e.actions.length === 0 && <Typography.Text type="secondary">{t('gridEvents.detail.noActions')}</Typography.Text>}
            </Card>
            {e.files.length > 0 && (
              <Card title={t('gridEvents.detail.photos')} style={{ marginBottom: 16 }}>
                <Image.PreviewGroup>
                  <Space wrap>
                    {e.files.map((f, i) =>
                      f.purgedAt ? (
                        <Tag key={f.id}>{t('gridEvents.detail.purged')}</Tag>
                      ) : (
                        <Image key={f.id} src={`/api/grid/files/${f.id}`} width={120} height={120} style={{ objectFit: 'cover' }} alt={t('gridEvents.detail.photoAlt', { n: i + 1 })} />
                      ),
                    )}
                  </Space>
                </Image.PreviewGroup>
              </Card>
            )}
            <Card title={t('gridEvents.detail.timeline')}>
              <Timeline
                items={e.timeline.map((s, i) => ({
                  key: `${s.kind}-${i}`,
                  color: s.kind === 'escalated_overdue' || s.kind === 'rejected' ? 'red' : undefined,
                  children: (
                    <>
                      <Typography.Text strong>{t(`gridEvents.step.${s.kind}`)}</Typography.Text>
                      {s.body && ['dispatched', 'reassigned'].includes(s.kind) ? ` → ${t(`gridEvents.body.${s.body}`)}` : ''} · {s.actorName === '系统' ? t('gridEvents.detail.system') : s.actorName} ·{' '}
                      {formatDateTime(s.at)}
                      {s.fromStatus && s.fromStatus !== s.toStatus && (
                        <Typography.Text type="secondary">
                          {' '}
                          （{t(`gridEvents.status.${s.fromStatus}`)} → {t(`gridEvents.status.${s.toStatus}`)}）
                        </Typography.Text>
                      )}
                      {s.note && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{s.note}</div>}
                    </>
                  ),
                }))}
              />
            </Card>
            {(open === 'dispatch' || open === 'reassign') && <DispatchModal event={e} kind={open} onClose={() => setOpen(null)} />}
            {(open === 'reject' || open === 'dismiss' || open === 'reopen' || open === 'escalate') && <ReasonModal id={e.id} kind={open} onClose={() => setOpen(null)} />}
            {open === 'resolve' && <ResolveModal id={e.id} onClose={() => setOpen(null)} />}
            {open === 'rate' && <RateModal id={e.id} onClose={() => setOpen(null)} />}
          </>
        );
      }}
    </QueryView>
  );
}

/** 派遣 / 改派: the body it goes to (those the compound has: a line only with a serving liaison), and a note. */
function DispatchModal({ event, kind, onClose }: { event: GridEvent; kind: 'dispatch' | 'reassign'; onClose: () => void }) {
  const { t } = useTranslation();
  const dispatch = useDispatch(event.id, kind);
  const choices = event.bodies.filter((b) => kind === 'dispatch' || b.body !== event.body);
  const byDefault = EVENT_CATEGORIES[event.category] as EventBody;
  const initial = choices.find((b) => b.body === byDefault)?.body ?? choices[0]?.body;
  return (
    <FormModal<{ body: EventBody; note?: string }>
      title={t(kind === 'dispatch' ? 'gridEvents.detail.dispatchTitle' : 'gridEvents.detail.reassignTitle')}
      open
      okText={t('gridEvents.detail.ok')}
      onClose={onClose}
      initialValues={{ body: initial }}
      fieldForCode={{ NO_LIAISON: 'body', NO_PROPERTY_COMPANY: 'body', SAME_BODY: 'body' }}
      submit={(v) => dispatch.mutateAsync({ body: v.body, note: v.note || undefined })}
    >
      <Form.Item name="body" label={t('gridEvents.detail.bodyLabel')} rules={[{ required: true }]}>
        <Select
          options={choices.map((b) => ({
            value: b.body,
            label: b.liaisonName ? t('gridEvents.detail.bodyWithLiaison', { body: t(`gridEvents.body.${b.body}`), name: b.liaisonName }) : t(`gridEvents.body.${b.body}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('gridEvents.detail.note')} rules={[{ max: NOTE_MAX }]}>
        <Input.TextArea rows={2} maxLength={NOTE_MAX} />
      </Form.Item>
    </FormModal>
  );
}

/** 退回 / 不予受理 / 重新办理 / 上报街道: each with its reason. */
function ReasonModal({ id, kind, onClose }: { id: string; kind: Reasoned; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useReasoned(id, kind);
  const texts = REASON_TEXTS[kind];
  return (
    <FormModal<{ reason: string }> title={t(texts.title)} open okText={t('gridEvents.detail.ok')} onClose={onClose} submit={(v) => run.mutateAsync(v.reason)}>
      {texts.hint && <Typography.Paragraph type={texts.danger ? 'danger' : 'secondary'}>{t(texts.hint)}</Typography.Paragraph>}
      <Form.Item name="reason" label={t('gridEvents.detail.reason')} rules={[{ required: true, whitespace: true, max: EVENT_REASON_MAX }]}>
        <Input.TextArea rows={3} maxLength={EVENT_REASON_MAX} />
      </Form.Item>
    </FormModal>
  );
}

/** 办结: what was done, with photos of the result. */
function ResolveModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const resolve = useResolve(id);
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <FormModal<{ note: string }>
      title={t('gridEvents.detail.resolveTitle')}
      open
      okText={t('gridEvents.detail.ok')}
      onClose={onClose}
      submit={(v) => resolve.mutateAsync({ note: v.note, photos: files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f) })}
    >
      <Form.Item name="note" label={t('gridEvents.detail.resolveNote')} rules={[{ required: true, whitespace: true, max: NOTE_MAX }]}>
        <Input.TextArea rows={3} maxLength={NOTE_MAX} />
      </Form.Item>
      <Form.Item label={t('gridEvents.detail.resolvePhotos')}>
        <Upload listType="picture" accept="image/jpeg,image/png,image/webp" multiple maxCount={MAX_FILES} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES))}>
          <Button icon={<UploadOutlined />}>{t('gridEvents.detail.resolvePhotos')}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}

/** 评价: the reporter's stars and comment, once. */
function RateModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const rate = useRate();
  return (
    <FormModal<{ stars: number; comment?: string }>
      title={t('gridEvents.detail.rateTitle')}
      open
      okText={t('gridEvents.detail.ok')}
      onClose={onClose}
      initialValues={{ stars: 5 }}
      submit={(v) => rate.mutateAsync({ id, stars: v.stars, comment: v.comment ?? '' })}
    >
      <Form.Item name="stars" label={t('gridEvents.detail.stars')} rules={[{ required: true }]}>
        <Rate />
      </Form.Item>
      <Form.Item name="comment" label={t('gridEvents.detail.comment')} rules={[{ max: RATING_COMMENT_MAX }]}>
        <Input.TextArea rows={2} maxLength={RATING_COMMENT_MAX} />
      </Form.Item>
    </FormModal>
  );
}
