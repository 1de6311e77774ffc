import { Button, Empty, Form, Input, Modal, Popconfirm, Result, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format.ts';
import { type ReportStatus, useDecide, useMemberReports, useOrgReports } from '../api.ts';
import { StatusTag } from './labels.tsx';

interface Row {
  key: string;
  kind: 'org' | 'member';
  id: string;
  who: string;
  communityName: string;
  detail: string;
  reportedAt: string;
  status: ReportStatus;
}

/**
 * 报到审核: the reports waiting for my communities' decision, organisations' and members', oldest first; 确认 asks to
 * confirm (确认报到), 退回 asks for the reason. A row decided here stays with its new status until the page reloads.
 */
export function ReviewTab() {
  const { t } = useTranslation();
  const orgs = useOrgReports({ status: 'pending', pageSize: 200, sort: 'reportedAt', order: 'asc' });
  const members = useMemberReports({ status: 'pending', pageSize: 200, sort: 'reportedAt', order: 'asc' });
  const decide = useDecide();
  const [decided, setDecided] = useState<Record<string, Row>>({});
  const [rejecting, setRejecting] = useState<Row | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const pending: Row[] = [
    ...(orgs.data?.items ?? []).map((r) => ({ key: `org-${r.id}`, kind: 'org' as const, id: r.id, who: r.organisationName, communityName: r.communityName, detail: `${r.contactName} ${r.contactPhone}`, reportedAt: r.reportedAt, status: r.status })),
    ...(members.data?.items ?? []).map((r) => ({ key: `member-${r.id}`, kind: 'member' as const, id: r.id, who: r.memberName, communityName: r.communityName, detail: r.skills, reportedAt: r.reportedAt, status: r.status })),
  ];
  const rows = [...pending.filter((r) => !decided[r.key]), ...Object.values(decided)].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  const run = async (row: Row, decision: 'confirm' | 'reject', reason?: string) => {
    await decide.mutateAsync({ kind: row.kind, id: row.id, decision, reason });
    setDecided((d) => ({ ...d, [row.key]: { ...row, status: decision === 'confirm' ? 'confirmed' : 'rejected' } }));
  };
  const columns: TableColumnsType<Row> = [
    { title: t('partyReporting.col.kind'), key: 'kind', render: (_, r) => <Tag>{t(`partyReporting.kind.${r.kind}`)}</Tag> },
    { title: t('partyReporting.col.who'), dataIndex: 'who' },
    { title: t('partyReporting.col.community'), dataIndex: 'communityName' },
    { title: t('partyReporting.col.detail'), dataIndex: 'detail' },
    { title: t('partyReporting.col.reportedAt'), key: 'reportedAt', render: (_, r) => formatDateTime(r.reportedAt) },
    { title: t('partyReporting.col.status'), key: 'status', render: (_, r) => <StatusTag status={r.status} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.status === 'pending' && (
          <Space>
            <Popconfirm title={t('partyReporting.review.confirmTitle', { who: r.who })} okText={t('partyReporting.review.confirmOk')} onConfirm={() => run(r, 'confirm')}>
              <Button type="link" size="small">
                {t('partyReporting.review.confirm')}
              </Button>
            </Popconfirm>
            <Button type="link" size="small" danger onClick={() => setRejecting(r)}>
              {t('partyReporting.review.reject')}
            </Button>
          </Space>
        ),
    },
  ];
  if (orgs.isError || members.isError) return <Result status="error" title={t('partyReporting.loadFailed')} subTitle={(orgs.error ?? members.error)?.message} />;
  return (
    <>
      <Table<Row>
        rowKey="key"
        columns={columns}
        dataSource={rows}
        loading={orgs.isPending || members.isPending}
        pagination={false}
        locale={{ emptyText: <Empty description={t('partyReporting.review.empty')} /> }}
      />
      <Modal
        open={!!rejecting}
        title={t('partyReporting.review.rejectTitle', { who: rejecting?.who ?? '' })}
        okText={t('partyReporting.review.rejectOk')}
        okButtonProps={{ danger: true, loading: decide.isPending }}
        onCancel={() => setRejecting(null)}
        onOk={async () => {
          const { reason } = await form.validateFields();
          await run(rejecting!, 'reject', reason);
          form.resetFields();
          setRejecting(null);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('partyReporting.review.reason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
