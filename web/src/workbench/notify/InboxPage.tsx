import { Alert, App, Button, Card, Descriptions, Flex, Select, Space, Switch, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import { useListParams } from '../../shared/list-params.ts';
import {
  type Message,
  minutesToClock,
  useAllowWechat,
  useBindWechat,
  useInbox,
  useMarkRead,
  useNotifySettings,
  useSaveNotifySettings,
} from '../../shared/notify-api.ts';
import { optionsOf, StatusSwitch } from '../components/FilterBar.tsx';
import { ListCard } from '../components/ListCard.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { useOpenMessage } from './NotificationBell.tsx';

const FILTERS = ['show'] as const;
const SHOW = ['all', 'unread'] as const;

/** Everything the signed-in official was told, and how they want to be reached. */
export function InboxPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('menu.inbox')} />
      <Tabs
        items={[
          { key: 'messages', label: t('notify.title'), children: <Messages /> },
          { key: 'settings', label: t('notify.settings'), children: <NotifySettingsCard /> },
        ]}
      />
    </>
  );
}

function Messages() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const unreadOnly = list.filters.show === 'unread';
  const inbox = useInbox({ ...list.query, unread: unreadOnly || undefined });
  const markRead = useMarkRead();
  const open = useOpenMessage();
  const columns: TableColumnsType<Message> = [
    {
      title: t('notify.content'),
      dataIndex: 'title',
      render: (title: string, m) => (
        <Space direction="vertical" size={0}>
          <Flex gap={6} align="center">
            {!m.readAt && <Tag color="volcano">{t('notify.unreadOnly')}</Tag>}
            {m.urgent && <Tag color="red">{t('notify.urgent')}</Tag>}
            <Typography.Link strong={!m.readAt} onClick={() => open(m)}>
              {title}
            </Typography.Link>
          </Flex>
          <Typography.Text type="secondary">{m.body}</Typography.Text>
        </Space>
      ),
    },
    { title: t('notify.sentAt'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <ListCard
      list={list}
      query={inbox}
      columns={columns}
      empty={unreadOnly ? t('notify.noneUnread') : t('notify.none')}
      title={inbox.data ? t('notify.unread', { count: inbox.data.unread }) : undefined}
    >
      <StatusSwitch list={list} field="show" label={t('notify.title')} options={optionsOf(SHOW, (s) => t(s === 'all' ? 'notify.all' : 'notify.unreadOnly'))} />
      <Button disabled={!inbox.data?.unread} loading={markRead.isPending} onClick={() => markRead.mutate('all')}>
        {t('notify.readAll')}
      </Button>
    </ListCard>
  );
}

/** Half-hour steps are enough for quiet hours, and a list is easier than a clock face. */
const SLOTS = Array.from({ length: 48 }, (_, i) => i * 30);

/** The same settings a resident has on the H5: channels, quiet hours, WeChat. */
function NotifySettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useNotifySettings();
  const save = useSaveNotifySettings();
  const bind = useBindWechat();
  const allow = useAllowWechat();
  return (
    <Card>
      <QueryView query={settings}>
        {(s) => {
          const put = (patch: Partial<{ mutedChannels: ('sms' | 'wechat')[]; quietStart: number | null; quietEnd: number | null }>) =>
            save.mutate(
              { mutedChannels: s.mutedChannels.filter((c): c is 'sms' | 'wechat' => c !== 'inbox'), quietStart: s.quietStart, quietEnd: s.quietEnd, ...patch },
              { onSuccess: () => void message.success(t('notify.saved')), onError: (e) => void message.error(e.message) },
            );
          const toggle = (channel: 'sms' | 'wechat', on: boolean) => {
            const muted = s.mutedChannels.filter((c): c is 'sms' | 'wechat' => c === 'sms' || c === 'wechat');
            put({ mutedChannels: on ? muted.filter((c) => c !== channel) : [...muted, channel] });
          };
          const slot = (value: number | null, onChange: (v: number | null) => void, label: string) => (
            <Select
              aria-label={label}
              allowClear
              placeholder={t('notify.quietOff')}
              style={{ width: 120 }}
              value={value}
              onChange={(v) => onChange(v ?? null)}
              options={SLOTS.map((m) => ({ value: m, label: minutesToClock(m) }))}
            />
          );
          return (
            <Descriptions column={1} bordered size="middle" labelStyle={{ width: 180 }}>
              <Descriptions.Item label={t('notify.channel.inbox')}>{t('notify.inboxAlways')}</Descriptions.Item>
              <Descriptions.Item label={t('notify.channel.sms')}>
                <Space>
                  <Switch checked={!s.mutedChannels.includes('sms')} onChange={(on) => toggle('sms', on)} aria-label={t('notify.channel.sms')} />
                  <Typography.Text type="secondary">{t('notify.smsHint')}</Typography.Text>
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('notify.channel.wechat')}>
                <Space direction="vertical">
                  <Space>
                    <Switch checked={!s.mutedChannels.includes('wechat')} onChange={(on) => toggle('wechat', on)} aria-label={t('notify.channel.wechat')} />
                    <Typography.Text type="secondary">{t('notify.wechatHint')}</Typography.Text>
                  </Space>
                  {s.wechat.bound ? (
                    <>
                      <Tag color="green">{t('notify.wechatBound')}</Tag>
                      <Typography.Text type="secondary">{t('notify.wechatAllowHint')}</Typography.Text>
                      {s.wechatTemplates.map((w) => (
                        <Flex key={w.key} gap={8} align="center">
                          <span style={{ minWidth: 140 }}>{w.label}</span>
                          <Typography.Text type="secondary">{t('notify.wechatAllowed', { count: w.allowed })}</Typography.Text>
                          <Button size="small" loading={allow.isPending} onClick={() => allow.mutate([w.key])}>
                            {t('notify.wechatAllow')}
                          </Button>
                        </Flex>
                      ))}
                    </>
                  ) : (
                    <Space>
                      <Tag>{t('notify.wechatUnbound')}</Tag>
                      <Button size="small" loading={bind.isPending} onClick={() => bind.mutate(undefined, { onError: (e) => void message.error(e.message) })}>
                        {t('notify.wechatBind')}
                      </Button>
                    </Space>
                  )}
                  {s.wechat.provider === 'sandbox' && <Alert type="info" showIcon message={t('notify.wechatSandbox')} />}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('notify.quiet')}>
                <Space direction="vertical">
                  <Space>
                    {slot(s.quietStart, (v) => put({ quietStart: v, quietEnd: v === null ? null : (s.quietEnd ?? 7 * 60) }), t('notify.quietStart'))}
                    <span>—</span>
                    {slot(s.quietEnd, (v) => put({ quietEnd: v, quietStart: v === null ? null : (s.quietStart ?? 22 * 60) }), t('notify.quietEnd'))}
                  </Space>
                  <Typography.Text type="secondary">{t('notify.quietHint')}</Typography.Text>
                </Space>
              </Descriptions.Item>
            </Descriptions>
          );
        }}
      </QueryView>
    </Card>
  );
}
