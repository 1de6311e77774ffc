import type { Ctx } from '../../../kernel/context.ts';
import type { ColourBand } from '../supervision.assessment.constants.ts';
import { AssessmentErrors } from '../supervision.assessment.errors.ts';
import { bandsTopDown } from '../supervision.assessment.scoring.ts';
import { read } from '../supervision.db.ts';
import { quarter } from './assessment-period.ts';
import { compoundFor } from './assessment-scope.ts';
import { visibleAssessment } from './list-assessments.ts';

/**
 * How a compound's score of a period was computed, input by input: the raw figures, the input's 0–100 score, its
 * weight as set and as shared out over the inputs present, and its contribution; with the period's window, so the
 * page links each input to the rows behind it. 404 for a compound the actor does not see (officials: their places;
 * a company: its own compounds) or one not assessed that period.
 */
export async function getCompoundAssessment(ctx: Ctx, q: { period: string; compoundId: string }) {
  const p = quarter(q.period);
  const row = await visibleAssessment(ctx, q.period, q.compoundId);
  if (!row) {
    await compoundFor(ctx, read(ctx), q.compoundId, 'assessmentRead');
    throw AssessmentErrors.ASSESSMENT_NOT_FOUND();
  }
  const { breakdown, settings, ...rest } = row;
  const s = settings as { version: number; bands: ColourBand[] };
  return {
    ...rest,
    breakdown: breakdown as { period: string; settingsVersion: number; presentWeight: number; inputs: unknown[] },
    bands: bandsTopDown(s.bands),
    window: { from: p.start, to: p.end, fromMonth: p.firstDay.slice(0, 7), toMonth: p.lastDay.slice(0, 7) },
  };
}
