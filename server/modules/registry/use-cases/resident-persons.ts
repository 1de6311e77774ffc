import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../registry.db.ts';

/** A person with a household on the day, and the room's path (once per person and room). */
export interface ResidentPersonRoom {
  personId: string;
  roomPath: string;
}

/**
 * For the volunteers module's registered share: the persons of a street with a household (any relation) in force on
 * `day` ('YYYY-MM-DD'; by its start and end dates), each with the path of the room — one row per person and room, so
 * the caller counts a person once per place however many rooms they hold under it. No access check: the caller's
 * figure or use case decides who sees the counts.
 */
export async function residentPersonsOn(caller: AnyExecutor, streetId: string, day: string): Promise<ResidentPersonRoom[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const rows = await sql<ResidentPersonRoom>`
    select distinct h.person_id as "personId", room.path as "roomPath"
    from reg_households h
    join street_places room on room.street_id = h.street_id and room.id = h.room_id
    where h.street_id = ${streetId} and h.person_id is not null
      and (h.start_date is null or h.start_date <= ${day}::date)
      and (h.end_date is null or h.end_date >= ${day}::date)`.execute(db);
  return rows.rows;
}
