import type { Actor } from '../../../kernel/access/index.ts';
import { currentRoomsOf, type ResidentRoom } from '../../registry/index.ts';
import type { Executor } from '../deliberation.db.ts';

/**
 * The actor's current households (rooms, any relation: owner, co-owner, tenant, family) under a place: what
 * makes a resident one of an item's households — to read its public parts, support it once per household,
 * rate its outcome once per household. Residents hold no grant; their place is where they live.
 */
export async function householdsUnder(db: Executor, actor: Actor, placePath: string): Promise<ResidentRoom[]> {
  if (!actor.personId) return [];
  const rooms = await currentRoomsOf(db, actor.personId);
  return rooms.filter((r) => r.roomPath.startsWith(placePath));
}

/** Every place path above the actor's rooms (their compounds, communities, street): items at any of them concern the actor. */
export async function residentPlacePaths(db: Executor, actor: Actor): Promise<{ rooms: ResidentRoom[]; prefixes: string[] }> {
  if (!actor.personId) return { rooms: [], prefixes: [] };
  const rooms = await currentRoomsOf(db, actor.personId);
  return { rooms, prefixes: rooms.map((r) => r.roomPath) };
}
