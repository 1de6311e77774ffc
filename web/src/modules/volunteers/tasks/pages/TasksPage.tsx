import { App, Button, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { TASK_STATUSES, VOLUNTEERS_ROLES } from '#server/modules/volunteers/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, type TaskRow, useTaskPlaces, useTasks } from '../api.ts';
import { StatusTag } from '../components/labels.tsx';
import { TaskFormModal } from '../components/TaskFormModal.tsx';

const FILTERS = ['q', 'status'] as const;

/** 任务抢单: the task board of my places — search, filter by status, sort, page, export; 发布任务. */
export function TasksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scope } = useScope();
  const navigate = useNavigate();
  const me = useSignedIn();
  const canPost = me.grants.some((g) => (VOLUNTEERS_ROLES.tasksManage as readonly string[]).includes(g.role));
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const tasks = useTasks(query);
  const places = useTaskPlaces(canPost);
  const [adding, setAdding] = useState(false);

  const columns: TableColumnsType<TaskRow> = [
    { title: t('volTasks.col.title'), dataIndex: 'title', key: 'title', sorter: true, render: (v: string, r) => <Link to={`/volunteers/tasks/${r.id}`}>{v}</Link> },
    { title: t('volTasks.col.target'), dataIndex: 'target' },
    { title: t('volTasks.col.place'), dataIndex: 'placeName' },
    { title: t('volTasks.col.points'), dataIndex: 'points', key: 'points', sorter: true, align: 'right' },
    { title: t('volTasks.col.minutes'), dataIndex: 'minutes', align: 'right' },
    { title: t('volTasks.col.deadline'), dataIndex: 'deadline', key: 'deadline', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('volTasks.col.status'), dataIndex: 'status', key: 'status', sorter: true, render: (v: TaskRow['status']) => <StatusTag status={v} /> },
    { title: t('volTasks.col.grabbedBy'), dataIndex: 'grabbedName', render: (v: string | null) => v ?? '—' },
    { title: t('volTasks.col.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('volTasks.page.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            {canPost && (
              <Button type="primary" loading={places.isLoading} disabled={!places.data?.length} onClick={() => setAdding(true)}>
                {t('volTasks.page.add')}
              </Button>
            )}
            <ExportButton total={tasks.data?.total ?? 0} limit={20000} i18nPrefix="volTasks.page" run={() => download('/api/volunteers/tasks/export.xlsx', query, `${t('volTasks.page.title')}.xlsx`)} />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={tasks}
        columns={columns}
        search={{ label: t('volTasks.page.search') }}
        selects={[{ field: 'status', label: t('volTasks.col.status'), options: TASK_STATUSES.map((s) => ({ value: s, label: t(`volTasks.status.${s}`) })) }]}
        empty={{ none: t('volTasks.page.none'), noMatch: t('volTasks.page.noMatch') }}
      />
      {adding && places.data && (
        <TaskFormModal
          places={places.data}
          defaultPlaceId={scope?.id}
          onClose={() => setAdding(false)}
          onSaved={(r) => {
            void message.success(t('volTasks.form.saved', { notified: r.notified }));
            void navigate(`/volunteers/tasks/${r.id}`);
          }}
        />
      )}
    </>
  );
}
