import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../registry.db.ts';

/** A room as the fees module bills it. */
export interface BillingRoomFacts {
  roomId: string;
  roomPath: string;
  areaCenti: number;
  use: 'residential' | 'commercial' | 'parking';
  deliveredOn: string | null;
  /** On `day` its only owners of record are developers (建设单位): unsold. */
  developerHeld: boolean;
}

/**
 * Every room under `placePath` with what billing needs, in one query (a compound of thousands of rooms, a street
 * of a hundred thousand: generation reads them at once). Read by the fees module through index.ts; it checks
 * access itself.
 */
export async function billingRoomsUnder(caller: AnyExecutor, streetId: string, placePath: string, day: string): Promise<BillingRoomFacts[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  // Two plain scans rather than a subquery per room: a street's hundred thousand rooms are read at once.
  const [rooms, developerHeld] = await Promise.all([
    db
      .selectFrom('reg_rooms as r')
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
      .select(['r.place_id as roomId', 'p.path as roomPath', 'r.area_centi as areaCenti', 'r.use', 'r.delivered_on as deliveredOn'])
      .where('r.street_id', '=', streetId)
      .where('p.path', 'like', `${placePath}%`)
      .orderBy('p.path')
      .execute(),
    db
      .selectFrom('reg_households as h')
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'h.street_id').onRef('p.id', '=', 'h.room_id'))
      .leftJoin('reg_organisations as o', (j) => j.onRef('o.street_id', '=', 'h.street_id').onRef('o.id', '=', 'h.organisation_id'))
      .select('h.room_id as roomId')
      .where('h.street_id', '=', streetId)
      .where('p.path', 'like', `${placePath}%`)
      .where('h.relation', 'in', ['owner', 'co_owner'])
      .where((eb) => eb.or([eb('h.start_date', 'is', null), eb('h.start_date', '<=', day)]))
      .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>', day)]))
      .groupBy('h.room_id')
      .having(sql<boolean>`bool_and(h.organisation_id is not null and o.kind = 'developer')`)
      .execute(),
  ]);
  const held = new Set(developerHeld.map((r) => r.roomId));
  return rooms.map((r) => ({ ...r, deliveredOn: r.deliveredOn === null ? null : String(r.deliveredOn), developerHeld: held.has(r.roomId) }));
}
