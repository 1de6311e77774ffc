import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../grid.db.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { MediatorBody } from '../grid.mediation.schemas.ts';
import { authorize } from '../grid.policy.ts';
import { accountOf, committeeById, todayOf } from './mediation-access.ts';

/** Names a staff account a mediator (主任 / 副主任 / 调解员) of a committee the actor manages, from a day (today by default). Audited. */
export async function addMediator(ctx: Ctx, committeeId: string, body: MediatorBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const committee = await committeeById(tx, committeeId);
    if (!committee) throw MediationErrors.MEDIATION_COMMITTEE_NOT_FOUND();
    authorize(ctx.actor, 'mediationManage', committee.placePath);
    const account = await tx.selectFrom('accounts').select(['id', 'person_id', 'disabled']).where('id', '=', body.accountId).executeTakeFirst();
    const staff = account && !account.disabled ? await tx.selectFrom('grants').select('role').where('account_id', '=', account.id).executeTakeFirst() : undefined;
    if (!staff) throw MediationErrors.MEDIATOR_ACCOUNT_NOT_STAFF();
    const current = await tx
      .selectFrom('grid_mediators')
      .select('id')
      .where('street_id', '=', committee.streetId)
      .where('committee_id', '=', committeeId)
      .where('account_id', '=', body.accountId)
      .where('until_on', 'is', null)
      .executeTakeFirst();
    if (current) throw MediationErrors.MEDIATOR_EXISTS();
    const id = newId();
    const fromOn = body.fromOn ?? todayOf(ctx);
    await tx
      .insertInto('grid_mediators')
      .values({ street_id: committee.streetId, id, committee_id: committeeId, account_id: body.accountId, name: body.name, title: body.title, from_on: fromOn, until_on: null, created_by: accountOf(ctx) })
      .execute();
    await audit(tx, ctx, { action: 'grid.mediation.mediator_added', placeId: committee.placeId, subjectType: 'grid_mediation_committee', subjectId: committeeId, detail: { name: body.name, title: body.title, fromOn } });
    return { id };
  });
}
