import { Button, Form, Input, Result, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { isStrongPassword, MOBILE_RE, OTP_RE } from '#server/modules/activation/contract.ts';
import { LanguagePicker } from '../../../resident/LanguagePicker.tsx';
import { ApiError } from '../../../shared/api.ts';
import { useMe } from '../../../shared/session.ts';
import { sendResetCode, useResetPassword } from '../api.ts';
import './activation-h5.css';
import '../i18n.ts';

interface Values {
  phone: string;
  code: string;
  password: string;
  password2: string;
}

const digits = (v: string | undefined) => (v ?? '').replace(/\s+/g, '');

/**
 * 找回密码 (residents): phone → SMS code (with the resend countdown) → the new password twice → done, then back to
 * sign-in with the phone filled in (passed in the router's state, never in the address). Staff ask an administrator.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const reset = useResetPassword();
  const [sending, setSending] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [sendError, setSendError] = useState<string | null>(null);
  const [donePhone, setDonePhone] = useState<string | null>(null);

  useEffect(() => {
    if (waitUntil <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [waitUntil, now]);

  if (me.data && !donePhone) return <Navigate to="/" replace />;
  const seconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const send = async () => {
    setSendError(null);
    try {
      await form.validateFields(['phone']);
    } catch {
      return;
    }
    setSending(true);
    try {
      const res = await sendResetCode(digits(form.getFieldValue('phone')));
      setWaitUntil(Date.now() + res.resendAfterSeconds * 1000);
      setNow(Date.now());
      Toast.show({ content: t('activation.h5.codeSent') });
    } catch (err) {
      setSendError(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  };

  const submit = (v: Values) =>
    reset.mutate({ phone: digits(v.phone), code: digits(v.code), password: v.password }, { onSuccess: () => setDonePhone(digits(v.phone)) });

  const hero = (
    <div className="gz-login-hero">
      <div className="gz-login-mark" aria-hidden>
        共
      </div>
      <h1>{t('activation.h5.resetTitle')}</h1>
      <p>{t('h5.appTagline')}</p>
    </div>
  );

  if (donePhone) {
    return (
      <div className="gz-login">
        {hero}
        <Result status="success" title={t('activation.h5.resetDone')} description={t('activation.h5.resetDoneText')} />
        <Button block color="primary" size="large" onClick={() => navigate('/login', { replace: true, state: { phone: donePhone } })}>
          {t('activation.h5.backToLogin')}
        </Button>
      </div>
    );
  }

  const fieldError = reset.error instanceof ApiError ? reset.error.message : reset.error ? String(reset.error) : null;

  return (
    <div className="gz-login">
      {hero}
      <p className="gz-act-intro">{t('activation.h5.resetIntro')}</p>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => reset.error && reset.reset()}
        footer={
          <>
            {fieldError && (
              <p className="gz-form-error" role="alert">
                {fieldError}
              </p>
            )}
            <Button block type="submit" color="primary" size="large" loading={reset.isPending}>
              {t('activation.h5.submitReset')}
            </Button>
          </>
        }
      >
        <Form.Item
          name="phone"
          label={t('activation.h5.phone')}
          rules={[
            { required: true, message: t('auth.phoneRequired') },
            { validator: async (_, v: string) => (!v || MOBILE_RE.test(digits(v)) ? undefined : Promise.reject(new Error(t('validation.mobile')))) },
          ]}
          description={sendError && <span role="alert" className="gz-act-error-inline">{sendError}</span>}
          extra={
            <Button size="small" color="primary" fill="outline" className="gz-act-send" onClick={send} loading={sending} disabled={seconds > 0}>
              {seconds > 0 ? t('activation.h5.resendIn', { seconds }) : t('activation.h5.sendCode')}
            </Button>
          }
        >
          <Input type="tel" inputMode="numeric" autoComplete="tel" placeholder={t('activation.h5.phonePlaceholder')} clearable maxLength={13} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('activation.h5.otp')}
          required
          rules={[{ validator: async (_, v: string) => (OTP_RE.test(digits(v)) ? undefined : Promise.reject(new Error(t('activation.h5.otpRequired')))) }]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" placeholder={t('activation.h5.otpPlaceholder')} maxLength={6} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('activation.h5.resetPassword')}
          required
          rules={[{ validator: async (_, v: string) => (v && isStrongPassword(v) ? undefined : Promise.reject(new Error(t('activation.h5.passwordWeak')))) }]}
        >
          <Input type="password" autoComplete="new-password" placeholder={t('activation.h5.passwordPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="password2"
          label={t('activation.h5.passwordAgain')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, v: string) => (v === getFieldValue('password') ? undefined : Promise.reject(new Error(t('activation.h5.passwordMismatch')))),
            }),
          ]}
        >
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
      </Form>
      <div className="gz-act-links">
        <Link to="/login">{t('activation.h5.rememberedPassword')}</Link>
      </div>
      <div className="gz-login-lang">
        <LanguagePicker />
      </div>
    </div>
  );
}
