import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import type { AgreeBody } from '../grid.mediation.schemas.ts';
import { addStep, caseToAct } from './mediation-access.ts';
import { reportToArrears } from './mediation-arrears.ts';
import { tellApplicant } from './mediation-tell.ts';

/** 达成协议: an assigned mediator records the agreement's terms after a session; the case is closed 已达成协议 (on time when by its due time). An arrears case it came from hears the outcome (fees' hook). Audited. */
export async function agreeCase(ctx: Ctx, id: string, body: AgreeBody): Promise<{ id: string; status: 'agreed' }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToAct(tx, ctx, id, 'mediator', ['in_session'], { zh: '达成协议', en: 'agreed' });
    const now = ctx.kernel.clock.now();
    await tx.updateTable('grid_mediation_cases').set({ status: 'agreed', agreement_terms: body.terms, agreed_at: now, closed_at: now, updated_at: now }).where('street_id', '=', kase.streetId).where('id', '=', id).execute();
    await addStep(tx, ctx, kase, 'agreed');
    await tellApplicant(tx, ctx, kase, '已达成协议');
    await reportToArrears(tx, ctx, kase, 'agreed', '');
    await audit(tx, ctx, { action: 'grid.mediation.agreed', placeId: kase.placeId, subjectType: 'grid_mediation_case', subjectId: id, detail: { no: kase.no } });
    return { id, status: 'agreed' as const };
  });
}
