/**
 * What the web may know of the surveys module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './surveys.constants.ts';
export type { AnswerBody, CreateSurveyBody, QuestionInput, QuestionsBody, UpdateSurveyBody } from './surveys.schemas.ts';
export type { listSurveys } from './use-cases/list-surveys.ts';
export type { getSurvey } from './use-cases/get-survey.ts';
export type { getSurveyResults, listResponses, surveyTexts } from './use-cases/survey-results.ts';
export type { getMySurvey, listMySurveys } from './use-cases/resident-surveys.ts';
