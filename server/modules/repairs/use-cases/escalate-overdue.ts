import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { type Ctx, type Kernel } from '../../../kernel/context.ts';
import { write, read } from '../repairs.db.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { compoundServices } from '../../registry/index.ts';
import { OPEN_STATUSES } from '../repairs.constants.ts';
import { dueForEscalation, loadOrder, updateOrder } from '../repairs.repository.ts';
import { recordChange } from './order-access.ts';

/** Orders handled per run; the next run takes the rest. */
const BATCH = 500;

/**
 * Flags every open order past a deadline as overdue and escalates it to its community's residents'
 * committee: not accepted by the response deadline, or not finished by the completion deadline.
 * Each missed deadline escalates once, however often the job runs; each order is its own
 * transaction with its timeline event and audit entry. "Now" is the kernel's clock.
 */
export async function escalateOverdue(kernel: Kernel): Promise<{ escalated: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  const committees = new Map<string, string | null>();
  const committeeOf = async (compoundId: string) => {
    if (!committees.has(compoundId)) committees.set(compoundId, (await compoundServices(read(kernel), compoundId)).residentsCommittee?.id ?? null);
    return committees.get(compoundId)!;
  };
  let escalated = 0;
  for (const due of await dueForEscalation(read(kernel), now, BATCH)) {
    const committeeId = await committeeOf((await loadOrder(read(kernel), due.id))!.compound_id);
    escalated += await write(ctx, async (tx) => {
      const order = await loadOrder(tx, due.id, true);
      if (!order || !(OPEN_STATUSES as readonly string[]).includes(order.status)) return 0;
      const missed: { kind: 'response' | 'completion'; dueAt: Date }[] = [];
      if (order.status === 'submitted' && order.respond_by < now) missed.push({ kind: 'response', dueAt: order.respond_by });
      if (order.complete_by < now) missed.push({ kind: 'completion', dueAt: order.complete_by });
      let n = 0;
      for (const m of missed) {
        const inserted = await tx
          .insertInto('rep_escalations')
          .values({
            street_id: order.street_id,
            id: newId(),
            order_id: order.id,
            place_id: order.place_id,
            community_id: order.community_id,
            committee_id: committeeId,
            kind: m.kind,
            due_at: m.dueAt,
            escalated_at: now,
          })
          .onConflict((oc) => oc.columns(['street_id', 'order_id', 'kind', 'due_at']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) continue;
        if (n === 0) await updateOrder(tx, order.id, { overdue: true, updated_at: now });
        await recordChange(tx, ctx, order, now, 'escalated', { detail: { kind: m.kind, dueAt: m.dueAt.toISOString() } });
        n++;
      }
      return n > 0 ? 1 : 0;
    });
  }
  return { escalated };
}

export const escalationJob: Job = { name: 'repairs.escalate-overdue', everyMs: 60_000, run: escalateOverdue };
