import { recordAudit } from '../../../kernel/audit/audit.ts';
import { createAccount, findAccountByPhone } from '../../../kernel/auth/accounts.ts';
import { hashPassword } from '../../../kernel/auth/passwords.ts';
import { createSession } from '../../../kernel/auth/sessions.ts';
import type { Kernel } from '../../../kernel/context.ts';
import { maskPhone } from '../../../kernel/pii/pii.ts';
import { PRIVACY_VERSION, PrivacyErrors, recordConsent } from '../../../kernel/privacy/privacy.ts';
import { read } from '../activation.db.ts';
import { ActivationErrors } from '../activation.errors.ts';
import { isStrongPassword } from '../activation.constants.ts';
import { consumeOtp, verifyOtp } from './verify-otp.ts';

/**
 * Signs a resident up: the latest code sent to the phone must be typed within five minutes and
 * within five tries. Then an account (argon2id password) and a session are made, in one
 * transaction with the audit entry. The account is not activated yet: that takes a claim.
 */
export async function signUp(
  kernel: Kernel,
  input: { phone: string; code: string; password: string; privacy?: { version: string; sensitive: boolean } },
  meta: { ip?: string; userAgent?: string; requestId?: string } = {},
) {
  const { pii, clock } = kernel;
  const db = read(kernel);
  if (!isStrongPassword(input.password)) throw ActivationErrors.PASSWORD_WEAK();
  // A notice that changed while the form was open: refused before the code is spent.
  if (input.privacy && input.privacy.version !== PRIVACY_VERSION) throw PrivacyErrors.PRIVACY_VERSION_OUTDATED();
  const now = clock.now();
  const who = { accountId: null, name: maskPhone(input.phone), requestId: meta.requestId };

  const { otpId } = await verifyOtp(kernel, { phone: input.phone, purpose: 'signup', code: input.code }, { requestId: meta.requestId });

  if (await findAccountByPhone(db, pii, input.phone)) throw ActivationErrors.PHONE_TAKEN();
  const passwordHash = await hashPassword(input.password);

  return db.transaction().execute(async (tx) => {
    // Used once: a second sign-up racing with the same code finds it consumed.
    await consumeOtp(tx, otpId, now);
    const accountId = await createAccount(tx, pii, { phone: input.phone, displayName: maskPhone(input.phone), password: input.password, passwordHash });
    const session = await createSession(tx, accountId, now, { ip: meta.ip, userAgent: meta.userAgent });
    if (input.privacy) await recordConsent(tx, accountId, input.privacy, now);
    await recordAudit(
      tx,
      { ...who, accountId },
      { action: 'activation.signed_up', subjectType: 'account', subjectId: accountId, detail: { phone: maskPhone(input.phone), ...(input.privacy ? { privacy: input.privacy } : {}) } },
      now,
    );
    return { ...session, accountId };
  });
}
