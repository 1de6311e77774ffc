import { Button, Form, Input, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStrongPassword, MOBILE_RE, OTP_RE } from '#server/modules/activation/contract.ts';

/** Spaces typed into a phone number or a code are not part of it. */
export const digits = (v: string | undefined) => (v ?? '').replace(/\s+/g, '');

/**
 * Sending the SMS code from a form's phone field: validates the phone, sends, counts down to the next try the
 * server allows, and keeps the sending error to show under the field.
 */
export function useCodeSender(form: ReturnType<typeof Form.useForm>[0], sendCode: (phone: string) => Promise<{ resendAfterSeconds: number }>) {
  const { t } = useTranslation();
  const [sending, setSending] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [sendError, setSendError] = useState<string | null>(null);
  useEffect(() => {
    if (waitUntil <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [waitUntil, now]);
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
  return { seconds: Math.max(0, Math.ceil((waitUntil - now) / 1000)), sending, sendError, send };
}

/**
 * The fields sign-up and the password reset share: the phone with its 获取验证码 button (and its countdown), the
 * SMS code, a new password by the strong-password rule, and the password again.
 */
export function PhoneCodePasswordFields(props: { passwordLabel: string; seconds: number; sending: boolean; sendError: string | null; onSend: () => void }) {
  const { t } = useTranslation();
  const { seconds, sending, sendError } = props;
  const send = props.onSend;
  return (
    <>
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
            label={props.passwordLabel}
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
    </>
  );
}
