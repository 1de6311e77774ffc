import { App, Button, Card, Checkbox, Empty, Form, Image, Input, InputNumber, List, Popconfirm, Progress, Space, Table, type TableColumnsType, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import {
  type ExecutionTask,
  type ItemExecution,
  MAX_TASK_PHOTOS,
  meanText,
  useAddNote,
  useItemExecution,
  usePlanTask,
  useRemoveTask,
  useReopenTask,
  useReportProgress,
  useUpdateTask,
  yuan,
} from './api.ts';
import './i18n.ts';

/** Yuan as typed ("1234.5") to integer fen, without floating point. */
export function fenOf(yuanText: string | number | null | undefined): number {
  const [whole = '0', part = ''] = String(yuanText ?? '0').trim().split('.');
  return Number(whole || '0') * 100 + Number((part + '00').slice(0, 2));
}

export function TaskStateTag({ task }: { task: { doneAt?: string | null; done?: boolean; overdue: boolean; escalatedAt?: string | null } }) {
  const { t } = useTranslation();
  if (task.doneAt || task.done) return <Tag color="green">{t('deliberationExecution.state.done')}</Tag>;
  if (task.overdue)
    return (
      <Space size={4}>
        <Tag color="red">{t('deliberationExecution.state.overdue')}</Tag>
        {task.escalatedAt && <Tag color="orange">{t('deliberationExecution.state.escalated')}</Tag>}
      </Space>
    );
  return <Tag color="blue">{t('deliberationExecution.state.running')}</Tag>;
}

interface TaskValues {
  title: string;
  organisationName: string;
  responsibleName: string;
  deadline: string;
  budget: string;
}

function TaskForm({ open, onClose, itemId, task }: { open: boolean; onClose: () => void; itemId: string; task?: ExecutionTask }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const plan = usePlanTask(itemId);
  const update = useUpdateTask();
  return (
    <FormModal<TaskValues>
      title={t(task ? 'deliberationExecution.action.edit' : 'deliberationExecution.action.plan')}
      open={open}
      onClose={onClose}
      initialValues={task ? { title: task.title, organisationName: task.organisationName, responsibleName: task.responsibleName, deadline: task.deadline, budget: yuan(task.budgetFen).replaceAll(',', '') } : { budget: '0' }}
      submit={async (v) => {
        const body = { title: v.title, organisationName: v.organisationName, responsibleName: v.responsibleName, deadline: v.deadline, budgetFen: fenOf(v.budget) };
        if (task) await update.mutateAsync({ id: task.id, patch: task.organisationId && v.organisationName === task.organisationName ? { ...body, organisationName: undefined } : { ...body, organisationId: null } });
        else await plan.mutateAsync(body);
        void message.success(t(task ? 'deliberationExecution.done.edit' : 'deliberationExecution.done.plan'));
      }}
    >
      <Form.Item name="title" label={t('deliberationExecution.field.title')} rules={[{ required: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="organisationName" label={t('deliberationExecution.field.organisation')} rules={[{ required: true, max: 100 }]} extra={t('deliberationExecution.form.orgHint')}>
        <Input />
      </Form.Item>
      <Form.Item name="responsibleName" label={t('deliberationExecution.field.responsible')} rules={[{ required: true, max: 50 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="deadline" label={t('deliberationExecution.field.deadline')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="budget" label={t('deliberationExecution.field.budget')} rules={[{ required: true, pattern: /^\d{1,9}(\.\d{1,2})?$/ }]}>
        <Input inputMode="decimal" />
      </Form.Item>
    </FormModal>
  );
}

function ProgressForm({ task, onClose }: { task: ExecutionTask; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportProgress();
  const [photos, setPhotos] = useState<File[]>([]);
  return (
    <FormModal<{ percent: number; note: string }>
      title={`${t('deliberationExecution.action.report')} · ${task.title}`}
      open
      onClose={onClose}
      initialValues={{ percent: task.progressPercent, note: '' }}
      submit={async (v) => {
        await report.mutateAsync({ id: task.id, percent: v.percent, note: v.note ?? '', photos });
        void message.success(t('deliberationExecution.done.report'));
      }}
    >
      <Form.Item name="percent" label={t('deliberationExecution.field.percent')} rules={[{ required: true }]} extra={t('deliberationExecution.form.progressHint')}>
        <InputNumber min={task.progressPercent} max={100} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="note" label={t('deliberationExecution.field.note')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label={t('deliberationExecution.field.photos')}>
        <Upload
          accept="image/jpeg,image/png,image/webp"
          listType="picture"
          multiple
          maxCount={MAX_TASK_PHOTOS}
          beforeUpload={(file) => {
            setPhotos((p) => [...p, file].slice(0, MAX_TASK_PHOTOS));
            return false;
          }}
          onRemove={(file) => setPhotos((p) => p.filter((x) => x.name !== file.name))}
        >
          <Button>{t('deliberationExecution.field.photos')}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}

function ReopenForm({ task, onClose }: { task: ExecutionTask; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reopen = useReopenTask();
  return (
    <FormModal<{ percent: number; note: string }>
      title={`${t('deliberationExecution.action.reopen')} · ${task.title}`}
      open
      onClose={onClose}
      initialValues={{ percent: 50 }}
      submit={async (v) => {
        await reopen.mutateAsync({ id: task.id, percent: v.percent, note: v.note });
        void message.success(t('deliberationExecution.done.reopen'));
      }}
    >
      <Form.Item name="percent" label={t('deliberationExecution.field.percent')} rules={[{ required: true }]}>
        <InputNumber min={0} max={99} precision={0} />
      </Form.Item>
      <Form.Item name="note" label={t('deliberationExecution.form.reopenNote')} rules={[{ required: true, max: 2000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

function NoteForm({ itemId, onClose }: { itemId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddNote(itemId);
  return (
    <FormModal<{ text: string; isPublic: boolean }>
      title={t('deliberationExecution.action.note')}
      open
      onClose={onClose}
      initialValues={{ isPublic: true }}
      submit={async (v) => {
        await add.mutateAsync({ text: v.text, isPublic: !!v.isPublic });
        void message.success(t('deliberationExecution.done.note'));
      }}
    >
      <Form.Item name="text" label={t('deliberationExecution.field.note')} rules={[{ required: true, max: 2000 }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="isPublic" valuePropName="checked">
        <Checkbox>{t('deliberationExecution.action.isPublic')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

function Updates({ task }: { task: ExecutionTask }) {
  const { t } = useTranslation();
  if (task.updates.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <List
      size="small"
      header={t('deliberationExecution.section.updates')}
      dataSource={task.updates}
      renderItem={(u) => (
        <List.Item>
          <Space direction="vertical" size={4}>
            <Typography.Text>
              {formatDateTime(u.at)} · {u.byName} · {u.percent}% {u.note && `· ${u.note}`}
            </Typography.Text>
            {u.photos.length > 0 && (
              <Image.PreviewGroup>
                <Space wrap>
                  {u.photos.map((p) => (
                    <Image key={p.id} src={p.url} width={72} height={72} style={{ objectFit: 'cover' }} alt={t('deliberationExecution.field.photos')} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

function Body({ data, itemId }: { data: ItemExecution; itemId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveTask();
  const [planning, setPlanning] = useState(false);
  const [editing, setEditing] = useState<ExecutionTask | null>(null);
  const [reporting, setReporting] = useState<ExecutionTask | null>(null);
  const [reopening, setReopening] = useState<ExecutionTask | null>(null);
  const [noting, setNoting] = useState(false);
  const executing = data.item.stage === 'executing';

  const columns: TableColumnsType<ExecutionTask> = [
    { title: t('deliberationExecution.field.no'), dataIndex: 'no', width: 60 },
    { title: t('deliberationExecution.field.title'), dataIndex: 'title' },
    { title: t('deliberationExecution.field.organisation'), dataIndex: 'organisationName' },
    { title: t('deliberationExecution.field.responsible'), dataIndex: 'responsibleName' },
    { title: t('deliberationExecution.field.deadline'), dataIndex: 'deadline', render: (d: string, task) => <span style={task.overdue ? { color: '#cf1322' } : undefined}>{d}</span> },
    { title: t('deliberationExecution.field.budget'), dataIndex: 'budgetFen', align: 'right', render: (f: number) => yuan(f) },
    { title: t('deliberationExecution.field.progress'), dataIndex: 'progressPercent', width: 140, render: (p: number, task) => <Progress percent={p} size="small" status={task.overdue ? 'exception' : undefined} /> },
    { title: t('deliberationExecution.field.state'), key: 'state', render: (_, task) => <TaskStateTag task={task} /> },
    {
      title: '',
      key: 'actions',
      render: (_, task) => (
        <Space size={4} wrap>
          {executing && data.can.report && !task.doneAt && (
            <Button size="small" type="primary" onClick={() => setReporting(task)}>
              {t('deliberationExecution.action.report')}
            </Button>
          )}
          {executing && data.can.plan && !task.doneAt && (
            <>
              <Button size="small" onClick={() => setEditing(task)}>
                {t('deliberationExecution.action.edit')}
              </Button>
              <Popconfirm
                title={t('deliberationExecution.action.removeConfirm', { title: task.title })}
                onConfirm={async () => {
                  await remove.mutateAsync(task.id);
                  void message.success(t('deliberationExecution.done.remove'));
                }}
              >
                <Button size="small" danger>
                  {t('deliberationExecution.action.remove')}
                </Button>
              </Popconfirm>
            </>
          )}
          {executing && data.can.plan && task.doneAt && data.item.reopenCount > 0 && (
            <Button size="small" onClick={() => setReopening(task)}>
              {t('deliberationExecution.action.reopen')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('deliberationExecution.section.title')}
        extra={
          <Space>
            {data.item.reopenCount > 0 && <Tag color="orange">{t('deliberationExecution.section.reopened', { count: data.item.reopenCount })}</Tag>}
            {executing && data.can.plan && (
              <Button type="primary" onClick={() => setPlanning(true)}>
                {t('deliberationExecution.action.plan')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Text strong>{t('deliberationExecution.section.progress')}</Typography.Text>
        <Progress percent={data.item.progressPercent} />
        <Table<ExecutionTask>
          rowKey="id"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={data.tasks}
          locale={{ emptyText: t('deliberationExecution.section.noTasks') }}
          expandable={{ expandedRowRender: (task) => <Updates task={task} />, rowExpandable: (task) => task.updates.length > 0 }}
          scroll={{ x: true }}
        />
      </Card>
      <Card
        title={t('deliberationExecution.section.notes')}
        extra={
          data.can.supervise && (
            <Button onClick={() => setNoting(true)}>{t('deliberationExecution.action.note')}</Button>
          )
        }
      >
        {data.notes.length === 0 ? (
          <Empty description={t('deliberationExecution.section.noNotes')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            dataSource={data.notes}
            renderItem={(n) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space>
                      <Tag color={n.isPublic ? 'green' : 'default'}>{t(n.isPublic ? 'deliberationExecution.section.public' : 'deliberationExecution.section.internal')}</Tag>
                      <Typography.Text type="secondary">
                        {n.byName} · {formatDateTime(n.at)}
                      </Typography.Text>
                    </Space>
                  }
                  description={n.text}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={t('deliberationExecution.section.rounds')}>
        {data.item.ratingOpen && data.item.ratingClosesAt && (
          <Typography.Paragraph>
            <Tag color="blue">{t('deliberationExecution.section.ratingOpen', { round: data.item.ratingRound, at: formatDate(data.item.ratingClosesAt) })}</Tag>
          </Typography.Paragraph>
        )}
        {data.rounds.length === 0 ? (
          <Empty description={t(data.item.ratingOpen ? 'deliberationExecution.section.noRatingsYet' : 'deliberationExecution.section.noRounds')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            dataSource={data.rounds}
            renderItem={(r) => (
              <List.Item>
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{t('deliberationExecution.section.round', { round: r.round })}</Typography.Text>
                    <span>{t('deliberationExecution.section.roundLine', { count: r.count, mean: meanText(r.meanCenti) })}</span>
                    <Tag color={r.outcome === 'closed' || r.outcome === 'stands' ? 'green' : r.outcome ? 'red' : 'blue'}>
                      {r.outcome ? t(`deliberationExecution.outcome.${r.outcome}`) : t('deliberationExecution.section.pending')}
                    </Tag>
                  </Space>
                  <Typography.Text type="secondary">{r.distribution.map((count, k) => t('deliberationExecution.section.distribution', { score: k + 1, count })).join('　')}</Typography.Text>
                  {r.comments.map((c, k) => (
                    <Typography.Text key={k}>
                      {'★'.repeat(c.score)} {c.comment}
                    </Typography.Text>
                  ))}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {planning && <TaskForm open onClose={() => setPlanning(false)} itemId={itemId} />}
      {editing && <TaskForm open onClose={() => setEditing(null)} itemId={itemId} task={editing} />}
      {reporting && <ProgressForm task={reporting} onClose={() => setReporting(null)} />}
      {reopening && <ReopenForm task={reopening} onClose={() => setReopening(null)} />}
      {noting && <NoteForm itemId={itemId} onClose={() => setNoting(false)} />}
    </Space>
  );
}

/**
 * Stages 4–6 on the workbench's item page: the tasks with overdue flags (plan, edit, remove, report progress with
 * photos, reopen after a poor verdict), the roll-up progress bar, supervision notes (public or internal), and the
 * residents' rating rounds with their verdicts. Shown from 'executing' on; earlier stages have nothing here.
 */
export function ItemExecutionSection({ itemId, stage }: { itemId: string; stage: string }) {
  const shown = ['executing', 'evaluating', 'closed', 'escalated'].includes(stage);
  if (!shown) return null;
  return <Loaded itemId={itemId} />;
}

function Loaded({ itemId }: { itemId: string }) {
  const query = useItemExecution(itemId);
  return <QueryView query={query}>{(data) => <Body data={data} itemId={itemId} />}</QueryView>;
}
