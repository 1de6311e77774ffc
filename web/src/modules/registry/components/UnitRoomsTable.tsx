import { Space, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useListParams } from '../../../shared/list-params.ts';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { type RoomRow, useRooms } from '../api.ts';

const FILTERS = ['q'] as const;

/** A unit's rooms with their owners of record, searchable by room number or holder name. */
export function UnitRoomsTable({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const rooms = useRooms({ ...list.query, placeId: unitId });
  const columns: TableColumnsType<RoomRow> = [
    { title: t('room.number'), dataIndex: 'name', sorter: true, render: (name: string, row) => <Link to={`/registry/places/${row.id}`}>{name}</Link> },
    { title: t('room.floor'), dataIndex: 'floor', align: 'right', sorter: true, render: (f: number | null) => f ?? '—' },
    { title: t('room.area'), dataIndex: 'area', align: 'right', sorter: true, render: (a: string) => `${a} m²` },
    { title: t('room.use'), dataIndex: 'use', sorter: true, render: (u: string) => t(`room.useKind.${u}`) },
    {
      title: t('room.owners'),
      dataIndex: 'owners',
      render: (owners: string[]) =>
        owners.length ? <Space wrap>{owners.join('、')}</Space> : <Typography.Text type="warning">{t('room.noOwner')}</Typography.Text>,
    },
  ];
  return (
    <ListCard
      title={t('room.listTitle')}
      list={list}
      search={{ label: t('room.search') }}
      query={rooms}
      columns={columns}
      empty={{ none: t('room.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
    />
  );
}
