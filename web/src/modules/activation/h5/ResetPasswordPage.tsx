import { Button, Form, Result } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { LanguagePicker } from '../../../resident/LanguagePicker.tsx';
import { ApiError } from '../../../shared/api.ts';
import { useMe } from '../../../shared/session.ts';
import { sendResetCode, useResetPassword } from '../api.ts';
import { PhoneCodePasswordFields, digits, useCodeSender } from './PhoneCodePasswordFields.tsx';
import './activation-h5.css';
import '../i18n.ts';

interface Values {
  phone: string;
  code: string;
  password: string;
  password2: string;
}

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
  const { seconds, sending, sendError, send } = useCodeSender(form, sendResetCode);
  const [donePhone, setDonePhone] = useState<string | null>(null);


  if (me.data && !donePhone) return <Navigate to="/" replace />;

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
        <PhoneCodePasswordFields passwordLabel={t('activation.h5.resetPassword')} seconds={seconds} sending={sending} sendError={sendError} onSend={send} />
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
