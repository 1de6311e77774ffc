import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import type { ReasonBody } from '../grid.mediation.schemas.ts';
import { addStep, caseToAct } from './mediation-access.ts';
import { reportToArrears } from './mediation-arrears.ts';
import { tellApplicant } from './mediation-tell.ts';

/** 不予受理: an assigned mediator or the manager declines an applied case, with the reason. Audited; the applicant told. */
export async function declineCase(ctx: Ctx, id: string, body: ReasonBody): Promise<{ id: string; status: 'declined' }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToAct(tx, ctx, id, 'either', ['applied'], { zh: '不予受理', en: 'declined' });
    const now = ctx.kernel.clock.now();
    await tx.updateTable('grid_mediation_cases').set({ status: 'declined', decline_reason: body.reason, closed_at: now, updated_at: now }).where('street_id', '=', kase.streetId).where('id', '=', id).execute();
    await addStep(tx, ctx, kase, 'declined', body.reason);
    await tellApplicant(tx, ctx, kase, '不予受理');
    await reportToArrears(tx, ctx, kase, 'withdrawn', body.reason);
    await audit(tx, ctx, { action: 'grid.mediation.declined', placeId: kase.placeId, subjectType: 'grid_mediation_case', subjectId: id, detail: { no: kase.no, reason: body.reason } });
    return { id, status: 'declined' as const };
  });
}
