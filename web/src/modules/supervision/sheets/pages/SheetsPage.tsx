import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SHEET_KINDS, SHEET_STATUSES, SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { PlaceTreeSelect } from '../../../registry/index.ts';
import { type SheetRow, useCreateSheet, useSheets } from '../api.ts';
import { SheetStatusTag } from '../components/SheetStatusTag.tsx';

const FILTERS = ['q', 'kind', 'status'] as const;

/** 考评标准: the streets' indicator sheets, every version, which one is in force; a street official starts a new one. */
export function SheetsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const me = useSignedIn();
  const navigate = useNavigate();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const sheets = useSheets(query);
  const create = useCreateSheet();
  const [open, setOpen] = useState(false);
  const manages = me.grants.some((g) => (SUPERVISION_ROLES.sheetsManage as readonly string[]).includes(g.role));

  const columns: TableColumnsType<SheetRow> = [
    {
      title: t('supervisionSheets.sheets.col.name'),
      dataIndex: 'name',
      sorter: true,
      render: (v: string, r) => (
        <Space wrap size={4}>
          <Link to={`/supervision/sheets/${r.id}`}>{v}</Link>
          {r.isDemo && <Tag>{t('supervisionSheets.demo')}</Tag>}
          {r.inForce && <Tag color="green">{t('supervisionSheets.inForce')}</Tag>}
        </Space>
      ),
    },
    { title: t('supervisionSheets.sheets.col.kind'), dataIndex: 'kind', render: (v: string) => t(`supervisionSheets.kind.${v}`) },
    { title: t('supervisionSheets.sheets.col.version'), dataIndex: 'version', key: 'version', sorter: true, render: (v: number) => t('supervisionSheets.sheets.version', { version: v }) },
    { title: t('supervisionSheets.sheets.col.status'), dataIndex: 'status', render: (v: SheetRow['status']) => <SheetStatusTag status={v} /> },
    { title: t('supervisionSheets.sheets.col.appliesFrom'), dataIndex: 'appliesFrom', sorter: true, render: (v: string | null) => v ?? '—' },
    { title: t('supervisionSheets.sheets.col.size'), key: 'size', render: (_, r) => t('supervisionSheets.sheets.size', { sections: r.sectionCount, indicators: r.indicatorCount }) },
    { title: t('supervisionSheets.sheets.col.street'), dataIndex: 'streetName' },
    { title: t('supervisionSheets.sheets.col.updatedAt'), dataIndex: 'updatedAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('supervisionSheets.sheets.title')}
        tags={<ScopeNote />}
        extra={
          manages && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('supervisionSheets.sheets.new')}
            </Button>
          )
        }
      />
      <ListCard
        list={list}
        intro={<Typography.Paragraph type="secondary">{t('supervisionSheets.sheets.intro')}</Typography.Paragraph>}
        search={{ label: t('supervisionSheets.sheets.search') }}
        selects={[
          { field: 'kind', label: t('supervisionSheets.sheets.col.kind'), options: SHEET_KINDS.map((k) => ({ value: k, label: t(`supervisionSheets.kind.${k}`) })) },
          { field: 'status', label: t('supervisionSheets.sheets.col.status'), options: SHEET_STATUSES.map((s) => ({ value: s, label: t(`supervisionSheets.status.${s}`) })) },
        ]}
        query={sheets}
        columns={columns}
        empty={{ none: t('supervisionSheets.sheets.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      <FormModal<{ placeId: string; kind: (typeof SHEET_KINDS)[number]; name: string }>
        title={t('supervisionSheets.sheets.newTitle')}
        open={open}
        onClose={() => setOpen(false)}
        initialValues={{ kind: 'property_service' }}
        submit={async (v) => {
          const sheet = await create.mutateAsync(v);
          navigate(`/supervision/sheets/${sheet.id}`);
        }}
        fieldForCode={{ NOT_A_STREET: 'placeId', PLACE_NOT_FOUND: 'placeId' }}
      >
        <Form.Item name="placeId" label={t('supervisionSheets.sheets.street')} rules={[{ required: true, message: t('supervisionSheets.sheets.streetRequired') }]}>
          <PlaceTreeSelect kinds={['city', 'district', 'street']} />
        </Form.Item>
        <Form.Item name="kind" label={t('supervisionSheets.sheets.kind')}>
          <Select options={SHEET_KINDS.map((k) => ({ value: k, label: t(`supervisionSheets.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('supervisionSheets.sheets.name')} rules={[{ required: true, whitespace: true, message: t('supervisionSheets.sheets.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
      </FormModal>
    </>
  );
}
