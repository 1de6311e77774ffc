import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { CONFIRMATION_DAYS } from '../grid.mediation.constants.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { ConfirmApplyBody } from '../grid.mediation.schemas.ts';
import { addDays, addStep, caseToAct, todayOf } from './mediation-access.ts';

/** The last day court confirmation may be applied for: the signing day + 30 (day 30 accepted, day 31 refused). */
export const lastConfirmationDay = (signedOn: string) => addDays(signedOn, CONFIRMATION_DAYS);

/**
 * 申请司法确认: for an agreed case whose signed agreement is uploaded, the court and the day applied (not before
 * signing, not after today, at most 30 days after signing — CONFIRMATION_TOO_LATE after). Once. Audited.
 */
export async function applyConfirmation(ctx: Ctx, id: string, body: ConfirmApplyBody): Promise<{ id: string; appliedOn: string }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToAct(tx, ctx, id, 'either', ['agreed'], { zh: '申请司法确认', en: 'sent for court confirmation' });
    if (!kase.signed_on) throw MediationErrors.MEDIATION_NOT_SIGNED();
    if (kase.confirmation_applied_on) throw MediationErrors.CONFIRMATION_DECIDED();
    if (body.appliedOn < kase.signed_on || body.appliedOn > todayOf(ctx)) throw MediationErrors.CONFIRMATION_DAY_INVALID();
    const last = lastConfirmationDay(kase.signed_on);
    if (body.appliedOn > last) throw MediationErrors.CONFIRMATION_TOO_LATE({ lastDay: last });
    await tx
      .updateTable('grid_mediation_cases')
      .set({ confirmation_court: body.court, confirmation_applied_on: body.appliedOn, updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', kase.streetId)
      .where('id', '=', id)
      .execute();
    await addStep(tx, ctx, kase, 'confirmation_applied', `${body.court}（${body.appliedOn}）`);
    await audit(tx, ctx, { action: 'grid.mediation.confirmation_applied', placeId: kase.placeId, subjectType: 'grid_mediation_case', subjectId: id, detail: { no: kase.no, court: body.court, appliedOn: body.appliedOn } });
    return { id, appliedOn: body.appliedOn };
  });
}
