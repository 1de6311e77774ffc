import { findPlace, isSystem } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { read } from '../grid.db.ts';
import { settingsOf } from './collection-access.ts';

/** The street of the actor's first grant with the permission (a street's settings are the street's). */
export async function streetOfActor(ctx: Ctx, permission: keyof typeof GRID_ROLES): Promise<string> {
  if (isSystem(ctx.actor)) throw CommonErrors.FORBIDDEN();
  const roles = GRID_ROLES[permission] as readonly string[];
  for (const grant of ctx.actor.grants.filter((g) => roles.includes(g.role))) {
    const place = await findPlace(read(ctx), grant.placeId);
    if (place?.street_id) return place.street_id;
  }
  throw CommonErrors.FORBIDDEN();
}

/** The street's incentive and spot-check share, for everyone who reads collection records. */
export async function getCollectionSettings(ctx: Ctx) {
  const streetId = await streetOfActor(ctx, 'collectionRead');
  const s = await settingsOf(read(ctx), streetId);
  return { ...s, canManage: ctx.actor.grants.some((g) => (GRID_ROLES.collectionManage as readonly string[]).includes(g.role)) };
}
