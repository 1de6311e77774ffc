import { sql } from 'kysely';
import { pathLabel } from '../../../kernel/access/index.ts';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../registry.db.ts';

/** A room as the fees module bills it. */
export interface BillingRoomFacts {
  roomId: string;
  roomPath: string;
  /** "1栋 / 1单元 / 1201". */
  label: string;
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
  const rows = await db
    .selectFrom('reg_rooms as r')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
    .select(['r.place_id as roomId', 'p.path as roomPath', 'r.area_centi as areaCenti', 'r.use', 'r.delivered_on as deliveredOn'])
    .select(pathLabel('p.path', ['building', 'unit', 'room']).as('label'))
    .select(
      sql<boolean>`coalesce((
        select bool_and(h.organisation_id is not null and o.kind = 'developer')
        from reg_households h left join reg_organisations o on o.street_id = h.street_id and o.id = h.organisation_id
        where h.street_id = r.street_id and h.room_id = r.place_id and h.relation in ('owner', 'co_owner')
          and (h.start_date is null or h.start_date <= ${day}) and (h.end_date is null or h.end_date > ${day})
      ), false)`.as('developerHeld'),
    )
    .where('r.street_id', '=', streetId)
    .where('p.path', 'like', `${placePath}%`)
    .orderBy('p.path')
    .execute();
  return rows.map((r) => ({ ...r, deliveredOn: r.deliveredOn === null ? null : String(r.deliveredOn) }));
}
