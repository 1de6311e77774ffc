import { Badge, Button, DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { SetOutline } from 'antd-mobile-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../shared/format.ts';
import { type Message, useInbox, useMarkRead } from '../../shared/notify-api.ts';
import { BackTitle } from '../BackTitle.tsx';

const PAGE = 20;

/** 我的消息: what the resident was told (notices, repair progress, answers), newest first; a tap opens it. */
export function MessagesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pages, setPages] = useState(1);
  const inbox = useInbox({ page: 1, pageSize: PAGE * pages });
  const markRead = useMarkRead();
  const [items, setItems] = useState<Message[]>([]);
  useEffect(() => {
    if (inbox.data) setItems(inbox.data.items);
  }, [inbox.data]);

  const open = (m: Message) => {
    if (!m.readAt) markRead.mutate({ id: m.id });
    // Links are H5 paths (/h5/…); the router's base is /h5.
    if (m.link?.startsWith('/h5/')) navigate(m.link.slice(3));
  };

  return (
    <>
      <BackTitle fallback="/me">{t('notify.title')}</BackTitle>
      <div className="gz-messages-tools">
        <Button size="small" fill="none" disabled={!inbox.data?.unread} loading={markRead.isPending} onClick={() => markRead.mutate('all')}>
          {t('notify.readAll')}
        </Button>
        <Button size="small" fill="none" onClick={() => navigate('/messages/settings')}>
          <SetOutline aria-hidden /> {t('notify.settings')}
        </Button>
      </div>
      {inbox.isError ? (
        <ErrorBlock status="default" title={inbox.error.message} description={<Button onClick={() => void inbox.refetch()}>{t('common.retry')}</Button>} />
      ) : inbox.isPending ? (
        <div className="gz-padded">
          <DotLoading />
        </div>
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t('notify.none')} description="" />
      ) : (
        <>
          <List>
            {items.map((m) => (
              <List.Item
                key={m.id}
                onClick={() => open(m)}
                arrowIcon={!!m.link}
                prefix={m.readAt ? undefined : <Badge content={Badge.dot} aria-label={t('notify.unreadOnly')} />}
                description={
                  <>
                    <div className="gz-message-body">{m.body}</div>
                    <div className="gz-message-time">{formatDateTime(m.at)}</div>
                  </>
                }
              >
                {m.urgent && (
                  <Tag color="danger" className="gz-message-tag">
                    {t('notify.urgent')}
                  </Tag>
                )}
                <span className={m.readAt ? undefined : 'gz-message-unread'}>{m.title}</span>
              </List.Item>
            ))}
          </List>
          {!!inbox.data && inbox.data.total > items.length && (
            <div className="gz-padded">
              <Button block loading={inbox.isFetching} onClick={() => setPages((p) => p + 1)}>
                {t('notify.more')}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
