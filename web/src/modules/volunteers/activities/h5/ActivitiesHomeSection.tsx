import { Button, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResidentHome } from '../../../../resident/home.ts';
import { formatDateTime } from '../../../../shared/format.ts';

interface Slice {
  volunteerActivities?: { id: string; title: string; venue: string; startsAt: string; endsAt: string; signedIn: boolean }[];
}

/** On the resident's home only when they signed up for an activity today or tomorrow: the activities and the way to check in. */
export function ActivitiesHomeSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = useResidentHome<Slice>();
  const soon = home.data?.volunteerActivities;
  if (!soon?.length) return null;
  return (
    <section aria-label={t('volActivities.h5.home')}>
      <List header={t('volActivities.h5.home')}>
        {soon.map((a) => (
          <List.Item key={a.id} description={`${formatDateTime(a.startsAt)} · ${a.venue}`} onClick={() => navigate(`/volunteers/activities/${a.id}`)}>
            {a.title}
          </List.Item>
        ))}
        <List.Item>
          <Button block color="primary" onClick={() => navigate('/volunteers/check-in')}>
            {t('volActivities.h5.checkIn')}
          </Button>
        </List.Item>
      </List>
    </section>
  );
}
