import { Button, Card, Dialog, DotLoading, ErrorBlock, Space, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { useAnswerCallUp, useMyCallUps } from '../api.ts';
import '../i18n.ts';

/** 志愿者召集 (H5): the call-ups of emergencies where I am a volunteer — task, meeting point and time, slots left — 接受 / 婉拒. */
export function CallUpsH5Page() {
  const { t } = useTranslation();
  const q = useMyCallUps();
  const answer = useAnswerCallUp();
  const reply = async (id: string, a: 'accepted' | 'declined') => {
    if (!(await Dialog.confirm({ content: t(a === 'accepted' ? 'gridEmergency.h5.acceptConfirm' : 'gridEmergency.h5.declineConfirm'), confirmText: t('gridEmergency.ok'), cancelText: t('common.cancel') }))) return;
    try {
      await answer.mutateAsync({ id, answer: a });
      Toast.show({ icon: 'success', content: t(a === 'accepted' ? 'gridEmergency.h5.accepted' : 'gridEmergency.h5.declined') });
    } catch (err) {
      Toast.show({ content: (err as Error).message });
    }
  };
  return (
    <>
      <BackTitle fallback="/">{t('gridEmergency.h5.callUpsTitle')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : q.data.length === 0 ? (
        <ErrorBlock status="empty" fullPage={false} title={t('gridEmergency.h5.noCallUps')} />
      ) : (
        <div className="gz-padded">
          {q.data.map((c) => (
            <Card key={c.id} title={c.task} style={{ marginBottom: 12, fontSize: '1.1em' }} data-testid="call-up">
              <div style={{ display: 'grid', gap: 6 }}>
                <div>{c.placeName}</div>
                <div>{t('gridEmergency.h5.meet', { at: formatDateTime(c.meetAt), point: c.meetingPoint || c.placeName })}</div>
                <div>{t('gridEmergency.callUp.taken', { taken: c.taken, slots: c.slots })}</div>
                {c.myAnswer ? (
                  <Tag color={c.myAnswer === 'accepted' ? 'success' : 'default'} style={{ fontSize: '1em', width: 'fit-content' }}>
                    {t(`gridEmergency.h5.${c.myAnswer}`)}
                  </Tag>
                ) : (
                  <Space block direction="vertical">
                    <Button block color="primary" style={{ minHeight: 52, fontSize: '1.15em' }} disabled={c.taken >= c.slots} onClick={() => void reply(c.id, 'accepted')}>
                      {c.taken >= c.slots ? t('gridEmergency.h5.full') : t('gridEmergency.h5.accept')}
                    </Button>
                    <Button block style={{ minHeight: 52, fontSize: '1.15em' }} onClick={() => void reply(c.id, 'declined')}>
                      {t('gridEmergency.h5.decline')}
                    </Button>
                  </Space>
                )}
              </div>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
