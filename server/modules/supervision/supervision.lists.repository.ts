import type { Executor } from './supervision.db.ts';
import { DEFAULT_LIST_RULES, type ListRules } from './supervision.lists.constants.ts';

/** A street's list rules and their version (0: the defaults, never saved). */
export async function rulesOf(db: Executor, streetId: string): Promise<ListRules & { version: number; updatedAt: Date | null }> {
  const row = await db.selectFrom('sup_list_rules').selectAll().where('street_id', '=', streetId).executeTakeFirst();
  if (!row) return { ...DEFAULT_LIST_RULES, version: 0, updatedAt: null };
  return {
    redFrom: row.red_from,
    redBasis: row.red_basis,
    blackFrom: row.black_from,
    blackBasis: row.black_basis,
    appealDays: row.appeal_days,
    measures: row.measures,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** An entry with its publication and street, for the use cases that act on it. */
export function entryQuery(db: Executor) {
  return db
    .selectFrom('sup_list_entries as e')
    .innerJoin('sup_list_publications as p', (j) => j.onRef('p.street_id', '=', 'e.street_id').onRef('p.id', '=', 'e.publication_id'))
    .innerJoin('street_places as s', (j) => j.onRef('s.street_id', '=', 'e.street_id').onRef('s.id', '=', 'e.street_id'))
    .select([
      'e.street_id',
      'e.id',
      'e.publication_id',
      'e.company_id',
      'e.company_name',
      'e.list',
      'e.grade',
      'e.score_centi',
      'e.basis',
      'e.appeal_until',
      'e.removed_at',
      'p.period',
      'p.published_at',
      'p.as_of',
      's.name as street_name',
      's.path as street_path',
    ]);
}
export type LoadedEntry = NonNullable<Awaited<ReturnType<ReturnType<typeof entryQuery>['executeTakeFirst']>>>;

export async function loadEntry(db: Executor, id: string, forUpdate = false): Promise<LoadedEntry | undefined> {
  const q = entryQuery(db).where('e.id', '=', id);
  return (forUpdate ? q.forUpdate('e') : q).executeTakeFirst();
}
