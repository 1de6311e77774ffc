import { Button, Space, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MEDIATION_CASE_STATUSES, MEDIATION_CATEGORIES, MEDIATION_SOURCES } from '#server/modules/grid/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { type CaseRow, download, useCases, useCommittees, usePlaces } from '../api.ts';
import { FiguresCard } from '../components/FiguresCard.tsx';
import { CaseStatusTag } from '../components/labels.tsx';

const FILTERS = ['q', 'status', 'category', 'source', 'committeeId', 'overdue', 'mine'] as const;

/** 调解案件: the cases I may read — search, filter by status, category, source, committee, overdue, mine; sort, page, export; parties masked unless I mediate. */
export function CasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListParams(FILTERS);
  const cases = useCases(list.query);
  const committees = useCommittees();
  const places = usePlaces();
  // The figures of the highest committee the viewer manages (the street for its officials), else the first it reads.
  const items = committees.data?.items ?? [];
  const first = items.find((c) => c.manages && c.level === 'street') ?? items.find((c) => c.manages) ?? items[0];

  const columns: TableColumnsType<CaseRow> = [
    { title: t('gridMediation.col.no'), dataIndex: 'no', key: 'no', sorter: true, render: (v: string, r) => <Link to={`/grid/mediation/${r.id}`}>{v}</Link> },
    { title: t('gridMediation.col.status'), dataIndex: 'status', key: 'status', sorter: true, render: (v: CaseRow['status'], r) => <CaseStatusTag status={v} overdue={r.overdue} level={r.level} /> },
    { title: t('gridMediation.col.category'), dataIndex: 'category', render: (v: string) => t(`gridMediation.category.${v}`) },
    { title: t('gridMediation.col.parties'), dataIndex: 'parties', render: (v: CaseRow['parties']) => v.map((p) => p.name).join('、') },
    { title: t('gridMediation.col.summary'), dataIndex: 'summary', ellipsis: true, width: 260, render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }}>{v}</Typography.Text> },
    { title: t('gridMediation.col.place'), dataIndex: 'placeName' },
    { title: t('gridMediation.col.source'), dataIndex: 'source', render: (v: string) => t(`gridMediation.source.${v}`) },
    { title: t('gridMediation.col.committee'), dataIndex: 'committeeName' },
    { title: t('gridMediation.col.openedAt'), dataIndex: 'openedAt', key: 'openedAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('gridMediation.col.dueAt'), dataIndex: 'dueAt', key: 'dueAt', sorter: true, render: (v: string | null) => formatDateTime(v) || '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('gridMediation.cases.title')}
        extra={
          <Space wrap>
            {(places.data?.items.length ?? 0) > 0 && (
              <Button type="primary" onClick={() => void navigate('/grid/mediation/new')}>
                {t('gridMediation.cases.new')}
              </Button>
            )}
            <ExportButton total={cases.data?.total ?? 0} limit={20000} i18nPrefix="gridMediation.cases" run={() => download('/api/grid/mediation/cases/export.xlsx', list.query, `${t('gridMediation.cases.title')}.xlsx`)} />
          </Space>
        }
      />
      {first && <FiguresCard placeId={first.placeId} placeName={first.placeName} />}
      <ListCard
        list={list}
        query={cases}
        columns={columns}
        search={{ label: t('gridMediation.cases.search') }}
        selects={[
          { field: 'status', label: t('gridMediation.col.status'), options: optionsOf([...MEDIATION_CASE_STATUSES, 'open'] as const, (s) => t(`gridMediation.status.${s}`)) },
          { field: 'category', label: t('gridMediation.col.category'), options: optionsOf(MEDIATION_CATEGORIES, (s) => t(`gridMediation.category.${s}`)) },
          { field: 'source', label: t('gridMediation.col.source'), options: optionsOf(MEDIATION_SOURCES, (s) => t(`gridMediation.source.${s}`)) },
          (committees.data?.items.length ?? 0) > 1 && { field: 'committeeId', label: t('gridMediation.col.committee'), options: (committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })), width: 220 },
          { field: 'overdue', label: t('gridMediation.overdueFilter'), options: [{ value: 'true', label: t('gridMediation.overdueOnly') }, { value: 'false', label: t('gridMediation.notOverdue') }] },
          { field: 'mine', label: t('gridMediation.mineOnly'), options: [{ value: 'true', label: t('gridMediation.mineOnly') }] },
        ]}
        empty={{ none: t('gridMediation.cases.none'), noMatch: t('gridMediation.cases.noMatch') }}
      />
    </>
  );
}
