import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../deliberation.db.ts';

/** One compound's resident verdicts (stage 6 ratings) given in a window: integers the caller divides. */
export interface VerdictsRow {
  compoundId: string;
  /** Items rated, ratings given (one per household and round) and the sum of their scores (1–5). */
  items: number;
  ratings: number;
  scoreSum: number;
}

/**
 * THE PUBLIC FACE of the residents' verdicts for the property-company assessment (the supervision module reads it
 * through deliberation/index.ts): per compound, the stage-6 ratings households gave in `[from, to)` on items held
 * at the compound or a place inside it. Items of a community or the street belong to no one compound and are left
 * out. Integers only: the mean is scoreSum / ratings.
 */
export async function verdictsFor(caller: AnyExecutor, q: { streetId: string; placePath?: string; from: Date; to: Date }): Promise<VerdictsRow[]> {
  // Called by other modules with their own view of the database (kernel/module-database.ts).
  const under = q.placePath ? sql`and c.path like ${`${q.placePath}%`}` : sql``;
  const { rows } = await sql<VerdictsRow>`
    select c.id as "compoundId", count(distinct r.item_id)::int as items, count(*)::int as ratings, sum(r.score)::int as "scoreSum"
    from dlb_ratings r
    join dlb_items i on i.street_id = r.street_id and i.id = r.item_id
    join street_places ip on ip.street_id = i.street_id and ip.id = i.place_id
    join street_places c on c.street_id = ip.street_id and c.kind = 'compound' and ip.path like c.path || '%'
    where r.street_id = ${q.streetId} and r.at >= ${q.from} and r.at < ${q.to} ${under}
    group by c.id, c.path
    order by c.path`.execute(read(caller));
  return rows;
}
