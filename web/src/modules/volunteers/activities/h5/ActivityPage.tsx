import { Button, Dialog, DotLoading, ErrorBlock, List, Space, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { useCancelSignUp, useResidentActivity, useSignUp } from '../api.ts';
import '../i18n.ts';

/** One activity (H5): what, where, when, places left; 报名参加, or 取消报名 before the start (with a confirmation). */
export function ActivityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const q = useResidentActivity(id);
  const signUp = useSignUp(id);
  const cancel = useCancelSignUp(id);
  const fail = (err: Error) => Toast.show({ icon: 'fail', content: err.message });
  if (q.isLoading)
    return (
      <div className="gz-center" aria-busy>
        <DotLoading color="primary" />
      </div>
    );
  if (q.isError) return <ErrorBlock status="default" description={q.error.message} />;
  const a = q.data!;
  const started = new Date(a.startsAt).getTime() <= Date.now();
  return (
    <>
      <BackTitle fallback="/volunteers/activities">{a.title}</BackTitle>
      <List>
        <List.Item extra={a.placeName}>{t('volActivities.col.place')}</List.Item>
        <List.Item extra={a.venue}>{t('volActivities.col.venue')}</List.Item>
        <List.Item extra={formatDateTime(a.startsAt)}>{t('volActivities.col.startsAt')}</List.Item>
        <List.Item extra={formatDateTime(a.endsAt)}>{t('volActivities.col.endsAt')}</List.Item>
        <List.Item extra={t('volActivities.h5.seats', { signedUp: a.signedUp, capacity: a.capacity })}>{t('volActivities.col.seats')}</List.Item>
        <List.Item extra={t('volActivities.h5.pph', { points: a.pointsPerHour })}>{t('volActivities.col.pointsPerHour')}</List.Item>
        {a.skills.length > 0 && (
          <List.Item>
            <Space wrap>
              {a.skills.map((s) => (
                <Tag key={s} color="primary" fill="outline">
                  {s}
                </Tag>
              ))}
            </Space>
          </List.Item>
        )}
        {a.description && <List.Item description={a.description}>{t('volActivities.detail.description')}</List.Item>}
        {a.status === 'cancelled' && <List.Item>{`${t('volActivities.h5.cancelled')}：${a.cancelReason ?? ''}`}</List.Item>}
      </List>
      <div className="gz-padded">
        {a.status !== 'published' ? null : a.mine ? (
          <Space block direction="vertical">
            <Tag color="success" style={{ fontSize: 16, padding: 6 }}>
              {t('volActivities.h5.signedUp')}
            </Tag>
            <Button block color="primary" size="large" onClick={() => navigate('/volunteers/check-in')}>
              {t('volActivities.h5.checkIn')}
            </Button>
            {!started && !a.mine.signedInAt && (
              <Button
                block
                size="large"
                loading={cancel.isPending}
                onClick={async () => {
                  if (!(await Dialog.confirm({ content: t('volActivities.h5.cancelConfirm'), confirmText: t('volActivities.h5.cancelSignUp'), cancelText: t('common.cancel') }))) return;
                  cancel.mutate(undefined, { onSuccess: () => Toast.show({ icon: 'success', content: t('volActivities.h5.cancelOk') }), onError: fail });
                }}
              >
                {t('volActivities.h5.cancelSignUp')}
              </Button>
            )}
          </Space>
        ) : (
          <Button
            block
            color="primary"
            size="large"
            loading={signUp.isPending}
            disabled={a.signedUp >= a.capacity}
            onClick={() => signUp.mutate(undefined, { onSuccess: () => Toast.show({ icon: 'success', content: t('volActivities.h5.signUpOk') }), onError: fail })}
          >
            {a.signedUp >= a.capacity ? t('volActivities.h5.full') : t('volActivities.h5.signUp')}
          </Button>
        )}
      </div>
    </>
  );
}
