import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { MediatorEndBody } from '../grid.mediation.schemas.ts';
import { authorize } from '../grid.policy.ts';
import { committeeById, todayOf } from './mediation-access.ts';

/** Ends a mediator's position (until a day, today by default); the cases assigned to them keep the assignment until reassigned. Audited. */
export async function endMediator(ctx: Ctx, mediatorId: string, body: MediatorEndBody): Promise<{ id: string; untilOn: string }> {
  return write(ctx, async (tx) => {
    const m = await tx.selectFrom('grid_mediators').select(['street_id', 'committee_id', 'name', 'from_on', 'until_on']).where('id', '=', mediatorId).executeTakeFirst();
    if (!m || m.until_on) throw MediationErrors.MEDIATOR_NOT_FOUND();
    const committee = await committeeById(tx, m.committee_id);
    if (!committee) throw MediationErrors.MEDIATOR_NOT_FOUND();
    authorize(ctx.actor, 'mediationManage', committee.placePath);
    const untilOn = body.untilOn && body.untilOn >= m.from_on ? body.untilOn : todayOf(ctx);
    await tx.updateTable('grid_mediators').set({ until_on: untilOn }).where('street_id', '=', m.street_id).where('id', '=', mediatorId).execute();
    await audit(tx, ctx, { action: 'grid.mediation.mediator_ended', placeId: committee.placeId, subjectType: 'grid_mediation_committee', subjectId: committee.id, detail: { name: m.name, untilOn } });
    return { id: mediatorId, untilOn };
  });
}
