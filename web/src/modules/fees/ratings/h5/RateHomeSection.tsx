import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResidentHome } from '../../../../resident/home.ts';

interface Slice {
  feesRateable?: number;
}

/** For the resident home: 评价物业 when a month of mine is open to rate (server: the ratings part's residentHome). */
export function RateHomeSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = useResidentHome<Slice>();
  const count = home.data?.feesRateable ?? 0;
  if (count === 0) return null;
  return (
    <section aria-label={t('feesRatings.h5.homeTitle')}>
      <List header={t('feesRatings.h5.homeTitle')}>
        <List.Item arrowIcon onClick={() => void navigate('/fees/ratings')} description={t('feesRatings.h5.homeRateable', { count })} extra={t('feesRatings.h5.homeGo')}>
          {t('feesRatings.h5.intro')}
        </List.Item>
      </List>
    </section>
  );
}
