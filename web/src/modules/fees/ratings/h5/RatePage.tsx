import { Button, Dialog, DotLoading, ErrorBlock, List, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RATING_COMMENT_MAX, RATING_DIMENSIONS, type RatingDimension } from '#server/modules/fees/contract.ts';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { ApiError } from '../../../../shared/api.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { type MyMonth, useMyRatings, useSubmitRating } from '../api.ts';
import { Stars } from './Stars.tsx';
import './fees-ratings-h5.css';

type Scores = Record<RatingDimension, number>;
const EMPTY: Scores = { cleaning: 0, security: 0, repairs: 0, greenery: 0, attitude: 0 };

/** Rating one month of one compound: five rows of stars and a comment; once submitted, what I gave (已评价), never changed. */
export function RatePage() {
  const { t } = useTranslation();
  const { compoundId = '', period = '' } = useParams();
  const mine = useMyRatings();
  const compound = mine.data?.compounds.find((c) => c.compoundId === compoundId);
  const month = compound?.months.find((m) => m.period === period);
  return (
    <>
      <BackTitle fallback="/fees/ratings">{t('feesRatings.h5.formTitle', { period })}</BackTitle>
      {mine.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : mine.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('feesRatings.h5.loadFailed')} description={mine.error.message} />
      ) : !compound || !month ? (
        <ErrorBlock status="empty" fullPage={false} title={t('feesRatings.h5.notOpen')} />
      ) : month.state === 'rated' && month.rating ? (
        <Rated month={month} companyName={compound.company?.name ?? ''} />
      ) : month.state !== 'rateable' ? (
        <ErrorBlock status="empty" fullPage={false} title={t('feesRatings.h5.notOpen')} description={t(`feesRatings.h5.state.${month.state}`)} />
      ) : (
        <RateForm compoundId={compoundId} period={period} companyName={compound.company?.name ?? ''} />
      )}
    </>
  );
}

function RateForm({ compoundId, period, companyName }: { compoundId: string; period: string; companyName: string }) {
  const { t } = useTranslation();
  const [scores, setScores] = useState<Scores>(EMPTY);
  const [comment, setComment] = useState('');
  const submit = useSubmitRating();
  const missing = RATING_DIMENSIONS.filter((d) => scores[d] === 0).length;
  const send = async () => {
    if (missing > 0) {
      Toast.show({ content: t('feesRatings.h5.missing', { count: missing }) });
      return;
    }
    if (!(await Dialog.confirm({ content: t('feesRatings.h5.confirm') }))) return;
    try {
      await submit.mutateAsync({ compoundId, period, ...scores, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      Toast.show({ icon: 'success', content: t('feesRatings.h5.thanks') });
    } catch (e) {
      Toast.show({ icon: 'fail', content: e instanceof ApiError ? e.message : t('feesRatings.h5.loadFailed') });
    }
  };
  return (
    <>
      <p className="gz-fer-intro">{t('feesRatings.h5.company', { name: companyName })}</p>
      <div role="group" aria-label={t('feesRatings.h5.pick')}>
        {RATING_DIMENSIONS.map((d) => (
          <div key={d} className="gz-fer-row">
            <div className="gz-fer-row-label">
              <span>{t(`feesRatings.dimension.${d}`)}</span>
              <span>{scores[d] ? t('feesRatings.h5.stars', { rating: scores[d] }) : ''}</span>
            </div>
            <Stars value={scores[d]} label={t(`feesRatings.dimension.${d}`)} onChange={(v) => setScores((s) => ({ ...s, [d]: v }))} />
          </div>
        ))}
      </div>
      <List header={t('feesRatings.h5.comment')}>
        <List.Item>
          <TextArea value={comment} onChange={setComment} maxLength={RATING_COMMENT_MAX} showCount rows={4} placeholder={t('feesRatings.h5.commentPlaceholder')} aria-label={t('feesRatings.h5.comment')} />
        </List.Item>
      </List>
      <p className="gz-fer-final" role="note">
        {t('feesRatings.h5.final')}
      </p>
      <div className="gz-fer-actions">
        <Button block color="primary" size="large" loading={submit.isPending} onClick={() => void send()}>
          {t('feesRatings.h5.submit')}
        </Button>
      </div>
    </>
  );
}

function Rated({ month, companyName }: { month: MyMonth; companyName: string }) {
  const { t } = useTranslation();
  const r = month.rating!;
  return (
    <>
      <p className="gz-fer-intro">
        {t('feesRatings.h5.state.rated')} · {formatDateTime(r.ratedAt)} · {t('feesRatings.h5.company', { name: companyName })}
      </p>
      <div role="group" aria-label={t('feesRatings.h5.yourScores')}>
        {RATING_DIMENSIONS.map((d) => (
          <div key={d} className="gz-fer-row">
            <div className="gz-fer-row-label">
              <span>{t(`feesRatings.dimension.${d}`)}</span>
              <span>{t('feesRatings.h5.stars', { rating: r[d] })}</span>
            </div>
            <Stars value={r[d]} label={t('feesRatings.h5.scoreLabel', { name: t(`feesRatings.dimension.${d}`), score: r[d] })} />
          </div>
        ))}
      </div>
      {r.comment && (
        <List header={t('feesRatings.h5.comment')}>
          <List.Item>{r.comment}</List.Item>
        </List>
      )}
      <p className="gz-fer-final">{t('feesRatings.h5.final')}</p>
    </>
  );
}
