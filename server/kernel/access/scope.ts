import { type Expression, type SqlBool, sql } from 'kysely';

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
