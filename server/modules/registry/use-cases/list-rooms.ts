import type { Ctx } from '../../../kernel/context.ts';
import { roomFilter } from '../registry.policy.ts';
import { listRooms as queryRooms } from '../registry.repository.ts';
import type { RoomsQuery } from '../registry.schemas.ts';
import { loadPlaceFor } from './load-place.ts';
import { read } from '../registry.db.ts';

/** Rooms under a place (or all in scope), searchable by room number or holder name. */
export async function listRooms(ctx: Ctx, q: RoomsQuery) {
  const under = q.placeId ? await loadPlaceFor(read(ctx), ctx, q.placeId, 'readPlaces') : null;
  return queryRooms(read(ctx), { ...q, underPath: under?.path }, roomFilter(ctx.actor, 'places.id', 'places.path'));
}
