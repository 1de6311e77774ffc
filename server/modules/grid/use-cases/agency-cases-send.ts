import { audit, type Ctx } from '../../../kernel/context.ts';
import type { SendBody } from '../grid.agency.schemas.ts';
import { write } from '../grid.db.ts';
import { addStep, caseToHandle, tellApplicant } from './agency-access.ts';

/** 转报: the documents go on to the department. */
export async function sendCase(ctx: Ctx, id: string, body: SendBody): Promise<{ id: string; status: 'sent' }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToHandle(tx, ctx, id, ['accepted'], { zh: '转报', en: 'sent on' });
    await tx.updateTable('grid_agency_cases').set({ status: 'sent', sent_at: ctx.kernel.clock.now(), updated_at: ctx.kernel.clock.now() }).where('street_id', '=', kase.streetId).where('id', '=', id).execute();
    await addStep(tx, ctx, kase, 'sent', body.note);
    await tellApplicant(tx, ctx, kase, 'grid.agency.sent', { note: body.note });
    await audit(tx, ctx, { action: 'grid.agency.case_sent', placeId: kase.compoundId, subjectType: 'grid_agency_case', subjectId: id, detail: { no: kase.no, note: body.note } });
    return { id, status: 'sent' as const };
  });
}
