import { recordAudit } from '../../../kernel/audit/audit.ts';
import type { Kernel } from '../../../kernel/context.ts';
import type { Executor as KernelExecutor } from '../../../kernel/db/index.ts';
import { maskPhone } from '../../../kernel/pii/pii.ts';
import { read } from '../activation.db.ts';
import { ActivationErrors } from '../activation.errors.ts';
import { OTP } from '../activation.constants.ts';
import { latestOpenOtp } from '../activation.repository.ts';
import type { OtpPurpose } from '../activation.tables.ts';
import { otpMatches } from './otp-hash.ts';
import type { OtpRequester } from './issue-otp.ts';

/**
 * Checks a typed code against the newest open code of `purpose` sent to `phone`, and answers its id. Does not
 * consume it: the caller consumes it with `consumeOtp` in the transaction of the change the code allows, so a
 * change that fails (a weak password, a closed ballot) leaves the code usable, and the code is spent exactly when
 * the change commits.
 *
 * - No open code, or an expired one: OTP_EXPIRED (400). A code of another purpose is not looked at.
 * - `OTP.maxAttempts` wrong tries already: OTP_TOO_MANY_ATTEMPTS (429), even for the right code.
 * - A wrong code: counted and audited (`activation.otp_failed`) in a transaction of its own, which commits although
 *   the request fails; OTP_INVALID (400, tries left) or, at the last try, OTP_TOO_MANY_ATTEMPTS.
 *
 * Why two steps rather than one that consumes: consuming in a transaction of its own and then failing the change
 * would burn the person's code; consuming inside the caller's transaction (`consumeOtp(tx, …)`) keeps both or
 * neither, and the conditional update there makes two racing requests with the same code end with one winner.
 */
export async function verifyOtp(kernel: Kernel, input: { phone: string; purpose: OtpPurpose; code: string }, who: OtpRequester = {}): Promise<{ otpId: string }> {
  const { pii, clock } = kernel;
  const db = read(kernel);
  const now = clock.now();
  const actor = { accountId: who.accountId ?? null, name: who.name ?? maskPhone(input.phone), requestId: who.requestId };

  const otp = await latestOpenOtp(db, pii.hash(input.phone), input.purpose);
  if (!otp || otp.expires_at.getTime() <= now.getTime()) throw ActivationErrors.OTP_EXPIRED();
  if (otp.attempts >= OTP.maxAttempts) throw ActivationErrors.OTP_TOO_MANY_ATTEMPTS();

  if (!otpMatches(pii, otp.id, input.code, otp.code_hash)) {
    // Counted in its own transaction: the failure must stick although the request fails.
    const attempts = await db.transaction().execute(async (tx) => {
      const row = await tx
        .updateTable('act_otps')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', otp.id)
        .where('attempts', '<', OTP.maxAttempts)
        .returning('attempts')
        .executeTakeFirst();
      await recordAudit(tx, actor, { action: 'activation.otp_failed', subjectType: 'otp', subjectId: otp.id, detail: { attempts: row?.attempts ?? OTP.maxAttempts } }, now);
      return row?.attempts ?? OTP.maxAttempts;
    });
    const left = OTP.maxAttempts - attempts;
    throw left > 0 ? ActivationErrors.OTP_INVALID({ left }) : ActivationErrors.OTP_TOO_MANY_ATTEMPTS();
  }
  return { otpId: otp.id };
}

/**
 * Spends a code `verifyOtp` accepted, in the caller's transaction (any module's: it takes the kernel's executor).
 * Used once: a second request racing with the same code finds it consumed (or replaced by a newer one, or
 * expired meanwhile) and gets OTP_EXPIRED, which rolls the caller's change back.
 */
export async function consumeOtp(tx: KernelExecutor, otpId: string, now: Date): Promise<void> {
  const used = await read(tx)
    .updateTable('act_otps')
    .set({ consumed_at: now })
    .where('id', '=', otpId)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw ActivationErrors.OTP_EXPIRED();
}
