import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../supervision.db.ts';

/** One compound's submitted inspections of a period: the count and the sum of their scores (integers). */
export interface InspectionScoresRow {
  compoundId: string;
  /** Submitted inspections of the compound in the period. */
  inspections: number;
  /** Σ score_centi (each 0..10000, out of 100 in hundredths): the mean is scoreSumCenti / inspections. */
  scoreSumCenti: number;
}

/**
 * THE inspection input of the property-company assessment (the assessment part reads it): per compound, the
 * SUBMITTED inspections of `period` (a quarter 'YYYY-Qn') and the sum of their scores — integers the caller
 * divides itself, so nothing is rounded twice. Narrowed to the compounds under a place path when given. Drafts
 * never count. Compounds without a submitted inspection are absent (the input is missing for them).
 */
export async function inspectionScoresFor(caller: AnyExecutor, q: { streetId: string; period: string; placePath?: string }): Promise<InspectionScoresRow[]> {
  const db = read(caller);
  const rows = await db
    .selectFrom('sup_inspections as i')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
    .select(['i.place_id as compoundId', sql<number>`count(*)::int`.as('inspections'), sql<number>`sum(i.score_centi)::int`.as('scoreSumCenti')])
    .where('i.street_id', '=', q.streetId)
    .where('i.period', '=', q.period)
    .where('i.status', '=', 'submitted')
    .$if(!!q.placePath, (s) => s.where('p.path', 'like', `${q.placePath}%`))
    .groupBy(['i.place_id', 'p.path'])
    .orderBy('p.path')
    .execute();
  return rows.map((r) => ({ compoundId: r.compoundId, inspections: Number(r.inspections), scoreSumCenti: Number(r.scoreSumCenti) }));
}
