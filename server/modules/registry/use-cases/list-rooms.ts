import type { Ctx } from '../../../kernel/context.ts';
import { roomFilter } from '../registry.policy.ts';
import { listRooms as queryRooms } from '../registry.repository.ts';
import type { RoomsQuery } from '../registry.schemas.ts';
import { loadPlaceFor } from './load-place.ts';

/** Rooms under a place (or all in scope), searchable by room number or holder name. */
export async function listRooms(ctx: Ctx, q: RoomsQuery) {
  const under = q.placeId ? await loadPlaceFor(ctx.kernel.db, ctx, q.placeId, 'readPlaces') : null;
  return queryRooms(ctx.kernel.db, { ...q, underPath: under?.path }, roomFilter(ctx.actor, 'places.id', 'places.path'));
}
