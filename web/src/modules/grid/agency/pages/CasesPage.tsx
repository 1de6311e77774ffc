import { Button, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AGENCY_CASE_STATUSES } from '#server/modules/grid/contract.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { type CaseRow, download, useCases, usePoints, useServices } from '../api.ts';
import { CaseStatusTag } from '../components/labels.tsx';
import { OpenCaseModal } from '../components/OpenCaseModal.tsx';

const FILTERS = ['q', 'status', 'serviceId', 'pointId', 'overdue'] as const;
const STATUS_FILTERS = [...AGENCY_CASE_STATUSES, 'open', 'due', 'overdue'] as const;

/** 代办件: the cases of the points I may read — search, filter by service, status, point and overdue, sort, page, export; 受理新件 for a point's staff. */
export function CasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListParams(FILTERS);
  const cases = useCases(list.query);
  const points = usePoints();
  const services = useServices();
  const staffed = (points.data?.items ?? []).filter((p) => p.staffs && p.active);
  const [opening, setOpening] = useState(false);

  const columns: TableColumnsType<CaseRow> = [
    { title: t('gridAgency.col.no'), dataIndex: 'no', key: 'no', sorter: true, render: (v: string, r) => <Link to={`/grid/agency/cases/${r.id}`}>{v}</Link> },
    { title: t('gridAgency.col.service'), dataIndex: 'serviceName', key: 'service', sorter: true },
    { title: t('gridAgency.col.applicant'), dataIndex: 'applicantName' },
    { title: t('gridAgency.col.point'), dataIndex: 'pointName' },
    { title: t('gridAgency.col.status'), dataIndex: 'status', render: (v: CaseRow['status'], r) => <CaseStatusTag status={v} overdue={r.overdue} /> },
    { title: t('gridAgency.col.acceptedAt'), dataIndex: 'acceptedAt', key: 'acceptedAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('gridAgency.col.dueOn'), dataIndex: 'dueOn', key: 'dueOn', sorter: true, render: (v: string) => formatDate(v) },
    { title: t('gridAgency.col.completedAt'), dataIndex: 'completedAt', key: 'completedAt', sorter: true, render: (v: string | null) => formatDateTime(v) || '—' },
    {
      title: t('gridAgency.col.documents'),
      dataIndex: 'documents',
      render: (v: number, r) => (r.documentsPurged ? t('gridAgency.documentsPurged') : t('gridAgency.documentsCount', { count: v })),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('gridAgency.cases.title')}
        extra={
          <Space wrap>
            {staffed.length > 0 && (
              <Button type="primary" onClick={() => setOpening(true)}>
                {t('gridAgency.cases.open')}
              </Button>
            )}
            <ExportButton total={cases.data?.total ?? 0} limit={20000} i18nPrefix="gridAgency.cases" run={() => download('/api/grid/agency/cases/export.xlsx', list.query, `${t('gridAgency.cases.title')}.xlsx`)} />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={cases}
        columns={columns}
        search={{ label: t('gridAgency.cases.search') }}
        selects={[
          { field: 'status', label: t('gridAgency.col.status'), options: optionsOf(STATUS_FILTERS, (s) => t(`gridAgency.statusFilter.${s}`)) },
          { field: 'serviceId', label: t('gridAgency.col.service'), options: (services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })), width: 200 },
          (points.data?.items.length ?? 0) > 1 && { field: 'pointId', label: t('gridAgency.col.point'), options: (points.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })), width: 220 },
          { field: 'overdue', label: t('gridAgency.overdueFilter'), options: [{ value: 'true', label: t('gridAgency.overdueOnly') }, { value: 'false', label: t('gridAgency.notOverdue') }] },
        ]}
        empty={{ none: t('gridAgency.cases.none'), noMatch: t('gridAgency.cases.noMatch') }}
      />
      {opening && <OpenCaseModal points={staffed} onClose={() => setOpening(false)} onOpened={(id) => void navigate(`/grid/agency/cases/${id}`)} />}
    </>
  );
}
