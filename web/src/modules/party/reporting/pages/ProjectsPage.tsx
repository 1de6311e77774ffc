import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Result, Select, Space, Spin, Tabs, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import {
  download,
  type MemberClaim,
  type ProjectRow,
  type ReportingContext,
  type ServiceRow,
  useCreateProject,
  useDeleteService,
  useMemberClaims,
  useProjects,
  useRecordService,
  useReportingContext,
  useServices,
} from '../api.ts';
import { hours } from '../components/labels.tsx';
import { ProjectDrawer } from '../components/ProjectDrawer.tsx';

const PROJECT_FILTERS = ['q', 'status', 'communityId'] as const;
const CLAIM_FILTERS = ['q', 'status', 'year', 'communityId'] as const;
const SERVICE_FILTERS = ['q', 'year', 'communityId'] as const;
const YEARS = [2026, 2025, 2024];

function ProjectsTab({ context }: { context: ReportingContext }) {
  const { t } = useTranslation();
  const list = useListParams(PROJECT_FILTERS);
  const projects = useProjects(list.query);
  const [open, setOpen] = useState<string>();
  const columns: TableColumnsType<ProjectRow> = [
    { title: t('partyReporting.col.project'), key: 'title', sorter: true, render: (_, r) => <a onClick={() => setOpen(r.id)}>{r.title}</a> },
    { title: t('partyReporting.col.community'), key: 'community', sorter: true, dataIndex: 'communityName' },
    { title: t('partyReporting.col.place'), dataIndex: 'placeName' },
    { title: t('partyReporting.col.status'), key: 'status', sorter: true, render: (_, r) => <Tag color={r.status === 'open' ? 'green' : 'default'}>{t(`partyReporting.projectStatus.${r.status}`)}</Tag> },
    { title: t('partyReporting.col.posts'), dataIndex: 'posts', align: 'right' },
    { title: t('partyReporting.col.slotsOpen'), dataIndex: 'slots', align: 'right' },
    { title: t('partyReporting.col.memberClaims'), dataIndex: 'memberClaims', align: 'right' },
    { title: t('partyReporting.col.orgClaims'), dataIndex: 'orgClaims', align: 'right' },
    { title: t('partyReporting.col.createdAt'), key: 'createdAt', sorter: true, render: (_, r) => formatDate(r.createdAt) },
  ];
  return (
    <>
      <ListCard
        list={list}
        title={
          <Space>
            {t('partyReporting.tab.projects')}
            <ExportButton total={projects.data?.total ?? 0} limit={20000} i18nPrefix="partyReporting.page" run={() => download('/api/party/projects/export.xlsx', list.query, `${t('partyReporting.tab.projects')}.xlsx`)} />
          </Space>
        }
        search={{ label: t('partyReporting.page.searchProjects') }}
        selects={[
          { field: 'status', label: t('partyReporting.col.status'), options: (['open', 'closed'] as const).map((s) => ({ value: s, label: t(`partyReporting.projectStatus.${s}`) })) },
          context.communities.length > 1 && { field: 'communityId', label: t('partyReporting.col.community'), options: context.communities.map((c) => ({ value: c.id, label: c.name })) },
        ]}
        query={projects}
        columns={columns}
        empty={{ none: t('partyReporting.page.noProjects'), noMatch: t('common.noMatchFor', { q: list.filters.q ?? '' }) }}
      />
      <ProjectDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}

function MemberClaimsTab({ context }: { context: ReportingContext }) {
  const { t } = useTranslation();
  const list = useListParams(CLAIM_FILTERS);
  const claims = useMemberClaims(list.query);
  const record = useRecordService();
  const [serving, setServing] = useState<MemberClaim | null>(null);
  const canManage = context.canManage;
  const columns: TableColumnsType<MemberClaim> = [
    { title: t('partyReporting.col.member'), key: 'member', sorter: true, dataIndex: 'memberName' },
    { title: t('partyReporting.col.project'), key: 'project', sorter: true, dataIndex: 'projectTitle' },
    { title: t('partyReporting.col.post'), dataIndex: 'postTitle' },
    { title: t('partyReporting.col.year'), key: 'year', sorter: true, dataIndex: 'year' },
    { title: t('partyReporting.col.status'), key: 'status', render: (_, r) => <Tag color={r.status === 'active' ? 'green' : 'default'}>{t(`partyReporting.claimStatus.${r.status}`)}</Tag> },
    { title: t('partyReporting.col.hours'), key: 'hours', align: 'right', render: (_, r) => hours(r.minutes) },
    { title: t('partyReporting.col.points'), dataIndex: 'points', align: 'right' },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, r: MemberClaim) =>
              r.status === 'active' && (
                <Button type="link" size="small" onClick={() => setServing(r)}>
                  {t('partyReporting.service.record')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      <ListCard
        list={list}
        title={t('partyReporting.tab.memberClaims')}
        search={{ label: t('partyReporting.page.searchClaims') }}
        selects={[
          { field: 'status', label: t('partyReporting.col.status'), options: (['active', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`partyReporting.claimStatus.${s}`) })) },
          { field: 'year', label: t('partyReporting.col.year'), options: YEARS.map((y) => ({ value: String(y), label: String(y) })) },
          context.communities.length > 1 && { field: 'communityId', label: t('partyReporting.col.community'), options: context.communities.map((c) => ({ value: c.id, label: c.name })) },
        ]}
        query={claims}
        columns={columns}
        empty={{ none: t('partyReporting.page.noClaims'), noMatch: t('common.noMatchFor', { q: list.filters.q ?? '' }) }}
      />
      <FormModal<{ servedOn: dayjs.Dayjs; minutes: number; note?: string }>
        title={t('partyReporting.service.title', { member: serving?.memberName ?? '', post: serving?.postTitle ?? serving?.projectTitle ?? '' })}
        open={!!serving}
        onClose={() => setServing(null)}
        submit={(v) => record.mutateAsync({ claimId: serving!.id, servedOn: v.servedOn.format('YYYY-MM-DD'), minutes: v.minutes, note: v.note })}
      >
        <Form.Item name="servedOn" label={t('partyReporting.col.servedOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.year() !== serving?.year} />
        </Form.Item>
        <Form.Item name="minutes" label={t('partyReporting.col.minutes')} rules={[{ required: true }]} extra={t('partyReporting.service.pointsHelp', { pph: serving?.pointsPerHour ?? 0 })}>
          <InputNumber min={1} max={1440} precision={0} />
        </Form.Item>
        <Form.Item name="note" label={t('partyReporting.col.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function ServicesTab({ context }: { context: ReportingContext }) {
  const { t } = useTranslation();
  const list = useListParams(SERVICE_FILTERS);
  const services = useServices(list.query);
  const remove = useDeleteService();
  const [deleting, setDeleting] = useState<ServiceRow | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const columns: TableColumnsType<ServiceRow> = [
    { title: t('partyReporting.col.servedOn'), key: 'servedOn', sorter: true, dataIndex: 'servedOn' },
    { title: t('partyReporting.col.member'), key: 'member', sorter: true, dataIndex: 'memberName' },
    { title: t('partyReporting.col.project'), dataIndex: 'projectTitle' },
    { title: t('partyReporting.col.post'), dataIndex: 'postTitle' },
    { title: t('partyReporting.col.minutes'), key: 'minutes', sorter: true, dataIndex: 'minutes', align: 'right' },
    { title: t('partyReporting.col.points'), key: 'points', sorter: true, dataIndex: 'points', align: 'right' },
    { title: t('partyReporting.col.note'), dataIndex: 'note' },
    ...(context.canManage
      ? [
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, r: ServiceRow) => (
              <Button type="link" size="small" danger onClick={() => setDeleting(r)}>
                {t('partyReporting.service.delete')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <ListCard
        list={list}
        title={
          <Space>
            {t('partyReporting.tab.services')}
            {services.data && <span>{t('partyReporting.service.totals', { hours: hours(services.data.minutes), points: services.data.points })}</span>}
            <ExportButton total={services.data?.total ?? 0} limit={20000} i18nPrefix="partyReporting.page" run={() => download('/api/party/services/export.xlsx', list.query, `${t('partyReporting.tab.services')}.xlsx`)} />
          </Space>
        }
        search={{ label: t('partyReporting.page.searchServices') }}
        selects={[
          { field: 'year', label: t('partyReporting.col.year'), options: YEARS.map((y) => ({ value: String(y), label: String(y) })) },
          context.communities.length > 1 && { field: 'communityId', label: t('partyReporting.col.community'), options: context.communities.map((c) => ({ value: c.id, label: c.name })) },
        ]}
        query={services}
        columns={columns}
        empty={{ none: t('partyReporting.page.noServices'), noMatch: t('common.noMatchFor', { q: list.filters.q ?? '' }) }}
      />
      <Modal
        open={!!deleting}
        title={t('partyReporting.service.deleteTitle', { member: deleting?.memberName ?? '', day: deleting?.servedOn ?? '' })}
        okText={t('partyReporting.service.delete')}
        okButtonProps={{ danger: true, loading: remove.isPending }}
        onCancel={() => setDeleting(null)}
        onOk={async () => {
          const { reason } = await form.validateFields();
          await remove.mutateAsync({ id: deleting!.id, reason });
          form.resetFields();
          setDeleting(null);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('partyReporting.service.reason')} rules={[{ required: true, whitespace: true, max: 500 }]} extra={t('partyReporting.service.deleteHelp')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 服务项目: the communities' service projects with their posts, the members' claims (记录服务) and service records. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const context = useReportingContext();
  const [search, setSearch] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const create = useCreateProject();
  if (context.isPending) return <Spin />;
  if (context.isError) return <Result status="error" title={t('partyReporting.loadFailed')} subTitle={context.error.message} />;
  const c = context.data;
  const managed = c.communities.filter((x) => x.manages);
  const tabs = [
    { key: 'projects', label: t('partyReporting.tab.projects'), children: <ProjectsTab context={c} /> },
    { key: 'claims', label: t('partyReporting.tab.memberClaims'), children: <MemberClaimsTab context={c} /> },
    { key: 'services', label: t('partyReporting.tab.services'), children: <ServicesTab context={c} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('partyReporting.projectsPage.title')}
        extra={
          managed.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('partyReporting.projectsPage.create')}
            </Button>
          )
        }
      />
      <Tabs activeKey={search.get('tab') ?? 'projects'} onChange={(k) => setSearch({ tab: k }, { replace: true })} destroyOnHidden items={tabs} />
      <FormModal<{ communityId: string; title: string; description?: string; postTitle?: string; slots?: number; pointsPerHour?: number }>
        title={t('partyReporting.projectsPage.create')}
        open={creating}
        onClose={() => setCreating(false)}
        initialValues={{ communityId: managed[0]?.id, slots: 5, pointsPerHour: 10 }}
        submit={(v) =>
          create.mutateAsync({
            communityId: v.communityId,
            title: v.title,
            description: v.description,
            posts: v.postTitle ? [{ title: v.postTitle, slots: v.slots ?? 5, pointsPerHour: v.pointsPerHour ?? 10 }] : [],
          })
        }
      >
        <Form.Item name="communityId" label={t('partyReporting.col.community')} rules={[{ required: true }]}>
          <Select options={managed.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="title" label={t('partyReporting.col.project')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('partyReporting.col.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="postTitle" label={t('partyReporting.projectsPage.firstPost')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space>
          <Form.Item name="slots" label={t('partyReporting.col.slots')}>
            <InputNumber min={1} max={500} precision={0} />
          </Form.Item>
          <Form.Item name="pointsPerHour" label={t('partyReporting.col.pointsPerHour')}>
            <InputNumber min={0} max={1000} precision={0} />
          </Form.Item>
        </Space>
      </FormModal>
    </>
  );
}
