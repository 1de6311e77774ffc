import { App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, QRCode, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Attendee, download, useActivity, useCancel, useMark, useOpenSignIn } from '../api.ts';

/**
 * One activity: its details; for its managers the sign-in (开启签到 → a 6-digit code shown big with a QR code to the
 * H5 sign-in page; reopening replaces it), attendance by hand (出席 / 请假 with a reason) and cancelling with a reason.
 */
export function ActivityPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { id = '' } = useParams();
  const activity = useActivity(id);
  const open = useOpenSignIn(id);
  const mark = useMark(id);
  const cancel = useCancel(id);
  const [minutes, setMinutes] = useState(30);
  const [excusing, setExcusing] = useState<Attendee | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const openSignIn = (reopen: boolean) =>
    modal.confirm({
      title: reopen ? t('partyActivities.detail.reopenSignIn') : t('partyActivities.detail.openSignIn'),
      content: t('partyActivities.detail.openConfirm'),
      okText: t('partyActivities.detail.openOk'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await open.mutateAsync(minutes);
        } catch (err) {
          void message.error((err as Error).message);
        }
      },
    });

  return (
    <QueryView query={activity}>
      {(a) => {
        const live = a.status === 'scheduled' && a.canManage;
        const columns: TableColumnsType<Attendee> = [
          { title: t('partyActivities.col.name'), dataIndex: 'personName' },
          { title: t('partyActivities.col.membership'), dataIndex: 'membership', render: (v: Attendee['membership']) => t(`partyActivities.membership.${v}`) },
          {
            title: t('partyActivities.col.status'),
            dataIndex: 'status',
            render: (v: Attendee['status']) => <Tag color={v === 'present' ? 'green' : v === 'excused' ? 'gold' : 'default'}>{t(`partyActivities.attendance.${v}`)}</Tag>,
          },
          { title: t('partyActivities.col.signedInAt'), dataIndex: 'signedInAt', render: (v: string | null) => formatDateTime(v) },
          { title: t('partyActivities.col.via'), dataIndex: 'via', render: (v: Attendee['via']) => (v ? t(`partyActivities.via.${v}`) : '') },
          { title: t('partyActivities.col.reason'), dataIndex: 'excuseReason' },
          ...(live
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: Attendee) => (
                    <Space>
                      {r.status !== 'present' && (
                        <Button
                          size="small"
                          onClick={async () => {
                            await mark.mutateAsync({ attendeeId: r.id, status: 'present' });
                            void message.success(t('partyActivities.detail.marked'));
                          }}
                        >
                          {t('partyActivities.detail.markPresent')}
                        </Button>
                      )}
                      {r.status !== 'excused' && (
                        <Button size="small" onClick={() => setExcusing(r)}>
                          {t('partyActivities.detail.markExcused')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ];
        const link = a.signIn ? `${window.location.origin}/h5/party/activities/sign-in?code=${a.signIn.code}` : '';
        return (
          <>
            <PageHeader
              title={a.title}
              tags={
                <Space>
                  <Tag color="red">{t(`partyActivities.kind.${a.kind}`)}</Tag>
                  <Tag color={a.status === 'cancelled' ? 'default' : 'green'}>{t(`partyActivities.status.${a.status}`)}</Tag>
                </Space>
              }
              extra={
                <Space wrap>
                  <Link to="/party/activities">{t('partyActivities.page.back')}</Link>
                  <Button onClick={() => void download(`/api/party/activities/${a.id}/attendees.xlsx`, {}, `${a.title}.xlsx`).catch((err: Error) => message.error(err.message))}>
                    {t('partyActivities.detail.exportSheet')}
                  </Button>
                  {live && (
                    <Button danger onClick={() => setCancelling(true)}>
                      {t('partyActivities.detail.cancel')}
                    </Button>
                  )}
                </Space>
              }
            />
            {a.status === 'cancelled' && <Typography.Paragraph type="danger">{t('partyActivities.detail.cancelled', { reason: a.cancelReason })}</Typography.Paragraph>}
            <Card style={{ marginBottom: 16 }}>
              <Descriptions column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('partyActivities.col.branch')}>{a.branchName}</Descriptions.Item>
                <Descriptions.Item label={t('partyActivities.col.venue')}>{a.venue}</Descriptions.Item>
                <Descriptions.Item label={t('partyActivities.form.startsAt')}>{formatDateTime(a.startsAt)}</Descriptions.Item>
                <Descriptions.Item label={t('partyActivities.form.endsAt')}>{formatDateTime(a.endsAt)}</Descriptions.Item>
                <Descriptions.Item label={t('partyActivities.detail.agenda')} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{a.agenda}</span>
                </Descriptions.Item>
              </Descriptions>
            </Card>
            {live && (
              <Card title={t('partyActivities.detail.code')} style={{ marginBottom: 16 }}>
                <Flex gap={24} wrap align="center">
                  {a.signIn && (
                    <>
                      <div>
                        <div data-testid="sign-in-code" style={{ fontSize: 56, fontWeight: 700, letterSpacing: 12, fontFamily: 'monospace' }}>
                          {a.signIn.code}
                        </div>
                        <Typography.Text type="secondary">{t('partyActivities.detail.expiresAt', { at: formatDateTime(a.signIn.expiresAt) })}</Typography.Text>
                        <br />
                        <Typography.Text type="secondary">{t('partyActivities.detail.scan')}</Typography.Text>
                      </div>
                      <QRCode value={link} size={180} />
                    </>
                  )}
                  <Space wrap>
                    <span>{t('partyActivities.detail.minutes')}</span>
                    <InputNumber aria-label={t('partyActivities.detail.minutes')} min={5} max={240} value={minutes} onChange={(v) => setMinutes(v ?? 30)} />
                    <Button type="primary" loading={open.isPending} onClick={() => openSignIn(!!a.signIn)}>
                      {a.signIn ? t('partyActivities.detail.reopenSignIn') : t('partyActivities.detail.openSignIn')}
                    </Button>
                  </Space>
                </Flex>
              </Card>
            )}
            <Card title={`${t('partyActivities.detail.attendees')} · ${t('partyActivities.detail.counts', a.counts)}`}>
              <Table rowKey="id" size="small" columns={columns} dataSource={a.attendees} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} />
            </Card>
            {excusing && (
              <FormModal<{ reason: string }>
                title={`${t('partyActivities.detail.markExcused')} · ${excusing.personName}`}
                open
                onClose={() => setExcusing(null)}
                submit={(v) => mark.mutateAsync({ attendeeId: excusing.id, status: 'excused', reason: v.reason })}
              >
                <Form.Item name="reason" label={t('partyActivities.detail.excuseReason')} rules={[{ required: true, max: 200 }]}>
                  <Input maxLength={200} />
                </Form.Item>
              </FormModal>
            )}
            {cancelling && (
              <FormModal<{ reason: string }>
                title={t('partyActivities.detail.cancelConfirm')}
                open
                okText={t('partyActivities.detail.cancel')}
                onClose={() => setCancelling(false)}
                submit={(v) => cancel.mutateAsync(v.reason)}
              >
                <Form.Item name="reason" label={t('partyActivities.detail.cancelReason')} rules={[{ required: true, max: 200 }]}>
                  <Input maxLength={200} />
                </Form.Item>
              </FormModal>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
