import { Button, DotLoading, ErrorBlock, NoticeBar, Rate, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { type Opinion, useOpinion, useRateOpinion } from '../api.ts';
import { BackTitle } from '../../../resident/BackTitle.tsx';
import { MeTooButton, StatusTag } from './OpinionCard.tsx';
import './opinions-h5.css';
import { OpinionItemLine } from '../../deliberation/index.ts';

/** One post: what was said, me too, the answer, and (for the poster) the rating. */
export function OpinionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useOpinion(id);
  return (
    <>
      <BackTitle fallback="/decide">{t('opinion.detail')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status={q.error instanceof ApiError && q.error.status === 404 ? 'empty' : 'default'} fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : (
        <OpinionDetail opinion={q.data} />
      )}
    </>
  );
}

/** What another module's record the post is about (a line of the open books), leading back to it. */
function SubjectLine({ subject }: { subject: NonNullable<Opinion['subject']> }) {
  const { t } = useTranslation();
  const to = subject.module === 'fees' && subject.type === 'book_line' ? `/fees/books/lines/${subject.id}` : null;
  const text = t('opinion.about', { label: subject.label });
  return <p className="gz-op-muted">{to ? <Link to={to}>{text}</Link> : text}</p>;
}

function OpinionDetail({ opinion: o }: { opinion: Opinion }) {
  const { t } = useTranslation();
  return (
    <>
      {o.hidden && o.mine && (
        <NoticeBar content={t('h5opinion.hiddenForOthers', { reason: o.hiddenReason ?? '' })} color="alert" wrap />
      )}
      <article className="gz-op-detail" aria-labelledby="op-title">
        <div className="gz-op-card-foot">
          <StatusTag opinion={o} />
          <Tag fill="outline" color={o.visibility === 'public' ? 'primary' : 'warning'}>
            {t(`opinion.visibilityShort.${o.visibility}`)}
          </Tag>
          <Tag fill="outline" color={o.kind === 'complaint' ? 'danger' : 'default'}>
            {t(`opinion.kind.${o.kind}`)}
          </Tag>
        </div>
        <h2 id="op-title">{o.title}</h2>
        <p className="gz-op-detail-body">{o.body}</p>
        <div className="gz-op-card-foot">
          <span>{o.mine ? (o.roomLabel ?? o.compoundName) : o.authorName}</span>
          {o.authorPartyBadge && (
            <Tag color="danger" fill="solid" data-testid="party-badge">
              {t('opinion.partyBadge')}
            </Tag>
          )}
          <span>{formatDateTime(o.createdAt)}</span>
          <span>→ {o.addresseeName ?? t(`opinion.addressee.${o.addressee}`)}</span>
          <span className="gz-op-spacer" />
          <MeTooButton opinion={o} />
        </div>
        {o.deliberationRef && <OpinionItemLine opinionId={o.id} />}
        {o.subject && <SubjectLine subject={o.subject} />}
      </article>
      <section className={o.answer ? 'gz-op-answer' : 'gz-op-answer gz-op-answer-waiting'} aria-label={t('opinion.answer')}>
        {o.answer ? (
          <>
            <h3>{t('h5opinion.answerFrom', { name: o.addresseeName ?? t(`opinion.addressee.${o.addressee}`) })}</h3>
            <p>{o.answer}</p>
            <div className="gz-op-muted">{formatDateTime(o.answeredAt)}</div>
            {o.rating !== null ? (
              <div className="gz-op-rate">
                <div>{t('h5opinion.yourRating')}</div>
                <Rate readOnly value={o.rating} />
                {o.ratingComment && <p>{o.ratingComment}</p>}
              </div>
            ) : (
              o.can.rate && <RateAnswer opinion={o} />
            )}
          </>
        ) : (
          <h3>{t('h5opinion.waiting')}</h3>
        )}
      </section>
    </>
  );
}

/**
 * Five real buttons rather than a drag gesture: reachable by keyboard and screen readers, and big
 * enough for elderly mode.
 */
function StarPicker({ value, onChange, labelledBy }: { value: number; onChange: (v: number) => void; labelledBy: string }) {
  const { t } = useTranslation();
  return (
    <div className="gz-op-stars" role="group" aria-labelledby={labelledBy}>
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          className={n <= value ? 'gz-op-star gz-op-star-on' : 'gz-op-star'}
          aria-pressed={n === value}
          aria-label={t('h5opinion.stars', { count: n })}
          onClick={() => onChange(n)}
        >
          ★
        </button>
      ))}
    </div>
  );
}

function RateAnswer({ opinion: o }: { opinion: Opinion }) {
  const { t } = useTranslation();
  const rate = useRateOpinion(o.id);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const submit = () =>
    rate.mutate(
      { rating: stars, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('h5opinion.rated') }),
        onError: (err) => Toast.show({ content: err.message }),
      },
    );
  return (
    <div className="gz-op-rate">
      <div id="rate-label">{t('h5opinion.rateTitle')}</div>
      <StarPicker value={stars} onChange={setStars} labelledBy="rate-label" />
      <TextArea value={comment} onChange={setComment} placeholder={t('h5opinion.rateCommentPlaceholder')} maxLength={300} autoSize={{ minRows: 2, maxRows: 4 }} />
      <Button block color="primary" disabled={stars === 0} loading={rate.isPending} onClick={submit} style={{ marginTop: 8 }}>
        {t('h5opinion.rateSubmit')}
      </Button>
    </div>
  );
}
