import { PlusOutlined } from '@ant-design/icons';
import { Button, Result, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETING_STATUSES } from '#server/modules/deliberation/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type MeetingRow, mayMeetings, useMeetings } from '../api.ts';
import { CreateMeetingModal } from '../components/CreateMeetingModal.tsx';
import { MeetingStatusTag } from '../components/labels.tsx';
import { EXPORT_LIMIT, exportMeetingsXlsx } from '../components/export-meetings.ts';
import '../i18n.ts';

const FILTERS = ['q', 'status', 'when'] as const;

/** 联席会议: the meetings in the workbench's scope, latest first; search, status, today / this week; convene one. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const meetings = useMeetings({ ...list.query, placeId: scope?.id });
  const [creating, setCreating] = useState(false);
  if (!mayMeetings(me, 'read')) return <Result status="403" title={t('deliberationMeetings.noAccess')} />;

  const columns: TableColumnsType<MeetingRow> = [
    { title: t('deliberationMeetings.field.title'), dataIndex: 'title', sorter: true, ellipsis: true, render: (v: string, m) => <Link to={`/deliberation/meetings/${m.id}`}>{v}</Link> },
    { title: t('deliberationMeetings.field.kind'), dataIndex: 'kind', render: (k: string) => t(`deliberationMeetings.kind.${k}`) },
    { title: t('deliberationMeetings.field.startsAt'), key: 'startsAt', sorter: true, render: (_, m) => formatDateTime(m.startsAt) },
    { title: t('deliberationMeetings.field.placeShort'), key: 'place', sorter: true, render: (_, m) => m.placeLabel },
    { title: t('deliberationMeetings.page.convener'), dataIndex: 'convenerName', ellipsis: true },
    { title: t('deliberationMeetings.field.status'), key: 'status', sorter: true, render: (_, m) => <MeetingStatusTag status={m.status} /> },
    { title: t('deliberationMeetings.field.items'), dataIndex: 'agendaItems', align: 'right' },
    { title: t('deliberationMeetings.field.attendance'), key: 'attendance', align: 'right', render: (_, m) => `${m.signedIn}/${m.attendees}` },
  ];
  return (
    <>
      <PageHeader
        title={t('deliberationMeetings.menu.meetings')}
        tags={<ScopeNote />}
        extra={
          <>
            <ExportButton
              total={meetings.data?.total ?? 0}
              limit={EXPORT_LIMIT}
              i18nPrefix="deliberationMeetings.list"
              run={(progress) => exportMeetingsXlsx({ ...list.filters, ...list.sorting, placeId: scope?.id }, t, progress)}
            />
            {mayMeetings(me, 'manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('deliberationMeetings.list.create')}
              </Button>
            )}
          </>
        }
      />
      <ListCard
        list={list}
        query={meetings}
        columns={columns}
        empty={{ none: t('deliberationMeetings.list.none'), noMatch: t('deliberationMeetings.list.noMatch') }}
        search={{ label: t('deliberationMeetings.list.search'), width: 260 }}
        selects={[
          { field: 'status', label: t('deliberationMeetings.list.statusFilter'), options: optionsOf(MEETING_STATUSES, (s) => t(`deliberationMeetings.status.${s}`)) },
          { field: 'when', label: t('deliberationMeetings.list.whenFilter'), options: optionsOf(['today', 'week'] as const, (w) => t(`deliberationMeetings.list.${w}`)) },
        ]}
      />
      <CreateMeetingModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
