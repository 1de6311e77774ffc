import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Empty, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatShare } from '../../../shared/format.ts';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { type Person, usePerson } from '../api.ts';
import { PersonTags, RelationTag, UntilDate } from '../components/labels.tsx';
import { PersonFormModal } from '../components/PersonFormModal.tsx';
import { PositionFormModal } from '../components/PositionFormModal.tsx';
import { PositionsTable } from '../components/PositionsTable.tsx';
import { RequestDeletionButton } from '../components/RequestDeletionButton.tsx';
import { useRevealedPii } from '../components/RevealPii.tsx';

type PersonHousehold = Person['households'][number];

export function PersonPage() {
  const { id = '' } = useParams();
  const person = usePerson(id);
  return <QueryView query={person}>{(p) => <PersonView key={p.id} person={p} />}</QueryView>;
}

function PersonView({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'edit' | 'position' | null>(null);
  const pii = useRevealedPii(person.id);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        breadcrumb={
          <Breadcrumb
            items={[
              { key: 'list', title: <Link to="/registry/persons">{t('menu.persons')}</Link> },
              { key: 'me', title: person.name },
            ]}
          />
        }
        title={person.name}
        tags={<PersonTags tags={person.tags} />}
        extra={
          person.canWrite && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
              <RequestDeletionButton entity="persons" id={person.id} name={person.name} />
            </>
          )
        }
      />
      <Card title={t('person.basics')} extra={person.canRevealPii && pii.button}>
        {pii.error && <Alert type="error" showIcon title={pii.error.message} style={{ marginBottom: 12 }} />}
        {pii.revealed && <Alert type="warning" showIcon title={t('pii.logged')} style={{ marginBottom: 12 }} />}
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'phone', label: t('person.phone'), children: (pii.revealed ? pii.revealed.phone : person.phone) ?? '—' },
            { key: 'id', label: t('person.idNumber'), children: (pii.revealed ? pii.revealed.idNumber : person.idNumber) ?? '—' },
            {
              key: 'place',
              label: t('person.registeredAt'),
              children: <Link to={`/registry/places/${person.placeId}`}>{person.placeName}</Link>,
            },
            { key: 'tags', label: t('person.tags'), children: person.tags.length ? <PersonTags tags={person.tags} /> : '—' },
          ]}
        />
      </Card>
      {person.tagHistory.length > 0 && (
        <Card title={t('person.tagHistory')}>
          <Table<Person['tagHistory'][number]>
            rowKey={(s) => `${s.tag}-${s.heldFrom}`}
            size="small"
            pagination={false}
            dataSource={person.tagHistory}
            columns={[
              { title: t('person.tags'), dataIndex: 'tag', render: (tag: string) => <PersonTags tags={[tag]} /> },
              { title: t('person.tagHeldFrom'), dataIndex: 'heldFrom', render: (d: string) => formatDate(d) },
              { title: t('person.tagHeldUntil'), dataIndex: 'heldUntil', render: (d: string | null) => (d ? formatDate(d) : t('person.tagHeld')) },
            ]}
          />
        </Card>
      )}
      <Card title={t('person.households')}>
        <PersonHouseholds rows={person.households} />
      </Card>
      <Card
        title={t('person.positions')}
        extra={
          person.canWrite && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog('position')}>
              {t('position.add')}
            </Button>
          )
        }
      >
        <PositionsTable rows={person.positions} side="organisation" />
      </Card>
      <PersonFormModal mode="edit" person={person} open={dialog === 'edit'} onClose={() => setDialog(null)} />
      <PositionFormModal
        fixed={{ personId: person.id, personName: person.name }}
        open={dialog === 'position'}
        onClose={() => setDialog(null)}
      />
    </Space>
  );
}

function PersonHouseholds({ rows }: { rows: PersonHousehold[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<PersonHousehold> = [
    {
      title: t('household.room'),
      dataIndex: 'roomLabel',
      render: (label: string, h) => <Link to={`/registry/places/${h.roomId}`}>{label}</Link>,
    },
    {
      title: t('household.relationLabel'),
      dataIndex: 'relation',
      render: (r: PersonHousehold['relation']) => <RelationTag relation={r} />,
    },
    { title: t('household.share'), dataIndex: 'shareBp', align: 'right', render: (bp: number | null) => formatShare(bp) || '—' },
    { title: t('household.startDate'), dataIndex: 'startDate', render: (d: string | null) => formatDate(d) || '—' },
    {
      title: t('household.endDate'),
      dataIndex: 'endDate',
      render: (d: string | null) => <UntilDate date={d} />,
    },
  ];
  return (
    <Table<PersonHousehold>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.noHouseholds')} /> }}
    />
  );
}
