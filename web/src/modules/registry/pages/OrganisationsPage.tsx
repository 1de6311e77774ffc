import { PlusOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORGANISATION_KINDS } from '#server/modules/registry/contract.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { optionsOf } from '../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type OrganisationRow, useOrganisations } from '../api.ts';
import { OrganisationKindTag } from '../components/labels.tsx';
import { OrganisationFormModal } from '../components/OrganisationFormModal.tsx';

const FILTERS = ['q', 'kind'] as const;

/** Party organisations, committees, property companies and the rest, in scope. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const organisations = useOrganisations({ ...list.query, placeId: scope?.id });
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<OrganisationRow> = [
    { title: t('organisation.name'), dataIndex: 'name', sorter: true, render: (name: string, o) => <Link to={`/registry/organisations/${o.id}`}>{name}</Link> },
    {
      title: t('organisation.kindLabel'),
      dataIndex: 'kind',
      sorter: true,
      render: (kind: string, o) => <OrganisationKindTag kind={kind} partyLevel={o.partyLevel} />,
    },
    { title: t('organisation.place'), dataIndex: 'placeName', key: 'place', sorter: true },
    {
      title: t('organisation.parent'),
      dataIndex: 'parentName',
      render: (name: string | null, o) => (o.parentId ? <Link to={`/registry/organisations/${o.parentId}`}>{name}</Link> : '—'),
    },
    { title: t('organisation.members'), dataIndex: 'memberCount', align: 'right' },
    { title: t('organisation.contactPhone'), dataIndex: 'contactPhone', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.organisations')}
        tags={<ScopeNote />}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('organisation.create')}
          </Button>
        }
      />
      <ListCard
        list={list}
        search={{ label: t('organisation.searchPlaceholder') }}
        selects={[{ field: 'kind', label: t('organisation.kindFilter'), options: optionsOf(ORGANISATION_KINDS, (k) => t(`organisation.kind.${k}`)), width: 200 }]}
        query={organisations}
        columns={columns}
        empty={{ none: t('organisation.none'), noMatch: t('organisation.noMatch') }}
      />
      <OrganisationFormModal mode="create" open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
