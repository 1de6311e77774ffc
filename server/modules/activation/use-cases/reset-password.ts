import { recordAudit } from '../../../kernel/audit/audit.ts';
import { findAccountByPhone, setAccountPassword } from '../../../kernel/auth/accounts.ts';
import { hashPassword } from '../../../kernel/auth/passwords.ts';
import { destroyAccountSessions } from '../../../kernel/auth/sessions.ts';
import type { Kernel } from '../../../kernel/context.ts';
import { maskPhone } from '../../../kernel/pii/pii.ts';
import { read } from '../activation.db.ts';
import { ActivationErrors } from '../activation.errors.ts';
import { isStrongPassword } from '../activation.constants.ts';
import { issueOtp } from './issue-otp.ts';
import { consumeOtp, verifyOtp } from './verify-otp.ts';

/**
 * Forgot password (residents): a reset code by SMS (`issueOtp`, purpose 'reset': one a minute, ten a day per phone,
 * apart from sign-up codes). A number without an account gets a text saying so and how to sign up, a disabled
 * account's a text saying it is disabled — neither with a usable code — and the caller gets the same answer
 * every time: the form does not tell strangers which numbers are registered.
 */
export async function sendResetCode(kernel: Kernel, phone: string, meta: { requestId?: string } = {}) {
  const account = await findAccountByPhone(read(kernel), kernel.pii, phone);
  const template = !account ? 'activation.reset_no_account' : account.disabled ? 'activation.reset_disabled' : 'activation.reset_code';
  const sent = await issueOtp(kernel, { phone, purpose: 'reset', template, usable: !!account && !account.disabled }, { requestId: meta.requestId });
  return { sent: true, resendAfterSeconds: sent.resendAfterSeconds, expiresInSeconds: sent.expiresInSeconds };
}

/**
 * Sets a new password with a reset code: the password rule of sign-up, a new argon2id hash, and every session of
 * the account ends (a phone or a browser someone else holds is signed out). The code is spent in the same
 * transaction. Audited as `account.password_reset`, method 'sms', with the masked phone only. No session is
 * started: the resident signs in with the new password as usual.
 */
export async function resetPasswordBySms(kernel: Kernel, input: { phone: string; code: string; password: string }, meta: { requestId?: string } = {}) {
  const { pii, clock } = kernel;
  const db = read(kernel);
  if (!isStrongPassword(input.password)) throw ActivationErrors.PASSWORD_WEAK();
  const now = clock.now();
  const { otpId } = await verifyOtp(kernel, { phone: input.phone, purpose: 'reset', code: input.code }, { requestId: meta.requestId });

  // A usable code went only to a number with an open account; it may have been disabled (or closed) since.
  const account = await findAccountByPhone(db, pii, input.phone);
  if (!account) throw ActivationErrors.OTP_EXPIRED();
  if (account.disabled) throw ActivationErrors.RESET_ACCOUNT_DISABLED();
  const passwordHash = await hashPassword(input.password);

  await db.transaction().execute(async (tx) => {
    await consumeOtp(tx, otpId, now);
    await setAccountPassword(tx, account.id, passwordHash, false);
    const sessionsEnded = await destroyAccountSessions(tx, account.id);
    await recordAudit(
      tx,
      { accountId: account.id, name: maskPhone(input.phone), requestId: meta.requestId },
      { action: 'account.password_reset', subjectType: 'account', subjectId: account.id, detail: { method: 'sms', phone: maskPhone(input.phone), sessionsEnded } },
      now,
    );
  });
  // This process forgets the sessions now; the others hear it from the database (migration 0011).
  kernel.sessions.invalidate(account.id);
  return { ok: true };
}
