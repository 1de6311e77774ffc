import type { Colour } from '../supervision.assessment.constants.ts';
import type { Executor } from '../supervision.db.ts';

export interface PublishedColour {
  period: string;
  compoundId: string;
  compoundName: string;
  companyId: string;
  companyName: string;
  colour: Colour;
  publishedAt: Date;
}

/**
 * The assessment part's published results of a street: each compound's colour per PUBLISHED period with the company
 * it was assessed for and when it was published — the company-credit input (drafts and pending periods are not
 * results yet; a compound without a score has no colour and is left out).
 */
export async function publishedColoursFor(db: Executor, streetId: string): Promise<PublishedColour[]> {
  const rows = await db
    .selectFrom('sup_assessments as a')
    .innerJoin('sup_assessment_periods as ap', (j) => j.onRef('ap.street_id', '=', 'a.street_id').onRef('ap.period', '=', 'a.period'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'a.street_id').onRef('c.id', '=', 'a.compound_id'))
    .select(['a.period', 'a.compound_id', 'c.name as compound_name', 'a.company_id', 'a.company_name', 'a.colour', 'ap.published_at'])
    .where('a.street_id', '=', streetId)
    .where('ap.status', '=', 'published')
    .where('a.colour', 'is not', null)
    .orderBy('a.period')
    .orderBy('a.compound_id')
    .execute();
  return rows.map((r) => ({
    period: r.period,
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    companyId: r.company_id,
    companyName: r.company_name,
    colour: r.colour!,
    publishedAt: r.published_at!,
  }));
}
