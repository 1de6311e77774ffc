import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../surveys.db.ts';
import { SurveysErrors } from '../surveys.errors.ts';
import { replaceQuestions } from '../surveys.repository.ts';
import type { QuestionInput } from '../surveys.schemas.ts';
import { assertDraft, surveyFor } from './survey-access.ts';
import { checkQuestions } from './survey-rules.ts';
import type { SurveyAnswerPer, SurveyAudience } from '../surveys.constants.ts';

export interface UpdateSurveyInput {
  title?: string;
  description?: string;
  audience?: SurveyAudience;
  answerPer?: SurveyAnswerPer;
  anonymous?: boolean;
  resultsPublic?: boolean;
  opensAt?: Date;
  closesAt?: Date;
}

/** Changes a draft's settings: once published, what residents answered to must not change (409 NOT_DRAFT). */
export async function updateSurvey(ctx: Ctx, id: string, input: UpdateSurveyInput) {
  return write(ctx, async (tx) => {
    const s = await surveyFor(tx, ctx, id, 'manage', { lock: true });
    assertDraft(s);
    const opensAt = input.opensAt ?? s.opens_at;
    const closesAt = input.closesAt ?? s.closes_at;
    if (closesAt.getTime() <= opensAt.getTime()) throw SurveysErrors.BAD_DATES();
    const set = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.audience !== undefined && { audience: input.audience }),
      ...(input.answerPer !== undefined && { answer_per: input.answerPer }),
      ...(input.anonymous !== undefined && { anonymous: input.anonymous }),
      ...(input.resultsPublic !== undefined && { results_public: input.resultsPublic }),
      opens_at: opensAt,
      closes_at: closesAt,
      updated_at: ctx.kernel.clock.now(),
    };
    await tx.updateTable('srv_surveys').set(set).where('street_id', '=', s.street_id).where('id', '=', s.id).execute();
    await audit(tx, ctx, { action: 'surveys.survey.updated', placeId: s.place_id, subjectType: 'survey', subjectId: s.id, detail: { fields: Object.keys(input) } });
    return { id: s.id };
  });
}

/** Replaces a draft's questions as a whole (the builder saves them together, in their order). */
export async function setQuestions(ctx: Ctx, id: string, input: { questions: QuestionInput[] }) {
  const questions = checkQuestions(input.questions);
  return write(ctx, async (tx) => {
    const s = await surveyFor(tx, ctx, id, 'manage', { lock: true });
    assertDraft(s);
    await replaceQuestions(tx, s, questions);
    await tx.updateTable('srv_surveys').set({ updated_at: ctx.kernel.clock.now() }).where('street_id', '=', s.street_id).where('id', '=', s.id).execute();
    await audit(tx, ctx, { action: 'surveys.questions.set', placeId: s.place_id, subjectType: 'survey', subjectId: s.id, detail: { questions: questions.length } });
    return { id: s.id, questions: questions.length };
  });
}
