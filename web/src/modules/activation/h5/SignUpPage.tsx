import { Button, Checkbox, Form } from 'antd-mobile';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguagePicker } from '../../../resident/LanguagePicker.tsx';
import { usePrivacyNotice } from '../../../resident/privacy/privacy-api.ts';
import { ApiError } from '../../../shared/api.ts';
import { useMe } from '../../../shared/session.ts';
import { sendCode, useSignUp } from '../api.ts';
import { rememberCode } from './pending-code.ts';
import { PhoneCodePasswordFields, digits, useCodeSender } from './PhoneCodePasswordFields.tsx';
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

/** 注册: phone → SMS code → password; then straight on to claiming a room. */
export function SignUpPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const signUp = useSignUp();
  const notice = usePrivacyNotice();
  const { seconds, sending, sendError, send } = useCodeSender(form, sendCode);
  const code = search.get('code');

  useEffect(() => rememberCode(code), [code]);

  if (me.data) return <Navigate to={code ? `/activate?code=${encodeURIComponent(code)}` : '/activate'} replace />;

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
        <PhoneCodePasswordFields passwordLabel={t('activation.h5.password')} seconds={seconds} sending={sending} sendError={sendError} onSend={send} />
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
