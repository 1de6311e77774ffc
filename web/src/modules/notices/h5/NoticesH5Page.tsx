import { Button, DotLoading, ErrorBlock, List, Tabs } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMyNotices, useUnreadCount } from '../api.ts';
import { BackTitle } from '../../../resident/BackTitle.tsx';
import { NoticeListItem } from './NoticeListItem.tsx';
import './notices-h5.css';

const STEP = 20;

/** 公告: every notice that concerns my rooms today, or only the unread ones. */
export function NoticesH5Page() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const unreadOnly = search.get('unread') === '1';
  const [size, setSize] = useState(STEP);
  const unread = useUnreadCount();
  const q = useMyNotices({ page: 1, pageSize: size, unread: unreadOnly ? 'true' : undefined });
  return (
    <>
      <BackTitle fallback="/">{t('h5notice.title')}</BackTitle>
      <Tabs activeKey={unreadOnly ? 'unread' : 'all'} onChange={(k) => setSearch(k === 'unread' ? { unread: '1' } : {}, { replace: true })} style={{ background: '#fff' }}>
        <Tabs.Tab title={t('h5notice.all')} key="all" />
        <Tabs.Tab title={unread.data ? `${t('h5notice.unreadTitle')} (${unread.data})` : t('h5notice.unreadTitle')} key="unread" />
      </Tabs>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message}>
          <Button color="primary" onClick={() => void q.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorBlock>
      ) : q.data.items.length === 0 ? (
        <ErrorBlock
          status="empty"
          fullPage={false}
          title={unreadOnly ? t('h5notice.allRead') : t('h5notice.empty')}
          description={unreadOnly ? undefined : t('h5notice.emptyHint')}
        />
      ) : (
        <>
          <List>
            {q.data.items.map((n) => (
              <NoticeListItem key={n.id} notice={n} />
            ))}
          </List>
          {q.data.items.length < q.data.total && (
            <div className="gz-ntc-more">
              <Button block onClick={() => setSize(size + STEP)} loading={q.isFetching}>
                {t('h5notice.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
