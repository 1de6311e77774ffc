import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * Row filter on a materialised path: true when `pathRef` lies under one of `prefixes`. Written as
 * plain prefix LIKEs (not LIKE ANY) so the planner can use the path index and stop early on
 * ordered, paginated lists.
 */
export function pathInScope(pathRef: string, prefixes: string[] | null): Expression<SqlBool> {
  if (prefixes === null) return sql<SqlBool>`true`;
  if (prefixes.length === 0) return sql<SqlBool>`false`;
  const terms = prefixes.map((p) => sql<SqlBool>`${sql.ref(pathRef)} like ${`${p}%`}`);
  return sql<SqlBool>`(${sql.join(terms, sql` or `)})`;
}

/**
 * Row filter: true when the place in `placeIdRef` lies under one of `prefixes`.
 * `null` prefixes (the system actor) match everything; an empty list matches nothing.
 */
export function placeInScope(placeIdRef: Expression<string | null> | ReturnType<typeof sql.ref>, prefixes: string[] | null): Expression<SqlBool> {
  if (prefixes === null) return sql<SqlBool>`true`;
  if (prefixes.length === 0) return sql<SqlBool>`false`;
  const patterns = prefixes.map((p) => `${p}%`);
  return sql<SqlBool>`exists (select 1 from places sp where sp.id = ${placeIdRef} and sp.path like any(${patterns}::text[]))`;
}
