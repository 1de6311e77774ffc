import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { allows, placeFilter } from '../deliberation.policy.ts';
import { listRecords as queryRecords } from '../deliberation.repository.ts';
import type { RecordsQuery } from '../deliberation.schemas.ts';

/** The records in the actor's places, filtered, sorted (newest first by default) and paged in SQL. */
export async function listRecords(ctx: Ctx, q: RecordsQuery) {
  let underPath: string | undefined;
  if (q.placeId) {
    const place = await findPlace(read(ctx), q.placeId);
    if (!place || !allows(ctx.actor, 'read', place.path)) throw DeliberationErrors.PLACE_NOT_FOUND();
    underPath = place.path;
  }
  return queryRecords(read(ctx), { ...q, underPath }, placeFilter(ctx.actor, 'read', 'r.place_id'));
}
