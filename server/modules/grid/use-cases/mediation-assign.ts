import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { AssignBody } from '../grid.mediation.schemas.ts';
import { addStep, caseToAct, currentMediators } from './mediation-access.ts';

const ACTION = { zh: '指派调解员', en: 'assign mediators' };

/** The committee's managers assign 1–3 of its current mediators to an unfinished case (replacing those before). Audited. */
export async function assignMediators(ctx: Ctx, id: string, body: AssignBody): Promise<{ id: string; mediators: string[] }> {
  return write(ctx, async (tx) => {
    const { kase, access } = await caseToAct(tx, ctx, id, 'either', ['applied', 'accepted', 'in_session'], ACTION);
    if (!access.manager) throw MediationErrors.MEDIATION_NOT_ALLOWED({ action: ACTION.en, actionZh: ACTION.zh });
    const ids = [...new Set(body.mediatorIds)];
    const picked = (await currentMediators(tx, ctx, kase.committeeId)).filter((m) => ids.includes(m.id));
    if (picked.length !== ids.length) throw MediationErrors.MEDIATOR_NOT_OF_COMMITTEE();
    await tx.deleteFrom('grid_mediation_assignments').where('street_id', '=', kase.streetId).where('case_id', '=', id).execute();
    await tx.insertInto('grid_mediation_assignments').values(picked.map((m) => ({ street_id: kase.streetId, case_id: id, mediator_id: m.id, account_id: m.accountId }))).execute();
    const names = picked.map((m) => m.name);
    await addStep(tx, ctx, kase, 'assigned', names.join('、'));
    await audit(tx, ctx, { action: 'grid.mediation.assigned', placeId: kase.placeId, subjectType: 'grid_mediation_case', subjectId: id, detail: { no: kase.no, mediators: names } });
    return { id, mediators: names };
  });
}
