import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { AffectedBody } from '../elevator.schemas.ts';
import { decisionFor } from './decision-access.ts';
import { elevatorOf } from './elevator-shares.ts';

/** Where the affected owners may still be marked or unmarked: before voting opens, since they are sealed with the shares. */
export const AFFECTED_EDITABLE = ['draft', 'roll_published'] as const;

/** The organiser marks a room of the stairwell whose own part the works affect (light, access, noise), with a note. */
export async function markAffected(ctx: Ctx, id: string, input: AffectedBody) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: AFFECTED_EDITABLE });
    if (d.kind !== 'elevator' || !(await elevatorOf(tx, d))) throw DecisionsErrors.NOT_AN_ELEVATOR();
    const share = await tx
      .selectFrom('dec_cost_shares')
      .select(['room_id', 'room_label'])
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('room_id', '=', input.roomId)
      .executeTakeFirst();
    if (!share) throw DecisionsErrors.ROOM_NOT_IN_STAIRWELL();
    const exists = await tx.selectFrom('dec_affected').select('id').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('room_id', '=', input.roomId).executeTakeFirst();
    if (exists) throw DecisionsErrors.AFFECTED_EXISTS();
    const affectedId = newId();
    await tx
      .insertInto('dec_affected')
      .values({
        street_id: d.street_id,
        id: affectedId,
        decision_id: d.id,
        room_id: share.room_id,
        room_label: share.room_label,
        impact: input.impact,
        note: input.note ?? '',
        recorded_by: ctx.actor.accountId,
        recorded_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, { action: 'decisions.affected.marked', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, after: { affectedId, room: share.room_label, impact: input.impact } });
    return { id: affectedId };
  });
}

/** Unmarks an affected owner marked by mistake (before voting opens). */
export async function removeAffected(ctx: Ctx, id: string, affectedId: string) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: AFFECTED_EDITABLE });
    const row = await tx.selectFrom('dec_affected').select(['id', 'room_label', 'impact']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', affectedId).executeTakeFirst();
    if (!row) throw DecisionsErrors.AFFECTED_NOT_FOUND();
    await tx.deleteFrom('dec_affected').where('street_id', '=', d.street_id).where('id', '=', row.id).execute();
    await audit(tx, ctx, { action: 'decisions.affected.removed', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, before: { affectedId, room: row.room_label, impact: row.impact } });
    return { id: affectedId, removed: true as const };
  });
}
