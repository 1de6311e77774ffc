import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useListParams } from '../../../../shared/list-params.ts';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type TaskRow, useTasks, yuan } from '../api.ts';
import { TaskStateTag } from '../ItemExecutionSection.tsx';
import '../i18n.ts';

const FILTERS = ['q', 'overdue', 'done', 'itemId'] as const;

/** 议题任务: every task of the items in my places, overdue ones flagged (and filterable), exported as Excel. */
export function TasksPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const tasks = useTasks(query);
  const exportQuery = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined || v === null || k === 'page' || k === 'pageSize' ? [] : [[k, String(v)]])));

  const columns: TableColumnsType<TaskRow> = [
    { title: t('deliberationExecution.field.item'), key: 'item', sorter: true, render: (_, r) => <Link to={`/deliberation/items/${r.itemId}`}>{`${r.itemCode} ${r.itemTitle}`}</Link> },
    { title: t('deliberationExecution.field.place'), dataIndex: 'placeName' },
    { title: t('deliberationExecution.field.title'), dataIndex: 'title', key: 'title', sorter: true },
    { title: t('deliberationExecution.field.organisation'), dataIndex: 'organisationName' },
    { title: t('deliberationExecution.field.responsible'), dataIndex: 'responsibleName' },
    { title: t('deliberationExecution.field.deadline'), dataIndex: 'deadline', key: 'deadline', sorter: true },
    { title: t('deliberationExecution.field.budget'), dataIndex: 'budgetFen', align: 'right', render: (f: number) => yuan(f) },
    { title: t('deliberationExecution.field.progress'), dataIndex: 'progressPercent', key: 'progress', sorter: true, width: 140, render: (p: number, r) => <Progress percent={p} size="small" status={r.overdue ? 'exception' : undefined} /> },
    { title: t('deliberationExecution.field.state'), key: 'state', render: (_, r) => <TaskStateTag task={{ ...r, overdue: !!r.overdue }} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('deliberationExecution.tasks.title')}
        tags={<ScopeNote />}
        extra={
          <Button icon={<DownloadOutlined />} href={`/api/deliberation/tasks.xlsx?${exportQuery.toString()}`} disabled={!tasks.data?.total}>
            {t('deliberationExecution.action.export')}
          </Button>
        }
      />
      <Alert type="info" showIcon title={t('deliberationExecution.tasks.intro')} style={{ marginBottom: 16 }} />
      <ListCard
        list={list}
        query={tasks}
        columns={columns}
        empty={{ none: t('deliberationExecution.tasks.none'), noMatch: t('deliberationExecution.tasks.noMatch') }}
        search={{ label: t('deliberationExecution.tasks.search') }}
        selects={[
          {
            field: 'overdue',
            label: t('deliberationExecution.tasks.overdue'),
            options: [
              { value: 'true', label: t('deliberationExecution.tasks.overdueOnly') },
              { value: 'false', label: t('deliberationExecution.tasks.notOverdue') },
            ],
          },
          {
            field: 'done',
            label: t('deliberationExecution.tasks.doneFilter'),
            options: [
              { value: 'true', label: t('deliberationExecution.tasks.doneYes') },
              { value: 'false', label: t('deliberationExecution.tasks.doneNo') },
            ],
          },
        ]}
      />
    </>
  );
}
