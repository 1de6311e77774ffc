import { findPlace, type PlaceRow } from '../../../kernel/access/index.ts';
import type { Executor } from '../registry.db.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { allows, type RegistryPermission } from '../registry.policy.ts';
import { RegistryErrors } from '../registry.errors.ts';

/**
 * Loads a place the actor may act on. A place the actor cannot even read answers "not found", the
 * same as a place that does not exist, so ids cannot be probed; a readable place the actor may not
 * change answers 403.
 */
export async function loadPlaceFor(db: Executor, ctx: Ctx, id: string, permission: RegistryPermission): Promise<PlaceRow> {
  const place = await findPlace(db, id);
  if (!place) throw RegistryErrors.PLACE_NOT_FOUND();
  if (!allows(ctx.actor, permission, place.path)) {
    if (permission !== 'readPlaces' && allows(ctx.actor, 'readPlaces', place.path)) throw CommonErrors.FORBIDDEN();
    throw RegistryErrors.PLACE_NOT_FOUND();
  }
  return place;
}
