import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { audit, type Ctx, type Kernel } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { read, write } from '../grid.db.ts';
import { addStep, assignedAccounts, currentMediators } from './mediation-access.ts';

/**
 * 超期: every case accepted or in session whose due time has passed (strictly: at the due instant it is not yet
 * overdue) and not marked before is marked overdue once — the conditional update of overdue_at claims it, so two runs
 * mark it once. A timeline step, the committee's mediators (and those assigned) and the street officials over its
 * place told, an audit entry; each case in its own transaction.
 */
export async function markOverdueMediations(kernel: Kernel): Promise<{ marked: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  const due = await read(kernel)
    .selectFrom('grid_mediation_cases')
    .select(['street_id', 'id'])
    .where('status', 'in', ['accepted', 'in_session'])
    .where('overdue_at', 'is', null)
    .where('due_at', '<', now)
    .orderBy('due_at')
    .limit(500)
    .execute();
  let marked = 0;
  for (const d of due) {
    const done = await write(ctx, async (tx) => {
      const k = await tx
        .updateTable('grid_mediation_cases')
        .set({ overdue_at: now, updated_at: now })
        .where('street_id', '=', d.street_id)
        .where('id', '=', d.id)
        .where('status', 'in', ['accepted', 'in_session'])
        .where('overdue_at', 'is', null)
        .where('due_at', '<', now)
        .returning(['no', 'place_id', 'committee_id', 'due_at'])
        .executeTakeFirst();
      if (!k) return false;
      await addStep(tx, ctx, { streetId: d.street_id, id: d.id }, 'overdue');
      const accounts = new Set([...(await currentMediators(tx, ctx, k.committee_id)).map((m) => m.accountId), ...(await assignedAccounts(tx, d.street_id, d.id))]);
      const data = { id: d.id, no: k.no };
      if (accounts.size) await notify(tx, ctx, { template: 'grid.mediation.overdue', placeId: k.place_id, to: { accounts: [...accounts] }, data, subject: { type: 'grid_mediation_case', id: d.id } });
      await notify(tx, ctx, { template: 'grid.mediation.overdue', placeId: k.place_id, to: { roles: ['street_official'] }, data, subject: { type: 'grid_mediation_case', id: d.id } });
      await audit(tx, ctx, { action: 'grid.mediation.overdue', placeId: k.place_id, subjectType: 'grid_mediation_case', subjectId: d.id, detail: { no: k.no, dueAt: k.due_at?.toISOString() ?? null } });
      return true;
    });
    if (done) marked++;
  }
  return { marked };
}

/** Runs hourly. */
export const overdueMediationJob: Job = { name: 'grid.mediation.mark-overdue', everyMs: 3_600_000, run: markOverdueMediations };
