import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORGANISATION_KINDS } from '#server/modules/registry/contract.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { ListTable } from '../../../workbench/components/ListTable.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { SearchInput } from '../../../workbench/components/SearchInput.tsx';
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
    {
      title: t('organisation.name'),
      dataIndex: 'name',
      render: (name: string, o) => <Link to={`/registry/organisations/${o.id}`}>{name}</Link>,
    },
    {
      title: t('organisation.kindLabel'),
      dataIndex: 'kind',
      render: (kind: string, o) => <OrganisationKindTag kind={kind} partyLevel={o.partyLevel} />,
    },
    { title: t('organisation.place'), dataIndex: 'placeName' },
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
        tags={scope && <Typography.Text type="secondary">{t('scope.within', { name: scope.name })}</Typography.Text>}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('organisation.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap className="gz-toolbar">
          <SearchInput list={list} label={t('organisation.searchPlaceholder')} />
          <Select
            aria-label={t('organisation.kindFilter')}
            placeholder={t('organisation.kindFilter')}
            allowClear
            value={list.filters.kind}
            onChange={(kind?: string) => list.setFilters({ kind })}
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisation.kind.${k}`) }))}
            style={{ width: 200 }}
          />
        </Flex>
        <ListTable
          query={organisations}
          list={list}
          columns={columns}
          rowKey="id"
          emptyText={list.filters.q || list.filters.kind ? t('organisation.noMatch') : t('organisation.none')}
        />
      </Card>
      <OrganisationFormModal mode="create" open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
