import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { useCompoundOpinions } from '../api.ts';
import './opinions-h5.css';

/** For the resident home: the latest public posts of my compound, with their "me too" counts. */
export function RecentOpinionsSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useCompoundOpinions({ page: 1, pageSize: 3 });
  if (!q.data) return null;
  return (
    <section aria-label={t('h5opinion.recent')}>
    <List
      header={
        <span style={{ display: 'flex', justifyContent: 'space-between' }}>
          <span>{t('h5opinion.recent')}</span>
          <Link to="/decide" className="gz-op-section-more">
            {t('h5opinion.recentMore')}
          </Link>
        </span>
      }
    >
      {q.data.items.length === 0 ? (
        <List.Item>
          <span className="gz-op-muted">{t('h5opinion.recentEmpty')}</span>
        </List.Item>
      ) : (
        q.data.items.map((o) => (
          <List.Item
            key={o.id}
            onClick={() => navigate(`/decide/opinions/${o.id}`)}
            description={`${o.authorName}${o.authorPartyBadge ? `（${t('opinion.partyBadge')}）` : ''} · ${formatDate(o.createdAt)} · ${t('opinion.meTooCount', { count: o.meTooCount })}`}
            extra={t(`opinion.status.${o.status}`)}
          >
            {o.title}
          </List.Item>
        ))
      )}
    </List>
    </section>
  );
}
