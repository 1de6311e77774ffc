import { Button, DotLoading, ErrorBlock, List, NoticeBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { useMyMeeting } from '../api.ts';
import '../i18n.ts';

/** 会议通知: one meeting I am invited to — time, place, convener, the posts I attend in, the agenda, my sign-in. */
export function MeetingNoticePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useMyMeeting(id);
  return (
    <>
      <BackTitle fallback="/decide">{t('deliberationMeetings.h5.notice')}</BackTitle>
      {meeting.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : meeting.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={meeting.error.message}>
          <Button color="primary" onClick={() => void meeting.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorBlock>
      ) : (
        <>
          <h2 className="gz-padded" style={{ margin: 0 }}>
            {meeting.data.title}
          </h2>
          {meeting.data.signedInAt ? (
            <NoticeBar color="success" content={`${t('deliberationMeetings.h5.signedIn')} ${formatDateTime(meeting.data.signedInAt)}`} />
          ) : (
            meeting.data.status !== 'closed' && meeting.data.status !== 'cancelled' && <NoticeBar color="info" content={t('deliberationMeetings.h5.notSignedIn')} wrap />
          )}
          <List>
            <List.Item extra={formatDateTime(meeting.data.startsAt)}>{t('deliberationMeetings.h5.time')}</List.Item>
            <List.Item description={meeting.data.placeLabel}>
              {t('deliberationMeetings.h5.location')}：{meeting.data.location}
            </List.Item>
            <List.Item extra={meeting.data.convenerName}>{t('deliberationMeetings.h5.convener')}</List.Item>
            <List.Item extra={t(`deliberationMeetings.status.${meeting.data.status}`)}>{t(`deliberationMeetings.kind.${meeting.data.kind}`)}</List.Item>
            {meeting.data.positions.length > 0 && <List.Item description={meeting.data.positions.join('；')}>{t('deliberationMeetings.h5.myPositions')}</List.Item>}
          </List>
          <List header={t('deliberationMeetings.h5.agenda')}>
            {meeting.data.agenda.length === 0 ? (
              <List.Item>{t('deliberationMeetings.page.noAgenda')}</List.Item>
            ) : (
              meeting.data.agenda.map((g, i) => (
                <List.Item key={i} extra={g.outcomeKind ? t(`deliberationMeetings.outcome.${g.outcomeKind}`) : null}>
                  {i + 1}. {g.title}
                </List.Item>
              ))
            )}
          </List>
        </>
      )}
    </>
  );
}
