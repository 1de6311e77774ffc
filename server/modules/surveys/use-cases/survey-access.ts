import type { Ctx } from '../../../kernel/context.ts';
import type { Executor } from '../surveys.db.ts';
import { SurveysErrors } from '../surveys.errors.ts';
import { allows, authorize } from '../surveys.policy.ts';
import { findSurvey, type SurveyRow } from '../surveys.repository.ts';

/**
 * A survey as staff may reach it: one outside every place the actor reads results for answers 404 (ids
 * cannot be probed); `manage` on one they can see but not manage answers 403.
 */
export async function surveyFor(db: Executor, ctx: Ctx, id: string, permission: 'readResults' | 'manage', opts: { lock?: boolean } = {}): Promise<SurveyRow> {
  const survey = await findSurvey(db, id, ctx.kernel.clock.now(), opts);
  if (!survey || !(allows(ctx.actor, 'readResults', survey.place_path) || allows(ctx.actor, 'manage', survey.place_path))) throw SurveysErrors.SURVEY_NOT_FOUND();
  authorize(ctx.actor, permission, survey.place_path);
  return survey;
}

/** Edits (settings, questions) only while a draft. */
export function assertDraft(survey: SurveyRow) {
  if (survey.status !== 'draft') throw SurveysErrors.NOT_DRAFT();
}
