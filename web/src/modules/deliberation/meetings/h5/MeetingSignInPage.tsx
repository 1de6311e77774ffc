import { Button, DotLoading, Result } from 'antd-mobile';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { ApiError } from '../../../../shared/api.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useSignInByQr } from '../api.ts';
import '../i18n.ts';

/**
 * 会议签到: what the QR code in the meeting room opens (…/sign-in?t=CODE). Signs the signed-in resident in at once
 * and says plainly how it went: signed in (or already), not on the list, a wrong code, or a meeting that is over.
 */
export function MeetingSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const token = search.get('t') ?? '';
  const signIn = useSignInByQr(id);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    signIn.mutate(token);
  }, [signIn, token]);

  const code = signIn.error instanceof ApiError ? signIn.error.code : null;
  return (
    <>
      <BackTitle fallback="/decide">{t('deliberationMeetings.h5.signIn')}</BackTitle>
      {signIn.isPending || signIn.isIdle ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" /> {t('deliberationMeetings.h5.signingIn')}
        </div>
      ) : signIn.isSuccess ? (
        <Result
          status="success"
          title={signIn.data.already ? t('deliberationMeetings.h5.already') : t('deliberationMeetings.h5.success')}
          description={`${signIn.data.title} · ${formatDateTime(signIn.data.signedInAt)}`}
        />
      ) : code === 'NOT_INVITED' ? (
        <Result status="warning" title={t('deliberationMeetings.h5.notInvited')} description={t('deliberationMeetings.h5.notInvitedHint')} />
      ) : code === 'SIGN_IN_CODE_WRONG' || code === 'VALIDATION_FAILED' ? (
        <Result status="error" title={t('deliberationMeetings.h5.wrongCode')} description={t('deliberationMeetings.h5.wrongCodeHint')} />
      ) : code === 'MEETING_NOT_OPEN' ? (
        <Result status="info" title={t('deliberationMeetings.h5.closed')} />
      ) : (
        <Result status="error" title={t('deliberationMeetings.h5.failed')} description={signIn.error?.message} />
      )}
      {signIn.isSuccess && (
        <div className="gz-padded">
          <Button block size="large" onClick={() => navigate(`/deliberation/meetings/${id}`)}>
            {t('deliberationMeetings.h5.toNotice')}
          </Button>
        </div>
      )}
    </>
  );
}
