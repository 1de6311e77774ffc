import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { MAX_MEDIATORS, MEDIATION_DAYS } from '../grid.mediation.constants.ts';
import { accountOf, addStep, assignedAccounts, caseToAct, currentMediators } from './mediation-access.ts';
import { tellApplicant } from './mediation-tell.ts';

/**
 * 受理: an assigned mediator or the committee's manager accepts an applied case; the time limit runs from now
 * (due = accepted + MEDIATION_DAYS days). An accepting mediator of the committee not yet assigned joins the case
 * (while fewer than three are). Audited; the applying resident is told.
 */
export async function acceptCase(ctx: Ctx, id: string): Promise<{ id: string; status: 'accepted'; dueAt: Date }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToAct(tx, ctx, id, 'either', ['applied'], { zh: '受理', en: 'accepted' });
    const now = ctx.kernel.clock.now();
    const dueAt = new Date(now.getTime() + MEDIATION_DAYS * 86_400_000);
    await tx.updateTable('grid_mediation_cases').set({ status: 'accepted', accepted_at: now, due_at: dueAt, updated_at: now }).where('street_id', '=', kase.streetId).where('id', '=', id).execute();
    const assigned = await assignedAccounts(tx, kase.streetId, id);
    const me = (await currentMediators(tx, ctx, kase.committeeId)).find((m) => m.accountId === accountOf(ctx));
    if (me && !assigned.includes(me.accountId) && assigned.length < MAX_MEDIATORS)
      await tx.insertInto('grid_mediation_assignments').values({ street_id: kase.streetId, case_id: id, mediator_id: me.id, account_id: me.accountId }).execute();
    await addStep(tx, ctx, kase, 'accepted');
    await tellApplicant(tx, ctx, kase, '已受理');
    await audit(tx, ctx, { action: 'grid.mediation.accepted', placeId: kase.placeId, subjectType: 'grid_mediation_case', subjectId: id, detail: { no: kase.no, dueAt: dueAt.toISOString() } });
    return { id, status: 'accepted' as const, dueAt };
  });
}
