import type { Ctx } from '../../../kernel/context.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows, roomFilter } from '../registry.policy.ts';
import { roomHouseholds } from '../registry.repository.ts';
import { read } from '../registry.db.ts';

/** The people and organisations that hold or live in a room (current and past), masked. */
export async function getRoomHouseholds(ctx: Ctx, roomId: string) {
  const db = read(ctx);
  const room = await db
    .selectFrom('places')
    .innerJoin('reg_rooms', 'reg_rooms.place_id', 'places.id')
    .select(['places.id', 'places.path'])
    .where('places.id', '=', roomId)
    .where(roomFilter(ctx.actor, 'places.id', 'places.path'))
    .executeTakeFirst();
  if (!room) throw RegistryErrors.ROOM_NOT_FOUND();
  const items = await roomHouseholds(db, roomId);
  return { items, canWrite: allows(ctx.actor, 'writeHouseholds', room.path) };
}

