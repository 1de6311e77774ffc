import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { read, write } from '../supervision.db.ts';
import type { EscalatedTo } from '../supervision.rectification.constants.ts';
import { loadNotice } from '../supervision.rectification.repository.ts';
import { recordNoticeChange } from './notice-access.ts';

/** Notices handled per run; the next run takes the rest. */
const BATCH = 500;

/**
 * Every notice waiting for the company whose deadline has passed (the clock at or after `due_at`, 00:00 China time
 * the day after the deadline) and not yet escalated in this round is marked overdue and escalated ONCE to the level
 * above: a community's notice to the street's officials; a street's notice stays at the street, flagged, and goes
 * to the street's officials and its 物委会 ('street_committee'). Its overdue rounds are counted (the company's
 * credit). A reissue clears the marks, so a new lapse escalates again. Each notice is its own transaction with its
 * timeline event, audit entry and notification. "Now" is the kernel's clock, so tests drive it.
 */
export async function escalateOverdueNotices(kernel: Kernel): Promise<{ escalated: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  const due = await read(kernel)
    .selectFrom('sup_notices')
    .select('id')
    .where('status', 'in', ['issued', 'reissued'])
    .where('escalated_at', 'is', null)
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .orderBy('id')
    .limit(BATCH)
    .execute();
  let escalated = 0;
  for (const d of due) {
    escalated += await write(ctx, async (tx) => {
      const notice = await loadNotice(tx, d.id, true);
      if (!notice || !(notice.status === 'issued' || notice.status === 'reissued') || notice.escalated_at || notice.due_at > now) return 0;
      const to: EscalatedTo = notice.issuer_level === 'community' ? 'street' : 'street_committee';
      await tx
        .updateTable('sup_notices')
        .set({
          overdue_at: now,
          escalated_at: now,
          escalated_to: to,
          first_overdue_at: notice.first_overdue_at ?? now,
          overdue_count: notice.overdue_count + 1,
          updated_at: now,
        })
        .where('street_id', '=', notice.street_id)
        .where('id', '=', notice.id)
        .execute();
      await recordNoticeChange(tx, ctx, notice, now, 'escalated', { detail: { to, deadline: notice.deadline } });
      return 1;
    });
  }
  return { escalated };
}

export const escalateOverdueNoticesJob: Job = { name: 'supervision.escalate_overdue_notices', everyMs: 60 * 60_000, run: escalateOverdueNotices };
