import { findPlace, type PlaceRow } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Executor } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { allows } from '../fees.policy.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { FeesPolicy } from '../fees.policy.ts';

/**
 * A place a staff member acts at for the payments part: 404 (`notFound`) when they may not even read fees there
 * — a place outside their scope looks like no place — and 403 when they read but may not do `permission`.
 */
export async function staffPlace(ctx: Ctx, db: Executor, placeId: string, permission: keyof typeof FeesPolicy, notFound: () => AppError = () => FeesErrors.PLACE_NOT_FOUND()): Promise<PlaceRow> {
  const place = await findPlace(db, placeId);
  if (!place || !place.street_id || !(allows(ctx.actor, 'read', place.path) || allows(ctx.actor, permission, place.path))) throw notFound();
  if (!allows(ctx.actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return place;
}
