import { Button, Form, Input, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TITLE_MAX } from '#server/modules/deliberation/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { PlaceTreeSelect } from '../../registry/index.ts';
import { type DeliberationRecord, useDeliberationRecords, useCreateDeliberationRecord } from '../api.ts';

const FILTERS = ['q'] as const;

/** 议事协商记录: the records of my places, newest first (sortable by the marked columns), searchable; officials add them. */
export function RecordsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const records = useDeliberationRecords({ ...list.query, placeId: scope?.id });
  const [adding, setAdding] = useState(false);
  const create = useCreateDeliberationRecord();

  // `sorter: true`: sorted on the server by the column's key (or dataIndex), one of RecordsSort's keys (deliberation.schemas.ts).
  const columns: TableColumnsType<DeliberationRecord> = [
    { title: t('deliberation.field.title'), dataIndex: 'title', sorter: true },
    { title: t('deliberation.field.place'), dataIndex: 'placeLabel', key: 'place', sorter: true, render: (v: string | null, r) => v ?? r.placeName },
    { title: t('deliberation.field.createdBy'), dataIndex: 'createdByName', render: (v: string | null) => v ?? '—' },
    { title: t('deliberation.field.createdAt'), dataIndex: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('deliberation.title')}
        tags={<ScopeNote />}
        extra={
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('deliberation.create')}
          </Button>
        }
      />
      <ListCard
        list={list}
        search={{ label: t('deliberation.search') }}
        query={records}
        columns={columns}
        empty={{ none: t('deliberation.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      <FormModal<{ placeId: string; title: string }>
        title={t('deliberation.create')}
        open={adding}
        onClose={() => setAdding(false)}
        initialValues={{ placeId: scope?.id }}
        submit={(v) => create.mutateAsync(v)}
      >
        <Form.Item name="placeId" label={t('deliberation.field.place')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <PlaceTreeSelect valueLabel={scope?.name} />
        </Form.Item>
        <Form.Item name="title" label={t('deliberation.field.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: TITLE_MAX }]}>
          <Input maxLength={TITLE_MAX} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
