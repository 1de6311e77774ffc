import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { type Ctx, type Kernel, audit } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { retentionCutoff } from '../../../kernel/privacy/retention.ts';
import { write } from '../activation.db.ts';

/**
 * Deletes sign-up codes sent before the retention cutoff (GZ_RETENTION_DAYS_OTP), used or not: each
 * holds a keyed hash of a phone number. The cutoff is two days at least, so the daily sending limit
 * still counts the day's codes. Audited as the system with the count.
 */
export async function purgeOtps(kernel: Kernel) {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const cutoff = retentionCutoff(kernel, 'otp');
  return write(ctx, async (tx) => {
    const deleted = Number((await tx.deleteFrom('act_otps').where('created_at', '<', cutoff).executeTakeFirst()).numDeletedRows);
    if (deleted > 0) await audit(tx, ctx, { action: 'activation.otps_purged', detail: { deleted } });
    return { deleted };
  });
}

export const otpRetentionJob: Job = { name: 'activation.otp-retention', everyMs: 3_600_000, run: purgeOtps };
