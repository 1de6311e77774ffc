import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { FILING_OFFICES, FILING_STATUSES, type FilingRow, useFilings } from './api.ts';
import { EXPORT_LIMIT, exportFilingsXlsx } from './components/export-filings.ts';
import { FilingDrawer } from './components/FilingDrawer.tsx';
import { DueDate, FilingStatusTag, HashText } from './components/labels.tsx';
import './i18n.ts';

const FILTERS = ['q', 'status', 'office', 'overdue'] as const;

/**
 * 备案审查: the filings the signed-in account receives (its office's) or oversees — filter by status, office and
 * overdue, search by title, sort, export — and a drawer with the package to acknowledge or return.
 */
export function FilingsPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const { scope } = useScope();
  const filter = { ...list.query, placeId: scope?.id };
  const filings = useFilings(filter);
  const { filingId = null } = useParams();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  // The drawer's filing is in the path, the list's filters stay in the query: Back closes the drawer.
  const linkTo = (id: string | null) => ({ pathname: id ? `/filings/${id}` : '/filings', search: search.size ? `?${search.toString()}` : '' });
  const openFiling = (id: string | null) => navigate(linkTo(id));
  const total = filings.data?.total ?? 0;

  const columns: TableColumnsType<FilingRow> = [
    {
      title: t('decisionsFiling.field.decision'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      ellipsis: true,
      width: 260,
      render: (v: string, f) => (
        <Link to={linkTo(f.id)} title={v}>
          {v}
        </Link>
      ),
    },
    { title: t('decisionsFiling.field.place'), key: 'place', render: (_, f) => f.placeLabel },
    { title: t('decisionsFiling.field.office'), dataIndex: 'office', render: (_, f) => t(`decisionsFiling.office.${f.office}`) },
    { title: t('decisionsFiling.field.status'), dataIndex: 'status', key: 'status', sorter: true, render: (_, f) => <FilingStatusTag status={f.status} /> },
    { title: t('decisionsFiling.field.dueOn'), dataIndex: 'dueOn', key: 'dueOn', sorter: true, render: (_, f) => <DueDate dueOn={f.dueOn} overdue={f.overdue} /> },
    { title: t('decisionsFiling.field.submittedAt'), dataIndex: 'submittedAt', key: 'submittedAt', sorter: true, render: (v: string | null, f) => (v ? `${formatDateTime(v)} · v${f.version}` : '—') },
    { title: t('decisionsFiling.field.packageHash'), key: 'packageHash', render: (_, f) => <HashText hash={f.packageHash} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('decisionsFiling.menu')}
        tags={<ScopeNote />}
        extra={<ExportButton total={total} limit={EXPORT_LIMIT} i18nPrefix="decisionsFiling.list" run={(progress) => exportFilingsXlsx({ ...list.filters, ...list.sorting, placeId: filter.placeId }, t, progress)} />}
      />
      <ListCard
        list={list}
        query={filings}
        columns={columns}
        empty={{ none: t('decisionsFiling.list.none'), noMatch: t('decisionsFiling.list.noMatch') }}
        search={{ label: t('decisionsFiling.list.search'), width: 240 }}
        selects={[
          { field: 'status', label: t('decisionsFiling.list.statusFilter'), options: optionsOf(FILING_STATUSES, (s) => t(`decisionsFiling.status.${s}`)) },
          { field: 'office', label: t('decisionsFiling.list.officeFilter'), options: optionsOf(FILING_OFFICES, (o) => t(`decisionsFiling.office.${o}`)) },
          {
            field: 'overdue',
            label: t('decisionsFiling.list.overdueFilter'),
            options: [
              { value: 'true', label: t('decisionsFiling.list.overdueYes') },
              { value: 'false', label: t('decisionsFiling.list.overdueNo') },
            ],
          },
        ]}
      />
      <FilingDrawer filingId={filingId} onClose={() => openFiling(null)} />
    </>
  );
}
