import { findPlace, type PlaceRow } from '../../../kernel/access/index.ts';
import type { Actor } from '../../../kernel/access/index.ts';
import type { Executor } from '../devices.db.ts';
import { DevicesErrors } from '../devices.errors.ts';
import { GatesErrors } from '../devices.gates.errors.ts';
import { allows, authorize } from '../devices.policy.ts';
import type { DevicesPolicy } from '../devices.policy.ts';

type Permission = keyof typeof DevicesPolicy;

/** Whether the actor sees a place in this module at all (any of its devices permissions over it): else 404, not 403. */
export const seesPlace = (actor: Actor, path: string) => allows(actor, 'readDevices', path) || allows(actor, 'readMovements', path) || allows(actor, 'readParking', path);

/** A place of a street the actor may act on with `permission`: unseen → 404 (PLACE_NOT_FOUND), seen but not allowed → 403. */
export async function placeFor(db: Executor, actor: Actor, placeId: string, permission: Permission): Promise<PlaceRow & { street_id: string }> {
  const place = await findPlace(db, placeId);
  if (!place || !place.street_id || !seesPlace(actor, place.path)) throw DevicesErrors.PLACE_NOT_FOUND();
  authorize(actor, permission, place.path);
  return place as PlaceRow & { street_id: string };
}

/** A compound the actor may act on with `permission` (another kind of place → NOT_A_COMPOUND). */
export async function compoundFor(db: Executor, actor: Actor, placeId: string, permission: Permission) {
  const place = await placeFor(db, actor, placeId, permission);
  if (place.kind !== 'compound') throw DevicesErrors.NOT_A_COMPOUND();
  return place;
}

/** A device with its compound's path, the actor allowed `permission` over it: unseen → 404, seen but not allowed → 403. */
export async function deviceFor(db: Executor, actor: Actor, id: string, permission: Permission) {
  const row = await db
    .selectFrom('dev_devices as d')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
    .select(['d.street_id', 'd.id', 'd.place_id', 'd.kind', 'd.name', 'd.location', 'd.key_id', 'd.status', 'd.disabled_reason', 'p.path', 'p.name as place_name'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row || !seesPlace(actor, row.path)) throw GatesErrors.DEVICE_NOT_FOUND();
  authorize(actor, permission, row.path);
  return row;
}
