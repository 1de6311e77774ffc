import { sql } from 'kysely';
import type { Kernel } from '../../../kernel/context.ts';
import { read } from '../fees.db.ts';

/** Sends one notification: the answer's status and body. Tests pass one that calls `app.inject`. */
export type Post = (url: string, body: string, headers: Record<string, string>) => Promise<{ status: number; body: string }>;

/** Over real HTTP, as the provider's servers would (the app's own notify URL when it listens). */
export const httpPost: Post = async (url, body, headers) => {
  const res = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: await res.text() };
};

/** Retry after 1 s, 2 s, 4 s … doubling, at most an hour apart, like real gateways' schedules. */
export const backoffMs = (attempts: number) => Math.min(3_600_000, 1000 * 2 ** Math.max(0, attempts - 1));
/** A leased notification (being sent) is not taken by another run for this long. */
const LEASE_MS = 30_000;

/** The merchant's answer counts as received only when it says so: HTTP 200 with `"code":"SUCCESS"`. */
const acknowledged = (r: { status: number; body: string }) => r.status === 200 && /"code"\s*:\s*"SUCCESS"/.test(r.body);

/**
 * The sandbox's delivery job, every second: the notifications due are leased (skip locked, so two processes
 * never send the same one at once), sent in the order queued, and marked delivered — or tried again later with
 * backoff. Returns how many were acknowledged.
 */
export async function deliverSandboxNotifications(kernel: Kernel, post: Post = httpPost, limit = 100): Promise<number> {
  const db = read(kernel);
  const now = kernel.clock.now();
  const due = await db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('fee_sbx_notifications')
      .select(['id', 'url', 'body', 'headers', 'attempts'])
      .where('delivered_at', 'is', null)
      .where('next_at', '<=', now)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length) {
      await tx
        .updateTable('fee_sbx_notifications')
        .set({ next_at: new Date(now.getTime() + LEASE_MS) })
        .where('id', 'in', rows.map((r) => r.id))
        .execute();
    }
    return rows;
  });
  let delivered = 0;
  for (const n of due) {
    let outcome: { ok: boolean; error: string | null };
    try {
      const answer = await post(n.url, n.body, n.headers);
      outcome = acknowledged(answer) ? { ok: true, error: null } : { ok: false, error: `HTTP ${answer.status}: ${answer.body.slice(0, 200)}` };
    } catch (err) {
      outcome = { ok: false, error: String((err as Error).message ?? err).slice(0, 200) };
    }
    const attempts = n.attempts + 1;
    await db
      .updateTable('fee_sbx_notifications')
      .set(
        outcome.ok
          ? { attempts, delivered_at: kernel.clock.now(), last_error: null }
          : { attempts, next_at: new Date(kernel.clock.now().getTime() + backoffMs(attempts)), last_error: outcome.error },
      )
      .where('id', '=', n.id)
      .execute();
    if (outcome.ok) delivered++;
  }
  return delivered;
}

/** Notifications not yet acknowledged (tests and the bench wait for none). */
export async function pendingSandboxNotifications(kernel: Kernel): Promise<number> {
  const r = await read(kernel).selectFrom('fee_sbx_notifications').select(sql<number>`count(*)::int`.as('n')).where('delivered_at', 'is', null).executeTakeFirstOrThrow();
  return r.n;
}
