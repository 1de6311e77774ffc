import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { EmergencyErrors } from '../grid.emergency.errors.ts';
import type { CorrectBody } from '../grid.emergency.schemas.ts';
import { write } from '../grid.db.ts';
import { accountOf, householdById, managedDeclaration, nameOf } from './emergency-access.ts';
import { checkAnswers } from './emergency-mark.ts';

/** A manager (emergencyManage over the place) corrects a household's status, with the reason: its history row says so. Audited. */
export async function correctHousehold(ctx: Ctx, id: string, body: CorrectBody): Promise<{ id: string; status: string }> {
  return write(ctx, async (tx) => {
    const h = await householdById(tx, id);
    if (!h) throw EmergencyErrors.HOUSEHOLD_NOT_FOUND();
    const d = await managedDeclaration(tx, ctx, h.declarationId);
    checkAnswers(body.answers, h.questions);
    const now = ctx.kernel.clock.now();
    const need = body.status === 'needs_help' ? body.need : '';
    const before = await tx
      .updateTable('grid_emergency_households')
      .set({ status: body.status, need, answers: JSON.stringify(body.answers), marked_by: accountOf(ctx), marked_name: nameOf(ctx), marked_at: body.status === 'pending' ? null : now, claimed_by: null, claimed_name: '', claimed_until: null })
      .where('street_id', '=', h.streetId)
      .where('id', '=', id)
      .returning(['building', 'unit', 'room'])
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('grid_emergency_household_marks')
      .values({ street_id: h.streetId, id: newId(), household_id: id, status: body.status, need, answers: JSON.stringify(body.answers), corrected: true, note: body.note, by_account: accountOf(ctx), by_name: nameOf(ctx), at: now })
      .execute();
    await audit(tx, ctx, {
      action: 'grid.emergency.corrected',
      placeId: d.placeId,
      subjectType: 'grid_emergency_household',
      subjectId: id,
      detail: { room: `${before.building}${before.unit}${before.room}`, from: h.status, to: body.status, note: body.note },
    });
    return { id, status: body.status };
  });
}
