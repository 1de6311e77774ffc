import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SURVEY_STATUSES, SURVEYS_ROLES, TITLE_MAX } from '#server/modules/surveys/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { useSignedIn } from '../../../shared/session.ts';
import { optionsOf } from '../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { PlaceTreeSelect } from '../../registry/index.ts';
import { type SurveyRow, useCreateSurvey, useSurveys } from '../api.ts';
import { fromShanghaiInput, shanghaiInput, SurveyStatusTag } from '../components/labels.tsx';

const FILTERS = ['q', 'status'] as const;
const DAY = 86_400_000;

/** 问卷调查: the surveys of my places, newest opening first; search, status, sort; a new draft opens the builder. */
export function SurveysPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const surveys = useSurveys({ ...list.query, placeId: scope?.id });
  const [adding, setAdding] = useState(false);
  const create = useCreateSurvey();
  const manages = me.grants.some((g) => (SURVEYS_ROLES.manage as readonly string[]).includes(g.role));

  const columns: TableColumnsType<SurveyRow> = [
    { title: t('surveys.field.title'), dataIndex: 'title', sorter: true, ellipsis: true, render: (v: string, s) => <Link to={`/surveys/${s.id}`}>{v}</Link> },
    { title: t('surveys.field.place'), key: 'place', render: (_, s) => s.placeLabel ?? s.placeName },
    { title: t('surveys.field.status'), dataIndex: 'status', render: (_, s) => <SurveyStatusTag status={s.status} /> },
    {
      title: t('surveys.field.kind'),
      key: 'kind',
      render: (_, s) => (
        <>
          <Tag>{t(`surveys.audience.${s.audience}`)}</Tag>
          <Tag>{t(`surveys.answerPer.${s.answerPer}`)}</Tag>
          {s.anonymous && <Tag color="purple">{t('surveys.field.anonymous')}</Tag>}
        </>
      ),
    },
    { title: t('surveys.field.opensAt'), dataIndex: 'opensAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('surveys.field.closesAt'), dataIndex: 'closesAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('surveys.field.responses'), dataIndex: 'responses', sorter: true, align: 'right' },
  ];

  const now = Date.now();
  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        tags={<ScopeNote />}
        extra={
          manages && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('surveys.create')}
            </Button>
          )
        }
      />
      <ListCard
        list={list}
        search={{ label: t('surveys.search') }}
        selects={[{ field: 'status', label: t('surveys.field.status'), options: optionsOf(SURVEY_STATUSES, (s) => t(`surveys.status.${s}`)) }]}
        query={surveys}
        columns={columns}
        empty={{ none: t('surveys.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      <FormModal<{ placeId: string; title: string; opensAt: string; closesAt: string }>
        title={t('surveys.create')}
        open={adding}
        onClose={() => setAdding(false)}
        initialValues={{ placeId: scope?.id, opensAt: shanghaiInput(new Date(now + DAY).toISOString()).slice(0, 11) + '08:00', closesAt: shanghaiInput(new Date(now + 15 * DAY).toISOString()).slice(0, 11) + '20:00' }}
        submit={async (v) => {
          const { id } = await create.mutateAsync({ ...v, opensAt: fromShanghaiInput(v.opensAt), closesAt: fromShanghaiInput(v.closesAt) });
          void navigate(`/surveys/${id}`);
        }}
      >
        <Form.Item name="placeId" label={t('surveys.field.place')} extra={t('surveys.placeHelp')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <PlaceTreeSelect valueLabel={scope?.name} />
        </Form.Item>
        <Form.Item name="title" label={t('surveys.field.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: TITLE_MAX }]}>
          <Input maxLength={TITLE_MAX} showCount />
        </Form.Item>
        <Form.Item name="opensAt" label={t('surveys.field.opensAt')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="closesAt" label={t('surveys.field.closesAt')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input type="datetime-local" />
        </Form.Item>
      </FormModal>
    </>
  );
}
