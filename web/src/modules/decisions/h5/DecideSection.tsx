import { Button, DotLoading, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import './i18n.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { type MyDecisionRow, useMyDecisions } from './api.ts';
import { daysLeft } from './format.ts';

/**
 * 议事 → 业主表决: the decisions whose roll names me. A vote waiting for my ballot comes first, with its
 * deadline and a large 去投票; the others follow with where they stand. Nothing at all when I am on no roll.
 */
export function DecideSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useMyDecisions();
  if (list.isPending) {
    return (
      <div className="gz-padded" aria-busy>
        <DotLoading color="primary" />
      </div>
    );
  }
  if (list.isError) {
    return (
      <List header={t('decisionsH5.sectionTitle')}>
        <List.Item
          description={list.error.message}
          extra={
            <Button size="small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          }
        >
          {t('decisionsH5.loadFailed')}
        </List.Item>
      </List>
    );
  }
  const items = list.data.items;
  if (items.length === 0) return null;
  const waiting = items.filter((d) => d.ballotWaiting).sort((a, b) => (a.closesAt ?? '').localeCompare(b.closesAt ?? ''));
  const others = items.filter((d) => !d.ballotWaiting);
  return (
    <section aria-labelledby="gz-dec-section">
      <h2 id="gz-dec-section" className="gz-dec-section-title">
        {t('decisionsH5.sectionTitle')}
      </h2>
      {waiting.map((d) => (
        <WaitingCard key={d.id} decision={d} />
      ))}
      {others.length > 0 && (
        <List>
          {others.map((d) => (
            <List.Item
              key={d.id}
              description={
                <>
                  <div className={`gz-dec-list-status gz-dec-list-status-${d.status}`}>{t(`decisionsH5.listStatus.${d.status === 'open' && d.voted ? 'openVoted' : d.status}`)}</div>
                  <div>{d.placeLabel}</div>
                </>
              }
              onClick={() => navigate(`/decisions/${d.id}`)}
            >
              {d.title}
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}

function WaitingCard({ decision: d }: { decision: MyDecisionRow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const left = daysLeft(d.closesAt);
  return (
    <article className="gz-dec-card gz-dec-waiting" aria-label={d.title}>
      <h3 className="gz-dec-waiting-title">{d.title}</h3>
      <p className="gz-dec-meta">
        {d.placeLabel}
        <br />
        <span className="gz-dec-deadline">{left <= 1 ? t('decisionsH5.lastDay') : t('decisionsH5.daysLeft', { count: left })}</span>
        {' · '}
        {t('decisionsH5.until', { time: formatDateTime(d.closesAt) })}
      </p>
      <Button block color="primary" size="large" onClick={() => navigate(`/decisions/${d.id}`)}>
        {t('decisionsH5.goVote')}
      </Button>
    </article>
  );
}
