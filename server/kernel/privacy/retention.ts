import { SYSTEM_ACTOR } from '../access/index.ts';
import type { RetentionDays } from '../config.ts';
import { type Ctx, type Kernel, audit, write } from '../context.ts';
import type { Job } from '../jobs/jobs.ts';

/** What is kept when GZ_RETENTION_DAYS_* are not set (and in tests that do not set them). */
export const RETENTION_DEFAULTS: RetentionDays = { sessions: 30, signIn: 90, otp: 7, notify: 180 };
const DAY = 86_400_000;

/** The moment before which records of `kind` are deleted: now less its retention days. */
export function retentionCutoff(kernel: Kernel, kind: keyof RetentionDays): Date {
  const days = kernel.config.retention?.[kind] ?? RETENTION_DEFAULTS[kind];
  return new Date(kernel.clock.now().getTime() - days * DAY);
}

/**
 * Deletes the kernel's short-lived personal data past its retention (PIPL art. 19, 47): sessions not
 * used since the cutoff, sign-in failures and known clients, and notifications — messages in a final
 * state and their batch (the payload: names, titles) once no message of it is left. A module's own
 * (SMS codes: activation) goes by its own job with `retentionCutoff`. Audit entries are not touched:
 * they hold no plaintext personal data (test/audit-no-pii.test.ts; audit-no-pii.checks.ts over the demo street),
 * so the hash chain stays whole.
 * One transaction, audited as the system with the counts.
 */
export async function purgeExpired(kernel: Kernel) {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const sessions = retentionCutoff(kernel, 'sessions');
  const signIn = retentionCutoff(kernel, 'signIn');
  const notify = retentionCutoff(kernel, 'notify');
  return write(ctx, async (tx) => {
    const n = (r: { numDeletedRows: bigint }[]) => r.reduce((sum, x) => sum + Number(x.numDeletedRows), 0);
    const counts = {
      sessions: n(await tx.deleteFrom('sessions').where('last_seen_at', '<', sessions).execute()),
      authFailures: n(await tx.deleteFrom('auth_failures').where('at', '<', signIn).execute()),
      knownClients: n(await tx.deleteFrom('auth_known_clients').where('last_success_at', '<', signIn).execute()),
      messages: n(
        await tx
          .deleteFrom('notify_messages')
          .where('status', 'not in', ['queued', 'sending'])
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('notify_batches as b')
                .select('b.id')
                .whereRef('b.street_id', '=', 'notify_messages.street_id')
                .whereRef('b.id', '=', 'notify_messages.batch_id')
                .where('b.created_at', '<', notify),
            ),
          )
          .execute(),
      ),
      batches: n(
        await tx
          .deleteFrom('notify_batches')
          .where('created_at', '<', notify)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('notify_messages as m')
                  .select('m.id')
                  .whereRef('m.street_id', '=', 'notify_batches.street_id')
                  .whereRef('m.batch_id', '=', 'notify_batches.id'),
              ),
            ),
          )
          .execute(),
      ),
    };
    if (Object.values(counts).some((c) => c > 0)) await audit(tx, ctx, { action: 'kernel.retention.purged', detail: counts });
    return counts;
  });
}

/** Hourly: retention is counted in days, an hour late is nothing. */
export const retentionJob: Job = { name: 'kernel.retention', everyMs: 3_600_000, run: purgeExpired };
