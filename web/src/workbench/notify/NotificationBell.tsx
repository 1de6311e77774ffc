import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../shared/format.ts';
import { type Message, useInbox, useMarkRead, useUnread } from '../../shared/notify-api.ts';

/** Opens a message's link: a workbench path in place, an H5 path (a message meant for a resident) in the H5. */
export function useOpenMessage() {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return (m: Message) => {
    if (!m.readAt) markRead.mutate({ id: m.id });
    if (!m.link) return;
    if (m.link.startsWith('/h5/')) window.location.assign(m.link);
    else navigate(m.link);
  };
}

/** The header's bell: the unread count (polled), and the latest messages a click away. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnread();
  const latest = useInbox({ page: 1, pageSize: 6 });
  const openMessage = useOpenMessage();
  const markRead = useMarkRead();
  const count = unread.data ?? 0;

  const content = (
    <div className="gz-bell-panel">
      <List
        size="small"
        dataSource={latest.data?.items ?? []}
        loading={latest.isLoading}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.none')} /> }}
        renderItem={(m) => (
          <List.Item
            className="gz-message"
            onClick={() => {
              setOpen(false);
              openMessage(m);
            }}
          >
            <List.Item.Meta
              title={
                <Flex gap={6} align="center">
                  {!m.readAt && <span className="gz-unread-dot" aria-label={t('notify.unreadOnly')} />}
                  {m.urgent && <Tag color="red">{t('notify.urgent')}</Tag>}
                  <Typography.Text strong={!m.readAt} ellipsis>
                    {m.title}
                  </Typography.Text>
                </Flex>
              }
              description={
                <>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} type="secondary" style={{ marginBottom: 0 }}>
                    {m.body}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">{formatDateTime(m.at)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Flex justify="space-between" className="gz-bell-footer">
        <Button type="link" size="small" disabled={count === 0} loading={markRead.isPending} onClick={() => markRead.mutate('all')}>
          {t('notify.readAll')}
        </Button>
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            navigate('/inbox');
          }}
        >
          {t('notify.viewAll')}
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover content={content} title={t('notify.bell')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button type="text" aria-label={count ? `${t('notify.bell')}，${t('notify.unread', { count })}` : t('notify.bell')}>
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
