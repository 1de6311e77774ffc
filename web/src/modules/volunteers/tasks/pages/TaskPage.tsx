import { App, Button, Card, Descriptions, Form, Image, Input, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TASK_REASON_MAX } from '#server/modules/volunteers/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useCancelTask, useConfirmTask, useReturnTask, useTask } from '../api.ts';
import { StatusTag } from '../components/labels.tsx';

/**
 * One task: what, where, for whom, points and minutes, who took it, the photos and note of the finished work, and its
 * timeline. Its managers confirm it (确认完成: the points are credited), return it with a reason, or cancel it.
 */
export function TaskPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { id = '' } = useParams();
  const task = useTask(id);
  const confirm = useConfirmTask(id);
  const giveBack = useReturnTask(id);
  const cancel = useCancelTask(id);
  const [returning, setReturning] = useState(false);
  const [cancelling, setCancelling] = useState(false);

  return (
    <QueryView query={task}>
      {(a) => {
        const confirmDone = () =>
          modal.confirm({
            title: t('volTasks.detail.confirmTitle'),
            content: t('volTasks.detail.confirmContent', { name: a.grabbedName, points: a.points, minutes: a.minutes }),
            okText: t('volTasks.detail.confirmOk'),
            cancelText: t('common.cancel'),
            onOk: async () => {
              try {
                await confirm.mutateAsync(undefined);
                void message.success(t('volTasks.detail.confirmed'));
              } catch (err) {
                void message.error((err as Error).message);
              }
            },
          });
        return (
          <>
            <PageHeader
              title={a.title}
              tags={<StatusTag status={a.status} />}
              extra={
                <Space wrap>
                  <Link to="/volunteers/tasks">{t('volTasks.page.back')}</Link>
                  {a.canManage && a.status === 'done' && (
                    <>
                      <Button type="primary" onClick={confirmDone}>
                        {t('volTasks.detail.confirm')}
                      </Button>
                      <Button onClick={() => setReturning(true)}>{t('volTasks.detail.return')}</Button>
                    </>
                  )}
                  {a.canManage && ['open', 'expired', 'grabbed'].includes(a.status) && (
                    <Button danger onClick={() => setCancelling(true)}>
                      {t('volTasks.detail.cancel')}
                    </Button>
                  )}
                </Space>
              }
            />
            {a.status === 'cancelled' && <Typography.Paragraph type="danger">{t('volTasks.detail.cancelled', { reason: a.cancelReason })}</Typography.Paragraph>}
            <Card style={{ marginBottom: 16 }}>
              <Descriptions column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('volTasks.col.place')}>{a.placeName}</Descriptions.Item>
                <Descriptions.Item label={t('volTasks.col.target')}>{a.target || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('volTasks.col.points')}>{a.points}</Descriptions.Item>
                <Descriptions.Item label={t('volTasks.col.minutes')}>{a.minutes}</Descriptions.Item>
                <Descriptions.Item label={t('volTasks.col.deadline')}>{formatDateTime(a.deadline)}</Descriptions.Item>
                <Descriptions.Item label={t('volTasks.col.createdBy')}>{a.createdByName || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('volTasks.col.grabbedBy')}>{a.grabbedName ? `${a.grabbedName} · ${formatDateTime(a.grabbedAt)}` : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('volTasks.col.doneAt')}>{formatDateTime(a.doneAt) || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('volTasks.form.description')} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{a.description || '—'}</span>
                </Descriptions.Item>
                {a.doneNote && (
                  <Descriptions.Item label={t('volTasks.detail.doneNote')} span={2}>
                    {a.doneNote}
                  </Descriptions.Item>
                )}
                {a.returnReason && (
                  <Descriptions.Item label={t('volTasks.detail.returnReason')} span={2}>
                    {a.returnReason}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            {a.photos.length > 0 && (
              <Card title={t('volTasks.detail.photos')} style={{ marginBottom: 16 }}>
                <Image.PreviewGroup>
                  <Space wrap>
                    {a.photos.map((p, i) => (
                      <Image key={p} src={`/api/volunteers/photos/${p}`} width={120} height={120} style={{ objectFit: 'cover' }} alt={t('volTasks.detail.photoAlt', { n: i + 1 })} />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              </Card>
            )}
            <Card title={t('volTasks.detail.timeline')}>
              <Timeline
                items={a.timeline.map((e) => ({
                  key: `${e.kind}-${e.at}`,
                  children: (
                    <>
                      <Typography.Text strong>{t(`volTasks.event.${e.kind}`)}</Typography.Text> · {e.actorName} · {formatDateTime(e.at)}
                      {e.note && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{e.note}</div>}
                    </>
                  ),
                }))}
              />
            </Card>
            {returning && (
              <FormModal<{ reason: string }> title={t('volTasks.detail.return')} open onClose={() => setReturning(false)} submit={(v) => giveBack.mutateAsync(v.reason)}>
                <Form.Item name="reason" label={t('volTasks.detail.returnReason')} rules={[{ required: true, whitespace: true, max: TASK_REASON_MAX }]}>
                  <Input maxLength={TASK_REASON_MAX} />
                </Form.Item>
              </FormModal>
            )}
            {cancelling && (
              <FormModal<{ reason: string }>
                title={t('volTasks.detail.cancelConfirm')}
                open
                okText={t('volTasks.detail.cancel')}
                onClose={() => setCancelling(false)}
                submit={(v) => cancel.mutateAsync(v.reason)}
              >
                <Form.Item name="reason" label={t('volTasks.detail.cancelReason')} rules={[{ required: true, whitespace: true, max: TASK_REASON_MAX }]}>
                  <Input maxLength={TASK_REASON_MAX} />
                </Form.Item>
              </FormModal>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
