import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../repairs.db.ts';

/** One compound's repair figures for one company over a window: integer counts and sums the caller divides. */
export interface RepairFiguresRow {
  compoundId: string;
  companyId: string;
  /** Orders reported in the window (withdrawn ones excluded, as in repairs.figures.ts). */
  reported: number;
  /** Of those, accepted within their response limit. */
  respondedOnTime: number;
  /** Of those, finished (at any time up to now). */
  finished: number;
  /** Of those, marked overdue (escalated past a limit). */
  overdue: number;
  /** Orders rated in the window, and the sum of their ratings (1–5): the mean is ratingSum / rated. */
  rated: number;
  ratingSum: number;
}

/**
 * THE PUBLIC FACE of the repair figures for the property-company assessment (the supervision module reads it
 * through repairs/index.ts): per compound and the company that held each order, the orders reported in
 * `[from, to)` with how many were answered on time, finished and overdue, and the orders rated in `[from, to)`
 * with the sum of their ratings. Integers only; one grouped pass over the street's orders.
 */
export async function repairFiguresFor(caller: AnyExecutor, q: { streetId: string; placePath?: string; from: Date; to: Date }): Promise<RepairFiguresRow[]> {
  // Called by other modules with their own view of the database (kernel/module-database.ts).
  const under = q.placePath ? sql`and p.path like ${`${q.placePath}%`}` : sql``;
  const { rows } = await sql<RepairFiguresRow>`
    select o.compound_id as "compoundId", o.company_id as "companyId",
      count(*) filter (where o.reported_at >= ${q.from} and o.reported_at < ${q.to})::int as reported,
      count(*) filter (where o.reported_at >= ${q.from} and o.reported_at < ${q.to} and o.accepted_at <= o.respond_by)::int as "respondedOnTime",
      count(*) filter (where o.reported_at >= ${q.from} and o.reported_at < ${q.to} and o.finished_at is not null)::int as finished,
      count(*) filter (where o.reported_at >= ${q.from} and o.reported_at < ${q.to} and o.overdue)::int as overdue,
      count(*) filter (where o.rated_at >= ${q.from} and o.rated_at < ${q.to})::int as rated,
      coalesce(sum(o.rating) filter (where o.rated_at >= ${q.from} and o.rated_at < ${q.to}), 0)::int as "ratingSum"
    from rep_orders o
    join street_places p on p.street_id = o.street_id and p.id = o.compound_id
    where o.street_id = ${q.streetId} and o.status <> 'cancelled' ${under}
      and ((o.reported_at >= ${q.from} and o.reported_at < ${q.to}) or (o.rated_at >= ${q.from} and o.rated_at < ${q.to}))
    group by o.compound_id, o.company_id, p.path
    order by p.path, o.company_id`.execute(read(caller));
  return rows;
}
