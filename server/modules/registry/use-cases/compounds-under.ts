import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../registry.db.ts';
import type { ManagementMode } from '../registry.tables.ts';

/** One compound as the assessments see it: where it is, who manages it and how many rooms it has. */
export interface CompoundFacts {
  compoundId: string;
  name: string;
  path: string;
  streetId: string;
  /** The community above it (null only for a compound hung directly under a street). */
  communityId: string | null;
  managementMode: ManagementMode;
  companyId: string | null;
  companyName: string | null;
  /** Rooms registered under the compound (every use): the weight of its score in its company's colour. */
  rooms: number;
}

/**
 * For the supervision module's assessments: every compound of a street (narrowed to a place's subtree when a
 * path is given) with its community, management mode, property company and room count — one grouped query. No
 * access check: the caller's use case decides who may see them.
 */
export async function compoundsUnder(caller: AnyExecutor, streetId: string, placePath?: string): Promise<CompoundFacts[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  // Rooms per compound in one pass over the street's rooms, each counted at the compound id in its path (a LIKE of
  // each compound's path against every room can use no index: minutes for a city of a million rooms).
  const roomCounts = await sql<{ compoundId: string; n: number }>`
    select up.id as "compoundId", count(*)::int as n
    from street_places r
    cross join lateral unnest(string_to_array(trim(both '/' from r.path), '/')::uuid[]) as up(id)
    join street_places c on c.street_id = r.street_id and c.id = up.id and c.kind = 'compound'
    where r.street_id = ${streetId} and r.kind = 'room'
    group by up.id`.execute(db);
  const rows = await db
    .selectFrom('street_places as c')
    .leftJoin('reg_compounds as rc', (j) => j.onRef('rc.street_id', '=', 'c.street_id').onRef('rc.place_id', '=', 'c.id'))
    .leftJoin('reg_organisations as o', (j) => j.onRef('o.street_id', '=', 'c.street_id').onRef('o.id', '=', 'rc.property_company_id'))
    .select([
      'c.id as compoundId',
      'c.name',
      'c.path',
      'c.street_id as streetId',
      sql<string | null>`(select cm.id from street_places cm where cm.street_id = c.street_id and cm.kind = 'community' and c.path like cm.path || '%' limit 1)`.as('communityId'),
      'rc.management_mode as managementMode',
      'o.id as companyId',
      'o.name as companyName',
    ])
    .where('c.street_id', '=', streetId)
    .where('c.kind', '=', 'compound')
    .$if(!!placePath, (q) => q.where('c.path', 'like', `${placePath}%`))
    .orderBy('c.path')
    .execute();
  const rooms = new Map(roomCounts.rows.map((r) => [r.compoundId, Number(r.n)]));
  return rows.map((r) => ({ ...r, managementMode: (r.managementMode ?? 'none') as ManagementMode, rooms: rooms.get(r.compoundId) ?? 0 }));
}
