import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { allows } from '../fees.policy.ts';

/**
 * The path a staff list is narrowed to when a place is chosen: the place's, if the actor reads fees there; a place
 * they cannot read answers 404 (ids cannot be probed). No place chosen: undefined (the actor's whole scope).
 */
export async function readablePlacePath(ctx: Ctx, placeId: string | undefined): Promise<string | undefined> {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !allows(ctx.actor, 'read', place.path)) throw FeesErrors.PLACE_NOT_FOUND();
  return place.path;
}
