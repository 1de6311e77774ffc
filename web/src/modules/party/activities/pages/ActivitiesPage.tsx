import { App, Button, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PARTY_ROLES } from '#server/modules/party/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { ACTIVITY_KINDS, type ActivityListRow, download, useActivities, useBranches } from '../api.ts';
import { ActivityFormModal } from '../components/ActivityFormModal.tsx';

const FILTERS = ['q', 'kind', 'status'] as const;

/** 党组织活动: the activities in my places with their attendance — search, filter, sort, page, export; 新建活动. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scope } = useScope();
  const navigate = useNavigate();
  const me = useSignedIn();
  const canAdd = me.grants.some((g) => (PARTY_ROLES.activitiesManage as readonly string[]).includes(g.role));
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const activities = useActivities(query);
  const [adding, setAdding] = useState(false);
  const branches = useBranches(canAdd);

  const columns: TableColumnsType<ActivityListRow> = [
    { title: t('partyActivities.col.title'), dataIndex: 'title', key: 'title', sorter: true, render: (v: string, r) => <Link to={`/party/activities/${r.id}`}>{v}</Link> },
    { title: t('partyActivities.col.kind'), dataIndex: 'kind', key: 'kind', sorter: true, render: (v: ActivityListRow['kind']) => <Tag color="red">{t(`partyActivities.kind.${v}`)}</Tag> },
    { title: t('partyActivities.col.branch'), dataIndex: 'branchName', key: 'branch', sorter: true },
    { title: t('partyActivities.col.startsAt'), dataIndex: 'startsAt', key: 'startsAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('partyActivities.col.venue'), dataIndex: 'venue' },
    { title: t('partyActivities.col.attendance'), key: 'attendance', render: (_, r) => `${r.present}/${r.invited}` },
    { title: t('partyActivities.col.status'), dataIndex: 'status', render: (v: ActivityListRow['status']) => <Tag color={v === 'cancelled' ? 'default' : 'green'}>{t(`partyActivities.status.${v}`)}</Tag> },
  ];

  return (
    <>
      <PageHeader
        title={t('partyActivities.page.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            <Link to="/party/activities/attendance">
              <Button>{t('partyActivities.page.attendance')}</Button>
            </Link>
            {canAdd && (
              <Button type="primary" loading={branches.isLoading} disabled={!branches.data?.length} onClick={() => setAdding(true)}>
                {t('partyActivities.page.add')}
              </Button>
            )}
            <ExportButton
              total={activities.data?.total ?? 0}
              limit={20000}
              i18nPrefix="partyActivities.page"
              run={() => download('/api/party/activities/export.xlsx', query, `${t('partyActivities.page.title')}.xlsx`)}
            />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={activities}
        columns={columns}
        search={{ label: t('partyActivities.page.search') }}
        selects={[
          { field: 'kind', label: t('partyActivities.col.kind'), options: ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`partyActivities.kind.${k}`) })) },
          { field: 'status', label: t('partyActivities.col.status'), options: (['scheduled', 'cancelled'] as const).map((s) => ({ value: s, label: t(`partyActivities.status.${s}`) })) },
        ]}
        empty={{ none: t('partyActivities.page.none'), noMatch: t('partyActivities.page.noMatch') }}
      />
      {adding && branches.data && (
        <ActivityFormModal
          branches={branches.data}
          onClose={() => setAdding(false)}
          onSaved={(r) => {
            void message.success(t('partyActivities.form.saved', { invited: r.invited, notified: r.notified }));
            void navigate(`/party/activities/${r.id}`);
          }}
        />
      )}
    </>
  );
}
