import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { MEDIATION_REFERRAL_ZH } from '../grid.mediation.constants.ts';
import type { FailBody } from '../grid.mediation.schemas.ts';
import { addStep, caseToAct } from './mediation-access.ts';
import { reportToArrears } from './mediation-arrears.ts';
import { tellApplicant } from './mediation-tell.ts';

/** 调解不成: an assigned mediator or the manager closes an accepted case without agreement, referring it (the street, arbitration, a court) with a note. An arrears case it came from hears the outcome (fees' hook). Audited. */
export async function failCase(ctx: Ctx, id: string, body: FailBody): Promise<{ id: string; status: 'failed' }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToAct(tx, ctx, id, 'either', ['accepted', 'in_session'], { zh: '终结调解', en: 'closed as failed' });
    const now = ctx.kernel.clock.now();
    await tx.updateTable('grid_mediation_cases').set({ status: 'failed', referral: body.referral, failure_note: body.note, closed_at: now, updated_at: now }).where('street_id', '=', kase.streetId).where('id', '=', id).execute();
    await addStep(tx, ctx, kase, 'failed', `引导至${MEDIATION_REFERRAL_ZH[body.referral]}：${body.note}`);
    await tellApplicant(tx, ctx, kase, '调解不成');
    await reportToArrears(tx, ctx, kase, 'failed', body.note);
    await audit(tx, ctx, { action: 'grid.mediation.failed', placeId: kase.placeId, subjectType: 'grid_mediation_case', subjectId: id, detail: { no: kase.no, referral: body.referral } });
    return { id, status: 'failed' as const };
  });
}
