import { Button, Form, Input } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { type Credentials, useSignInPage } from '../shared/session.ts';
import { LanguagePicker } from './LanguagePicker.tsx';

/** Residents sign in with the mobile number the community has on record. */
export function LoginPage() {
  const { t } = useTranslation();
  const { login, signedInTo } = useSignInPage();
  if (signedInTo) return <Navigate to={signedInTo} replace />;
  return (
    <div className="gz-login">
      <div className="gz-login-hero">
        <div className="gz-login-mark" aria-hidden>
          共
        </div>
        <h1>{t('h5.appName')}</h1>
        <p>{t('h5.appTagline')}</p>
      </div>
      <Form
        layout="vertical"
        onFinish={(v: Credentials) => login.mutate({ login: v.login.replace(/\s+/g, ''), password: v.password })}
        footer={
          <>
            {login.error && (
              <p className="gz-form-error" role="alert">
                {login.error.message}
              </p>
            )}
            <Button block type="submit" color="primary" size="large" loading={login.isPending}>
              {t('auth.signIn')}
            </Button>
          </>
        }
      >
        <Form.Item
          name="login"
          label={t('auth.phone')}
          rules={[
            { required: true, message: t('auth.phoneRequired') },
            { pattern: /^\s*1\d{2}\s*\d{4}\s*\d{4}\s*$/, message: t('validation.mobile') },
          ]}
        >
          <Input type="tel" inputMode="numeric" autoComplete="username" placeholder={t('auth.phonePlaceholder')} clearable maxLength={13} />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input type="password" autoComplete="current-password" placeholder={t('auth.passwordPlaceholder')} />
        </Form.Item>
      </Form>
      <div className="gz-login-signup">
        <Link to="/signup">{t('activation.h5.linkSignUp')}</Link>
      </div>
      <div className="gz-login-lang">
        <LanguagePicker />
      </div>
    </div>
  );
}
