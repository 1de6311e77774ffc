import { useTranslation } from 'react-i18next';
import { type Credentials, useSignInPage } from './session.ts';

/** Who signs in where: staff by username on the workbench, residents by the mobile number on record on the H5. */
export type SignInShell = 'staff' | 'resident';

/** A rule both UI kits' forms take (antd and antd-mobile share rc-field-form). */
interface FieldRule {
  required?: boolean;
  whitespace?: boolean;
  pattern?: RegExp;
  message: string;
}

/** A mobile number as people type it, spaces allowed: 138 0000 0001. */
const MOBILE_TYPED = /^\s*1\d{2}\s*\d{4}\s*\d{4}\s*$/;

/**
 * Everything a sign-in page is but its layout, for both shells (their UI kits differ, so each keeps its own
 * page): the two fields (name, label, rules) and their inputs' attributes, what the form sends, the
 * server's refusal as a message (already in the reader's language; cleared on a new attempt), and where to go once signed in.
 * The labels are what the journeys find the fields by (用户名 / 手机号, 密码).
 */
export function useSignInForm(shell: SignInShell) {
  const { t } = useTranslation();
  const { login, signedInTo } = useSignInPage();
  const staff = shell === 'staff';
  const loginRules: FieldRule[] = staff
    ? [{ required: true, whitespace: true, message: t('auth.usernameRequired') }]
    : [
        { required: true, message: t('auth.phoneRequired') },
        { pattern: MOBILE_TYPED, message: t('validation.mobile') },
      ];
  return {
    signedInTo,
    fields: {
      login: { name: 'login', label: staff ? t('auth.username') : t('auth.phone'), rules: loginRules },
      password: { name: 'password', label: t('auth.password'), rules: [{ required: true, message: t('auth.passwordRequired') }] as FieldRule[] },
    },
    inputs: {
      login: { autoComplete: 'username', placeholder: staff ? undefined : t('auth.phonePlaceholder') },
      password: { autoComplete: 'current-password', placeholder: staff ? undefined : t('auth.passwordPlaceholder') },
    },
    /** A phone number goes without the spaces people type in it. */
    submit: (v: Credentials) => login.mutate({ login: staff ? v.login : v.login.replace(/\s+/g, ''), password: v.password }),
    /**
     * A new attempt (typing again, or submitting a form that fails its own checks) clears the last refusal,
     * so that the message on screen is always about the attempt being made.
     */
    retry: () => {
      if (login.error) login.reset();
    },
    pending: login.isPending,
    error: login.error?.message ?? null,
    submitLabel: t('auth.signIn'),
  };
}
