import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../registry.db.ts';
import type { OrganisationKind, PartyLevel } from '../registry.tables.ts';

/** An organisation as another module lists it: where it is registered (the place's id, name and path). */
export interface OrganisationAt {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** A party organisation's level and parent (the party module's tree); null for other kinds. */
  partyLevel: PartyLevel | null;
  parentId: string | null;
  streetId: string;
  placeId: string;
  placeName: string;
  placePath: string;
}

/**
 * For the supervision module's 红色业委会 and the party module's tree: the organisations of a kind registered at or under a place (`placePath`)
 * of a street, or those of the given ids. No access check: the calling use case decides who may see them.
 */
export async function organisationsOfKind(
  caller: AnyExecutor,
  kind: OrganisationKind,
  where: { streetId: string; placePath?: string } | { ids: readonly string[] },
): Promise<OrganisationAt[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  if ('ids' in where && where.ids.length === 0) return [];
  const rows = await db
    .selectFrom('reg_organisations as o')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'o.street_id').onRef('p.id', '=', 'o.place_id'))
    .select(['o.id', 'o.name', 'o.kind', 'o.party_level as partyLevel', 'o.parent_id as parentId', 'o.street_id as streetId', 'o.place_id as placeId', 'p.name as placeName', 'p.path as placePath'])
    .where('o.kind', '=', kind)
    .$if('ids' in where, (q) => q.where('o.id', 'in', [...(where as { ids: readonly string[] }).ids]))
    .$if('streetId' in where, (q) => q.where('o.street_id', '=', (where as { streetId: string }).streetId))
    .$if('placePath' in where && !!where.placePath, (q) => q.where('p.path', 'like', `${(where as { placePath: string }).placePath}%`))
    .orderBy('p.path')
    .orderBy('o.name')
    .execute();
  return rows;
}
