import { Descriptions, Drawer, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import { useListParams } from '../../shared/list-params.ts';
import { ListCard } from '../components/ListCard.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { type Channel, type Counts, type DeliveryStatus, type Sending, useSending, useSendings, useTemplates } from './api.ts';

const FILTERS = ['q', 'template'] as const;
const CHANNELS: Channel[] = ['inbox', 'sms', 'wechat'];
const STATUS_COLOR: Record<DeliveryStatus, string> = {
  queued: 'processing',
  sending: 'processing',
  sent: 'success',
  failed: 'error',
  skipped: 'default',
  uncertain: 'warning',
};

/** "短信 12/15": delivered of all, per channel the sending used. */
function Delivery({ counts, channels }: { counts: Counts; channels: Channel[] }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {CHANNELS.filter((c) => channels.includes(c)).map((c) => {
        const byStatus = counts[c] ?? {};
        const all = Object.values(byStatus).reduce((a, b) => a + (b ?? 0), 0);
        const sent = byStatus.sent ?? 0;
        const pending = (byStatus.queued ?? 0) + (byStatus.sending ?? 0);
        // Red: something failed; blue: still on its way; green: all delivered; grey: the rest were not sendable.
        const color = byStatus.failed ? 'error' : pending ? 'processing' : sent === all ? 'success' : 'default';
        return (
          <Tag key={c} color={color}>
            {t(`notify.channel.${c}`)} {sent}/{all}
          </Tag>
        );
      })}
    </Flex>
  );
}

/** What was sent in the official's places: kind, content, reach and how each channel delivered. */
export function SendingsPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const sendings = useSendings(list.query);
  const templates = useTemplates();
  const [open, setOpen] = useState<string | null>(null);
  const columns: TableColumnsType<Sending> = [
    { title: t('notify.sentAt'), dataIndex: 'createdAt', sorter: true, width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('notify.kind'), dataIndex: 'template', sorter: true, render: (_: string, s) => s.label },
    {
      title: t('notify.content'),
      dataIndex: 'title',
      render: (title: string, s) => (
        <Flex gap={6} align="center">
          {s.urgent && <Tag color="red">{t('notify.urgent')}</Tag>}
          <Typography.Link onClick={() => setOpen(s.id)}>{title}</Typography.Link>
        </Flex>
      ),
    },
    { title: t('notify.place'), dataIndex: 'placeLabel', render: (v: string | null, s) => v || s.placeName },
    { title: t('notify.recipients'), dataIndex: 'recipients', sorter: true, align: 'right' },
    { title: t('notify.delivery'), key: 'delivery', render: (_, s) => <Delivery counts={s.counts} channels={s.channels} /> },
    { title: t('notify.sender'), dataIndex: 'createdBy', render: (v: string | null) => v ?? t('notify.system') },
  ];
  return (
    <>
      <PageHeader title={t('menu.sendings')} />
      <ListCard
        list={list}
        query={sendings}
        columns={columns}
        empty={{ none: t('notify.noneSent'), noMatch: t('common.noMatch') }}
        intro={<Typography.Paragraph type="secondary">{t('notify.sendingsIntro')}</Typography.Paragraph>}
        search={{ label: t('notify.searchSendings') }}
        selects={[{ field: 'template', label: t('notify.kind'), width: 200, options: (templates.data?.items ?? []).map((x) => ({ value: x.key, label: x.label })) }]}
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} width={560} title={t('notify.delivery')} destroyOnHidden>
        {open && <SendingDetailView id={open} />}
      </Drawer>
    </>
  );
}

function SendingDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const sending = useSending(id);
  return (
    <QueryView query={sending}>
      {(s) => (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('notify.kind')}>{s.label}</Descriptions.Item>
            <Descriptions.Item label={t('notify.content')}>{s.title}</Descriptions.Item>
            <Descriptions.Item label={t('notify.place')}>{s.placeName}</Descriptions.Item>
            <Descriptions.Item label={t('notify.sentAt')}>{formatDateTime(s.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('notify.sender')}>{s.createdBy ?? t('notify.system')}</Descriptions.Item>
            <Descriptions.Item label={t('notify.recipients')}>{s.recipients}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            pagination={false}
            rowKey="channel"
            dataSource={s.channels.map((c) => ({ channel: c, ...(s.counts[c] ?? {}) }))}
            columns={[
              { title: t('notify.channels'), dataIndex: 'channel', render: (c: Channel) => t(`notify.channel.${c}`) },
              ...(['sent', 'queued', 'skipped', 'failed', 'uncertain'] as const).map((st) => ({
                title: t(`notify.status.${st}`),
                dataIndex: st,
                align: 'right' as const,
                render: (n: number | undefined) => n ?? 0,
              })),
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('notify.undelivered')}
          </Typography.Title>
          {s.undelivered.length === 0 ? (
            <Typography.Text type="secondary">{t('notify.allDelivered')}</Typography.Text>
          ) : (
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={s.undelivered}
              columns={[
                { title: t('notify.recipients'), dataIndex: 'name' },
                { title: t('notify.channels'), dataIndex: 'channel', render: (c: Channel) => t(`notify.channel.${c}`) },
                { title: t('notify.delivery'), dataIndex: 'status', render: (st: DeliveryStatus) => <Tag color={STATUS_COLOR[st]}>{t(`notify.status.${st}`)}</Tag> },
                { title: '', dataIndex: 'error', render: (e: string | null) => (e ? t(`notify.reason.${e}`, { defaultValue: e }) : '') },
              ]}
            />
          )}
        </Flex>
      )}
    </QueryView>
  );
}
