import { App, Button, Form, Input, Modal, Popconfirm, Space, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SKILLS, VOLUNTEER_STATUSES, type VolunteerStatus } from '#server/modules/volunteers/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, useReview, useVolunteers, type VolunteerRow } from '../api.ts';
import '../i18n.ts';

const FILTERS = ['q', 'status', 'skill'] as const;
export const STATUS_COLOR: Record<VolunteerStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red', suspended: 'default' };

/** 志愿者: the volunteers of my places — search by name, filter by status and skill, sort, page, export; approve, reject with a reason, suspend, restore. */
export function VolunteersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const volunteers = useVolunteers(query);
  const review = useReview();
  const [rejecting, setRejecting] = useState<VolunteerRow | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const run = (r: VolunteerRow, verb: 'approve' | 'reject' | 'suspend' | 'restore', reason?: string) =>
    review.mutateAsync({ id: r.id, verb, reason }).then(
      () => void message.success(t(`volRegistry.review.done.${verb}`, { name: r.personName })),
      (e: Error) => void message.error(e.message),
    );

  const columns: TableColumnsType<VolunteerRow> = [
    { title: t('volRegistry.col.name'), dataIndex: 'personName', key: 'name', sorter: true },
    { title: t('volRegistry.col.phone'), dataIndex: 'phoneMasked' },
    { title: t('volRegistry.col.place'), dataIndex: 'placeName', key: 'place', sorter: true },
    { title: t('volRegistry.col.skills'), dataIndex: 'skills', render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>) },
    { title: t('volRegistry.col.availability'), dataIndex: 'availability', ellipsis: true },
    { title: t('volRegistry.col.hours'), dataIndex: 'minutes', render: (v: number) => (Math.round((v * 10) / 60) / 10).toFixed(1) },
    { title: t('volRegistry.col.balance'), dataIndex: 'balance' },
    { title: t('volRegistry.col.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
    {
      title: t('volRegistry.col.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      render: (v: VolunteerStatus, r) => {
        const tag = <Tag color={STATUS_COLOR[v]}>{t(`volRegistry.status.${v}`)}</Tag>;
        return r.rejectReason ? <Tooltip title={r.rejectReason}>{tag}</Tooltip> : tag;
      },
    },
    {
      title: t('volRegistry.col.actions'),
      key: 'actions',
      render: (_, r) =>
        r.canManage && (
          <Space size="small" wrap>
            {r.status === 'pending' && (
              <>
                <Popconfirm title={t('volRegistry.review.approveConfirm', { name: r.personName })} okText={t('volRegistry.review.ok')} cancelText={t('volRegistry.review.cancel')} onConfirm={() => run(r, 'approve')}>
                  <Button size="small" type="primary">
                    {t('volRegistry.review.approve')}
                  </Button>
                </Popconfirm>
                <Button size="small" danger onClick={() => (form.resetFields(), setRejecting(r))}>
                  {t('volRegistry.review.reject')}
                </Button>
              </>
            )}
            {r.status === 'approved' && (
              <Popconfirm title={t('volRegistry.review.suspendConfirm', { name: r.personName })} okText={t('volRegistry.review.ok')} cancelText={t('volRegistry.review.cancel')} onConfirm={() => run(r, 'suspend')}>
                <Button size="small">{t('volRegistry.review.suspend')}</Button>
              </Popconfirm>
            )}
            {r.status === 'suspended' && (
              <Popconfirm title={t('volRegistry.review.restoreConfirm', { name: r.personName })} okText={t('volRegistry.review.ok')} cancelText={t('volRegistry.review.cancel')} onConfirm={() => run(r, 'restore')}>
                <Button size="small">{t('volRegistry.review.restore')}</Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('volRegistry.page.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            <Link to="/volunteers/registry/share">
              <Button>{t('volRegistry.page.share')}</Button>
            </Link>
            <Link to="/volunteers/teams">
              <Button>{t('volRegistry.page.teams')}</Button>
            </Link>
            <Link to="/volunteers/rewards">
              <Button>{t('volRegistry.page.rewards')}</Button>
            </Link>
            <ExportButton
              total={volunteers.data?.total ?? 0}
              limit={20000}
              i18nPrefix="volRegistry.page"
              run={() => download('/api/volunteers/registry/export.xlsx', query, `${t('volRegistry.page.title')}.xlsx`)}
            />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={volunteers}
        columns={columns}
        search={{ label: t('volRegistry.page.search') }}
        selects={[
          { field: 'status', label: t('volRegistry.col.status'), options: optionsOf(VOLUNTEER_STATUSES, (s) => t(`volRegistry.status.${s}`)) },
          { field: 'skill', label: t('volRegistry.col.skills'), options: SKILLS.map((s) => ({ value: s, label: s })) },
        ]}
        empty={{ none: t('volRegistry.page.none'), noMatch: t('volRegistry.page.noMatch') }}
      />
      <Modal
        open={!!rejecting}
        title={t('volRegistry.review.rejectTitle', { name: rejecting?.personName ?? '' })}
        okText={t('volRegistry.review.reject')}
        okButtonProps={{ danger: true, loading: review.isPending }}
        cancelText={t('volRegistry.review.cancel')}
        onCancel={() => setRejecting(null)}
        onOk={() =>
          form.validateFields().then(({ reason }) => {
            const r = rejecting!;
            return run(r, 'reject', reason.trim()).then(() => setRejecting(null));
          })
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('volRegistry.review.reason')} rules={[{ required: true, whitespace: true, message: t('volRegistry.review.reasonRequired') }, { max: 200 }]}>
            <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('volRegistry.review.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
