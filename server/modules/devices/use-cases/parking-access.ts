import { type Actor, findPlace, isSystem, type PlaceRow } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { DEVICES_ROLES } from '../devices.constants.ts';
import type { Executor } from '../devices.db.ts';
import { DevicesErrors } from '../devices.errors.ts';
import { allows } from '../devices.policy.ts';

/**
 * The parking part's shared rules of access. A place is *seen* by an actor holding any of the module's roles over it
 * (or below it: a compound's staff see the street's rule that covers them); a place not seen answers 404
 * (PLACE_NOT_FOUND), a place seen but without the permission 403.
 */
type Permission = keyof typeof DEVICES_ROLES;
const ANY_ROLE: readonly string[] = [...new Set(Object.values(DEVICES_ROLES).flat())];

export function seesPlace(actor: Actor, placePath: string): boolean {
  if (isSystem(actor)) return true;
  return actor.grants.some((g) => ANY_ROLE.includes(g.role) && (placePath.startsWith(g.placePath) || g.placePath.startsWith(placePath)));
}

/** A place the actor sees and may act on with `permission` (404 unseen, 403 not allowed). */
export async function placeFor(db: Executor, ctx: Ctx, placeId: string, permission: Permission): Promise<PlaceRow & { street_id: string }> {
  const place = await findPlace(db, placeId);
  if (!place || !place.street_id || !seesPlace(ctx.actor, place.path)) throw DevicesErrors.PLACE_NOT_FOUND();
  if (!allows(ctx.actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return place as PlaceRow & { street_id: string };
}

/** The same, for a compound (400 NOT_A_COMPOUND for another kind of place). */
export async function compoundFor(db: Executor, ctx: Ctx, placeId: string, permission: Permission): Promise<PlaceRow & { street_id: string }> {
  const place = await findPlace(db, placeId);
  if (!place || !place.street_id || !seesPlace(ctx.actor, place.path)) throw DevicesErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'compound') throw DevicesErrors.NOT_A_COMPOUND();
  if (!allows(ctx.actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return place as PlaceRow & { street_id: string };
}

/** A record at a place (a space, a session, an alert): unseen → `notFound` (404), seen but not allowed → 403. */
export function checkRecord(ctx: Ctx, placePath: string | undefined, permission: Permission, notFound: () => Error): void {
  if (!placePath || !seesPlace(ctx.actor, placePath)) throw notFound();
  if (!allows(ctx.actor, permission, placePath)) throw CommonErrors.FORBIDDEN();
}

/** Shanghai wall time of an instant, "YYYY-MM-DD HH:mm" (China keeps UTC+8 all year). */
export const chinaMinute = (at: Date | null): string => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** Fen as yuan with two decimals ("12.50"). */
export const yuan = (fen: number | null): string => (fen === null ? '' : (fen / 100).toFixed(2));
