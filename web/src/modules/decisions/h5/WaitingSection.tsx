import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import './i18n.ts';
import { useWaitingDecisions } from './api.ts';
import { daysLeft } from './format.ts';

/** For the resident home ("what needs me now"): the votes waiting for my ballot, soonest deadline first; hidden when none. */
export function WaitingSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const waiting = useWaitingDecisions();
  if (!waiting.data || waiting.data.length === 0) return null;
  return (
    <section aria-label={t('decisionsH5.homeTitle')}>
      <List
        header={
          <span className="gz-ntc-section-head">
            <span>{t('decisionsH5.homeTitle')}</span>
            <Link to="/decide" className="gz-ntc-section-more">
              {t('decisionsH5.all')}
            </Link>
          </span>
        }
      >
        {waiting.data.map((d) => {
          const left = daysLeft(d.closesAt);
          return (
            <List.Item
              key={d.id}
              description={d.placeLabel}
              extra={<span className="gz-dec-deadline">{left <= 1 ? t('decisionsH5.lastDay') : t('decisionsH5.daysLeft', { count: left })}</span>}
              onClick={() => navigate(`/decisions/${d.id}`)}
            >
              {d.title}
            </List.Item>
          );
        })}
      </List>
    </section>
  );
}
