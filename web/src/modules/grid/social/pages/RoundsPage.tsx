import { Button, DatePicker, Form, Input, InputNumber, Select, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ROUND_STATUSES } from '#server/modules/grid/contract.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { fen, type Round, useCreateRound, usePlaces, useRounds, yuan } from '../api.ts';
import { RoundStatusTag } from '../components/labels.tsx';

const FILTERS = ['q', 'status', 'year', 'todo'] as const;
const TODOS = ['score', 'approve', 'reports'] as const;

/** 公益创投: the rounds I may read or review — search, filter by status, sort, page; 新建创投轮次 for ventureApprove. */
export function RoundsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListParams(FILTERS);
  const rounds = useRounds(list.query);
  const places = usePlaces();
  const approving = (places.data?.items ?? []).filter((p) => p.approves);
  const [creating, setCreating] = useState(false);
  const create = useCreateRound();

  const columns: TableColumnsType<Round> = [
    { title: t('gridSocial.rounds.name'), dataIndex: 'title', key: 'title', sorter: true, render: (v: string, r) => <Link to={`/grid/social/rounds/${r.id}`}>{v}</Link> },
    { title: t('gridSocial.rounds.year'), dataIndex: 'year', key: 'year', sorter: true },
    { title: t('gridSocial.rounds.place'), dataIndex: 'placeName' },
    { title: t('gridSocial.rounds.status'), dataIndex: 'status', render: (v: Round['status'], r) => (
      <>
        <RoundStatusTag status={v} />
        {r.reviewer && <Tag color="purple">{t('gridSocial.rounds.reviewer')}</Tag>}
      </>
    ) },
    { title: t('gridSocial.rounds.pool'), dataIndex: 'poolFen', key: 'poolFen', sorter: true, align: 'right', render: (v: number) => yuan(v) },
    { title: t('gridSocial.rounds.cap'), dataIndex: 'capFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('gridSocial.rounds.opensOn'), dataIndex: 'opensOn', render: (v: string, r) => `${formatDate(v)} – ${formatDate(r.closesOn)}` },
    { title: t('gridSocial.rounds.applications'), dataIndex: 'applications', align: 'right' },
    { title: t('gridSocial.rounds.granted'), dataIndex: 'grantedFen', align: 'right', render: (v: number) => yuan(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('gridSocial.rounds.title')}
        extra={
          approving.length > 0 && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('gridSocial.rounds.add')}
            </Button>
          )
        }
      />
      <ListCard
        list={list}
        query={rounds}
        columns={columns}
        search={{ label: t('gridSocial.rounds.search') }}
        selects={[
          { field: 'status', label: t('gridSocial.rounds.status'), options: optionsOf(ROUND_STATUSES, (s) => t(`gridSocial.roundStatus.${s}`)) },
          { field: 'todo', label: t('gridSocial.rounds.todoLabel'), options: optionsOf(TODOS, (s) => t(`gridSocial.rounds.todo.${s}`)) },
        ]}
        empty={{ none: t('gridSocial.rounds.none'), noMatch: t('gridSocial.rounds.none') }}
      />
      {creating && (
        <FormModal<{ placeId: string; title: string; year: number; pool: number; cap: number; call: [dayjs.Dayjs, dayjs.Dayjs] }>
          title={t('gridSocial.rounds.add')}
          open
          width={560}
          onClose={() => setCreating(false)}
          initialValues={{ placeId: approving[0]?.id, year: dayjs().year() + 1 }}
          submit={async (v) => {
            const { id } = await create.mutateAsync({ placeId: v.placeId, title: v.title, year: v.year, poolFen: fen(v.pool), capFen: fen(v.cap), opensOn: v.call[0].format('YYYY-MM-DD'), closesOn: v.call[1].format('YYYY-MM-DD') });
            void navigate(`/grid/social/rounds/${id}`);
          }}
        >
          <Form.Item name="title" label={t('gridSocial.rounds.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="placeId" label={t('gridSocial.rounds.place')} rules={[{ required: true }]}>
            <Select options={approving.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="year" label={t('gridSocial.rounds.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="pool" label={t('gridSocial.rounds.pool')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="cap" label={t('gridSocial.rounds.cap')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="call" label={`${t('gridSocial.rounds.opensOn')} – ${t('gridSocial.rounds.closesOn')}`} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
