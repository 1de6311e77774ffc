import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PERSON_TAGS } from '#server/modules/registry/contract.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { ListTable } from '../../../workbench/components/ListTable.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { SearchInput } from '../../../workbench/components/SearchInput.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type PersonRow, usePersons } from '../api.ts';
import { PersonTags } from '../components/labels.tsx';
import { PersonFormModal } from '../components/PersonFormModal.tsx';
import { EXPORT_LIMIT, exportPersonsXlsx } from '../export-persons.ts';

const FILTERS = ['q', 'tag'] as const;

/** People in scope: search by name, room, phone (last four or full); filter by tag; export. */
export function PersonsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const filter = { ...list.query, placeId: scope?.id };
  const persons = usePersons(filter);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<PersonRow> = [
    { title: t('person.name'), dataIndex: 'name', render: (name: string, p) => <Link to={`/registry/persons/${p.id}`}>{name}</Link> },
    { title: t('person.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: t('person.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
    { title: t('person.tags'), dataIndex: 'tags', render: (tags: string[]) => <PersonTags tags={tags} /> },
    { title: t('person.householdCount'), dataIndex: 'householdCount', align: 'right' },
  ];
  const total = persons.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('menu.persons')}
        tags={scope && <Typography.Text type="secondary">{t('scope.within', { name: scope.name })}</Typography.Text>}
        extra={
          <>
            <ExportButton
              total={total}
              limit={EXPORT_LIMIT}
              i18nPrefix="person"
              run={(progress) => exportPersonsXlsx({ ...list.filters, placeId: scope?.id }, t, progress)}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('person.create')}
            </Button>
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap className="gz-toolbar">
          <SearchInput list={list} label={t('person.searchPlaceholder')} width={340} />
          <Select
            aria-label={t('person.tagFilter')}
            placeholder={t('person.tagFilter')}
            allowClear
            value={list.filters.tag}
            onChange={(tag?: string) => list.setFilters({ tag })}
            options={PERSON_TAGS.map((tag) => ({ value: tag, label: t(`person.tag.${tag}`) }))}
            style={{ width: 180 }}
          />
        </Flex>
        <ListTable
          query={persons}
          list={list}
          columns={columns}
          rowKey="id"
          emptyText={list.filters.q || list.filters.tag ? t('person.noMatch') : t('person.none')}
        />
      </Card>
      <PersonFormModal mode="create" open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
