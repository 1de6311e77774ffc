import { findPlace, isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { SURVEY_PLACE_KINDS, type SubjectStage, type SurveyAnswerPer, type SurveyAudience } from '../surveys.constants.ts';
import { read, write } from '../surveys.db.ts';
import { SurveysErrors } from '../surveys.errors.ts';
import { allows, authorize } from '../surveys.policy.ts';
import { replaceQuestions } from '../surveys.repository.ts';
import type { QuestionInput } from '../surveys.schemas.ts';
import { checkQuestions } from './survey-rules.ts';

export interface CreateSurveyInput {
  placeId: string;
  title: string;
  description?: string;
  audience?: SurveyAudience;
  answerPer?: SurveyAnswerPer;
  anonymous?: boolean;
  resultsPublic?: boolean;
  opensAt: Date;
  closesAt: Date;
  /** What the survey serves (e.g. 'deliberation.item'): stored and filtered on, never interpreted here. */
  subjectType?: string;
  subjectId?: string;
  subjectStage?: SubjectStage;
  questions?: QuestionInput[];
}

/**
 * Drafts a survey at a place (street, community, grid or compound), with its questions if given. A place the
 * actor cannot see answers 404, one they see but may not manage 403. Also what the deliberation module calls
 * (index.ts) to attach a survey to an item's stage, in its own request.
 */
export async function createSurvey(ctx: Ctx, input: CreateSurveyInput) {
  const place = await findPlace(read(ctx), input.placeId);
  if (!place || !(allows(ctx.actor, 'readResults', place.path) || allows(ctx.actor, 'manage', place.path))) throw SurveysErrors.PLACE_NOT_FOUND();
  authorize(ctx.actor, 'manage', place.path);
  if (!place.street_id || !(SURVEY_PLACE_KINDS as readonly string[]).includes(place.kind)) throw SurveysErrors.PLACE_KIND();
  if (input.closesAt.getTime() <= input.opensAt.getTime()) throw SurveysErrors.BAD_DATES();
  if ((input.subjectType === undefined) !== (input.subjectId === undefined) || (input.subjectStage && !input.subjectId)) {
    throw SurveysErrors.SUBJECT_INCOMPLETE();
  }
  const questions = checkQuestions(input.questions ?? []);
  const streetId = place.street_id;
  const id = newId();
  const now = ctx.kernel.clock.now();
  await write(ctx, async (tx) => {
    await tx
      .insertInto('srv_surveys')
      .values({
        street_id: streetId,
        id,
        place_id: place.id,
        title: input.title,
        description: input.description ?? '',
        audience: input.audience ?? 'residents',
        answer_per: input.answerPer ?? 'account',
        anonymous: input.anonymous ?? false,
        results_public: input.resultsPublic ?? false,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        subject_type: input.subjectType ?? null,
        subject_id: input.subjectId ?? null,
        subject_stage: input.subjectStage ?? null,
        published_at: null,
        announced_at: null,
        closed_at: null,
        created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await replaceQuestions(tx, { street_id: streetId, id }, questions);
    await audit(tx, ctx, {
      action: 'surveys.survey.created',
      placeId: place.id,
      subjectType: 'survey',
      subjectId: id,
      after: { title: input.title, audience: input.audience ?? 'residents', answerPer: input.answerPer ?? 'account', anonymous: input.anonymous ?? false },
      detail: { questions: questions.length, subjectType: input.subjectType ?? null },
    });
  });
  return { id };
}
