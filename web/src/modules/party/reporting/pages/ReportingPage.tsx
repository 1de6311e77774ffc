import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Result, Select, Space, Spin, Tabs, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { formatDate } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import {
  download,
  type MemberReport,
  type OrgClaim,
  type OrgReport,
  type ProjectRow,
  type ReportingContext,
  useClaimProject,
  useMemberReports,
  useOrgClaims,
  useOrgReports,
  useProjects,
  useReportingContext,
  useWithdrawOrgReport,
} from '../api.ts';
import { StatusTag } from '../components/labels.tsx';
import { ReportDialog } from '../components/ReportDialog.tsx';
import { ReviewTab } from '../components/ReviewTab.tsx';

const STATUSES = ['pending', 'confirmed', 'rejected', 'withdrawn'] as const;
const ORG_FILTERS = ['q', 'status', 'communityId', 'unclaimed'] as const;
const MEMBER_FILTERS = ['q', 'status', 'communityId'] as const;
const PROJECT_FILTERS = ['q', 'communityId'] as const;
const CLAIM_FILTERS = ['q', 'year'] as const;

function OrgReportsTab({ context }: { context: ReportingContext }) {
  const { t } = useTranslation();
  const list = useListParams(ORG_FILTERS);
  const reports = useOrgReports(list.query);
  const withdraw = useWithdrawOrgReport();
  const columns: TableColumnsType<OrgReport> = [
    { title: t('partyReporting.col.organisation'), key: 'organisation', sorter: true, dataIndex: 'organisationName' },
    { title: t('partyReporting.col.community'), key: 'community', sorter: true, dataIndex: 'communityName' },
    { title: t('partyReporting.col.contact'), key: 'contact', render: (_, r) => `${r.contactName} ${r.contactPhone}` },
    { title: t('partyReporting.col.status'), key: 'status', sorter: true, render: (_, r) => <StatusTag status={r.status} /> },
    { title: t('partyReporting.col.reportedAt'), key: 'reportedAt', sorter: true, render: (_, r) => formatDate(r.reportedAt) },
    {
      title: t('partyReporting.col.claimedThisYear'),
      key: 'claimed',
      render: (_, r) => (r.status === 'confirmed' ? <Tag color={r.claimedThisYear ? 'green' : 'orange'}>{t(r.claimedThisYear ? 'partyReporting.claimed' : 'partyReporting.unclaimed')}</Tag> : '—'),
    },
    { title: t('partyReporting.col.decisionNote'), key: 'note', render: (_, r) => r.decisionNote ?? '' },
    ...(context.canSubmit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: OrgReport) =>
              r.status === 'pending' && (
                <Popconfirm title={t('partyReporting.withdrawTitle')} okText={t('partyReporting.withdraw')} onConfirm={() => withdraw.mutateAsync(r.id)}>
                  <Button type="link" size="small" danger>
                    {t('partyReporting.withdraw')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];
  return (
    <ListCard
      list={list}
      title={
        <Space>
          {t('partyReporting.tab.orgs')}
          <ExportButton total={reports.data?.total ?? 0} limit={20000} i18nPrefix="partyReporting.page" run={() => download('/api/party/org-reports/export.xlsx', list.query, `${t('partyReporting.tab.orgs')}.xlsx`)} />
        </Space>
      }
      search={{ label: t('partyReporting.page.searchOrgs') }}
      selects={[
        { field: 'status', label: t('partyReporting.col.status'), options: STATUSES.map((s) => ({ value: s, label: t(`partyReporting.status.${s}`) })) },
        context.communities.length > 1 && { field: 'communityId', label: t('partyReporting.col.community'), options: context.communities.map((c) => ({ value: c.id, label: c.name })) },
        { field: 'unclaimed', label: t('partyReporting.col.claimedThisYear'), options: [{ value: 'true', label: t('partyReporting.unclaimedFilter') }] },
      ]}
      query={reports}
      columns={columns}
      empty={{ none: t('partyReporting.page.noOrgs'), noMatch: t('common.noMatchFor', { q: list.filters.q ?? '' }) }}
    />
  );
}

function MemberReportsTab({ context }: { context: ReportingContext }) {
  const { t } = useTranslation();
  const list = useListParams(MEMBER_FILTERS);
  const reports = useMemberReports(list.query);
  const columns: TableColumnsType<MemberReport> = [
    { title: t('partyReporting.col.member'), key: 'member', sorter: true, dataIndex: 'memberName' },
    { title: t('partyReporting.col.community'), key: 'community', sorter: true, dataIndex: 'communityName' },
    { title: t('partyReporting.col.skills'), dataIndex: 'skills' },
    { title: t('partyReporting.col.status'), key: 'status', sorter: true, render: (_, r) => <StatusTag status={r.status} /> },
    { title: t('partyReporting.col.reportedAt'), key: 'reportedAt', sorter: true, render: (_, r) => formatDate(r.reportedAt) },
    { title: t('partyReporting.col.decisionNote'), key: 'note', render: (_, r) => r.decisionNote ?? '' },
  ];
  return (
    <ListCard
      list={list}
      title={
        <Space>
          {t('partyReporting.tab.members')}
          <ExportButton total={reports.data?.total ?? 0} limit={20000} i18nPrefix="partyReporting.page" run={() => download('/api/party/member-reports/export.xlsx', list.query, `${t('partyReporting.tab.members')}.xlsx`)} />
        </Space>
      }
      search={{ label: t('partyReporting.page.searchMembers') }}
      selects={[
        { field: 'status', label: t('partyReporting.col.status'), options: STATUSES.map((s) => ({ value: s, label: t(`partyReporting.status.${s}`) })) },
        context.communities.length > 1 && { field: 'communityId', label: t('partyReporting.col.community'), options: context.communities.map((c) => ({ value: c.id, label: c.name })) },
      ]}
      query={reports}
      columns={columns}
      empty={{ none: t('partyReporting.page.noMembers'), noMatch: t('common.noMatchFor', { q: list.filters.q ?? '' }) }}
    />
  );
}

/** The liaison's 可认领项目: the open projects of the communities its organisations reported to (confirmed), 认领项目. */
function ClaimableTab({ context }: { context: ReportingContext }) {
  const { t } = useTranslation();
  const list = useListParams(PROJECT_FILTERS);
  const projects = useProjects({ ...list.query, status: 'open' });
  const claim = useClaimProject();
  const [orgId, setOrgId] = useState(context.organisations[0]?.id);
  const columns: TableColumnsType<ProjectRow> = [
    { title: t('partyReporting.col.project'), key: 'title', sorter: true, dataIndex: 'title' },
    { title: t('partyReporting.col.community'), key: 'community', sorter: true, dataIndex: 'communityName' },
    { title: t('partyReporting.col.place'), dataIndex: 'placeName' },
    { title: t('partyReporting.col.description'), dataIndex: 'description', ellipsis: true },
    { title: t('partyReporting.col.orgClaims'), dataIndex: 'orgClaims', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.claimedByMine ? (
          <Tag color="green">{t('partyReporting.claimed')}</Tag>
        ) : (
          <Popconfirm title={t('partyReporting.claimProject.title', { project: r.title })} okText={t('partyReporting.claimProject.ok')} onConfirm={() => claim.mutateAsync({ projectId: r.id, organisationId: orgId! })}>
            <Button type="link" size="small" disabled={!orgId}>
              {t('partyReporting.claimProject.button')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <ListCard
      list={list}
      title={t('partyReporting.tab.claimable')}
      intro={t('partyReporting.claimProject.intro', { year: projects.data ? (projects.data as { year?: number }).year : '' })}
      search={{ label: t('partyReporting.page.searchProjects') }}
      query={projects}
      columns={columns}
      empty={{ none: t('partyReporting.page.noClaimable'), noMatch: t('common.noMatchFor', { q: list.filters.q ?? '' }) }}
    >
      {context.organisations.length > 1 && <Select aria-label={t('partyReporting.col.organisation')} value={orgId} onChange={setOrgId} options={context.organisations.map((o) => ({ value: o.id, label: o.name }))} style={{ minWidth: 240 }} />}
    </ListCard>
  );
}

function OrgClaimsTab() {
  const { t } = useTranslation();
  const list = useListParams(CLAIM_FILTERS);
  const claims = useOrgClaims(list.query);
  const columns: TableColumnsType<OrgClaim> = [
    { title: t('partyReporting.col.organisation'), key: 'organisation', sorter: true, dataIndex: 'organisationName' },
    { title: t('partyReporting.col.project'), key: 'project', sorter: true, dataIndex: 'projectTitle' },
    { title: t('partyReporting.col.community'), dataIndex: 'communityName' },
    { title: t('partyReporting.col.year'), key: 'year', sorter: true, dataIndex: 'year' },
    { title: t('partyReporting.col.claimedAt'), key: 'claimedAt', sorter: true, render: (_, r) => formatDate(r.claimedAt) },
  ];
  const years = [2026, 2025, 2024];
  return (
    <ListCard
      list={list}
      title={t('partyReporting.tab.orgClaims')}
      search={{ label: t('partyReporting.page.searchClaims') }}
      selects={[{ field: 'year', label: t('partyReporting.col.year'), options: years.map((y) => ({ value: String(y), label: String(y) })) }]}
      query={claims}
      columns={columns}
      empty={{ none: t('partyReporting.page.noClaims'), noMatch: t('common.noMatchFor', { q: list.filters.q ?? '' }) }}
    />
  );
}

/**
 * 双报到: the community's review of pending reports (报到审核), the organisations (报到单位, with 本年未认领) and members
 * (报到党员) reported to it; a liaison's own reports with 向社区报到, the projects it may claim (认领项目) and its claims.
 */
export function ReportingPage() {
  const { t } = useTranslation();
  const context = useReportingContext();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const [reporting, setReporting] = useState(false);
  if (context.isPending) return <Spin />;
  if (context.isError) return <Result status="error" title={t('partyReporting.loadFailed')} subTitle={context.error.message} />;
  const c = context.data;
  const liaison = c.canSubmit;
  // The to-dos link to the API's list paths: each opens its tab, filtered to the pending ones.
  const fromPath = location.pathname.endsWith('/org-reports') ? 'orgs' : location.pathname.endsWith('/member-reports') ? 'members' : undefined;
  const tabs = [
    c.canManage && { key: 'review', label: t('partyReporting.tab.review'), children: <ReviewTab /> },
    { key: 'orgs', label: t('partyReporting.tab.orgs'), children: <OrgReportsTab context={c} /> },
    { key: 'members', label: t('partyReporting.tab.members'), children: <MemberReportsTab context={c} /> },
    liaison && { key: 'claimable', label: t('partyReporting.tab.claimable'), children: <ClaimableTab context={c} /> },
    { key: 'orgClaims', label: t('partyReporting.tab.orgClaims'), children: <OrgClaimsTab /> },
  ].filter((x): x is { key: string; label: string; children: React.ReactElement } => !!x);
  const active = search.get('tab') ?? fromPath ?? tabs[0]!.key;
  return (
    <>
      <PageHeader
        title={t('partyReporting.page.title')}
        extra={
          liaison &&
          c.organisations.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)}>
              {t('partyReporting.report.button')}
            </Button>
          )
        }
      />
      <Tabs activeKey={active} onChange={(k) => setSearch({ tab: k }, { replace: true })} destroyOnHidden items={tabs} />
      {liaison && <ReportDialog context={c} open={reporting} onClose={() => setReporting(false)} />}
    </>
  );
}
