import { Button, Form, Input, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TITLE_MAX } from '#server/modules/surveys/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { PlaceTreeSelect } from '../../registry/index.ts';
import { type SurveysRecord, useSurveysRecords, useCreateSurveysRecord } from '../api.ts';

const FILTERS = ['q'] as const;

/** 问卷调查记录: the records of my places, newest first (sortable by the marked columns), searchable; officials add them. */
export function RecordsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const records = useSurveysRecords({ ...list.query, placeId: scope?.id });
  const [adding, setAdding] = useState(false);
  const create = useCreateSurveysRecord();

  // `sorter: true`: sorted on the server by the column's key (or dataIndex), one of RecordsSort's keys (surveys.schemas.ts).
  const columns: TableColumnsType<SurveysRecord> = [
    { title: t('surveys.field.title'), dataIndex: 'title', sorter: true },
    { title: t('surveys.field.place'), dataIndex: 'placeLabel', key: 'place', sorter: true, render: (v: string | null, r) => v ?? r.placeName },
    { title: t('surveys.field.createdBy'), dataIndex: 'createdByName', render: (v: string | null) => v ?? '—' },
    { title: t('surveys.field.createdAt'), dataIndex: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        tags={<ScopeNote />}
        extra={
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('surveys.create')}
          </Button>
        }
      />
      <ListCard
        list={list}
        search={{ label: t('surveys.search') }}
        query={records}
        columns={columns}
        empty={{ none: t('surveys.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      <FormModal<{ placeId: string; title: string }>
        title={t('surveys.create')}
        open={adding}
        onClose={() => setAdding(false)}
        initialValues={{ placeId: scope?.id }}
        submit={(v) => create.mutateAsync(v)}
      >
        <Form.Item name="placeId" label={t('surveys.field.place')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <PlaceTreeSelect valueLabel={scope?.name} />
        </Form.Item>
        <Form.Item name="title" label={t('surveys.field.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: TITLE_MAX }]}>
          <Input maxLength={TITLE_MAX} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
