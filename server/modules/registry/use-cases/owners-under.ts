import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../registry.db.ts';

/**
 * For the fees module's owner ratings: how many persons own or co-own a room under each of the places now, by
 * place id — the share of owners who rated is counted against it. No access check: the caller decided already.
 */
export async function ownerPersonsUnder(caller: AnyExecutor, places: readonly { id: string; path: string }[]): Promise<Map<string, number>> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const out = new Map<string, number>(places.map((p) => [p.id, 0]));
  for (const place of places) {
    const row = await sql<{ n: number }>`
      select count(distinct h.person_id)::int as n
      from reg_households h
      join street_places room on room.street_id = h.street_id and room.id = h.room_id
      where room.path like ${`${place.path}%`} and h.person_id is not null
        and h.relation in ('owner', 'co_owner') and (h.end_date is null or h.end_date >= current_date)`.execute(db);
    out.set(place.id, Number(row.rows[0]?.n ?? 0));
  }
  return out;
}
