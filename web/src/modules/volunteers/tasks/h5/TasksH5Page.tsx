import { Button, Card, Dialog, DotLoading, ErrorBlock, Form, Image, type ImageUploadItem, NoticeBar, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_NOTE_MAX } from '#server/modules/volunteers/contract.ts';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { type MyTask, useFinish, useGiveBack, useGrab, useMyTasks } from '../api.ts';
import '../i18n.ts';
import { PhotoUploader } from '../../components/PhotoUploader.tsx';

const SECTION = { fontSize: '1.15em', margin: '16px 0 8px' } as const;
const STATUS_COLOUR: Record<MyTask['status'], string> = { open: 'primary', grabbed: 'warning', done: 'warning', confirmed: 'success', cancelled: 'default', expired: 'default' };

/**
 * 任务抢单 (H5): the open tasks of my compound and community with points and deadline and a big 「抢单」 button; my
 * tasks with their status, 「完成任务」 (photos and a note) and 放弃任务. Phone first, large targets for elderly mode.
 */
export function TasksH5Page() {
  const { t } = useTranslation();
  const q = useMyTasks();
  const grab = useGrab();
  const giveBack = useGiveBack();
  const [grabbed, setGrabbed] = useState<string | null>(null);
  const [finishing, setFinishing] = useState<string | null>(null);

  const onGrab = async (task: MyTask) => {
    const ok = await Dialog.confirm({ content: t('volTasks.h5.grabConfirm', { title: task.title }), confirmText: t('volTasks.h5.ok'), cancelText: t('volTasks.h5.cancel') });
    if (!ok) return;
    try {
      await grab.mutateAsync(task.id);
      setGrabbed(task.id);
    } catch (err) {
      Toast.show({ content: (err as Error).message, duration: 3000 });
    }
  };
  const onGiveBack = async (task: MyTask) => {
    const ok = await Dialog.confirm({ content: t('volTasks.h5.giveBackConfirm', { title: task.title }), confirmText: t('volTasks.h5.ok'), cancelText: t('volTasks.h5.cancel') });
    if (!ok) return;
    try {
      await giveBack.mutateAsync(task.id);
      Toast.show({ content: t('volTasks.h5.givenBack') });
    } catch (err) {
      Toast.show({ content: (err as Error).message, duration: 3000 });
    }
  };

  // Only an approved volunteer may grab (the server checks it again): the others see why.
  const approved = q.data?.volunteer?.status === 'approved';
  const facts = (task: MyTask) => (
    <div style={{ display: 'grid', gap: 6, marginBottom: 12 }}>
      <div>
        {task.placeName}
        {task.target ? ` · ${task.target}` : ''}
      </div>
      <Space wrap>
        <Tag color="danger" fill="outline">
          {t('volTasks.h5.points', { points: task.points })}
        </Tag>
        <Tag color="primary" fill="outline">
          {t('volTasks.h5.minutes', { minutes: task.minutes })}
        </Tag>
      </Space>
      <div>{t('volTasks.h5.deadline', { at: formatDateTime(task.deadline) })}</div>
      {task.description && <div style={{ color: 'var(--adm-color-weak)' }}>{task.description}</div>}
    </div>
  );

  return (
    <>
      <BackTitle fallback="/">{t('volTasks.h5.title')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : (
        <div className="gz-padded">
          {!approved && <NoticeBar wrap color="alert" content={t(q.data.volunteer ? `volTasks.h5.volunteer.${q.data.volunteer.status}` : 'volTasks.h5.volunteer.none')} />}
          {grabbed && <NoticeBar color="success" content={t('volTasks.h5.grabbed')} />}
          <h2 style={SECTION}>{t('volTasks.h5.mine')}</h2>
          {q.data.mine.length === 0 ? (
            <p>{t('volTasks.h5.noMine')}</p>
          ) : (
            q.data.mine.map((task) => (
              <Card key={task.id} title={task.title} extra={<Tag color={STATUS_COLOUR[task.status]}>{t(`volTasks.status.${task.status}`)}</Tag>} style={{ marginBottom: 12 }}>
                {facts(task)}
                {task.photos.length > 0 && (
                  <Space wrap style={{ marginBottom: 8 }}>
                    {task.photos.map((p, i) => (
                      <Image key={p} src={`/api/volunteers/photos/${p}`} width={72} height={72} fit="cover" alt={t('volTasks.detail.photoAlt', { n: i + 1 })} />
                    ))}
                  </Space>
                )}
                {task.returnReason && task.status === 'grabbed' && <NoticeBar wrap color="alert" content={t('volTasks.h5.returned', { reason: task.returnReason })} />}
                {task.status === 'cancelled' && task.cancelReason && <p>{t('volTasks.h5.cancelledBecause', { reason: task.cancelReason })}</p>}
                {task.status === 'grabbed' &&
                  (finishing === task.id ? (
                    <FinishForm id={task.id} onDone={() => setFinishing(null)} />
                  ) : (
                    <Space block direction="vertical">
                      <Button block color="primary" size="large" onClick={() => setFinishing(task.id)}>
                        {t('volTasks.h5.finish')}
                      </Button>
                      <Button block size="middle" onClick={() => void onGiveBack(task)}>
                        {t('volTasks.h5.giveBack')}
                      </Button>
                    </Space>
                  ))}
              </Card>
            ))
          )}
          <h2 style={SECTION}>{t('volTasks.h5.open')}</h2>
          {q.data.open.length === 0 ? (
            <ErrorBlock status="empty" fullPage={false} title={t('volTasks.h5.noOpen')} description="" />
          ) : (
            q.data.open.map((task) => (
              <Card key={task.id} title={task.title} style={{ marginBottom: 12 }}>
                {facts(task)}
                <Button block color="danger" size="large" disabled={!approved} loading={grab.isPending && grab.variables === task.id} onClick={() => void onGrab(task)}>
                  {t('volTasks.h5.grab')}
                </Button>
              </Card>
            ))
          )}
        </div>
      )}
    </>
  );
}

/** 完成任务: photos of the work (at least one) and a note. */
function FinishForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const finish = useFinish();
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { note: string }) => {
    setError(null);
    if (!photos.length) {
      setError(t('volTasks.h5.photoRequired'));
      return;
    }
    try {
      await finish.mutateAsync({ id, note: v.note, photos: photos.map((p) => p.extra as File) });
      Toast.show({ icon: 'success', content: t('volTasks.h5.submitted') });
      onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Form
      layout="vertical"
      onFinish={submit}
      footer={
        <>
          {error && (
            <p className="gz-form-error" role="alert">
              {error}
            </p>
          )}
          <Button block type="submit" color="primary" size="large" loading={finish.isPending}>
            {t('volTasks.h5.submit')}
          </Button>
        </>
      }
    >
      <Form.Item label={t('volTasks.h5.photos')}>
        <PhotoUploader value={photos} onChange={setPhotos} invalid={t('volTasks.h5.photoInvalid')} />
      </Form.Item>
      <Form.Item name="note" label={t('volTasks.h5.note')} rules={[{ required: true, whitespace: true, message: t('volTasks.h5.noteRequired') }]}>
        <TextArea placeholder={t('volTasks.h5.notePlaceholder')} maxLength={TASK_NOTE_MAX} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
      </Form.Item>
    </Form>
  );
}
