import { Button, DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RATING_DIMENSIONS, type RatingState } from '#server/modules/fees/contract.ts';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDate } from '../../../../shared/format.ts';
import { type MyCompound, type MyMonth, useMyRatings, yuan } from '../api.ts';
import './fees-ratings-h5.css';

const STATE_COLOR: Record<RatingState, 'success' | 'primary' | 'danger' | 'default'> = { rateable: 'primary', rated: 'success', unpaid: 'danger', noBills: 'default', noCompany: 'default' };

/** 评价物业: per compound I own rooms in, the months open to rate — rate, see what I gave, or why not (and pay) — then my past ratings. */
export function MyRatingsPage() {
  const { t } = useTranslation();
  const mine = useMyRatings();
  return (
    <>
      <BackTitle fallback="/fees">{t('feesRatings.h5.title')}</BackTitle>
      {mine.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : mine.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('feesRatings.h5.loadFailed')} description={mine.error.message} />
      ) : mine.data.compounds.length === 0 ? (
        <ErrorBlock status="empty" fullPage={false} title={t('feesRatings.h5.noRooms')} />
      ) : (
        <>
          <p className="gz-fer-intro">{t('feesRatings.h5.intro')}</p>
          {mine.data.compounds.map((c) => (
            <CompoundMonths key={c.compoundId} compound={c} />
          ))}
          {mine.data.history.length > 0 && (
            <List header={t('feesRatings.h5.history')}>
              {mine.data.history.map((r) => (
                <List.Item key={r.id} description={RATING_DIMENSIONS.map((d) => `${t(`feesRatings.dimension.${d}`)} ${r[d]}`).join(' · ')} extra={formatDate(r.ratedAt)}>
                  {r.compoundName} · {r.period}
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </>
  );
}

function CompoundMonths({ compound }: { compound: MyCompound }) {
  const { t } = useTranslation();
  return (
    <section aria-label={compound.compoundName}>
      <List header={`${compound.compoundName}${compound.company ? ` · ${t('feesRatings.h5.company', { name: compound.company.name })}` : ''}`}>
        {compound.months.map((m) => (
          <MonthItem key={m.period} compoundId={compound.compoundId} month={m} />
        ))}
      </List>
    </section>
  );
}

function MonthItem({ compoundId, month: m }: { compoundId: string; month: MyMonth }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = () => void navigate(`/fees/ratings/${compoundId}/${m.period}`);
  const tag = <Tag color={STATE_COLOR[m.state]}>{t(`feesRatings.h5.state.${m.state}`)}</Tag>;
  const title = t('feesRatings.h5.monthTitle', { period: m.period });
  if (m.state === 'rated' && m.rating) {
    const r = m.rating;
    return (
      <List.Item arrowIcon onClick={open} extra={tag} description={RATING_DIMENSIONS.map((d) => `${t(`feesRatings.dimension.${d}`)} ${r[d]}`).join(' · ')}>
        {title}
      </List.Item>
    );
  }
  if (m.state === 'rateable') {
    return (
      <List.Item
        extra={
          <Button color="primary" size="small" onClick={open}>
            {t('feesRatings.h5.rate')}
          </Button>
        }
        description={t('feesRatings.h5.window', { date: m.closesOn })}
      >
        {title} {tag}
      </List.Item>
    );
  }
  if (m.state === 'unpaid') {
    return (
      <List.Item
        extra={
          <Button color="danger" fill="outline" size="small" onClick={() => void navigate('/fees')}>
            {t('feesRatings.h5.pay')}
          </Button>
        }
        description={
          <>
            <div>{t('feesRatings.h5.unpaidHelp', { count: m.unpaid.length, amount: yuan(m.unpaidFen) })}</div>
            {m.unpaid.map((b) => (
              <div key={b.billId}>
                {b.roomLabel} · {b.periodLabel} · ¥{yuan(b.dueFen)}
              </div>
            ))}
          </>
        }
      >
        {title} {tag}
      </List.Item>
    );
  }
  return (
    <List.Item description={t(m.state === 'noBills' ? 'feesRatings.h5.noBillsHelp' : 'feesRatings.h5.noCompanyHelp')}>
      {title} {tag}
    </List.Item>
  );
}
