import { Button, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResidentHome } from '../../../../resident/home.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import type { MyActivity } from '../api.ts';

interface Slice {
  partyActivities?: { upcoming: MyActivity[]; year: { invited: number; present: number } };
}

/** For a party member's home: their next activities, this year's attendance, and the way to sign in (nothing for others). */
export function ActivitiesHomeSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = useResidentHome<Slice>();
  const mine = home.data?.partyActivities;
  if (!mine) return null;
  return (
    <section aria-label={t('partyActivities.h5.title')}>
      <List header={t('partyActivities.h5.title')}>
        {mine.upcoming.map((a) => (
          <List.Item key={a.id} description={`${formatDateTime(a.startsAt)} · ${a.venue}`} onClick={() => navigate('/party/activities')}>
            {t(`partyActivities.kind.${a.kind}`)} · {a.title}
          </List.Item>
        ))}
        <List.Item onClick={() => navigate('/party/activities')} extra={t('partyActivities.h5.toActivities')}>
          {t('partyActivities.h5.yearSummary', mine.year)}
        </List.Item>
        <List.Item>
          <Button block color="danger" onClick={() => navigate('/party/activities/sign-in')}>
            {t('partyActivities.h5.signIn')}
          </Button>
        </List.Item>
      </List>
    </section>
  );
}
