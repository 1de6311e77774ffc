import { findPlace, streetOf } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { GridErrors } from '../grid.errors.ts';
import { write } from '../grid.db.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { CommitteeBody } from '../grid.mediation.schemas.ts';
import { authorize } from '../grid.policy.ts';
import { committeeAt } from './mediation-access.ts';

/** Sets up a mediation committee at a community or the street (mediationManage over it): one per place. Audited. */
export async function createCommittee(ctx: Ctx, body: CommitteeBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const place = await findPlace(tx, body.placeId);
    if (!place || !place.street_id) throw GridErrors.PLACE_NOT_FOUND();
    authorize(ctx.actor, 'mediationManage', place.path);
    if (place.kind !== 'community' && place.kind !== 'street') throw MediationErrors.MEDIATION_COMMITTEE_PLACE_INVALID();
    const streetId = streetOf(place);
    if (await committeeAt(tx, streetId, place.id)) throw MediationErrors.MEDIATION_COMMITTEE_EXISTS();
    const id = newId();
    await tx.insertInto('grid_mediation_committees').values({ street_id: streetId, id, place_id: place.id, level: place.kind, name: body.name }).execute();
    await audit(tx, ctx, { action: 'grid.mediation.committee_created', placeId: place.id, subjectType: 'grid_mediation_committee', subjectId: id, detail: { name: body.name } });
    return { id };
  });
}
