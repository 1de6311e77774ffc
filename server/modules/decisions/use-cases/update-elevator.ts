import { chinaDay } from '../../../kernel/clock.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { exclusivePartsUnder } from '../../registry/index.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { PatchElevatorBody } from '../elevator.schemas.ts';
import { decisionFor, wrongStatus } from './decision-access.ts';
import { elevatorOf, replaceShares, shareRooms, sharesOf } from './elevator-shares.ts';

/**
 * Changes a retrofit's cost, table or area switch before voting opens, and shares the cost again from the registry as it
 * stands. After the roll is published the rooms keep their link to their head; publishing the roll again (after an
 * objection, or when the registry gained a floor the table lacked) re-shares from that roll's snapshot.
 */
export async function updateElevator(ctx: Ctx, id: string, input: PatchElevatorBody) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true });
    const e = d.kind === 'elevator' ? await elevatorOf(tx, d) : undefined;
    if (!e) throw DecisionsErrors.NOT_AN_ELEVATOR();
    if (d.status !== 'draft' && d.status !== 'roll_published') throw wrongStatus(d.status);
    const now = ctx.kernel.clock.now();
    const next = { costFen: input.costFen ?? Number(e.cost_fen), byArea: input.byArea ?? e.by_area, coefficients: input.coefficients ?? e.coefficients };
    const parts = await exclusivePartsUnder(tx, d.street_id, d.place_path, chinaDay(now));
    const shares = sharesOf(next.costFen, shareRooms(parts), next.coefficients, next.byArea);
    await tx
      .updateTable('dec_elevator')
      .set({ cost_fen: next.costFen, by_area: next.byArea, coefficients: JSON.stringify(next.coefficients), updated_at: now })
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .execute();
    const linked = await tx.selectFrom('dec_cost_shares').select(['room_id', 'entry_id']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).execute();
    await replaceShares(tx, d, shares, new Map(linked.flatMap((l) => (l.entry_id ? [[l.room_id, l.entry_id] as const] : []))));
    await tx.updateTable('dec_decisions').set({ updated_at: now }).where('street_id', '=', d.street_id).where('id', '=', d.id).execute();
    await audit(tx, ctx, {
      action: 'decisions.elevator.updated',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      before: { costFen: Number(e.cost_fen), byArea: e.by_area, coefficients: e.coefficients },
      after: next,
    });
    return { id: d.id, sumFen: shares.reduce((s, x) => s + x.shareFen, 0), rooms: shares.length };
  });
}
