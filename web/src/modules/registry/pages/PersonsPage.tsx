import { PlusOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PERSON_TAGS } from '#server/modules/registry/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type PersonRow, usePersons } from '../api.ts';
import { PersonTags } from '../components/labels.tsx';
import { PersonFormModal } from '../components/PersonFormModal.tsx';
import { EXPORT_LIMIT, exportPersonsXlsx } from '../export-persons.ts';

const FILTERS = ['q', 'tag'] as const;

/** People in scope: search by name, room, phone (last four or full); filter by tag; sort by name or registration; export. */
export function PersonsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const filter = { ...list.query, placeId: scope?.id };
  const persons = usePersons(filter);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<PersonRow> = [
    { title: t('person.name'), dataIndex: 'name', sorter: true, render: (name: string, p) => <Link to={`/registry/persons/${p.id}`}>{name}</Link> },
    { title: t('person.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: t('person.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
    {
      // The rooms tell namesakes apart (two 王丽 of one street are 阳光花园 1栋 1单元 101 and 明月小区 …).
      title: t('person.rooms'),
      dataIndex: 'rooms',
      render: (rooms: PersonRow['rooms']) =>
        rooms.length === 0
          ? '—'
          : rooms.map((r) => (
              <div key={r.id}>
                <Link to={`/registry/places/${r.id}`}>{r.label}</Link>{' '}
                <Typography.Text type="secondary">{t(`household.relation.${r.relation}`)}</Typography.Text>
              </div>
            )),
    },
    { title: t('person.tags'), dataIndex: 'tags', render: (tags: string[]) => <PersonTags tags={tags} /> },
    { title: t('person.createdAt'), dataIndex: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];
  const total = persons.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('menu.persons')}
        tags={<ScopeNote />}
        extra={
          <>
            <ExportButton
              total={total}
              limit={EXPORT_LIMIT}
              i18nPrefix="person"
              run={(progress) => exportPersonsXlsx({ ...list.filters, ...list.sorting, placeId: scope?.id }, t, progress)}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('person.create')}
            </Button>
          </>
        }
      />
      <ListCard
        list={list}
        search={{ label: t('person.searchPlaceholder'), width: 340 }}
        selects={[{ field: 'tag', label: t('person.tagFilter'), options: optionsOf(PERSON_TAGS, (tag) => t(`person.tag.${tag}`)), width: 180 }]}
        query={persons}
        columns={columns}
        empty={{ none: t('person.none'), noMatch: t('person.noMatch') }}
      />
      <PersonFormModal mode="create" open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
