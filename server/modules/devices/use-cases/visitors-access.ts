import { findPlace, isSystem, type PlaceRow } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { currentMembersOfRoom, type ResidentRoom, roomsOfActor } from '../../registry/index.ts';
import type { Executor } from '../devices.db.ts';
import { DevicesErrors } from '../devices.errors.ts';
import { authorize } from '../devices.policy.ts';
import { VEHICLE_RELATIONS } from '../devices.visitors.constants.ts';
import { VisitorsErrors } from '../devices.visitors.errors.ts';

/**
 * Who may act on what in the visitors part. A resident acts for their own current rooms only (another's room is
 * 404, as if it were not there); registering a vehicle takes the owner or the tenant. Staff act on a compound
 * under their grants: a place they cannot see at all is 404, one they see without the permission 403.
 */

/** One of the acting resident's current rooms (any relation), or 404 ROOM_NOT_YOURS. */
export async function myRoom(db: Executor, ctx: Ctx, roomId: string): Promise<ResidentRoom> {
  const room = (await roomsOfActor(db, ctx)).find((r) => r.roomId === roomId);
  if (!room) throw VisitorsErrors.ROOM_NOT_YOURS();
  return room;
}

/** Whether the acting resident holds the room as its owner (or co-owner) or its tenant. */
export async function ownsOrRents(db: Executor, ctx: Ctx, roomId: string): Promise<boolean> {
  const me = (await currentMembersOfRoom(db, roomId)).find((m) => m.personId === ctx.actor.personId);
  return !!me && me.relations.some((r) => (VEHICLE_RELATIONS as readonly string[]).includes(r));
}

/** The acting resident's rooms held as owner or tenant (where they may register vehicles). */
export async function myVehicleRooms(db: Executor, ctx: Ctx): Promise<(ResidentRoom & { mayRegisterVehicles: boolean })[]> {
  const rooms = await roomsOfActor(db, ctx);
  return Promise.all(rooms.map(async (r) => ({ ...r, mayRegisterVehicles: await ownsOrRents(db, ctx, r.roomId) })));
}

/** Whether any of the actor's grants covers the place (it is in their view, whatever they may do there). */
export const sees = (ctx: Ctx, path: string) => isSystem(ctx.actor) || ctx.actor.grants.some((g) => path.startsWith(g.placePath));

/** A compound the staff actor may act on with `permission`: 404 when unseen, 400 when not a compound, 403 when not allowed. */
export async function staffCompound(db: Executor, ctx: Ctx, placeId: string, permission: 'reviewVehicles' | 'readVehicles'): Promise<PlaceRow & { street_id: string }> {
  const place = await findPlace(db, placeId);
  if (!place || !place.street_id || !sees(ctx, place.path)) throw DevicesErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'compound') throw DevicesErrors.NOT_A_COMPOUND();
  authorize(ctx.actor, permission, place.path);
  return place as PlaceRow & { street_id: string };
}

/** A row of a compound the staff actor reads or acts on: 404 when its compound is unseen, 403 when seen without `permission`. */
export async function staffRowAccess(db: Executor, ctx: Ctx, placeId: string, permission: 'reviewVehicles' | 'readVehicles', notFound: () => Error): Promise<PlaceRow> {
  const place = await findPlace(db, placeId);
  if (!place || !sees(ctx, place.path)) throw notFound();
  authorize(ctx.actor, permission, place.path);
  return place;
}

/** The place a staff list is narrowed to (the workbench's scope: a street, a community, a compound): 404 when unseen. */
export async function staffScope(db: Executor, ctx: Ctx, placeId: string): Promise<PlaceRow> {
  const place = await findPlace(db, placeId);
  if (!place || !sees(ctx, place.path)) throw DevicesErrors.PLACE_NOT_FOUND();
  return place;
}
