import { Button, DotLoading, ErrorBlock, List, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { download, hours, type OpenActivity, useMyActivities } from '../api.ts';
import '../i18n.ts';

/** 我的活动 (H5): the activities I signed up for, my sign-in and sign-out, the minutes and points confirmed, my certificate. */
export function MyActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useMyActivities();
  const extra = (a: OpenActivity) => {
    if (a.status === 'cancelled') return <Tag>{t('volActivities.status.cancelled')}</Tag>;
    if (a.mine?.confirmedAt) return <Tag color="success">{t('volActivities.h5.earned', { minutes: a.mine.minutes, points: a.mine.points })}</Tag>;
    if (a.mine?.signedOutAt) return <Tag color="warning">{t('volActivities.h5.waiting')}</Tag>;
    return null;
  };
  return (
    <>
      <BackTitle fallback="/volunteers/activities">{t('volActivities.h5.mine')}</BackTitle>
      {q.isLoading ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" description={q.error.message} />
      ) : (
        <>
          <div className="gz-padded">
            <div style={{ fontSize: 17, marginBottom: 12 }}>{t('volActivities.h5.total', { hours: hours(q.data!.confirmedMinutes), points: q.data!.confirmedPoints })}</div>
            <Button
              block
              size="large"
              onClick={() =>
                void download('/api/me/volunteers/activities/certificate.pdf', {}, `${t('volActivities.detail.certificate')}.pdf`).catch((err: Error) => Toast.show({ icon: 'fail', content: err.message }))
              }
            >
              {t('volActivities.h5.certificate')}
            </Button>
          </div>
          <List header={t('volActivities.h5.mine')}>
            {q.data!.items.length === 0 ? (
              <List.Item>{t('volActivities.h5.noMine')}</List.Item>
            ) : (
              q.data!.items.map((a) => (
                <List.Item
                  key={a.id}
                  onClick={() => navigate(`/volunteers/activities/${a.id}`)}
                  description={`${formatDateTime(a.startsAt)} · ${a.venue}${a.mine?.signedInAt ? ` · ${t('volActivities.h5.attendance', { in: formatDateTime(a.mine.signedInAt), out: a.mine.signedOutAt ? formatDateTime(a.mine.signedOutAt) : '—' })}` : ''}`}
                  extra={extra(a)}
                >
                  {a.title}
                </List.Item>
              ))
            )}
          </List>
        </>
      )}
    </>
  );
}
