import { randomInt } from 'node:crypto';
import { recordAudit } from '../../../kernel/audit/audit.ts';
import type { Kernel } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { sendNow } from '../../../kernel/notify/notify.ts';
import { maskPhone } from '../../../kernel/pii/pii.ts';
import { read } from '../activation.db.ts';
import { ActivationErrors } from '../activation.errors.ts';
import { OTP } from '../activation.constants.ts';
import { latestOpenOtp, otpSendStats } from '../activation.repository.ts';
import type { OtpPurpose } from '../activation.tables.ts';
import { otpHash } from './otp-hash.ts';

const DAY_MS = 24 * 60 * 60_000;

export interface IssueOtpInput {
  /** A normalised mainland mobile number (the schemas' `Mobile`). */
  phone: string;
  /** What the code is for: a code of one purpose never verifies for another, and each purpose is throttled apart. */
  purpose: OtpPurpose;
  /** The SMS template sent (declared in a module's notifications manifest); it is filled with `{ code }`. */
  template: string;
  /**
   * `false`: store a code nobody can type and send `template` as it is — a text that says why no code came (a
   * sign-up for a registered number, a reset for a number without an account). The caller answers the same
   * either way, so the form does not tell strangers which numbers are registered. Default `true`.
   */
  usable?: boolean;
  locale?: string;
}

/** Who asked: nobody signed in (the masked phone is the audit's name), or a signed-in account (a ballot). */
export interface OtpRequester {
  accountId?: string | null;
  name?: string;
  requestId?: string;
}

/**
 * Issues a one-time code of `purpose` to a phone and texts it at once (the notification service's `sendNow`, never
 * queued: the person is waiting with the form open, and the code is stored nowhere to be sent later).
 *
 * - Throttled per phone and purpose: one every `OTP.resendMs` (OTP_RESEND_TOO_SOON, 429) and `OTP.perDay` a day
 *   (OTP_DAILY_LIMIT, 429).
 * - The previous open code of the same purpose stops working; codes of other purposes are left alone.
 * - Only a keyed hash of the code is stored (otp-hash.ts), bound to its row.
 * - Audited (`activation.otp_sent`, masked phone and purpose); if the text cannot be sent the code is forgotten
 *   (so the throttle does not hold the person back for a text they never got), `activation.otp_send_failed` is
 *   audited and the error is thrown on.
 *
 * Runs its own transactions (it must not roll back with a caller's failure): call it outside any `write`.
 * Verify the code with `verifyOtp`, then consume it with `consumeOtp` in the transaction of the change it allows.
 */
export async function issueOtp(kernel: Kernel, input: IssueOtpInput, who: OtpRequester = {}) {
  const { pii, clock } = kernel;
  const db = read(kernel);
  const { phone, purpose } = input;
  const usable = input.usable ?? true;
  const now = clock.now();
  const phoneHash = pii.hash(phone);
  const stats = await otpSendStats(db, phoneHash, purpose, new Date(now.getTime() - DAY_MS));
  if (stats.last && now.getTime() - stats.last.getTime() < OTP.resendMs) {
    throw ActivationErrors.OTP_RESEND_TOO_SOON({ seconds: Math.ceil((stats.last.getTime() + OTP.resendMs - now.getTime()) / 1000) });
  }
  if (stats.count >= OTP.perDay) throw ActivationErrors.OTP_DAILY_LIMIT();

  const code = String(randomInt(0, 10 ** OTP.digits)).padStart(OTP.digits, '0');
  const id = newId();
  const actor = { accountId: who.accountId ?? null, name: who.name ?? maskPhone(phone), requestId: who.requestId };
  await db.transaction().execute(async (tx) => {
    // The previous open code of this purpose stops working the moment a new one is sent.
    if (await latestOpenOtp(tx, phoneHash, purpose)) {
      await tx.updateTable('act_otps').set({ consumed_at: now }).where('phone_hash', '=', phoneHash).where('purpose', '=', purpose).where('consumed_at', 'is', null).execute();
    }
    await tx
      .insertInto('act_otps')
      .values({
        id,
        phone_hash: phoneHash,
        purpose,
        // No usable code: the stored hash matches nothing anyone can type.
        code_hash: usable ? otpHash(pii, id, code) : `none:${newId()}`,
        created_at: now,
        expires_at: new Date(now.getTime() + OTP.ttlMs),
      })
      .execute();
    await recordAudit(tx, actor, { action: 'activation.otp_sent', subjectType: 'otp', subjectId: id, detail: { phone: maskPhone(phone), purpose } }, now);
  });

  try {
    await sendNow(kernel, { phone }, input.template, usable ? { code } : {}, input.locale);
  } catch (err) {
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('act_otps').where('id', '=', id).execute();
      await recordAudit(tx, actor, { action: 'activation.otp_send_failed', subjectType: 'otp', subjectId: id, detail: { purpose } }, clock.now());
    });
    throw err;
  }
  return { otpId: id, resendAfterSeconds: OTP.resendMs / 1000, expiresInSeconds: OTP.ttlMs / 1000 };
}
