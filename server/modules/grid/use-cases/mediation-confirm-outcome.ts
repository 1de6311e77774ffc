import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { ConfirmOutcomeBody } from '../grid.mediation.schemas.ts';
import { addStep, caseToAct, todayOf } from './mediation-access.ts';

/** The court's answer to a confirmation applied for: confirmed or rejected, on a day (not before applying, not after today), a note. Once. Audited. */
export async function recordConfirmation(ctx: Ctx, id: string, body: ConfirmOutcomeBody): Promise<{ id: string; outcome: 'confirmed' | 'rejected' }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToAct(tx, ctx, id, 'either', ['agreed'], { zh: '登记司法确认结果', en: 'given the court’s outcome' });
    if (!kase.confirmation_applied_on) throw MediationErrors.CONFIRMATION_NOT_APPLIED();
    if (kase.confirmation_outcome) throw MediationErrors.CONFIRMATION_DECIDED();
    if (body.on < kase.confirmation_applied_on || body.on > todayOf(ctx)) throw MediationErrors.CONFIRMATION_DAY_INVALID();
    await tx
      .updateTable('grid_mediation_cases')
      .set({ confirmation_outcome: body.outcome, confirmation_on: body.on, confirmation_note: body.note ?? '', updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', kase.streetId)
      .where('id', '=', id)
      .execute();
    await addStep(tx, ctx, kase, 'confirmation_outcome', `${body.outcome === 'confirmed' ? '确认有效' : '不予确认'}（${body.on}）${body.note ?? ''}`);
    await audit(tx, ctx, { action: 'grid.mediation.confirmation_recorded', placeId: kase.placeId, subjectType: 'grid_mediation_case', subjectId: id, detail: { no: kase.no, outcome: body.outcome, on: body.on } });
    return { id, outcome: body.outcome };
  });
}
