import { Button, Space, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EVENT_BODIES, EVENT_CATEGORY_KEYS, EVENT_STATUSES, GRID_ROLES } from '#server/modules/grid/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, type EventRow, useEvents } from '../api.ts';
import { StatusTag } from '../components/labels.tsx';

const FILTERS = ['q', 'status', 'category', 'body', 'overdue', 'level', 'mine'] as const;

/**
 * 网格事件: the events of my places (a liaison: those sent to them) — search, filter by status, category, body,
 * overdue, level and my to-dos, sort, page, export; 上报事件.
 */
export function EventsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const me = useSignedIn();
  const canReport = me.grants.some((g) => (GRID_ROLES.eventsReport as readonly string[]).includes(g.role));
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const events = useEvents(query);

  const columns: TableColumnsType<EventRow> = [
    { title: t('gridEvents.col.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (v: string, r) => <Link to={`/grid/events/${r.id}`}>{formatDateTime(v)}</Link> },
    { title: t('gridEvents.col.category'), dataIndex: 'category', key: 'category', sorter: true, render: (v: EventRow['category']) => t(`gridEvents.category.${v}`) },
    {
      title: t('gridEvents.col.place'),
      dataIndex: 'compoundName',
      render: (_: string, r) => [r.compoundName, r.placeId !== r.compoundId ? r.placeName : '', r.location].filter(Boolean).join(' · '),
    },
    { title: t('gridEvents.col.description'), dataIndex: 'description', ellipsis: true, render: (v: string, r) => <Link to={`/grid/events/${r.id}`}>{v}</Link> },
    {
      title: t('gridEvents.col.urgency'),
      dataIndex: 'urgency',
      key: 'urgency',
      sorter: true,
      render: (v: EventRow['urgency']) => (v === 'urgent' ? <Tag color="red">{t('gridEvents.urgency.urgent')}</Tag> : t('gridEvents.urgency.normal')),
    },
    {
      title: t('gridEvents.col.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      render: (v: EventRow['status'], r) => (
        <Space size={4} wrap>
          <StatusTag status={v} />
          {r.level === 'street' && <Tag color="purple">{t('gridEvents.detail.street')}</Tag>}
          {r.overdue && <Tag color="red">{t('gridEvents.page.overdue')}</Tag>}
        </Space>
      ),
    },
    { title: t('gridEvents.col.body'), dataIndex: 'body', render: (v: EventRow['body'], r) => (v ? `${t(`gridEvents.body.${v}`)}${r.liaisonName ? ` · ${r.liaisonName}` : ''}` : '—') },
    { title: t('gridEvents.col.dueAt'), dataIndex: 'dueAt', key: 'dueAt', sorter: true, render: (v: string | null) => formatDateTime(v) || '—' },
    { title: t('gridEvents.col.reporter'), dataIndex: 'reporterName' },
    { title: t('gridEvents.col.rating'), dataIndex: 'rating', render: (v: number | null) => (v ? '★'.repeat(v) : '—') },
  ];

  return (
    <>
      <PageHeader
        title={t('gridEvents.page.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            {canReport && (
              <Link to="/grid/events/new">
                <Button type="primary">{t('gridEvents.page.add')}</Button>
              </Link>
            )}
            <ExportButton total={events.data?.total ?? 0} limit={20000} i18nPrefix="gridEvents.page" run={() => download('/api/grid/events/export.xlsx', query, `${t('gridEvents.page.title')}.xlsx`)} />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={events}
        columns={columns}
        search={{ label: t('gridEvents.page.search') }}
        selects={[
          { field: 'status', label: t('gridEvents.col.status'), options: optionsOf(EVENT_STATUSES, (s) => t(`gridEvents.status.${s}`)) },
          { field: 'category', label: t('gridEvents.col.category'), options: optionsOf(EVENT_CATEGORY_KEYS, (s) => t(`gridEvents.category.${s}`)) },
          { field: 'body', label: t('gridEvents.col.body'), options: optionsOf(EVENT_BODIES, (s) => t(`gridEvents.body.${s}`)) },
          {
            field: 'overdue',
            label: t('gridEvents.col.overdue'),
            options: [
              { value: 'true', label: t('gridEvents.page.yes') },
              { value: 'false', label: t('gridEvents.page.no') },
            ],
          },
          { field: 'level', label: t('gridEvents.col.level'), options: optionsOf(['community', 'street'] as const, (s) => t(`gridEvents.level.${s}`)) },
          {
            field: 'mine',
            label: t('gridEvents.page.mine'),
            options: [
              { value: 'dispatch', label: t('gridEvents.page.mineDispatch') },
              { value: 'handle', label: t('gridEvents.page.mineHandle') },
            ],
          },
        ]}
        empty={{ none: t('gridEvents.page.none'), noMatch: t('gridEvents.page.noMatch') }}
      />
    </>
  );
}
