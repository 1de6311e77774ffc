import { randomInt } from 'node:crypto';
import { recordAudit } from '../../../kernel/audit/audit.ts';
import { findAccountByPhone } from '../../../kernel/auth/accounts.ts';
import type { Kernel } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { sendNow } from '../../../kernel/notify/notify.ts';
import { maskPhone } from '../../../kernel/pii/pii.ts';
import { read } from '../activation.db.ts';
import { ActivationErrors } from '../activation.errors.ts';
import { OTP } from '../activation.constants.ts';
import { latestOpenOtp, otpSendStats } from '../activation.repository.ts';
import { otpHash } from './otp-hash.ts';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Sends a 6-digit sign-up code by SMS (the notification service's `sendNow`): at most one a minute and ten a day per phone. Only a keyed
 * hash of the code is stored; a newer code replaces the older one.
 *
 * A number that already has an account gets a text saying so instead of a code, and the caller
 * gets the same answer either way: the form does not tell strangers which numbers are registered.
 */
export async function sendSignUpCode(kernel: Kernel, phone: string, meta: { requestId?: string } = {}) {
  const { pii, clock } = kernel;
  const db = read(kernel);
  const now = clock.now();
  const phoneHash = pii.hash(phone);
  const stats = await otpSendStats(db, phoneHash, new Date(now.getTime() - DAY_MS));
  if (stats.last && now.getTime() - stats.last.getTime() < OTP.resendMs) {
    throw ActivationErrors.OTP_RESEND_TOO_SOON({ seconds: Math.ceil((stats.last.getTime() + OTP.resendMs - now.getTime()) / 1000) });
  }
  if (stats.count >= OTP.perDay) throw ActivationErrors.OTP_DAILY_LIMIT();

  const registered = !!(await findAccountByPhone(db, pii, phone));
  const code = String(randomInt(0, 10 ** OTP.digits)).padStart(OTP.digits, '0');
  const id = newId();
  const who = { accountId: null, name: maskPhone(phone), requestId: meta.requestId };
  await db.transaction().execute(async (tx) => {
    // The previous open code stops working the moment a new one is sent.
    const previous = await latestOpenOtp(tx, phoneHash);
    if (previous) await tx.updateTable('act_otps').set({ consumed_at: now }).where('phone_hash', '=', phoneHash).where('consumed_at', 'is', null).execute();
    await tx
      .insertInto('act_otps')
      .values({
        id,
        phone_hash: phoneHash,
        purpose: 'signup',
        // A registered number gets no usable code: the stored hash matches nothing anyone can type.
        code_hash: registered ? `none:${newId()}` : otpHash(pii, id, code),
        created_at: now,
        expires_at: new Date(now.getTime() + OTP.ttlMs),
      })
      .execute();
    await recordAudit(tx, who, { action: 'activation.otp_sent', subjectType: 'otp', subjectId: id, detail: { phone: maskPhone(phone) } }, now);
  });

  try {
    // Sent at once, not queued: the person is waiting with the form open, and the code is stored nowhere.
    await sendNow(kernel, { phone }, registered ? 'activation.already_registered' : 'activation.signup_code', { code });
  } catch (err) {
    // Not sent: forget the code, so the throttle does not hold the person back for a text they never got.
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('act_otps').where('id', '=', id).execute();
      await recordAudit(tx, who, { action: 'activation.otp_send_failed', subjectType: 'otp', subjectId: id }, clock.now());
    });
    throw err;
  }
  return { sent: true, resendAfterSeconds: OTP.resendMs / 1000, expiresInSeconds: OTP.ttlMs / 1000 };
}
