import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORG_FIELDS, ORG_REGISTRATIONS } from '#server/modules/grid/contract.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { download, type Org, type OrgBody, useDissolveOrg, useOrgs, usePlaces, useSaveOrg } from '../api.ts';

const FILTERS = ['q', 'registration', 'field', 'placeId', 'active'] as const;

/** 社会组织名录: the community social organisations under my grants — search, filters (registration, field, place, state), sort, page, export; add / edit in a dialog, dissolve behind a confirmation (socialManage). */
export function OrgsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const list = useListParams(FILTERS);
  const orgs = useOrgs(list.query);
  const places = usePlaces();
  const managed = (places.data?.items ?? []).filter((p) => p.manages);
  const [editing, setEditing] = useState<Org | 'new' | null>(null);
  const dissolve = useDissolveOrg();

  const askDissolve = (o: Org) => {
    let typed = '';
    modal.confirm({
      title: t('gridSocial.orgs.dissolveTitle', { name: o.name }),
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('gridSocial.orgs.dissolveContent')}</span>
          <Input.TextArea aria-label={t('gridSocial.orgs.dissolveReason')} placeholder={t('gridSocial.orgs.dissolveReason')} maxLength={200} onChange={(e) => (typed = e.target.value)} />
        </Space>
      ),
      okText: t('gridSocial.orgs.dissolve'),
      okButtonProps: { danger: true },
      cancelText: t('gridSocial.cancel'),
      onOk: async () => {
        if (!typed.trim()) {
          void message.warning(t('gridSocial.orgs.dissolveReason'));
          throw new Error('reason required');
        }
        try {
          await dissolve.mutateAsync({ id: o.id, reason: typed.trim() });
          void message.success(t('gridSocial.orgs.dissolvedOk'));
        } catch (err) {
          void message.error((err as Error).message);
          throw err;
        }
      },
    });
  };

  const columns: TableColumnsType<Org> = [
    { title: t('gridSocial.orgs.name'), dataIndex: 'name', key: 'name', sorter: true },
    { title: t('gridSocial.orgs.place'), dataIndex: 'placeName' },
    { title: t('gridSocial.orgs.registration'), dataIndex: 'registration', render: (v: string) => t(`gridSocial.registration.${v}`) },
    { title: t('gridSocial.orgs.field'), dataIndex: 'field', render: (v: string) => <Tag>{t(`gridSocial.field.${v}`)}</Tag> },
    { title: t('gridSocial.orgs.foundedOn'), dataIndex: 'foundedOn', key: 'foundedOn', sorter: true, render: (v: string | null) => formatDate(v) || '—' },
    { title: t('gridSocial.orgs.contactName'), dataIndex: 'contactName', render: (v: string, r) => (v ? `${v}${r.contactPhone ? ` · ${r.contactPhone}` : ''}` : '—') },
    { title: t('gridSocial.orgs.peopleCount'), dataIndex: 'peopleCount', key: 'peopleCount', sorter: true, align: 'right' },
    { title: t('gridSocial.orgs.state'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{t('gridSocial.orgs.active')}</Tag> : <Tag>{t('gridSocial.orgs.dissolved')}</Tag>) },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, r) =>
        r.manages &&
        r.active && (
          <Space>
            <Button size="small" onClick={() => setEditing(r)}>
              {t('gridSocial.edit')}
            </Button>
            <Button size="small" danger onClick={() => askDissolve(r)}>
              {t('gridSocial.orgs.dissolve')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('gridSocial.orgs.title')}
        extra={
          <Space wrap>
            {managed.length > 0 && (
              <Button type="primary" onClick={() => setEditing('new')}>
                {t('gridSocial.orgs.add')}
              </Button>
            )}
            <ExportButton total={orgs.data?.total ?? 0} limit={20000} i18nPrefix="gridSocial.orgs" run={() => download('/api/grid/social/orgs/export.xlsx', list.query, `${t('gridSocial.orgs.title')}.xlsx`)} />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={orgs}
        columns={columns}
        search={{ label: t('gridSocial.orgs.search') }}
        selects={[
          { field: 'registration', label: t('gridSocial.orgs.registration'), options: optionsOf(ORG_REGISTRATIONS, (s) => t(`gridSocial.registration.${s}`)) },
          { field: 'field', label: t('gridSocial.orgs.field'), options: optionsOf(ORG_FIELDS, (s) => t(`gridSocial.field.${s}`)) },
          (places.data?.items.length ?? 0) > 1 && { field: 'placeId', label: t('gridSocial.orgs.place'), options: (places.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })), width: 180 },
          { field: 'active', label: t('gridSocial.orgs.state'), options: [{ value: 'true', label: t('gridSocial.orgs.activeOnly') }, { value: 'false', label: t('gridSocial.orgs.dissolvedOnly') }] },
        ]}
        empty={{ none: t('gridSocial.orgs.none'), noMatch: t('gridSocial.orgs.noMatch') }}
      />
      {editing && <OrgModal org={editing === 'new' ? null : editing} places={managed} onClose={() => setEditing(null)} />}
    </>
  );
}

type OrgForm = Omit<OrgBody, 'foundedOn'> & { foundedOn?: dayjs.Dayjs | null };

function OrgModal({ org, places, onClose }: { org: Org | null; places: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveOrg(org?.id);
  return (
    <FormModal<OrgForm>
      title={org ? t('gridSocial.orgs.editTitle') : t('gridSocial.orgs.add')}
      open
      width={640}
      onClose={onClose}
      initialValues={
        org
          ? { ...org, foundedOn: org.foundedOn ? dayjs(org.foundedOn) : null }
          : { placeId: places[0]?.id, registration: 'filed', field: 'elderly', contactName: '', contactPhone: '', peopleCount: 0, description: '' }
      }
      submit={(v) => save.mutateAsync({ ...v, foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null, contactName: v.contactName ?? '', contactPhone: v.contactPhone ?? '', description: v.description ?? '', peopleCount: v.peopleCount ?? 0 })}
    >
      <Form.Item name="name" label={t('gridSocial.orgs.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="placeId" label={t('gridSocial.orgs.place')} rules={[{ required: true }]}>
        <Select options={places.map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Form.Item name="registration" label={t('gridSocial.orgs.registration')} rules={[{ required: true }]}>
        <Select options={optionsOf(ORG_REGISTRATIONS, (s) => t(`gridSocial.registration.${s}`))} />
      </Form.Item>
      <Form.Item name="field" label={t('gridSocial.orgs.field')} rules={[{ required: true }]}>
        <Select options={optionsOf(ORG_FIELDS, (s) => t(`gridSocial.field.${s}`))} />
      </Form.Item>
      <Form.Item name="foundedOn" label={t('gridSocial.orgs.foundedOn')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="contactName" label={t('gridSocial.orgs.contactName')} rules={[{ max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('gridSocial.orgs.contactPhone')} rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})?$/ }]}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="peopleCount" label={t('gridSocial.orgs.peopleCount')}>
        <InputNumber min={0} max={100000} precision={0} />
      </Form.Item>
      <Form.Item name="description" label={t('gridSocial.orgs.description')} rules={[{ max: 500 }]}>
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
    </FormModal>
  );
}
