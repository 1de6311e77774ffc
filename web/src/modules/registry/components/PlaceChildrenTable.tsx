import { Card, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useListParams } from '../../../shared/list-params.ts';
import { ListTable } from '../../../workbench/components/ListTable.tsx';
import { SearchInput } from '../../../workbench/components/SearchInput.tsx';
import { type Place, type PlaceChild, usePlaceChildren } from '../api.ts';
import { KindTag } from './labels.tsx';

const FILTERS = ['q'] as const;

/** The places directly under a street, community, grid, compound or building. */
export function PlaceChildrenTable({ parent }: { parent: Place }) {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const children = usePlaceChildren(parent.id, list.query);
  const columns: TableColumnsType<PlaceChild> = [
    { title: t('place.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/registry/places/${row.id}`}>{name}</Link> },
    { title: t('place.kindLabel'), dataIndex: 'kind', render: (kind: string) => <KindTag kind={kind} /> },
    { title: t('place.children'), dataIndex: 'childCount', align: 'right' },
  ];
  return (
    <Card title={t('place.childrenOf', { name: parent.name })} extra={<SearchInput list={list} label={t('place.searchChildren')} />}>
      <ListTable
        query={children}
        list={list}
        columns={columns}
        rowKey="id"
        emptyText={list.filters.q ? t('common.noMatchFor', { q: list.filters.q }) : t('place.noChildren')}
      />
    </Card>
  );
}
