import { App, Button, DatePicker, Form, Input, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRID_ROLES, LIAISON_LINES } from '#server/modules/grid/contract.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { download, type Liaison, type LiaisonOptions, useAddLiaison, useEndLiaison, useLiaisonOptions, useLiaisons } from '../api.ts';

const FILTERS = ['q', 'line', 'serving'] as const;

/** 执法进小区: the departments' liaisons of my compounds — search, filter by line and status, sort, page, export; 设置联络员 and 结束联络. */
export function LiaisonsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedIn();
  const canManage = me.grants.some((g) => (GRID_ROLES.liaisonsManage as readonly string[]).includes(g.role));
  const list = useListParams(FILTERS);
  const liaisons = useLiaisons(list.query);
  const options = useLiaisonOptions(canManage);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Liaison | null>(null);

  const columns: TableColumnsType<Liaison> = [
    { title: t('gridEvents.liaisons.compound'), dataIndex: 'compoundName', key: 'compound', sorter: true },
    { title: t('gridEvents.liaisons.line'), dataIndex: 'line', key: 'line', sorter: true, render: (v: Liaison['line']) => t(`gridEvents.line.${v}`) },
    { title: t('gridEvents.liaisons.department'), dataIndex: 'departmentName' },
    { title: t('gridEvents.liaisons.name'), dataIndex: 'name', key: 'name', sorter: true },
    { title: t('gridEvents.liaisons.phone'), dataIndex: 'phoneMasked', render: (v: string) => v || '—' },
    { title: t('gridEvents.liaisons.fromOn'), dataIndex: 'fromOn', key: 'fromOn', sorter: true, render: (v: string) => formatDate(v) },
    { title: t('gridEvents.liaisons.untilOn'), dataIndex: 'untilOn', render: (v: string | null) => (v ? formatDate(v) : '—') },
    {
      title: t('gridEvents.liaisons.serving'),
      dataIndex: 'serving',
      render: (v: boolean) => (v ? <Tag color="green">{t('gridEvents.liaisons.servingYes')}</Tag> : <Tag>{t('gridEvents.liaisons.servingNo')}</Tag>),
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, r) =>
        r.canEnd && (
          <Button size="small" onClick={() => setEnding(r)}>
            {t('gridEvents.liaisons.end')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('gridEvents.liaisons.title')}
        extra={
          <Space wrap>
            {canManage && (
              <Button type="primary" disabled={!options.data?.compounds.length} onClick={() => setAdding(true)}>
                {t('gridEvents.liaisons.add')}
              </Button>
            )}
            <ExportButton total={liaisons.data?.total ?? 0} limit={20000} i18nPrefix="gridEvents.page" run={() => download('/api/grid/liaisons/export.xlsx', list.query, `${t('gridEvents.liaisons.title')}.xlsx`)} />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={liaisons}
        columns={columns}
        search={{ label: t('gridEvents.liaisons.search') }}
        selects={[
          { field: 'line', label: t('gridEvents.liaisons.line'), options: optionsOf(LIAISON_LINES, (l) => t(`gridEvents.line.${l}`)) },
          {
            field: 'serving',
            label: t('gridEvents.liaisons.serving'),
            options: [
              { value: 'true', label: t('gridEvents.liaisons.servingYes') },
              { value: 'false', label: t('gridEvents.liaisons.servingNo') },
            ],
          },
        ]}
        empty={{ none: t('gridEvents.liaisons.none'), noMatch: t('gridEvents.liaisons.noMatch') }}
      />
      {adding && options.data && <AddLiaisonModal options={options.data} onClose={() => setAdding(false)} onSaved={() => void message.success(t('gridEvents.liaisons.saved'))} />}
      {ending && <EndLiaisonModal liaison={ending} onClose={() => setEnding(null)} onSaved={() => void message.success(t('gridEvents.liaisons.ended'))} />}
    </>
  );
}

interface AddValues {
  compoundId: string;
  line: string;
  departmentId: string;
  accountId: string;
  name: string;
  phone?: string;
  fromOn: Dayjs;
}

function AddLiaisonModal({ options, onClose, onSaved }: { options: LiaisonOptions; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const add = useAddLiaison();
  return (
    <FormModal<AddValues>
      title={t('gridEvents.liaisons.add')}
      open
      okText={t('gridEvents.detail.ok')}
      onClose={onClose}
      initialValues={{ compoundId: options.compounds[0]?.id, fromOn: dayjs() }}
      fieldForCode={{ NOT_A_DEPARTMENT: 'departmentId', NOT_A_REVIEWER: 'accountId', LIAISON_SERVING: 'line' }}
      submit={async (v) => {
        await add.mutateAsync({ ...v, phone: v.phone || undefined, fromOn: v.fromOn.format('YYYY-MM-DD') });
        onSaved();
      }}
    >
      <Form.Item name="compoundId" label={t('gridEvents.liaisons.compound')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={options.compounds.map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="line" label={t('gridEvents.liaisons.line')} rules={[{ required: true }]}>
        <Select options={optionsOf(LIAISON_LINES, (l) => t(`gridEvents.line.${l}`))} />
      </Form.Item>
      <Form.Item name="departmentId" label={t('gridEvents.liaisons.department')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={options.departments.map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <Form.Item name="accountId" label={t('gridEvents.liaisons.account')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={options.accounts.map((a) => ({ value: a.id, label: a.name }))} />
      </Form.Item>
      <Form.Item name="name" label={t('gridEvents.liaisons.name')} rules={[{ required: true, whitespace: true, max: 30 }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="phone" label={t('gridEvents.liaisons.phone')} rules={[{ pattern: /^[0-9-]{7,20}$/ }]}>
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item name="fromOn" label={t('gridEvents.liaisons.fromOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

function EndLiaisonModal({ liaison, onClose, onSaved }: { liaison: Liaison; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const end = useEndLiaison();
  return (
    <FormModal<{ untilOn: Dayjs }>
      title={t('gridEvents.liaisons.endTitle')}
      open
      okText={t('gridEvents.detail.ok')}
      onClose={onClose}
      initialValues={{ untilOn: dayjs() }}
      fieldForCode={{ UNTIL_BEFORE_FROM: 'untilOn' }}
      submit={async (v) => {
        await end.mutateAsync({ id: liaison.id, untilOn: v.untilOn.format('YYYY-MM-DD') });
        onSaved();
      }}
    >
      <Typography.Paragraph>
        {liaison.compoundName} · {t(`gridEvents.line.${liaison.line}`)} · {liaison.name}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('gridEvents.liaisons.endHint')}</Typography.Paragraph>
      <Form.Item name="untilOn" label={t('gridEvents.liaisons.untilOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
