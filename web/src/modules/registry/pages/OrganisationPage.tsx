import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Flex, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { type Organisation, useOrganisation } from '../api.ts';
import { OrganisationKindTag } from '../components/labels.tsx';
import { OrganisationFormModal } from '../components/OrganisationFormModal.tsx';
import { PositionFormModal } from '../components/PositionFormModal.tsx';
import { PositionsTable } from '../components/PositionsTable.tsx';
import { RequestDeletionButton } from '../components/RequestDeletionButton.tsx';

export function OrganisationPage() {
  const { id = '' } = useParams();
  const organisation = useOrganisation(id);
  return <QueryView query={organisation}>{(o) => <OrganisationView key={o.id} org={o} />}</QueryView>;
}

function OrganisationView({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'edit' | 'position' | null>(null);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        breadcrumb={
          <Breadcrumb
            items={[
              { key: 'list', title: <Link to="/registry/organisations">{t('menu.organisations')}</Link> },
              { key: 'me', title: org.name },
            ]}
          />
        }
        title={org.name}
        tags={<OrganisationKindTag kind={org.kind} partyLevel={org.partyLevel} />}
        extra={
          org.canWrite && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
              <RequestDeletionButton entity="organisations" id={org.id} name={org.name} />
            </>
          )
        }
      />
      <Card>
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'kind', label: t('organisation.kindLabel'), children: t(`organisation.kind.${org.kind}`) },
            { key: 'place', label: t('organisation.place'), children: <Link to={`/registry/places/${org.placeId}`}>{org.placeName}</Link> },
            {
              key: 'parent',
              label: t('organisation.parent'),
              children: org.parentId ? <Link to={`/registry/organisations/${org.parentId}`}>{org.parentName}</Link> : '—',
            },
            { key: 'credit', label: t('organisation.creditCode'), children: org.creditCode ?? '—' },
            { key: 'phone', label: t('organisation.contactPhone'), children: org.contactPhone ?? '—' },
          ]}
        />
      </Card>
      <Card
        title={t('organisation.membersTitle', { count: org.members.length })}
        extra={
          org.canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('position')}>
              {t('position.add')}
            </Button>
          )
        }
      >
        <PositionsTable rows={org.members} side="person" />
      </Card>
      {org.children.length > 0 && (
        <Card title={t('organisation.children')}>
          <Flex vertical gap={8} component="ul" style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
            {org.children.map((c) => (
              <li key={c.id}>
                <Link to={`/registry/organisations/${c.id}`}>{c.name}</Link> <OrganisationKindTag kind={c.kind} partyLevel={c.partyLevel} />
              </li>
            ))}
          </Flex>
        </Card>
      )}
      <OrganisationFormModal mode="edit" organisation={org} open={dialog === 'edit'} onClose={() => setDialog(null)} />
      <PositionFormModal
        fixed={{ organisationId: org.id, organisationName: org.name }}
        open={dialog === 'position'}
        onClose={() => setDialog(null)}
      />
    </Space>
  );
}
