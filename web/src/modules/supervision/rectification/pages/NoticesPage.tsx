import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { NOTICE_STATUSES, SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf, StatusSwitch } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type CompanyCounts, download, type NoticeRow, useCompanyCounts, useNotices } from '../api.ts';
import { NoticeStatusTag, OverdueTag } from '../components/labels.tsx';

const FILTERS = ['q', 'status', 'stage', 'overdue', 'placeId', 'companyId'] as const;
const holds = (roles: readonly string[], grants: { role: string }[]) => grants.some((g) => roles.includes(g.role));

/**
 * 整改通知单: the notices at my places (a company: those to it at its compounds) — by stage, status, overdue,
 * company, searchable and sortable, with counts per company and an xlsx export; officials issue new ones here.
 */
export function NoticesPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: list.filters.placeId ?? scope?.id };
  // The per-company counts take the list's filters, not its page or order.
  const countsQuery = Object.fromEntries(Object.entries(query).filter(([k]) => !['page', 'pageSize', 'sort', 'order'].includes(k)));
  const notices = useNotices(query);
  const counts = useCompanyCounts(countsQuery);
  const mayIssue = holds(SUPERVISION_ROLES.noticesIssue, me.grants);
  const total = notices.data?.total ?? 0;

  const columns: TableColumnsType<NoticeRow> = [
    { title: t('supervisionRectification.col.no'), key: 'no', sorter: true, render: (_, n) => <Link to={`/supervision/notices/${n.id}`}>{n.no}</Link> },
    { title: t('supervisionRectification.col.title'), dataIndex: 'title', ellipsis: true, width: 220 },
    { title: t('supervisionRectification.col.place'), key: 'place', sorter: true, render: (_, n) => n.placeLabel ?? n.compoundName },
    { title: t('supervisionRectification.col.company'), key: 'company', dataIndex: 'companyName', sorter: true },
    { title: t('supervisionRectification.col.issuer'), dataIndex: 'issuerOrg' },
    { title: t('supervisionRectification.col.issuedAt'), key: 'issuedAt', sorter: true, render: (_, n) => formatDate(n.issuedAt) },
    { title: t('supervisionRectification.col.deadline'), key: 'deadline', dataIndex: 'deadline', sorter: true },
    {
      title: t('supervisionRectification.col.status'),
      key: 'status',
      sorter: true,
      render: (_, n) => (
        <Flex gap={4} wrap>
          <NoticeStatusTag status={n.status} />
          <OverdueTag overdue={n.overdue} />
          {n.round > 1 && <span>{t('supervisionRectification.round', { round: n.round })}</span>}
        </Flex>
      ),
    },
  ];
  const companyColumns: TableColumnsType<CompanyCounts['items'][number]> = [
    {
      title: t('supervisionRectification.col.company'),
      dataIndex: 'companyName',
      render: (v: string, r) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => list.setFilters({ companyId: r.companyId })}>
          {v}
        </Button>
      ),
    },
    { title: t('supervisionRectification.counts.issued'), dataIndex: 'issued', align: 'right' },
    { title: t('supervisionRectification.counts.open'), dataIndex: 'open', align: 'right' },
    { title: t('supervisionRectification.counts.overdueNow'), dataIndex: 'overdueNow', align: 'right' },
    { title: t('supervisionRectification.counts.everOverdue'), dataIndex: 'everOverdue', align: 'right' },
    { title: t('supervisionRectification.counts.closed'), dataIndex: 'closed', align: 'right' },
  ];

  return (
    <>
      <PageHeader
        title={t('supervisionRectification.page.title')}
        tags={<ScopeNote />}
        extra={
          <>
            <ExportButton
              total={total}
              limit={20000}
              i18nPrefix="supervisionRectification.page"
              run={() => download('/api/supervision/notices/export.xlsx', query, `${t('supervisionRectification.page.title')}.xlsx`)}
            />
            {mayIssue && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/supervision/notices/new')}>
                {t('supervisionRectification.page.new')}
              </Button>
            )}
          </>
        }
      />
      {(counts.data?.items.length ?? 0) > 0 && (
        <Card size="small" style={{ marginBottom: 16 }} title={t('supervisionRectification.counts.title')}>
          <Table rowKey="companyId" size="small" columns={companyColumns} dataSource={counts.data?.items} pagination={false} />
        </Card>
      )}
      <ListCard
        list={list}
        search={{ label: t('supervisionRectification.page.search') }}
        selects={[
          { field: 'status', label: t('supervisionRectification.col.status'), options: optionsOf(NOTICE_STATUSES, (s) => t(`supervisionRectification.status.${s}`)) },
          {
            field: 'companyId',
            label: t('supervisionRectification.col.company'),
            width: 200,
            options: (counts.data?.items ?? []).map((c) => ({ value: c.companyId, label: c.companyName })),
          },
        ]}
        query={notices}
        columns={columns}
        empty={{ none: t('supervisionRectification.page.none'), noMatch: t('common.noMatchFor', { q: list.filters.q ?? '' }) }}
      >
        <StatusSwitch
          list={list}
          field="stage"
          label={t('supervisionRectification.page.stage')}
          options={[
            { value: 'all', label: t('supervisionRectification.stage.all') },
            { value: 'open', label: t('supervisionRectification.stage.open') },
            { value: 'waiting', label: t('supervisionRectification.stage.waiting') },
            { value: 'verifying', label: t('supervisionRectification.stage.verifying') },
          ]}
        />
        <Checkbox checked={list.filters.overdue === 'true'} onChange={(e) => list.setFilters({ overdue: e.target.checked ? 'true' : undefined })}>
          {t('supervisionRectification.page.overdueOnly')}
        </Checkbox>
      </ListCard>
    </>
  );
}
