import { App, Button, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { VOLUNTEERS_ROLES } from '#server/modules/volunteers/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { ACTIVITY_STATUSES, type ActivityListRow, type ActivityStatus, download, useActivities } from '../api.ts';
import { ActivityFormModal } from '../components/ActivityFormModal.tsx';

const FILTERS = ['q', 'status', 'attention'] as const;
export const statusColor = (s: ActivityStatus) => (s === 'published' ? 'green' : s === 'finished' ? 'blue' : 'default');

/** 志愿活动: the activities in my places — search, filter, sort, page, export; 新建活动 for the organisers. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scope } = useScope();
  const navigate = useNavigate();
  const me = useSignedIn();
  const manageGrants = me.grants.filter((g) => (VOLUNTEERS_ROLES.activitiesManage as readonly string[]).includes(g.role));
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const activities = useActivities(query);
  const [adding, setAdding] = useState(false);

  const columns: TableColumnsType<ActivityListRow> = [
    { title: t('volActivities.col.title'), dataIndex: 'title', key: 'title', sorter: true, render: (v: string, r) => <Link to={`/volunteers/activities/${r.id}`}>{v}</Link> },
    { title: t('volActivities.col.place'), dataIndex: 'placeName' },
    { title: t('volActivities.col.startsAt'), dataIndex: 'startsAt', key: 'startsAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('volActivities.col.venue'), dataIndex: 'venue' },
    { title: t('volActivities.col.seats'), dataIndex: 'signedUp', key: 'signedUp', sorter: true, render: (_, r) => `${r.signedUp}/${r.capacity}` },
    { title: t('volActivities.col.pointsPerHour'), dataIndex: 'pointsPerHour', key: 'pointsPerHour', sorter: true },
    { title: t('volActivities.col.status'), dataIndex: 'status', render: (v: ActivityStatus) => <Tag color={statusColor(v)}>{t(`volActivities.status.${v}`)}</Tag> },
  ];

  return (
    <>
      <PageHeader
        title={t('volActivities.page.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            {manageGrants.length > 0 && (
              <Button type="primary" onClick={() => setAdding(true)}>
                {t('volActivities.page.add')}
              </Button>
            )}
            <ExportButton
              total={activities.data?.total ?? 0}
              limit={20000}
              i18nPrefix="volActivities.page"
              run={() => download('/api/volunteers/activities/export.xlsx', query, `${t('volActivities.page.title')}.xlsx`)}
            />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={activities}
        columns={columns}
        search={{ label: t('volActivities.page.search') }}
        selects={[{ field: 'status', label: t('volActivities.col.status'), options: ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`volActivities.status.${s}`) })) }]}
        empty={{ none: t('volActivities.page.none'), noMatch: t('volActivities.page.noMatch') }}
      />
      {adding && (
        <ActivityFormModal
          defaultPlace={manageGrants[0] ? { id: manageGrants[0].placeId, name: manageGrants[0].placeName } : undefined}
          onClose={() => setAdding(false)}
          onSaved={(r) => {
            void message.success(t('volActivities.form.saved', { notified: r.notified }));
            void navigate(`/volunteers/activities/${r.id}`);
          }}
        />
      )}
    </>
  );
}
