import { Button, Checkbox, Form, Input, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isStrongPassword, MOBILE_RE, OTP_RE } from '#server/modules/activation/contract.ts';
import { LanguagePicker } from '../../../resident/LanguagePicker.tsx';
import { usePrivacyNotice } from '../../../resident/privacy/privacy-api.ts';
import { ApiError } from '../../../shared/api.ts';
import { useMe } from '../../../shared/session.ts';
import { sendCode, useSignUp } from '../api.ts';
import { rememberCode } from './pending-code.ts';
import './activation-h5.css';
import '../i18n.ts';

interface Values {
  phone: string;
  code: string;
  password: string;
  password2: string;
  privacy: boolean;
  sensitive: boolean;
}

const digits = (v: string | undefined) => (v ?? '').replace(/\s+/g, '');

/** 注册: phone → SMS code → password; then straight on to claiming a room. */
export function SignUpPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const signUp = useSignUp();
  const notice = usePrivacyNotice();
  const [sending, setSending] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [sendError, setSendError] = useState<string | null>(null);
  const code = search.get('code');

  useEffect(() => rememberCode(code), [code]);
  useEffect(() => {
    if (waitUntil <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [waitUntil, now]);

  if (me.data) return <Navigate to={code ? `/activate?code=${encodeURIComponent(code)}` : '/activate'} replace />;
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
      const res = await sendCode(digits(form.getFieldValue('phone')));
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
    signUp.mutate(
      {
        phone: digits(v.phone),
        code: digits(v.code),
        password: v.password,
        // The version read on this form, recorded with the account (PIPL); the ID number's consent apart.
        ...(notice.data ? { privacy: { version: notice.data.version, sensitive: !!v.sensitive } } : {}),
      },
      { onSuccess: () => navigate(code ? `/activate?code=${encodeURIComponent(code)}` : '/activate', { replace: true }) },
    );

  const fieldError = signUp.error instanceof ApiError ? signUp.error.message : signUp.error ? String(signUp.error) : null;

  return (
    <div className="gz-login">
      <div className="gz-login-hero">
        <div className="gz-login-mark" aria-hidden>
          共
        </div>
        <h1>{t('activation.h5.signUpTitle')}</h1>
        <p>{t('h5.appTagline')}</p>
      </div>
      <p className="gz-act-intro">{t('activation.h5.signUpIntro')}</p>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        footer={
          <>
            {fieldError && (
              <p className="gz-form-error" role="alert">
                {fieldError}
              </p>
            )}
            <Button block type="submit" color="primary" size="large" loading={signUp.isPending}>
              {t('activation.h5.submitSignUp')}
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
          label={t('activation.h5.password')}
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
        {notice.data && (
          <Form.Item>
            <details className="gz-act-privacy">
              <summary>{t('activation.h5.privacyRead', { title: notice.data.title })}</summary>
              {notice.data.sections.map(([title, text]) => (
                <p key={title}>
                  <strong>{title}</strong>：{text}
                </p>
              ))}
            </details>
          </Form.Item>
        )}
        <Form.Item
          name="privacy"
          valuePropName="checked"
          rules={[{ validator: async (_, v: boolean) => (v ? undefined : Promise.reject(new Error(t('activation.h5.privacyRequired')))) }]}
        >
          <Checkbox>{t('activation.h5.privacyAgree')}</Checkbox>
        </Form.Item>
        <Form.Item name="sensitive" valuePropName="checked">
          <Checkbox>{t('activation.h5.privacySensitive')}</Checkbox>
        </Form.Item>
      </Form>
      <div className="gz-act-links">
        <Link to="/login">{t('activation.h5.haveAccount')}</Link>
      </div>
      <div className="gz-login-lang">
        <LanguagePicker />
      </div>
    </div>
  );
}
