import { Link } from 'react-router';
import { Button, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, type MemberAttendance, useMemberAttendance } from '../api.ts';

const FILTERS = ['q'] as const;
const thisYear = () => new Date().getFullYear();

/** 党员参加活动情况: each member's attendance over a year (activities held so far) — search, sort, page, export. */
export function AttendancePage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('year')) || thisYear();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id, year };
  const rows = useMemberAttendance(query);
  const columns: TableColumnsType<MemberAttendance> = [
    { title: t('partyActivities.col.name'), dataIndex: 'personName', key: 'name', sorter: true },
    { title: t('partyActivities.col.membership'), dataIndex: 'membership', render: (v: MemberAttendance['membership']) => <Tag>{t(`partyActivities.membership.${v}`)}</Tag> },
    { title: t('partyActivities.col.invited'), dataIndex: 'invited', key: 'invited', sorter: true, align: 'right' },
    { title: t('partyActivities.col.present'), dataIndex: 'present', key: 'present', sorter: true, align: 'right' },
    { title: t('partyActivities.col.excused'), dataIndex: 'excused', align: 'right' },
    { title: t('partyActivities.col.rate'), key: 'rate', sorter: true, align: 'right', render: (_, r) => (r.invited ? `${Math.round((r.present / r.invited) * 100)}%` : '—') },
  ];
  return (
    <>
      <PageHeader
        title={t('partyActivities.year.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            <Link to="/party/activities">
              <Button>{t('partyActivities.page.back')}</Button>
            </Link>
            <Select
              aria-label={t('partyActivities.year.year')}
              value={year}
              style={{ width: 110 }}
              options={[0, 1, 2, 3].map((i) => ({ value: thisYear() - i, label: t('partyActivities.year.yearLabel', { year: thisYear() - i }) }))}
              onChange={(y) =>
                setSearch((prev) => {
                  const next = new URLSearchParams(prev);
                  next.set('year', String(y));
                  next.delete('page');
                  return next;
                })
              }
            />
            <ExportButton
              total={rows.data?.total ?? 0}
              limit={20000}
              i18nPrefix="partyActivities.page"
              run={() => download('/api/party/activities/attendance/export.xlsx', query, `${t('partyActivities.year.title')}-${year}.xlsx`)}
            />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={rows}
        rowKey="memberId"
        columns={columns}
        search={{ label: t('partyActivities.year.search') }}
        empty={{ none: t('partyActivities.year.none'), noMatch: t('partyActivities.year.noMatch') }}
      />
    </>
  );
}
