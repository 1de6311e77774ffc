import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../fees.db.ts';
import { RATING_DIMENSIONS, type RatingDimension } from '../fees.ratings.constants.ts';

/** One compound's owner ratings of one company over the months asked: integers only (sums and counts). */
export interface OwnerRatingsRow {
  compoundId: string;
  companyId: string;
  /** Ratings counted (one per owner and month). */
  count: number;
  /** Distinct owners who rated at least once in the months. */
  raters: number;
  /** Per dimension, the sum of the scores: the average is sums[d] / count (numerator / denominator). */
  sums: Record<RatingDimension, number>;
}

/**
 * THE PUBLIC FACE of the owner ratings for the property-company assessment (Supervision reads it through
 * fees/index.ts): per compound and company, the count of ratings, distinct raters and the sum per dimension of
 * the months `from`..`to` ('YYYY-MM', both included) — integers the caller divides (sum / count) itself, so
 * nothing is rounded twice. Narrowed to one street (its key leads the index: give it when you know it), one
 * company, the compounds under a place path, or any of them together. The company is
 * the one rated at the time (a compound that changed company keeps each company's months apart).
 *
 * These are the ratings of owners who paid — the pay-to-rate right (issue 19 §1). The assessment ALSO takes the
 * satisfaction of all residents (repairs ratings, surveys), so residents who have not paid, and tenants, are not
 * silenced: this is one input of it, never the whole.
 */
export async function ownerRatingsFor(caller: AnyExecutor, q: { streetId?: string; companyId?: string; placePath?: string; from: string; to: string }): Promise<OwnerRatingsRow[]> {
  // Called by other modules with their own view of the database (kernel/module-database.ts).
  const db = read(caller);
  const rows = await db
    .selectFrom('fee_ratings as r')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'r.street_id').onRef('c.id', '=', 'r.compound_id'))
    .select([
      'r.compound_id as compoundId',
      'r.company_id as companyId',
      sql<number>`count(*)::int`.as('count'),
      sql<number>`count(distinct r.person_id)::int`.as('raters'),
      ...RATING_DIMENSIONS.map((d) => sql<number>`sum(${sql.ref(`r.${d}`)})::int`.as(d)),
    ])
    .where('r.period', '>=', q.from)
    .where('r.period', '<=', q.to)
    .$if(!!q.streetId, (s) => s.where('r.street_id', '=', q.streetId!))
    .$if(!!q.companyId, (s) => s.where('r.company_id', '=', q.companyId!))
    .$if(!!q.placePath, (s) => s.where('c.path', 'like', `${q.placePath}%`))
    .groupBy(['r.compound_id', 'r.company_id', 'c.path'])
    .orderBy('c.path')
    .orderBy('r.company_id')
    .execute();
  return rows.map((r) => {
    const row = r as unknown as Record<RatingDimension, number>;
    return { compoundId: r.compoundId, companyId: r.companyId, count: r.count, raters: r.raters, sums: Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, Number(row[d])])) as Record<RatingDimension, number> };
  });
}
