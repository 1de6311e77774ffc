import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { REVISITABLE } from '../grid.emergency.constants.ts';
import { EmergencyErrors } from '../grid.emergency.errors.ts';
import type { MarkBody } from '../grid.emergency.schemas.ts';
import { write } from '../grid.db.ts';
import { nameOf } from './emergency-access.ts';
import { liveClaimBy, refusal, visitorsHousehold } from './emergency-claim.ts';

/** The answers name questions of the checklist (by index) only. */
export function checkAnswers(answers: Record<string, string>, questions: readonly string[]): void {
  for (const k of Object.keys(answers)) if (Number(k) >= questions.length) throw EmergencyErrors.ANSWERS_INVALID();
}

/**
 * A visitor marks a household: visited / nobody home / refused / needs help (with the need), with the checklist's
 * answers. The visitor must hold the claim, or the household must be free (then claiming and marking are one step):
 * one conditional update, so a household another visitor holds is HOUSEHOLD_HELD and a final one HOUSEHOLD_FINAL.
 * Nobody home may be claimed and marked again; the other statuses are final (a manager corrects them). The claim is
 * let go. One transaction: the status, its history row, the audit entry.
 */
export async function markHousehold(ctx: Ctx, id: string, body: MarkBody): Promise<{ id: string; status: string }> {
  return write(ctx, async (tx) => {
    const { h, accountId, placeId } = await visitorsHousehold(tx, ctx, id);
    checkAnswers(body.answers, h.questions);
    const now = ctx.kernel.clock.now();
    const need = body.status === 'needs_help' ? body.need : '';
    const done = await tx
      .updateTable('grid_emergency_households')
      .set({ status: body.status, need, answers: JSON.stringify(body.answers), marked_by: accountId, marked_name: nameOf(ctx), marked_at: now, claimed_by: null, claimed_name: '', claimed_until: null })
      .where('street_id', '=', h.streetId)
      .where('id', '=', id)
      .where('status', 'in', [...REVISITABLE])
      .where(liveClaimBy(accountId, now))
      .returning(['building', 'unit', 'room'])
      .executeTakeFirst();
    if (!done) return refusal(tx, id);
    await tx
      .insertInto('grid_emergency_household_marks')
      .values({ street_id: h.streetId, id: newId(), household_id: id, status: body.status, need, answers: JSON.stringify(body.answers), by_account: accountId, by_name: nameOf(ctx), at: now })
      .execute();
    await audit(tx, ctx, { action: 'grid.emergency.marked', placeId, subjectType: 'grid_emergency_household', subjectId: id, detail: { room: `${done.building}${done.unit}${done.room}`, status: body.status } });
    return { id, status: body.status };
  });
}
