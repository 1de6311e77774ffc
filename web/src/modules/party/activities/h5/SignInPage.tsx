import { Button, Form, Input, Result } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { useSignIn } from '../api.ts';
import '../i18n.ts';

/** 活动签到 (H5): the member enters the 6-digit code staff show (or arrives with ?code= from the QR code) and signs in. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [code, setCode] = useState((search.get('code') ?? '').replace(/\D/g, '').slice(0, 6));
  const signIn = useSignIn();
  return (
    <>
      <BackTitle fallback="/party/activities">{t('partyActivities.h5.signInTitle')}</BackTitle>
      {signIn.isSuccess ? (
        <>
          <Result
            status="success"
            title={signIn.data.already ? t('partyActivities.h5.already') : t('partyActivities.h5.signedIn')}
            description={`${signIn.data.title} · ${formatDateTime(signIn.data.signedInAt)}`}
          />
          <div className="gz-padded">
            <Button block size="large" onClick={() => navigate('/party/activities')}>
              {t('partyActivities.h5.toActivities')}
            </Button>
          </div>
        </>
      ) : (
        <Form
          layout="vertical"
          onFinish={() => signIn.mutate(code)}
          footer={
            <Button block type="submit" color="danger" size="large" loading={signIn.isPending} disabled={code.length !== 6}>
              {t('partyActivities.h5.signIn')}
            </Button>
          }
        >
          <Form.Item label={t('partyActivities.detail.code')} help={signIn.error?.message}>
            <Input
              placeholder={t('partyActivities.h5.codePlaceholder')}
              inputMode="numeric"
              maxLength={6}
              value={code}
              onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))}
              style={{ '--font-size': '28px', letterSpacing: 8 }}
              clearable
            />
          </Form.Item>
        </Form>
      )}
    </>
  );
}
