import { Badge, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyNotices, useUnreadCount } from '../api.ts';
import { NoticeListItem } from './NoticeListItem.tsx';
import './notices-h5.css';

/** For the resident home ("what needs me now"): my unread notices, with a count and a way to all of them. */
export function UnreadNoticesSection() {
  const { t } = useTranslation();
  const count = useUnreadCount();
  const unread = useMyNotices({ page: 1, pageSize: 3, unread: 'true' });
  if (count.data === undefined || !unread.data) return null;
  return (
    <section aria-label={t('h5notice.unreadTitle')}>
    <List
      header={
        <span className="gz-ntc-section-head">
          <span>
            {t('h5notice.unreadTitle')} {count.data > 0 && <Badge content={count.data} aria-label={t('h5notice.unreadCount', { count: count.data })} />}
          </span>
          <Link to="/notices" className="gz-ntc-section-more">
            {t('h5notice.all')}
          </Link>
        </span>
      }
    >
      {unread.data.items.length === 0 ? (
        <List.Item>
          <span className="gz-op-muted" style={{ color: 'var(--adm-color-weak)' }}>
            {t('h5notice.allRead')}
          </span>
        </List.Item>
      ) : (
        unread.data.items.map((n) => <NoticeListItem key={n.id} notice={n} />)
      )}
    </List>
    </section>
  );
}
