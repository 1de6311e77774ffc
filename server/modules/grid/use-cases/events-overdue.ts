import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { audit, type Ctx, type Kernel } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { read, write } from '../grid.db.ts';
import { recordStep } from './events-access.ts';

/**
 * 超时上报: every event dispatched or being handled whose due time has passed (strictly: at the due instant it is
 * not yet overdue) and that was not escalated for being overdue before goes to the street, once — the conditional
 * update of overdue_escalated_at claims it, so two runs (or two processes) escalate it once. A timeline step
 * 'escalated_overdue', the street officials over its place told, an audit entry; each event in its own transaction.
 */
export async function escalateOverdueEvents(kernel: Kernel): Promise<{ escalated: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  const due = await read(kernel)
    .selectFrom('grid_events')
    .select(['street_id', 'id'])
    .where('status', 'in', ['dispatched', 'handling'])
    .where('overdue_escalated_at', 'is', null)
    .where('due_at', '<', now)
    .orderBy('due_at')
    .limit(500)
    .execute();
  let escalated = 0;
  for (const d of due) {
    const done = await write(ctx, async (tx) => {
      const e = await tx
        .updateTable('grid_events')
        .set({ overdue_escalated_at: now, level: 'street', updated_at: now })
        .where('street_id', '=', d.street_id)
        .where('id', '=', d.id)
        .where('status', 'in', ['dispatched', 'handling'])
        .where('overdue_escalated_at', 'is', null)
        .where('due_at', '<', now)
        .returning(['place_id', 'compound_id', 'status', 'location', 'due_at', 'body', 'liaison_id'])
        .executeTakeFirst();
      if (!e) return false;
      const compound = await tx.selectFrom('street_places').select('name').where('street_id', '=', d.street_id).where('id', '=', e.compound_id).executeTakeFirstOrThrow();
      await recordStep(tx, ctx, { streetId: d.street_id, id: d.id }, { kind: 'escalated_overdue', from: e.status, to: e.status, body: e.body, liaisonId: e.liaison_id, note: null });
      await notify(tx, ctx, { template: 'grid.events.overdue', placeId: e.place_id, to: { roles: ['street_official'] }, data: { place: compound.name, location: e.location || compound.name }, subject: { type: 'grid_event', id: d.id } });
      await audit(tx, ctx, { action: 'grid.events.escalated_overdue', placeId: e.place_id, subjectType: 'grid_event', subjectId: d.id, detail: { dueAt: e.due_at?.toISOString() ?? null } });
      return true;
    });
    if (done) escalated++;
  }
  return { escalated };
}

/** Runs hourly. */
export const overdueEventsJob: Job = { name: 'grid.events.escalate-overdue', everyMs: 3_600_000, run: escalateOverdueEvents };
