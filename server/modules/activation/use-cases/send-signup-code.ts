import { findAccountByPhone } from '../../../kernel/auth/accounts.ts';
import type { Kernel } from '../../../kernel/context.ts';
import { read } from '../activation.db.ts';
import { issueOtp } from './issue-otp.ts';

/**
 * Sends a 6-digit sign-up code by SMS (`issueOtp`, purpose 'signup'): at most one a minute and ten a day per phone.
 * Only a keyed hash of the code is stored; a newer code replaces the older one.
 *
 * A number that already has an account gets a text saying so instead of a code, and the caller
 * gets the same answer either way: the form does not tell strangers which numbers are registered.
 */
export async function sendSignUpCode(kernel: Kernel, phone: string, meta: { requestId?: string } = {}) {
  const registered = !!(await findAccountByPhone(read(kernel), kernel.pii, phone));
  const sent = await issueOtp(
    kernel,
    { phone, purpose: 'signup', template: registered ? 'activation.already_registered' : 'activation.signup_code', usable: !registered },
    { requestId: meta.requestId },
  );
  return { sent: true, resendAfterSeconds: sent.resendAfterSeconds, expiresInSeconds: sent.expiresInSeconds };
}
