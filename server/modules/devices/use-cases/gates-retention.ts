import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { audit, type Ctx, type Kernel } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { RETENTION_DAYS_DEFAULT } from '../devices.constants.ts';
import { read, write } from '../devices.db.ts';
import { PURGE_BATCH } from '../devices.gates.constants.ts';
import { NONCE_KEEP_MS } from '../devices.signature.ts';

/**
 * The retention of movement records (issue 26 §6): for each street, the events that occurred strictly before
 * now − retention_days (dev_settings, default 30) are deleted — an event exactly at the cutoff stays until the next
 * run — in batches of PURGE_BATCH, each its own transaction; one system audit entry per street with the count (when
 * any went). Nonces older than NONCE_KEEP_MS go too (past the ±5 min window a replay is refused as stale anyway).
 */
export async function purgeMovements(kernel: Kernel): Promise<{ streets: number; events: number; nonces: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  // The streets with devices (a small table), not a scan of every event.
  const streets = await read(kernel)
    .selectFrom('dev_devices as d')
    .leftJoin('dev_settings as s', 's.street_id', 'd.street_id')
    .select(['d.street_id as streetId'])
    .select(sql<number>`coalesce(s.retention_days, ${RETENTION_DAYS_DEFAULT})`.as('days'))
    .groupBy(['d.street_id', 's.retention_days'])
    .execute();
  let events = 0;
  let purgedStreets = 0;
  for (const s of streets) {
    const days = Number(s.days);
    const cutoff = new Date(now.getTime() - days * 86_400_000);
    let total = 0;
    for (;;) {
      const n = await write(ctx, async (tx) => {
        const done = await sql<{ n: number }>`
          with gone as (
            delete from dev_events where street_id = ${s.streetId} and id in (
              select id from dev_events where street_id = ${s.streetId} and occurred_at < ${cutoff} limit ${PURGE_BATCH})
            returning 1)
          select count(*)::int as n from gone`.execute(tx);
        return Number(done.rows[0]?.n ?? 0);
      });
      total += n;
      if (n < PURGE_BATCH) break;
    }
    if (total > 0) {
      purgedStreets++;
      events += total;
      await write(ctx, (tx) =>
        audit(tx, ctx, { action: 'devices.gates.events_purged', placeId: s.streetId, subjectType: 'dev_events', detail: { events: total, retentionDays: days, before: cutoff.toISOString() } }),
      );
    }
  }
  const nonces = await write(ctx, async (tx) => {
    const r = await tx.deleteFrom('dev_nonces').where('seen_at', '<', new Date(now.getTime() - NONCE_KEEP_MS)).executeTakeFirst();
    return Number(r.numDeletedRows);
  });
  return { streets: purgedStreets, events, nonces };
}

/** Hourly: an event goes the first run after it passes the street's period. */
export const movementsRetentionJob: Job = { name: 'devices.gates.purge-events', everyMs: 3_600_000, run: purgeMovements };
