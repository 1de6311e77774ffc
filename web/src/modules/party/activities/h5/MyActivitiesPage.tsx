import { Button, DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { type MyActivity, useMyActivities } from '../api.ts';
import '../i18n.ts';

const tagColor = (a: MyActivity) => (a.status === 'cancelled' ? 'default' : a.attendance === 'present' ? 'success' : a.attendance === 'excused' ? 'warning' : 'default');

/** 党组织活动 (H5): the member's upcoming activities and their attendance history, with the way to sign in. */
export function MyActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useMyActivities();
  const item = (a: MyActivity, history: boolean) => (
    <List.Item
      key={a.id}
      description={`${formatDateTime(a.startsAt)} · ${a.venue}${a.status === 'cancelled' ? ` · ${t('partyActivities.status.cancelled')}` : ''}`}
      extra={
        history || a.attendance !== 'invited' || a.status === 'cancelled' ? (
          <Tag color={tagColor(a)}>{a.status === 'cancelled' ? t('partyActivities.status.cancelled') : t(`partyActivities.attendance.${a.attendance}`)}</Tag>
        ) : null
      }
    >
      {t(`partyActivities.kind.${a.kind}`)} · {a.title}
    </List.Item>
  );
  return (
    <>
      <BackTitle fallback="/">{t('partyActivities.h5.title')}</BackTitle>
      <div className="gz-padded">
        <Button block color="danger" size="large" onClick={() => navigate('/party/activities/sign-in')}>
          {t('partyActivities.h5.signIn')}
        </Button>
      </div>
      {q.isLoading ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" description={q.error.message} />
      ) : (
        <>
          <List header={t('partyActivities.h5.upcoming')}>
            {q.data!.upcoming.length === 0 ? <List.Item>{t('partyActivities.h5.noUpcoming')}</List.Item> : q.data!.upcoming.map((a) => item(a, false))}
          </List>
          <List header={`${t('partyActivities.h5.history')} · ${t('partyActivities.h5.yearSummary', q.data!.year)}`}>
            {q.data!.history.length === 0 ? <List.Item>{t('partyActivities.h5.noHistory')}</List.Item> : q.data!.history.map((a) => item(a, true))}
          </List>
        </>
      )}
    </>
  );
}
