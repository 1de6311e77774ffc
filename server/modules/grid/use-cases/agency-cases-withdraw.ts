import { audit, type Ctx } from '../../../kernel/context.ts';
import type { ReasonBody } from '../grid.agency.schemas.ts';
import { write } from '../grid.db.ts';
import { addStep, caseToHandle, tellApplicant } from './agency-access.ts';

/** 撤回: the case ends unfinished (the resident withdrew it, or it cannot go on), with the reason. */
export async function withdrawCase(ctx: Ctx, id: string, body: ReasonBody): Promise<{ id: string; status: 'withdrawn' }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToHandle(tx, ctx, id, ['accepted', 'sent', 'result'], { zh: '撤回', en: 'withdrawn' });
    await tx
      .updateTable('grid_agency_cases')
      .set({ status: 'withdrawn', withdrawn_at: ctx.kernel.clock.now(), withdraw_reason: body.reason, updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', kase.streetId)
      .where('id', '=', id)
      .execute();
    await addStep(tx, ctx, kase, 'withdrawn', body.reason);
    await tellApplicant(tx, ctx, kase, 'grid.agency.withdrawn', { reason: body.reason });
    await audit(tx, ctx, { action: 'grid.agency.case_withdrawn', placeId: kase.compoundId, subjectType: 'grid_agency_case', subjectId: id, detail: { no: kase.no, reason: body.reason } });
    return { id, status: 'withdrawn' as const };
  });
}
