import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { SubsidyAccess } from '../fees.subsidies.policy.ts';

/** The path the subsidy lines are narrowed to when a place is chosen: one the actor reads subsidies at, else 404. */
export async function readablePlacePathFor(ctx: Ctx, placeId: string | undefined): Promise<string | undefined> {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !SubsidyAccess.allows(ctx.actor, 'read', place.path)) throw FeesErrors.PLACE_NOT_FOUND();
  return place.path;
}
