import { Tag, Toast } from 'antd-mobile';
import { LikeOutline, LockOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { type Opinion, useMeToo } from '../api.ts';

const STATUS_COLOR = { open: 'warning', answered: 'success', promoted: '#7b3fb3', hidden: 'default' } as const;

export function StatusTag({ opinion: o }: { opinion: Opinion }) {
  const { t } = useTranslation();
  const s = o.hidden ? 'hidden' : o.status;
  return (
    <Tag color={STATUS_COLOR[s]} fill="outline">
      {t(`opinion.status.${s}`)}
    </Tag>
  );
}

/** "Me too" as a toggle: pressed once said; neighbours only, never on one's own post. */
export function MeTooButton({ opinion: o }: { opinion: Opinion }) {
  const { t } = useTranslation();
  const meToo = useMeToo();
  if (o.visibility !== 'public') return null;
  const may = o.can.meToo || o.can.withdrawMeToo;
  const toggle = () =>
    meToo.mutate(
      { id: o.id, on: !o.iMeToo },
      { onError: (err) => Toast.show({ content: err.message }) },
    );
  if (!may) {
    return (
      <span className="gz-op-count" aria-label={t('opinion.meTooCount', { count: o.meTooCount })}>
        <LikeOutline aria-hidden /> {o.meTooCount}
      </span>
    );
  }
  return (
    <button type="button" className="gz-op-metoo" aria-pressed={o.iMeToo} onClick={toggle} disabled={meToo.isPending}>
      <LikeOutline aria-hidden />
      {o.iMeToo ? t('h5opinion.meTooDone') : t('opinion.meToo')} · {o.meTooCount}
    </button>
  );
}

/**
 * One post in a list: title, a glimpse of the text, who and when, me too, status. The title links to
 * the post (stretched over the card); "me too" is a separate button, never nested in the link.
 */
export function OpinionCard({ opinion: o, showAddressee }: { opinion: Opinion; showAddressee?: boolean }) {
  const { t } = useTranslation();
  return (
    <article className="gz-op-card">
      <div className="gz-op-card-head">
        <h3 className="gz-op-card-title">
          <Link to={`/decide/opinions/${o.id}`} className="gz-op-card-link">
            {o.visibility === 'private' && <LockOutline aria-label={t('opinion.visibilityShort.private')} style={{ marginRight: 4 }} />}
            {o.title}
          </Link>
        </h3>
        <StatusTag opinion={o} />
      </div>
      <p className="gz-op-card-body">{o.body}</p>
      <div className="gz-op-card-foot">
        {o.kind === 'complaint' && (
          <Tag color="danger" fill="outline">
            {t('opinion.kind.complaint')}
          </Tag>
        )}
        <span>{o.mine ? o.compoundName : o.authorName}</span>
        {o.authorPartyBadge && (
          <Tag color="danger" fill="solid" data-testid="party-badge">
            {t('opinion.partyBadge')}
          </Tag>
        )}
        {showAddressee && <span>→ {o.addresseeName ?? t(`opinion.addressee.${o.addressee}`)}</span>}
        <span>{formatDate(o.createdAt)}</span>
        <span className="gz-op-spacer" />
        <MeTooButton opinion={o} />
      </div>
    </article>
  );
}
