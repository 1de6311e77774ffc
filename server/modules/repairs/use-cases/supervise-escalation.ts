import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../repairs.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { RepairErrors } from '../repairs.errors.ts';
import { allows } from '../repairs.policy.ts';
import { insertEvent } from '../repairs.repository.ts';

/**
 * The residents' committee (or the community, the street) records its supervision (督办意见) on an
 * escalated order: on the escalation and on the order's timeline, where the company and the
 * resident see it.
 */
export async function superviseEscalation(ctx: Ctx, id: string, input: { note: string }) {
  return write(ctx, async (tx) => {
    const e = await tx
      .selectFrom('rep_escalations as e')
      .innerJoin('rep_orders as o', 'o.id', 'e.order_id')
      .innerJoin('places as p', 'p.id', 'o.place_id')
      .selectAll('e')
      .select(['p.path as place_path', 'o.status', 'o.no'])
      .where('e.id', '=', id)
      .forUpdate('e')
      .executeTakeFirst();
    if (!e || !allows(ctx.actor, 'readEscalations', e.place_path)) throw RepairErrors.ESCALATION_NOT_FOUND();
    if (!allows(ctx.actor, 'supervise', e.place_path)) throw CommonErrors.FORBIDDEN();
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('rep_escalations')
      .set({ supervised_at: now, supervised_by: ctx.actor.accountId, supervisor_name: ctx.actor.name, supervision_note: input.note })
      .where('id', '=', id)
      .execute();
    await insertEvent(tx, {
      streetId: e.street_id,
      orderId: e.order_id,
      placeId: e.place_id,
      at: now,
      actorId: ctx.actor.accountId,
      actorName: ctx.actor.name,
      action: 'supervised',
      from: e.status,
      to: e.status,
      note: input.note,
      detail: { kind: e.kind },
    });
    await audit(tx, ctx, {
      action: 'repairs.escalation.supervised',
      placeId: e.place_id,
      subjectType: 'repair_order',
      subjectId: e.order_id,
      before: { supervisedAt: e.supervised_at, note: e.supervision_note },
      after: { supervisedAt: now, note: input.note },
      detail: { no: e.no, kind: e.kind },
    });
    return { id, supervisedAt: now };
  });
}
