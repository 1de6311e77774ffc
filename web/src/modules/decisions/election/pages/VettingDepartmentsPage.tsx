import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Result, Select, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../../shared/session.ts';
import { ErrorState } from '../../../../workbench/components/ErrorState.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { useDebounced } from '../../../../workbench/components/RemoteSelect.tsx';
import { type Department, DEPARTMENT_KINDS, type DepartmentKind, useCreateDepartment, useDepartments, useReviewerCandidates, useUpdateDepartment } from '../api.ts';
import { useDepartmentKindLabel } from '../components/labels.tsx';
import '../i18n.ts';

/** The streets the signed-in official configures (their street_official grants). */
function useStreets() {
  const me = useSignedIn();
  const seen = new Map<string, string>();
  for (const g of me.grants) if (g.role === 'street_official') seen.set(g.placeId, g.placeName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** 联审部门: the departments of the street that vet every candidate, their reviewers, order and whether they take part. */
export function VettingDepartmentsPage() {
  const { t } = useTranslation();
  const kindLabel = useDepartmentKindLabel();
  const streets = useStreets();
  const [streetId, setStreetId] = useState<string | undefined>(streets[0]?.id);
  const departments = useDepartments(streetId);
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  if (streets.length === 0) return <Result status="403" title={t('decisions.noAccess')} />;

  const columns: TableColumnsType<Department> = [
    { title: t('decisionsElection.departments.position'), dataIndex: 'position', width: 90, sorter: (a, b) => a.position - b.position, defaultSortOrder: 'ascend' },
    { title: t('decisionsElection.departments.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    { title: t('decisionsElection.departments.kind'), dataIndex: 'kind', render: (k: DepartmentKind) => kindLabel(k) },
    {
      title: t('decisionsElection.departments.reviewers'),
      key: 'reviewers',
      render: (_, dep) => (dep.reviewers ? dep.reviewers.map((r) => r.displayName).join('、') : dep.reviewerAccountIds.length) || '—',
    },
    {
      title: t('decisionsElection.departments.active'),
      dataIndex: 'active',
      render: (v: boolean) => (v ? <Tag color="success">{t('decisionsElection.departments.activeYes')}</Tag> : <Tag>{t('decisionsElection.departments.activeNo')}</Tag>),
    },
    {
      title: t('decisionsElection.card.actions'),
      key: 'edit',
      width: 90,
      render: (_, dep) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(dep)} aria-label={`${t('decisionsElection.departments.edit')} ${dep.name}`}>
          {t('decisionsElection.departments.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('decisionsElection.departments.title')}
        extra={
          <>
            {streets.length > 1 && (
              <Select aria-label={t('decisionsElection.departments.street')} style={{ width: 200 }} value={streetId} onChange={setStreetId} options={streets.map((s) => ({ value: s.id, label: s.name }))} />
            )}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('decisionsElection.departments.add')}
            </Button>
          </>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('decisionsElection.departments.intro')}</Typography.Paragraph>
        {departments.isError ? (
          <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />
        ) : (
        <Table<Department>
          rowKey="id"
          loading={departments.isFetching}
          dataSource={departments.data?.items ?? []}
          columns={columns}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('decisionsElection.departments.none') }}
        />
        )}
      </Card>
      {editing && streetId && (
        <DepartmentModal streetId={streetId} department={editing === 'new' ? null : editing} next={(departments.data?.items.length ?? 0) + 1} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

interface Values {
  name: string;
  kind: DepartmentKind;
  reviewerAccountIds: string[];
  active: boolean;
  position: number;
}

function DepartmentModal({ streetId, department: dep, next, onClose }: { streetId: string; department: Department | null; next: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const kindLabel = useDepartmentKindLabel();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const [q, setQ] = useState('');
  const query = useDebounced(q, 300);
  const reviewers = useReviewerCandidates(streetId, query);
  const known = new Map((dep?.reviewers ?? []).map((r) => [r.id, r.displayName]));
  for (const r of reviewers.data?.items ?? []) known.set(r.id, r.displayName);
  // One option per account: a person with grants at two places is listed once, with both.
  const byAccount = new Map<string, string[]>();
  for (const r of reviewers.data?.items ?? []) byAccount.set(r.id, [...(byAccount.get(r.id) ?? []), [r.roleLabel ?? r.role, r.placeName].filter(Boolean).join(' · ')]);
  const options = [...byAccount].map(([id, roles]) => ({ value: id, label: `${known.get(id)}（${roles.join('、')}）` }));
  for (const [id, name] of known) if (!byAccount.has(id)) options.push({ value: id, label: name });

  return (
    <FormModal<Values>
      title={dep ? t('decisionsElection.departments.editTitle') : t('decisionsElection.departments.addTitle')}
      open
      onClose={onClose}
      initialValues={dep ? { name: dep.name, kind: dep.kind, reviewerAccountIds: dep.reviewerAccountIds, active: dep.active, position: dep.position } : { active: true, position: next, reviewerAccountIds: [] }}
      submit={async (v) => {
        if (dep) await update.mutateAsync({ id: dep.id, name: v.name.trim(), reviewerAccountIds: v.reviewerAccountIds, active: v.active, position: v.position });
        else await create.mutateAsync({ streetId, name: v.name.trim(), kind: v.kind, reviewerAccountIds: v.reviewerAccountIds });
        void message.success(t('decisionsElection.departments.saved'));
      }}
    >
      <Form.Item name="name" label={t('decisionsElection.departments.name')} rules={[{ required: true, whitespace: true, message: t('decisionsElection.departments.nameRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('decisionsElection.departments.kind')} rules={[{ required: true, message: t('decisionsElection.departments.kindRequired') }]}>
        <Select disabled={!!dep} aria-label={t('decisionsElection.departments.kind')} options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} />
      </Form.Item>
      <Form.Item
        name="reviewerAccountIds"
        label={t('decisionsElection.departments.reviewers')}
        extra={t('decisionsElection.departments.reviewersHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('decisionsElection.departments.reviewersRequired') }]}
      >
        <Select mode="multiple" showSearch filterOption={false} onSearch={setQ} loading={reviewers.isFetching} options={options} aria-label={t('decisionsElection.departments.reviewers')} />
      </Form.Item>
      {dep && (
        <>
          <Form.Item name="position" label={t('decisionsElection.departments.position')}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
          <Form.Item name="active" label={t('decisionsElection.departments.active')} valuePropName="checked">
            <Switch aria-label={t('decisionsElection.departments.active')} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
