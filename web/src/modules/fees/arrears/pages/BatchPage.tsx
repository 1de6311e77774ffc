import { Card, Descriptions, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../../shared/format.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Batch, useBatch, yuan } from '../api.ts';

type Reminder = Batch['reminders'][number];
const COLOR: Record<string, string> = { sent: 'green', queued: 'blue', sending: 'blue', failed: 'red', skipped: 'default', uncertain: 'orange', cancelled: 'purple' };

/** A reminder batch: each room's reminder and, per recipient and channel, where delivery stands. */
export function BatchPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const batch = useBatch(id);
  const columns: TableColumnsType<Reminder> = [
    { title: t('feesArrears.receipt.room'), dataIndex: 'roomLabel' },
    { title: t('feesArrears.arrears.owed'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesArrears.arrears.months'), dataIndex: 'months', align: 'right' },
    { title: t('feesArrears.batch.reminderStatus'), dataIndex: 'status', render: (v: 'sent' | 'stopped') => <Tag color={v === 'stopped' ? 'purple' : 'green'}>{t(`feesArrears.reminderStatus.${v}`)}</Tag> },
    {
      title: t('feesArrears.batch.recipients'),
      key: 'recipients',
      render: (_, r) =>
        r.recipients.length === 0
          ? t('feesArrears.batch.nobody')
          : r.recipients.map((p, i) => (
              <div key={i}>
                {p.name}：
                {p.channels.map((c) => (
                  <Tag key={c.channel} color={COLOR[c.status]}>
                    {t(`feesArrears.channel.${c.channel}`)} · {t(`feesArrears.delivery.${c.status}`)}
                  </Tag>
                ))}
              </div>
            )),
    },
  ];
  return (
    <QueryView query={batch}>
      {(b) => (
        <>
          <PageHeader title={t('feesArrears.batch.title', { place: b.placeLabel })} extra={<Link to="/fees/arrears">{t('feesArrears.arrears.title')}</Link>} />
          <Card style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('feesArrears.batch.createdAt')}>{formatDateTime(b.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('feesArrears.batch.minBand')}>{t(`feesArrears.band.${b.minBand}`)}</Descriptions.Item>
              <Descriptions.Item label={t('feesArrears.batch.channels')}>{b.channels.map((c) => t(`feesArrears.channel.${c}`)).join('、')}</Descriptions.Item>
              <Descriptions.Item label={t('feesArrears.arrears.rooms')}>{b.rooms}</Descriptions.Item>
              <Descriptions.Item label={t('feesArrears.arrears.owed')}>{yuan(b.amountFen)}</Descriptions.Item>
              <Descriptions.Item label={t('feesArrears.batch.counts')}>
                {Object.entries(b.counts).map(([k, n]) => (
                  <Tag key={k} color={COLOR[k]}>
                    {t(`feesArrears.delivery.${k}`)} {n}
                  </Tag>
                ))}
              </Descriptions.Item>
            </Descriptions>
            <p style={{ color: '#888', marginBottom: 0 }}>{t('feesArrears.batch.stopRule')}</p>
          </Card>
          <Card>
            <Table rowKey="id" size="small" columns={columns} dataSource={b.reminders} pagination={{ pageSize: 20 }} />
          </Card>
        </>
      )}
    </QueryView>
  );
}
