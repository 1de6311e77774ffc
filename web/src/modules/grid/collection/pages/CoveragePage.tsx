import { Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type CoverageRow, useCoverage } from '../api.ts';

/** 采集覆盖 per building as a table (no map): rooms, rooms with a household, this month's records by kind, components by condition. */
export function CoveragePage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const rows = useCoverage({ placeId: scope?.id });
  const month = rows.data?.month ?? '';
  const columns: TableColumnsType<CoverageRow> = [
    { title: t('gridCollection.coverage.building'), dataIndex: 'label', fixed: 'left' },
    { title: t('gridCollection.coverage.rooms'), dataIndex: 'rooms', align: 'right' },
    { title: t('gridCollection.coverage.households'), dataIndex: 'roomsWithHousehold', align: 'right' },
    {
      title: t('gridCollection.coverage.recordsThisMonth', { month }),
      children: (['arrivals', 'departures', 'legalPersons', 'components'] as const).map((k, i) => ({
        title: t(`gridCollection.kind.${(['resident_arrival', 'resident_departure', 'legal_person', 'component'] as const)[i]!}`),
        dataIndex: k,
        align: 'right' as const,
      })),
    },
    {
      title: t('gridCollection.coverage.components'),
      children: (['good', 'damaged', 'missing'] as const).map((k) => ({ title: t(`gridCollection.condition.${k}`), dataIndex: k, align: 'right' as const })),
    },
  ];
  return (
    <>
      <PageHeader title={t('gridCollection.coverage.title')} tags={<ScopeNote />} />
      <Card>
        <Table<CoverageRow> rowKey="id" bordered size="small" loading={rows.isLoading} dataSource={rows.data?.items ?? []} columns={columns} pagination={{ pageSize: 50 }} locale={{ emptyText: t('gridCollection.coverage.none') }} scroll={{ x: true }} />
      </Card>
    </>
  );
}
