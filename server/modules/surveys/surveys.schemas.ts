import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import {
  DESCRIPTION_MAX,
  OPTION_MAX,
  OPTIONS_MAX,
  OPTIONS_MIN,
  PROMPT_MAX,
  QUESTIONS_MAX,
  QUESTION_KINDS,
  SCALE_LIMIT,
  SUBJECT_STAGES,
  SURVEY_ANSWER_PER,
  SURVEY_AUDIENCES,
  SURVEY_STATUSES,
  TEXT_ANSWER_MAX,
  TITLE_MAX,
} from './surveys.constants.ts';

const Id = z.uuid();
export const IdParams = z.object({ id: Id });

/** A question as the builder sends it; what depends on its kind is checked by `checkQuestions`. */
export const QuestionInput = z.strictObject({
  kind: z.enum(QUESTION_KINDS),
  prompt: z.string().trim().min(1).max(PROMPT_MAX),
  options: z.array(z.string().trim().min(1).max(OPTION_MAX)).max(OPTIONS_MAX).optional().describe(`single / multiple: ${OPTIONS_MIN}–${OPTIONS_MAX} options`),
  maxChoices: z.number().int().min(1).max(OPTIONS_MAX).nullable().optional().describe('multiple: at most this many (default: all)'),
  min: z.number().int().min(SCALE_LIMIT.min).max(SCALE_LIMIT.max).optional().describe('scale: the lowest value'),
  max: z.number().int().min(SCALE_LIMIT.min).max(SCALE_LIMIT.max).optional().describe('scale: the highest value'),
  required: z.boolean().default(true),
});
export type QuestionInput = z.input<typeof QuestionInput>;
export const QuestionsBody = z.strictObject({ questions: z.array(QuestionInput).max(QUESTIONS_MAX) });
export type QuestionsBody = z.input<typeof QuestionsBody>;

/** An instant with its offset (the web sends Asia/Shanghai times as ISO strings). */
const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

const SurveySettings = {
  title: z.string().trim().min(1).max(TITLE_MAX),
  description: z.string().trim().max(DESCRIPTION_MAX).default(''),
  audience: z.enum(SURVEY_AUDIENCES).default('residents'),
  answerPer: z.enum(SURVEY_ANSWER_PER).default('account'),
  anonymous: z.boolean().default(false),
  resultsPublic: z.boolean().default(false),
  opensAt: Instant,
  closesAt: Instant,
};

export const CreateSurveyBody = z.strictObject({
  placeId: Id,
  ...SurveySettings,
  subjectType: z.string().trim().min(1).max(60).optional(),
  subjectId: Id.optional(),
  subjectStage: z.enum(SUBJECT_STAGES).optional(),
  questions: z.array(QuestionInput).max(QUESTIONS_MAX).default([]),
});
export type CreateSurveyBody = z.input<typeof CreateSurveyBody>;

export const UpdateSurveyBody = z
  .strictObject({
    title: SurveySettings.title.optional(),
    description: z.string().trim().max(DESCRIPTION_MAX).optional(),
    audience: z.enum(SURVEY_AUDIENCES).optional(),
    answerPer: z.enum(SURVEY_ANSWER_PER).optional(),
    anonymous: z.boolean().optional(),
    resultsPublic: z.boolean().optional(),
    opensAt: Instant.optional(),
    closesAt: Instant.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UpdateSurveyBody = z.input<typeof UpdateSurveyBody>;

/** The staff list's sortable columns: the newest opening first by default. */
export const SurveysSort = sortable({ opensAt: 's.opens_at', closesAt: 's.closes_at', responses: 's.responses', title: 's.title' }, { sort: 'opensAt', order: 'desc' }, 's.id');
export const SurveysQuery = PageQuery.extend({
  placeId: Id.optional().describe('surveys at this place or below'),
  q: z.string().trim().max(50).optional().describe('words in the title'),
  status: z.enum(SURVEY_STATUSES).optional().describe('the effective status (an open survey past its closing time is closed)'),
  subjectType: z.string().trim().min(1).max(60).optional(),
  subjectId: Id.optional(),
  ...SurveysSort.query,
});
export type SurveysQuery = z.infer<typeof SurveysQuery>;

export const ResponsesQuery = PageQuery;
export const TextsQuery = PageQuery.extend({ no: z.coerce.number().int().min(1).max(QUESTIONS_MAX) });
export type TextsQuery = z.infer<typeof TextsQuery>;

/** One answer: choice indexes (from 0) for single/multiple, a value for scale, words for text. */
export const AnswerInput = z.strictObject({
  no: z.number().int().min(1).max(QUESTIONS_MAX),
  choices: z.array(z.number().int().min(0).max(OPTIONS_MAX)).max(OPTIONS_MAX).optional(),
  scale: z.number().int().min(-100).max(100).optional(),
  text: z.string().trim().max(TEXT_ANSWER_MAX * 4).optional(),
});
export const AnswerBody = z.strictObject({
  roomId: Id.optional().describe('household surveys: the room answered for, when the resident has several'),
  answers: z.array(AnswerInput).max(QUESTIONS_MAX),
});
export type AnswerBody = z.input<typeof AnswerBody>;
