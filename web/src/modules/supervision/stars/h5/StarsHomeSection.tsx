import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useResidentHome } from '../../../../resident/home.ts';
import type { MyCompoundStars } from '../api.ts';

interface Slice {
  supervisionStars?: MyCompoundStars[];
}

/**
 * For the resident home: 有礼小区 — their compound's star confirmed by the street and its type, in plain words
 * (server: the stars part's residentHome; only confirmed stars come). Large stars, readable in elderly mode.
 */
export function StarsHomeSection() {
  const { t } = useTranslation();
  const home = useResidentHome<Slice>();
  const stars = home.data?.supervisionStars ?? [];
  if (stars.length === 0) return null;
  return (
    <section aria-label={t('supervisionStars.h5.title')}>
      <List header={t('supervisionStars.h5.title')}>
        {stars.map((s) => (
          <List.Item key={s.compoundId} description={t('supervisionStars.h5.who', { compound: s.compoundName, period: s.period })}>
            <span data-testid="home-stars" data-stars={s.stars}>
              {t('supervisionStars.h5.label')}
              <span aria-label={t('supervisionStars.starsAria', { n: s.stars })} style={{ color: '#d48806', letterSpacing: 1 }}>
                {'★'.repeat(s.stars)}
                <span style={{ color: '#bfbfbf' }}>{'☆'.repeat(5 - s.stars)}</span>
              </span>{' '}
              {t(`supervisionStars.type.${s.type}`)}
            </span>
          </List.Item>
        ))}
        <List.Item>
          <span style={{ color: 'var(--adm-color-weak)' }}>{t('supervisionStars.h5.explain')}</span>
        </List.Item>
      </List>
    </section>
  );
}
