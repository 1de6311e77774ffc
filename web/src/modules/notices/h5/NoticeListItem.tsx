import { List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import type { MyNoticeRow } from '../api.ts';

const CATEGORY_COLOR = { policy: 'primary', announcement: 'default', meeting: '#7b3fb3', emergency: 'danger' } as const;

/** One notice in a resident's list: unread dot and title, then pinned, category, who and when. */
export function NoticeListItem({ notice: n }: { notice: MyNoticeRow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <List.Item
      className={n.read ? undefined : 'gz-ntc-unread'}
      onClick={() => navigate(`/notices/${n.id}`)}
      description={
        <span className="gz-ntc-desc">
          {n.pinned && (
            <Tag color="danger" fill="solid">
              {t('h5notice.pinned')}
            </Tag>
          )}
          <Tag color={CATEGORY_COLOR[n.category]} fill="outline">
            {t(`notice.category.${n.category}`)}
          </Tag>
          <span>{t('h5notice.from', { issuer: n.issuer, date: formatDate(n.publishedAt ?? n.validFrom) })}</span>
        </span>
      }
      arrowIcon
    >
      <span className="gz-ntc-title">
        {!n.read && <span className="gz-ntc-dot" role="img" aria-label={t('h5notice.unread')} />}
        <span>{n.title}</span>
      </span>
    </List.Item>
  );
}
