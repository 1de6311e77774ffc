import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { allows, placeFilter } from '../decisions.policy.ts';
import { listDecisions as queryDecisions } from '../decisions.repository.ts';
import type { DecisionsQuery } from '../decisions.schemas.ts';

/** The decisions in the actor's places, filtered, sorted (newest first by default) and paged in SQL. */
export async function listDecisions(ctx: Ctx, q: DecisionsQuery) {
  let underPath: string | undefined;
  if (q.placeId) {
    const place = await findPlace(read(ctx), q.placeId);
    if (!place || !allows(ctx.actor, 'read', place.path)) throw DecisionsErrors.PLACE_NOT_FOUND();
    underPath = place.path;
  }
  return queryDecisions(read(ctx), { ...q, underPath }, placeFilter(ctx.actor, 'read', 'd.place_id', 'p.path'));
}
