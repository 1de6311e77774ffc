import { Button, Form, Input, Result } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { useCheckIn } from '../api.ts';
import '../i18n.ts';

/**
 * 活动签到/签退 (H5): the volunteer types the 6 digits on the organiser's phone (or arrives with ?code= from its QR
 * code); the server says whether it signed them in or out.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [code, setCode] = useState((search.get('code') ?? '').replace(/\D/g, '').slice(0, 6));
  const checkIn = useCheckIn();
  const done = checkIn.data;
  return (
    <>
      <BackTitle fallback="/volunteers/activities">{t('volActivities.h5.checkInTitle')}</BackTitle>
      {done ? (
        <>
          <Result
            status="success"
            title={`${done.mode === 'in' ? t('volActivities.h5.signedIn') : t('volActivities.h5.signedOut')}${done.already ? t('volActivities.h5.already') : ''}`}
            description={`${done.title} · ${formatDateTime(done.at)}${done.mode === 'out' && done.minutes !== null ? ` · ${t('volActivities.h5.minutes', { minutes: done.minutes })}` : ''}`}
          />
          <div className="gz-padded">
            <Button block size="large" onClick={() => navigate('/volunteers/activities/mine')}>
              {t('volActivities.h5.toMine')}
            </Button>
          </div>
        </>
      ) : (
        <Form
          layout="vertical"
          onFinish={() => checkIn.mutate(code)}
          footer={
            <Button block type="submit" color="primary" size="large" loading={checkIn.isPending} disabled={code.length !== 6}>
              {t('volActivities.h5.submit')}
            </Button>
          }
        >
          <Form.Item label={t('volActivities.h5.codeLabel')} help={checkIn.error?.message}>
            <Input
              placeholder={t('volActivities.h5.codePlaceholder')}
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
