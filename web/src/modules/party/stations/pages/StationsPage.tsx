import { Button, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PARTY_ROLES } from '#server/modules/party/contract.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, type StationRow, useStations } from '../api.ts';
import { StationFormModal } from '../components/StationFormModal.tsx';

const FILTERS = ['q', 'status'] as const;

/** 红色驿站: the stations in my places — search, filter by status, sort, page, export; community staff add and edit. */
export function StationsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const navigate = useNavigate();
  const me = useSignedIn();
  const canAdd = me.grants.some((g) => (PARTY_ROLES.stationsManage as readonly string[]).includes(g.role));
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const stations = useStations(query);
  const [editing, setEditing] = useState<StationRow | 'new' | null>(null);

  const columns: TableColumnsType<StationRow> = [
    { title: t('partyStations.col.name'), dataIndex: 'name', key: 'name', sorter: true, render: (v: string, r) => <Link to={`/party/stations/${r.id}`}>{v}</Link> },
    { title: t('partyStations.col.compound'), dataIndex: 'compoundName', key: 'compound', sorter: true },
    { title: t('partyStations.col.address'), dataIndex: 'address' },
    { title: t('partyStations.col.hours'), dataIndex: 'hoursText' },
    { title: t('partyStations.col.services'), dataIndex: 'services', render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>) },
    { title: t('partyStations.col.phone'), dataIndex: 'phone' },
    { title: t('partyStations.col.status'), dataIndex: 'status', key: 'status', sorter: true, render: (v: StationRow['status']) => <Tag color={v === 'open' ? 'red' : 'default'}>{t(`partyStations.status.${v}`)}</Tag> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space>
          <Link to={`/party/stations/${r.id}`}>{t('partyStations.page.view')}</Link>
          {r.canManage && (
            <Button size="small" onClick={() => setEditing(r)}>
              {t('partyStations.page.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('partyStations.page.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            {canAdd && (
              <Button type="primary" onClick={() => setEditing('new')}>
                {t('partyStations.page.add')}
              </Button>
            )}
            <ExportButton
              total={stations.data?.total ?? 0}
              limit={20000}
              i18nPrefix="partyStations.page"
              run={() => download('/api/party/stations/export.xlsx', query, `${t('partyStations.page.title')}.xlsx`)}
            />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={stations}
        columns={columns}
        search={{ label: t('partyStations.page.search') }}
        selects={[{ field: 'status', label: t('partyStations.col.status'), options: (['open', 'closed'] as const).map((s) => ({ value: s, label: t(`partyStations.status.${s}`) })) }]}
        empty={{ none: t('partyStations.page.none'), noMatch: t('partyStations.page.noMatch') }}
      />
      {editing && (
        <StationFormModal
          open
          station={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(s) => {
            if (editing === 'new') void navigate(`/party/stations/${s.id}`);
          }}
        />
      )}
    </>
  );
}
