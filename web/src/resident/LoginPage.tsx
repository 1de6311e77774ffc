import { Button, Form, Input } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import type { Credentials } from '../shared/session.ts';
import { useSignInForm } from '../shared/sign-in.ts';
import { LanguagePicker } from './LanguagePicker.tsx';

/** Residents sign in with the mobile number the community has on record; fields, rules and sign-in as the workbench's (shared/sign-in.ts). */
export function LoginPage() {
  const { t } = useTranslation();
  const form = useSignInForm('resident');
  // Back from 找回密码: the phone just reset is filled in (the router's state, never the address).
  const phone = (useLocation().state as { phone?: string } | null)?.phone;
  if (form.signedInTo) return <Navigate to={form.signedInTo} replace />;
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
        initialValues={phone ? { login: phone } : undefined}
        onFinish={(v: Credentials) => form.submit(v)}
        onValuesChange={form.retry}
        onFinishFailed={form.retry}
        footer={
          <>
            {form.error && (
              <p className="gz-form-error" role="alert">
                {form.error}
              </p>
            )}
            <Button block type="submit" color="primary" size="large" loading={form.pending}>
              {form.submitLabel}
            </Button>
          </>
        }
      >
        <Form.Item {...form.fields.login}>
          <Input {...form.inputs.login} type="tel" inputMode="numeric" clearable maxLength={13} />
        </Form.Item>
        <Form.Item {...form.fields.password}>
          <Input {...form.inputs.password} type="password" />
        </Form.Item>
      </Form>
      <div className="gz-login-signup">
        <Link to="/signup">{t('activation.h5.linkSignUp')}</Link>
        <Link to="/reset-password">{t('activation.h5.linkForgot')}</Link>
      </div>
      <div className="gz-login-lang">
        <LanguagePicker />
      </div>
    </div>
  );
}
