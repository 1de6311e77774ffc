import type { Executor } from '../supervision.db.ts';

/** One compound's result in a street's PUBLISHED assessment of a quarter. */
export interface PublishedAssessment {
  compoundId: string;
  companyId: string;
  companyName: string;
  rooms: number;
  scoreCenti: number | null;
  colour: string | null;
}

/**
 * For the parts that act on the assessment (the service-standard subsidy): whether a street's quarter is published,
 * and its results per compound then — nothing of a draft or pending period counts. No access check: the caller's
 * use case decides who may see them.
 */
export async function publishedAssessmentsFor(db: Executor, streetId: string, period: string): Promise<{ published: boolean; results: PublishedAssessment[] }> {
  const p = await db.selectFrom('sup_assessment_periods').select('status').where('street_id', '=', streetId).where('period', '=', period).executeTakeFirst();
  if (p?.status !== 'published') return { published: false, results: [] };
  const results = await db
    .selectFrom('sup_assessments')
    .select(['compound_id as compoundId', 'company_id as companyId', 'company_name as companyName', 'rooms', 'score_centi as scoreCenti', 'colour'])
    .where('street_id', '=', streetId)
    .where('period', '=', period)
    .execute();
  return { published: true, results };
}
