import { App, Button, Card, DatePicker, Descriptions, Form, Input, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { download, type Signup, useActivity, useCancel, useConfirm, useRecord } from '../api.ts';
import { statusColor } from './ActivitiesPage.tsx';

/**
 * One activity: its details and sign-ups with attendance; for its organisers 显示签到码 (the rotating code on a phone),
 * sign-outs recorded by hand, the hours confirmed (all or one by one, with a confirmation), cancelling with a reason,
 * and each volunteer's certificate.
 */
export function ActivityPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { id = '' } = useParams();
  const activity = useActivity(id);
  const cancel = useCancel(id);
  const confirm = useConfirm(id);
  const record = useRecord(id);
  const [recording, setRecording] = useState<Signup | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const confirmHours = (signupIds: string[] | undefined, text: string) =>
    modal.confirm({
      title: t('volActivities.detail.confirmAll'),
      content: text,
      okText: t('volActivities.detail.confirmOne'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const r = await confirm.mutateAsync(signupIds);
          void message.success(t('volActivities.detail.confirmed', { count: r.confirmed.length }));
        } catch (err) {
          void message.error((err as Error).message);
        }
      },
    });

  return (
    <QueryView query={activity}>
      {(a) => {
        const manage = a.canManage && a.status !== 'cancelled';
        const columns: TableColumnsType<Signup> = [
          { title: t('volActivities.col.name'), dataIndex: 'personName', render: (v: string, r) => (r.status === 'cancelled' ? <Typography.Text delete>{v}</Typography.Text> : v) },
          {
            title: t('volActivities.col.signedInAt'),
            dataIndex: 'signedInAt',
            render: (v: string | null, r) => (v ? `${formatDateTime(v)}（${t(`volActivities.detail.via.${r.signedInVia}`)}）` : ''),
          },
          {
            title: t('volActivities.col.signedOutAt'),
            dataIndex: 'signedOutAt',
            render: (v: string | null, r) =>
              v ? `${formatDateTime(v)}（${t(`volActivities.detail.via.${r.signedOutVia}`)}）` : r.signedInAt ? <Tag color="orange">{t('volActivities.detail.notSignedOut')}</Tag> : '',
          },
          { title: t('volActivities.col.minutes'), dataIndex: 'minutes' },
          { title: t('volActivities.col.points'), dataIndex: 'points' },
          {
            title: t('volActivities.col.confirmed'),
            dataIndex: 'confirmedAt',
            render: (v: string | null, r) => (r.status === 'cancelled' ? t('volActivities.detail.cancelledSignup') : v ? <Tag color="green">{formatDateTime(v)}</Tag> : ''),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: Signup) =>
              r.status === 'signed_up' && (
                <Space wrap>
                  {manage && !r.confirmedAt && (
                    <Button size="small" onClick={() => setRecording(r)}>
                      {t('volActivities.detail.recordOut')}
                    </Button>
                  )}
                  {manage && !r.confirmedAt && r.signedOutAt && (
                    <Button size="small" type="primary" onClick={() => confirmHours([r.id], t('volActivities.detail.confirmOneText', { name: r.personName, minutes: r.minutes }))}>
                      {t('volActivities.detail.confirmOne')}
                    </Button>
                  )}
                  {r.confirmedAt && (
                    <Button
                      size="small"
                      onClick={() =>
                        void download(`/api/volunteers/activities/certificates/${r.volunteerId}`, {}, `${t('volActivities.detail.certificate')}-${r.personName}.pdf`).catch((err: Error) =>
                          message.error(err.message),
                        )
                      }
                    >
                      {t('volActivities.detail.certificate')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ];
        return (
          <>
            <PageHeader
              title={a.title}
              tags={<Tag color={statusColor(a.status)}>{t(`volActivities.status.${a.status}`)}</Tag>}
              extra={
                <Space wrap>
                  <Link to="/volunteers/activities">{t('volActivities.page.back')}</Link>
                  {a.canManage && a.status === 'published' && (
                    <Link to={`/volunteers/activities/${a.id}/code`}>
                      <Button type="primary">{t('volActivities.detail.showCode')}</Button>
                    </Link>
                  )}
                  {manage && (
                    <Button disabled={!a.counts.toConfirm} onClick={() => confirmHours(undefined, t('volActivities.detail.confirmAllText', { count: a.counts.toConfirm }))}>
                      {t('volActivities.detail.confirmAll')}
                    </Button>
                  )}
                  {a.canManage && a.status === 'published' && (
                    <Button danger onClick={() => setCancelling(true)}>
                      {t('volActivities.detail.cancel')}
                    </Button>
                  )}
                </Space>
              }
            />
            {a.status === 'cancelled' && <Typography.Paragraph type="danger">{t('volActivities.detail.cancelled', { reason: a.cancelReason })}</Typography.Paragraph>}
            <Card style={{ marginBottom: 16 }}>
              <Descriptions column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('volActivities.col.place')}>{a.placeName}</Descriptions.Item>
                <Descriptions.Item label={t('volActivities.col.venue')}>{a.venue}</Descriptions.Item>
                <Descriptions.Item label={t('volActivities.col.startsAt')}>{formatDateTime(a.startsAt)}</Descriptions.Item>
                <Descriptions.Item label={t('volActivities.col.endsAt')}>{formatDateTime(a.endsAt)}</Descriptions.Item>
                <Descriptions.Item label={t('volActivities.col.seats')}>{`${a.signedUp}/${a.capacity}`}</Descriptions.Item>
                <Descriptions.Item label={t('volActivities.col.pointsPerHour')}>{a.pointsPerHour}</Descriptions.Item>
                <Descriptions.Item label={t('volActivities.detail.skills')} span={2}>
                  {a.skills.map((s) => (
                    <Tag key={s}>{s}</Tag>
                  ))}
                </Descriptions.Item>
                <Descriptions.Item label={t('volActivities.detail.description')} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{a.description}</span>
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={`${t('volActivities.detail.signups')} · ${t('volActivities.detail.counts', a.counts)}`}>
              <Table rowKey="id" size="small" columns={columns} dataSource={a.signups} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} />
            </Card>
            {recording && (
              <FormModal<{ signedInAt?: Dayjs; signedOutAt: Dayjs }>
                title={t('volActivities.detail.recordTitle', { name: recording.personName })}
                open
                onClose={() => setRecording(null)}
                fieldForCode={{ SIGN_OUT_BEFORE_IN: 'signedOutAt', NOT_SIGNED_IN: 'signedInAt' }}
                submit={async (v) => {
                  const r = await record.mutateAsync({ signupId: recording.id, ...(v.signedInAt ? { signedInAt: v.signedInAt.format() } : {}), signedOutAt: v.signedOutAt.format() });
                  void message.success(t('volActivities.detail.recorded', { minutes: r.minutes }));
                }}
              >
                {!recording.signedInAt && (
                  <Form.Item name="signedInAt" label={t('volActivities.detail.recordIn')} rules={[{ required: true }]}>
                    <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
                  </Form.Item>
                )}
                <Form.Item name="signedOutAt" label={t('volActivities.detail.recordOutAt')} rules={[{ required: true }]}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
                </Form.Item>
              </FormModal>
            )}
            {cancelling && (
              <FormModal<{ reason: string }>
                title={t('volActivities.detail.cancelConfirm')}
                open
                okText={t('volActivities.detail.cancel')}
                onClose={() => setCancelling(false)}
                submit={(v) => cancel.mutateAsync(v.reason)}
              >
                <Form.Item name="reason" label={t('volActivities.detail.cancelReason')} rules={[{ required: true, max: 200 }]}>
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
