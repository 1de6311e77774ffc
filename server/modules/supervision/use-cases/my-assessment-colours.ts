import type { Ctx } from '../../../kernel/context.ts';
import { roomsOfActor } from '../../registry/index.ts';
import type { Colour } from '../supervision.assessment.constants.ts';
import { read } from '../supervision.db.ts';

export interface MyCompoundColour {
  compoundId: string;
  compoundName: string;
  companyName: string;
  period: string;
  colour: Colour;
}

/**
 * The resident's home: for each compound they live in, the colour of its latest PUBLISHED period with the company
 * and the period — only the colour, never the score or its inputs (drafts and pending periods are not shown).
 */
export async function myAssessmentColours(ctx: Ctx): Promise<MyCompoundColour[]> {
  if (!ctx.actor.personId) return [];
  const rooms = await roomsOfActor(read(ctx), ctx);
  const compounds = [...new Map(rooms.map((r) => [r.compoundId, r])).values()];
  if (!compounds.length) return [];
  const rows = await read(ctx)
    .selectFrom('sup_assessments as a')
    .innerJoin('sup_assessment_periods as ap', (j) => j.onRef('ap.street_id', '=', 'a.street_id').onRef('ap.period', '=', 'a.period'))
    .select(['a.compound_id', 'a.company_name', 'a.period', 'a.colour'])
    .distinctOn('a.compound_id')
    .where('ap.status', '=', 'published')
    .where('a.colour', 'is not', null)
    .where('a.compound_id', 'in', compounds.map((c) => c.compoundId))
    .where('a.street_id', 'in', [...new Set(compounds.map((c) => c.streetId))])
    .orderBy('a.compound_id')
    .orderBy('a.period', 'desc')
    .execute();
  return rows.map((r) => ({ compoundId: r.compound_id, compoundName: compounds.find((c) => c.compoundId === r.compound_id)!.compoundName, companyName: r.company_name, period: r.period, colour: r.colour! }));
}
