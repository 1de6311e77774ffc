import { Button, Flex, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ITEM_STAGES, SOURCE_KINDS } from '#server/modules/deliberation/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { useMe } from '../../../shared/session.ts';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type ItemRow, mayDeliberation, useItems } from '../api.ts';
import { CreateItemModal } from '../components/CreateItemModal.tsx';
import { daysSince, SourceTag, StageTag } from '../components/labels.tsx';
import { EXPORT_LIMIT, exportItemsXlsx } from '../export-items.ts';

const FILTERS = ['q', 'stage', 'sourceKind', 'placeId'] as const;

/** 议题列表: the items of the chosen scope, with filters, sorting, paging and export. */
export function ItemsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const me = useMe().data;
  const list = useListParams(FILTERS);
  // A link may name the place (the assessment's breakdown does); else the chosen scope.
  const items = useItems({ ...list.query, placeId: list.filters.placeId ?? scope?.id });
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<ItemRow> = [
    { title: t('deliberation.field.code'), dataIndex: 'code', sorter: true, render: (code: string, i) => <Link to={`/deliberation/items/${i.id}`}>{code}</Link> },
    { title: t('deliberation.field.title'), dataIndex: 'title', render: (title: string, i) => <Link to={`/deliberation/items/${i.id}`}>{title}</Link> },
    { title: t('deliberation.field.place'), dataIndex: 'placeName' },
    { title: t('deliberation.field.source'), dataIndex: 'sourceKind', render: (k: ItemRow['sourceKind']) => <SourceTag kind={k} /> },
    { title: t('deliberation.field.stage'), dataIndex: 'stage', sorter: true, render: (s: ItemRow['stage']) => <StageTag stage={s} /> },
    { title: t('deliberation.field.supporters'), dataIndex: 'supporterCount', key: 'supporters', sorter: true, align: 'right' },
    { title: t('deliberation.field.daysInStage'), key: 'days', align: 'right', render: (_: unknown, i) => daysSince(i.stageSince) },
    { title: t('deliberation.field.updatedAt'), dataIndex: 'updatedAt', sorter: true, render: (d: string) => formatDateTime(d) },
  ];
  return (
    <>
      <PageHeader
        title={t('deliberation.list.title')}
        tags={<ScopeNote />}
        extra={
          <Flex gap={8}>
            <ExportButton
              total={items.data?.total ?? 0}
              limit={EXPORT_LIMIT}
              i18nPrefix="deliberation.list"
              run={(progress) => exportItemsXlsx({ ...list.filters, ...list.sorting, placeId: scope?.id }, t, progress)}
            />
            {mayDeliberation(me, 'propose') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('deliberation.create.button')}
              </Button>
            )}
          </Flex>
        }
      />
      <ListCard
        list={list}
        query={items}
        columns={columns}
        empty={{ none: t('deliberation.list.none'), noMatch: t('deliberation.list.noMatch') }}
        search={{ label: t('deliberation.list.search'), width: 240 }}
        selects={[
          { field: 'stage', label: t('deliberation.list.filterStage'), options: optionsOf(ITEM_STAGES, (s) => t(`deliberation.stage.${s}`)), width: 150 },
          { field: 'sourceKind', label: t('deliberation.list.filterSource'), options: optionsOf(SOURCE_KINDS, (k) => t(`deliberation.source.${k}`)), width: 150 },
        ]}
      />
      <CreateItemModal open={creating} onClose={() => setCreating(false)} placeId={scope?.id} />
    </>
  );
}
