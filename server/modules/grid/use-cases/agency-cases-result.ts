import { audit, type Ctx } from '../../../kernel/context.ts';
import { AGENCY_OUTCOME_ZH } from '../grid.agency.constants.ts';
import type { ResultBody } from '../grid.agency.schemas.ts';
import { write } from '../grid.db.ts';
import { addStep, caseToHandle, tellApplicant } from './agency-access.ts';

/** 登记结果: what the department decided. */
export async function recordResult(ctx: Ctx, id: string, body: ResultBody): Promise<{ id: string; status: 'result' }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToHandle(tx, ctx, id, ['sent'], { zh: '登记结果', en: 'given a result' });
    const reason = body.outcome === 'refused' ? body.reason! : null;
    await tx
      .updateTable('grid_agency_cases')
      .set({ status: 'result', outcome: body.outcome, refusal_reason: reason, result_at: ctx.kernel.clock.now(), updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', kase.streetId)
      .where('id', '=', id)
      .execute();
    await addStep(tx, ctx, kase, 'result', reason ? `${AGENCY_OUTCOME_ZH[body.outcome]}：${reason}` : AGENCY_OUTCOME_ZH[body.outcome]);
    await tellApplicant(tx, ctx, kase, 'grid.agency.result', {
      outcome: AGENCY_OUTCOME_ZH[body.outcome],
      outcomeEn: body.outcome === 'success' ? 'done' : 'refused',
      reason: reason ? `原因：${reason}。` : '',
    });
    await audit(tx, ctx, { action: 'grid.agency.case_result', placeId: kase.compoundId, subjectType: 'grid_agency_case', subjectId: id, detail: { no: kase.no, outcome: body.outcome, reason } });
    return { id, status: 'result' as const };
  });
}
