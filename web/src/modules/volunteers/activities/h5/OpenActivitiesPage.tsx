import { Button, DotLoading, ErrorBlock, List, Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { useOpenActivities } from '../api.ts';
import '../i18n.ts';

/** 志愿活动 (H5): the open activities of my compound and community, soonest first, with the ways to check in and to my activities. */
export function OpenActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useOpenActivities();
  return (
    <>
      <BackTitle fallback="/">{t('volActivities.h5.title')}</BackTitle>
      <div className="gz-padded">
        <Space block direction="vertical">
          <Button block color="primary" size="large" onClick={() => navigate('/volunteers/check-in')}>
            {t('volActivities.h5.checkIn')}
          </Button>
          <Button block size="large" onClick={() => navigate('/volunteers/activities/mine')}>
            {t('volActivities.h5.mine')}
          </Button>
        </Space>
      </div>
      {q.isLoading ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" description={q.error.message} />
      ) : (
        <List header={t('volActivities.h5.open')}>
          {q.data!.length === 0 ? (
            <List.Item>{t('volActivities.h5.none')}</List.Item>
          ) : (
            q.data!.map((a) => (
              <List.Item
                key={a.id}
                onClick={() => navigate(`/volunteers/activities/${a.id}`)}
                description={`${formatDateTime(a.startsAt)} · ${a.venue} · ${t('volActivities.h5.seats', { signedUp: a.signedUp, capacity: a.capacity })}`}
                extra={a.mine ? <Tag color="success">{t('volActivities.h5.signedUp')}</Tag> : a.signedUp >= a.capacity ? <Tag>{t('volActivities.h5.full')}</Tag> : null}
              >
                {a.title}
              </List.Item>
            ))
          )}
        </List>
      )}
    </>
  );
}
