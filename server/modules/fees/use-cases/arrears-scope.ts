import { type Actor, can, findPlace, isSystem, type PlaceRow, streetOf } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { allows, authorize } from '../fees.policy.ts';

/**
 * The place an arrears view is about: one the actor reads fees at (else 404), or — none given — the place of
 * the actor's widest fees grant. Answers its path, its street and today's date (Shanghai), the day arrears are
 * aged on.
 */
export async function arrearsScope(ctx: Ctx, placeId: string | undefined, permission: 'read' | 'bill' | 'figures' = 'read', seeWith: 'read' | 'figures' = 'read'): Promise<{ place: PlaceRow; streetId: string; day: string }> {
  const db = read(ctx);
  let place: PlaceRow | undefined;
  if (placeId) place = await findPlace(db, placeId);
  else {
    const grant = ctx.actor.grants.filter((g) => allows(ctx.actor, seeWith, g.placePath)).sort((a, b) => a.placePath.length - b.placePath.length)[0];
    if (grant) place = await findPlace(db, grant.placeId);
  }
  if (!place || !allows(ctx.actor, seeWith, place.path) || place.kind === 'city' || place.kind === 'district') throw FeesErrors.PLACE_NOT_FOUND();
  authorize(ctx.actor, permission, place.path);
  return { place, streetId: streetOf(place), day: chinaDay(ctx.kernel.clock.now()) };
}

/**
 * Owners' names are shown in full only to the street (officials and the platform's admin): the property
 * company's staff and the owners' committee see them masked (王*), as in every list of theirs.
 */
export const seesFullNames = (actor: Actor, placePath: string) => can(actor, ['platform_admin', 'street_official'], placePath);

/** The acting account, for a "by" column: null for the system (a job, a module's hook called by the system). */
export const accountOf = (ctx: Ctx): string | null => (isSystem(ctx.actor) ? null : ctx.actor.accountId);
