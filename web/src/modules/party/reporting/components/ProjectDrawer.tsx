import { Button, Descriptions, Drawer, Form, Input, InputNumber, Popconfirm, Result, Select, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { type PostRow, useAddPost, useCloseProject, useProject, useUpdatePost } from '../api.ts';

type PostValues = { title: string; description?: string; slots: number; pointsPerHour: number; status?: 'open' | 'closed' };

/** A project: its posts (claims against slots this year, add and edit), the organisations and members that claimed it; 结束项目. */
export function ProjectDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const project = useProject(id);
  const addPost = useAddPost();
  const updatePost = useUpdatePost();
  const close = useCloseProject();
  const [editing, setEditing] = useState<PostRow | 'new' | null>(null);
  const p = project.data;
  return (
    <Drawer open={!!id} onClose={onClose} width={760} title={p?.title ?? t('partyReporting.col.project')}>
      {project.isPending ? (
        <Spin />
      ) : project.isError ? (
        <Result status="error" title={t('partyReporting.loadFailed')} subTitle={project.error.message} />
      ) : (
        p && (
          <>
            <Descriptions column={2} size="small">
              <Descriptions.Item label={t('partyReporting.col.community')}>{p.communityName}</Descriptions.Item>
              <Descriptions.Item label={t('partyReporting.col.place')}>{p.placeName}</Descriptions.Item>
              <Descriptions.Item label={t('partyReporting.col.status')}>
                <Tag color={p.status === 'open' ? 'green' : 'default'}>{t(`partyReporting.projectStatus.${p.status}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('partyReporting.col.createdAt')}>{formatDate(p.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('partyReporting.col.description')} span={2}>
                {p.description}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>
              {t('partyReporting.posts.title', { year: p.year })}{' '}
              {p.canManage && p.status === 'open' && (
                <Button size="small" onClick={() => setEditing('new')}>
                  {t('partyReporting.posts.add')}
                </Button>
              )}
            </Typography.Title>
            <Table<PostRow>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.posts}
              columns={[
                { title: t('partyReporting.col.post'), dataIndex: 'title' },
                { title: t('partyReporting.col.slots'), key: 'slots', render: (_, r) => `${r.claimed} / ${r.slots}` },
                { title: t('partyReporting.col.pointsPerHour'), dataIndex: 'pointsPerHour', align: 'right' },
                { title: t('partyReporting.col.status'), key: 'status', render: (_, r) => <Tag>{t(`partyReporting.postStatus.${r.status}`)}</Tag> },
                ...(p.canManage
                  ? [{ title: t('common.actions'), key: 'a', render: (_: unknown, r: PostRow) => <Button type="link" size="small" onClick={() => setEditing(r)}>{t('common.edit')}</Button> }]
                  : []),
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('partyReporting.tab.orgClaims')}
            </Typography.Title>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.orgClaims}
              locale={{ emptyText: t('partyReporting.page.noClaims') }}
              columns={[
                { title: t('partyReporting.col.organisation'), dataIndex: 'organisationName' },
                { title: t('partyReporting.col.year'), dataIndex: 'year' },
                { title: t('partyReporting.col.claimedAt'), key: 'at', render: (_, r) => formatDate(r.claimedAt) },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('partyReporting.tab.memberClaims')}
            </Typography.Title>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.memberClaims}
              locale={{ emptyText: t('partyReporting.page.noClaims') }}
              columns={[
                { title: t('partyReporting.col.member'), dataIndex: 'memberName' },
                { title: t('partyReporting.col.post'), dataIndex: 'postTitle' },
                { title: t('partyReporting.col.claimedAt'), key: 'at', render: (_, r) => formatDate(r.claimedAt) },
              ]}
            />
            {p.canManage && p.status === 'open' && (
              <Popconfirm title={t('partyReporting.closeProject.title')} okText={t('partyReporting.closeProject.ok')} okButtonProps={{ danger: true }} onConfirm={() => close.mutateAsync(p.id)}>
                <Button danger style={{ marginTop: 16 }}>
                  {t('partyReporting.closeProject.button')}
                </Button>
              </Popconfirm>
            )}
          </>
        )
      )}
      <FormModal<PostValues>
        title={editing === 'new' ? t('partyReporting.posts.add') : t('partyReporting.posts.edit')}
        open={!!editing}
        onClose={() => setEditing(null)}
        initialValues={editing && editing !== 'new' ? editing : { slots: 5, pointsPerHour: 10 }}
        submit={(v) => (editing === 'new' ? addPost.mutateAsync({ ...v, projectId: id! }) : updatePost.mutateAsync({ ...v, id: (editing as PostRow).id }))}
      >
        <Form.Item name="title" label={t('partyReporting.col.post')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('partyReporting.col.description')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="slots" label={t('partyReporting.col.slots')} rules={[{ required: true }]}>
          <InputNumber min={1} max={500} precision={0} />
        </Form.Item>
        <Form.Item name="pointsPerHour" label={t('partyReporting.col.pointsPerHour')} rules={[{ required: true }]} extra={t('partyReporting.posts.pointsHelp')}>
          <InputNumber min={0} max={1000} precision={0} />
        </Form.Item>
        {editing !== 'new' && (
          <Form.Item name="status" label={t('partyReporting.col.status')}>
            <Select options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`partyReporting.postStatus.${s}`) }))} />
          </Form.Item>
        )}
      </FormModal>
    </Drawer>
  );
}
