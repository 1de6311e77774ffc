import { Tabs, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPONENT_CONDITIONS, COMPONENT_KINDS, LEGAL_KINDS } from '#server/modules/grid/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type ComponentRow, download, type LegalRow, useComponents, useLegalPersons } from '../api.ts';

const FILTERS = ['q', 'kind', 'condition'] as const;

function LegalTab() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const rows = useLegalPersons({ ...list.query, placeId: scope?.id, condition: undefined });
  const columns: TableColumnsType<LegalRow> = [
    { title: t('gridCollection.actuals.name'), dataIndex: 'name' },
    { title: t('gridCollection.actuals.kind'), dataIndex: 'kind', render: (v: LegalRow['kind']) => t(`gridCollection.legalKind.${v}`) },
    { title: t('gridCollection.actuals.creditCode'), dataIndex: 'creditCode', render: (v: string | null) => v ?? '—' },
    { title: t('gridCollection.actuals.place'), dataIndex: 'placeLabel' },
    { title: t('gridCollection.actuals.location'), dataIndex: 'location' },
    { title: t('gridCollection.actuals.contact'), dataIndex: 'contact' },
    { title: t('gridCollection.actuals.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
  ];
  return (
    <ListCard
      list={list}
      query={rows}
      columns={columns}
      search={{ label: t('gridCollection.actuals.search') }}
      selects={[{ field: 'kind', label: t('gridCollection.actuals.kind'), options: optionsOf(LEGAL_KINDS, (k) => t(`gridCollection.legalKind.${k}`)) }]}
      empty={{ none: t('gridCollection.actuals.none'), noMatch: t('gridCollection.actuals.noMatch') }}
    />
  );
}

function ComponentsTab() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const rows = useComponents({ ...list.query, placeId: scope?.id });
  const columns: TableColumnsType<ComponentRow> = [
    { title: t('gridCollection.actuals.kind'), dataIndex: 'kind', render: (v: ComponentRow['kind']) => t(`gridCollection.componentKind.${v}`) },
    { title: t('gridCollection.actuals.place'), dataIndex: 'placeLabel' },
    { title: t('gridCollection.actuals.location'), dataIndex: 'location' },
    { title: t('gridCollection.actuals.condition'), dataIndex: 'condition', render: (v: ComponentRow['condition']) => t(`gridCollection.condition.${v}`) },
    { title: t('gridCollection.actuals.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
  ];
  return (
    <ListCard
      list={list}
      query={rows}
      columns={columns}
      search={{ label: t('gridCollection.actuals.search') }}
      selects={[
        { field: 'kind', label: t('gridCollection.actuals.kind'), options: optionsOf(COMPONENT_KINDS, (k) => t(`gridCollection.componentKind.${k}`)) },
        { field: 'condition', label: t('gridCollection.actuals.condition'), options: optionsOf(COMPONENT_CONDITIONS, (k) => t(`gridCollection.condition.${k}`)) },
      ]}
      empty={{ none: t('gridCollection.actuals.none'), noMatch: t('gridCollection.actuals.noMatch') }}
    />
  );
}

/** 实有法人和部件: the legal persons and shops, and the public components with their condition, as verified records made them. */
export function ActualsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  return (
    <>
      <PageHeader
        title={t('gridCollection.actuals.title')}
        tags={<ScopeNote />}
        extra={<ExportButton total={1} limit={20000} i18nPrefix="gridCollection.actuals" run={() => download('/api/grid/collection/actuals/export.xlsx', { placeId: scope?.id }, `${t('gridCollection.actuals.title')}.xlsx`)} />}
      />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'legal', label: t('gridCollection.actuals.legal'), children: <LegalTab /> },
          { key: 'components', label: t('gridCollection.actuals.components'), children: <ComponentsTab /> },
        ]}
      />
    </>
  );
}
