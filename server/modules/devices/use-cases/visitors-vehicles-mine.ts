import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../devices.db.ts';
import type { VehicleKind, VehicleStatus } from '../devices.tables.ts';
import { myVehicleRooms } from './visitors-access.ts';

export interface MyRoom {
  roomId: string;
  roomLabel: string;
  compoundId: string;
  compoundName: string;
  /** The owner or the tenant: may register vehicles here. */
  mayRegisterVehicles: boolean;
}
export interface MyVehicle {
  id: string;
  roomId: string;
  roomLabel: string;
  compoundName: string;
  plate: string;
  kind: VehicleKind;
  note: string;
  status: VehicleStatus;
  reviewNote: string;
  reviewedAt: Date | null;
  createdAt: Date;
  /** Whether I may remove it (I hold its room as owner or tenant). */
  mayRemove: boolean;
}

/** The acting resident's current rooms, each saying whether they may register vehicles there. */
export async function myRooms(ctx: Ctx): Promise<MyRoom[]> {
  const rooms = await myVehicleRooms(read(ctx), ctx);
  return rooms.map((r) => ({ roomId: r.roomId, roomLabel: r.roomLabel, compoundId: r.compoundId, compoundName: r.compoundName, mayRegisterVehicles: r.mayRegisterVehicles }));
}

/** The vehicles registered to the acting resident's rooms (removed ones left out), newest first. */
export async function myVehicles(ctx: Ctx): Promise<{ rooms: MyRoom[]; items: MyVehicle[] }> {
  const rooms = await myRooms(ctx);
  if (!rooms.length) return { rooms, items: [] };
  const rows = await read(ctx)
    .selectFrom('dev_vehicles as v')
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'v.street_id').onRef('room.id', '=', 'v.room_id'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'v.street_id').onRef('c.id', '=', 'v.place_id'))
    .select(['v.id', 'v.room_id as roomId', pathLabel('room.path', ['building', 'unit', 'room']).as('roomLabel'), 'c.name as compoundName', 'v.plate', 'v.kind', 'v.note', 'v.status', 'v.review_note as reviewNote', 'v.reviewed_at as reviewedAt', 'v.created_at as createdAt'])
    .where('v.room_id', 'in', rooms.map((r) => r.roomId))
    .where('v.status', '<>', 'removed')
    .orderBy('v.created_at', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
  const mayRemove = new Set(rooms.filter((r) => r.mayRegisterVehicles).map((r) => r.roomId));
  return { rooms, items: rows.map((r) => ({ ...r, mayRemove: mayRemove.has(r.roomId) })) };
}
