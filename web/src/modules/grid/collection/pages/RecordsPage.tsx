import { Button, Space, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GRID_ROLES, RECORD_KINDS, RECORD_STATUSES, SPOT_STATUSES } from '#server/modules/grid/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, type RecordRow, useCommissions, useRecords } from '../api.ts';
import { SpotTag, StatusTag, yuan } from '../components/labels.tsx';

const FILTERS = ['q', 'kind', 'status', 'spot', 'companyId'] as const;

/** 四个实有采集: the records of my places — search, filter by kind, status, spot check and company, sort, page, export. */
export function RecordsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const me = useSignedIn();
  const canSubmit = me.grants.some((g) => (GRID_ROLES.collectionSubmit as readonly string[]).includes(g.role));
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const records = useRecords(query);
  const commissions = useCommissions();
  const companies = [...new Map((commissions.data?.items ?? []).map((c) => [c.companyId, c.companyName])).entries()];

  const columns: TableColumnsType<RecordRow> = [
    { title: t('gridCollection.col.kind'), dataIndex: 'kind', key: 'kind', sorter: true, render: (v: RecordRow['kind'], r) => <Link to={`/grid/collection/${r.id}`}>{t(`gridCollection.kind.${v}`)}</Link> },
    { title: t('gridCollection.col.subject'), dataIndex: 'subject', render: (v: string, r) => v || (r.componentKind ? t(`gridCollection.componentKind.${r.componentKind}`) : '—') },
    { title: t('gridCollection.col.place'), dataIndex: 'placeLabel', key: 'place', sorter: true },
    { title: t('gridCollection.col.status'), dataIndex: 'status', key: 'status', sorter: true, render: (v: RecordRow['status']) => <StatusTag status={v} /> },
    { title: t('gridCollection.col.company'), dataIndex: 'companyName', render: (v: string | null) => v ?? t('gridCollection.col.gridWorker') },
    { title: t('gridCollection.col.submittedBy'), dataIndex: 'submittedByName' },
    { title: t('gridCollection.col.submittedAt'), dataIndex: 'submittedAt', key: 'submittedAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('gridCollection.col.checkedAt'), dataIndex: 'checkedAt', key: 'checkedAt', sorter: true, render: (v: string | null) => formatDateTime(v) || '—' },
    { title: t('gridCollection.col.spot'), dataIndex: 'spotStatus', render: (v: RecordRow['spotStatus']) => <SpotTag status={v} /> },
    { title: t('gridCollection.col.incentive'), dataIndex: 'incentiveFen', align: 'right', render: (v: number | null) => yuan(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('gridCollection.list.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            {canSubmit && (
              <Link to="/grid/collection/new">
                <Button type="primary">{t('gridCollection.list.new')}</Button>
              </Link>
            )}
            <ExportButton
              total={records.data?.total ?? 0}
              limit={20000}
              i18nPrefix="gridCollection.list"
              run={() => download('/api/grid/collection/records/export.xlsx', query, `${t('gridCollection.list.title')}.xlsx`)}
            />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={records}
        columns={columns}
        search={{ label: t('gridCollection.list.search') }}
        selects={[
          { field: 'kind', label: t('gridCollection.col.kind'), options: optionsOf(RECORD_KINDS, (k) => t(`gridCollection.kind.${k}`)) },
          { field: 'status', label: t('gridCollection.col.status'), options: optionsOf(RECORD_STATUSES, (s) => t(`gridCollection.status.${s}`)) },
          { field: 'spot', label: t('gridCollection.col.spot'), options: optionsOf(SPOT_STATUSES, (s) => t(`gridCollection.spot.${s}`)) },
          companies.length > 0 && { field: 'companyId', label: t('gridCollection.col.company'), options: companies.map(([value, label]) => ({ value, label })), width: 220 },
        ]}
        empty={{ none: t('gridCollection.list.none'), noMatch: t('gridCollection.list.noMatch') }}
      />
    </>
  );
}
