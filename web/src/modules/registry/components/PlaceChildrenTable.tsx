import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useListParams } from '../../../shared/list-params.ts';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { type Place, type PlaceChild, usePlaceChildren } from '../api.ts';
import { KindTag } from './labels.tsx';

const FILTERS = ['q'] as const;

/** The places directly under a street, community, grid, compound or building. */
export function PlaceChildrenTable({ parent }: { parent: Place }) {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const children = usePlaceChildren(parent.id, list.query);
  const columns: TableColumnsType<PlaceChild> = [
    { title: t('place.name'), dataIndex: 'name', sorter: true, render: (name: string, row) => <Link to={`/registry/places/${row.id}`}>{name}</Link> },
    { title: t('place.kindLabel'), dataIndex: 'kind', sorter: true, render: (kind: string) => <KindTag kind={kind} /> },
    { title: t('place.children'), dataIndex: 'childCount', align: 'right' },
  ];
  return (
    <ListCard
      title={t('place.childrenOf', { name: parent.name })}
      list={list}
      search={{ label: t('place.searchChildren') }}
      query={children}
      columns={columns}
      empty={{ none: t('place.noChildren'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
    />
  );
}
