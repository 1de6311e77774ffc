import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { INSPECTION_STATUSES, SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, type InspectionRow, points, previousQuarter, quarterOf, useInspections } from '../api.ts';

const FILTERS = ['q', 'period', 'status', 'placeId'] as const;

/** 检查记录: the inspections I see (drafts only to inspectors), with their scores; an inspector starts one here. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const me = useSignedIn();
  const list = useListParams(FILTERS);
  // A link may name the place (the assessment's breakdown does); else the chosen scope.
  const query = { ...list.query, placeId: list.filters.placeId ?? scope?.id };
  const inspections = useInspections(query);
  const navigate = useNavigate();
  const inspects = me.grants.some((g) => (SUPERVISION_ROLES.inspect as readonly string[]).includes(g.role));
  const current = quarterOf(todayInShanghai());
  const periods = [current, previousQuarter(current), previousQuarter(previousQuarter(current)), previousQuarter(previousQuarter(previousQuarter(current)))];

  const columns: TableColumnsType<InspectionRow> = [
    { title: t('supervisionSheets.inspections.col.period'), dataIndex: 'period', sorter: true },
    { title: t('supervisionSheets.inspections.col.compound'), dataIndex: 'compoundName', key: 'place', sorter: true, render: (v: string, r) => <Link to={`/supervision/inspections/${r.id}`}>{v}</Link> },
    { title: t('supervisionSheets.inspections.col.company'), dataIndex: 'companyName', render: (v: string) => v || '—' },
    { title: t('supervisionSheets.inspections.col.sheet'), dataIndex: 'sheetName', render: (v: string, r) => `${v} · ${t('supervisionSheets.sheets.version', { version: r.sheetVersion })}` },
    { title: t('supervisionSheets.inspections.col.inspector'), dataIndex: 'inspectorName', key: 'inspector', sorter: true },
    {
      title: t('supervisionSheets.inspections.col.status'),
      dataIndex: 'status',
      render: (v: InspectionRow['status']) => <Tag color={v === 'submitted' ? 'green' : 'gold'}>{t(`supervisionSheets.inspectionStatus.${v}`)}</Tag>,
    },
    { title: t('supervisionSheets.inspections.col.score'), dataIndex: 'scoreCenti', key: 'score', sorter: true, align: 'right', render: (v: number | null) => points(v) },
    { title: t('supervisionSheets.inspections.col.startedAt'), dataIndex: 'startedAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('supervisionSheets.inspections.title')}
        tags={<ScopeNote />}
        extra={
          <>
            {inspects && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/supervision/inspections/new${scope ? `?compoundId=${scope.id}` : ''}`)}>
                {t('supervisionSheets.inspections.start')}
              </Button>
            )}
            <ExportButton
              total={inspections.data?.total ?? 0}
              limit={20000}
              i18nPrefix="supervisionSheets.inspections"
              run={() => download('/api/supervision/inspections/export.xlsx', query, `${t('supervisionSheets.inspections.title')}.xlsx`)}
            />
          </>
        }
      />
      <ListCard
        list={list}
        search={{ label: t('supervisionSheets.inspections.search') }}
        selects={[
          { field: 'period', label: t('supervisionSheets.inspections.allPeriods'), options: periods.map((p) => ({ value: p, label: p })) },
          { field: 'status', label: t('supervisionSheets.inspections.allStatuses'), options: INSPECTION_STATUSES.map((s) => ({ value: s, label: t(`supervisionSheets.inspectionStatus.${s}`) })) },
        ]}
        query={inspections}
        columns={columns}
        empty={{ none: t('supervisionSheets.inspections.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
    </>
  );
}
