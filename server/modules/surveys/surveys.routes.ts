import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { PageQuery } from '../../kernel/pagination.ts';
import { AnswerBody, CreateSurveyBody, IdParams, QuestionsBody, ResponsesQuery, SurveysQuery, TextsQuery, UpdateSurveyBody } from './surveys.schemas.ts';
import { answerSurvey } from './use-cases/answer-survey.ts';
import { createSurvey } from './use-cases/create-survey.ts';
import { exportSurveyXlsx } from './use-cases/export-survey.ts';
import { getSurvey } from './use-cases/get-survey.ts';
import { listSurveys } from './use-cases/list-surveys.ts';
import { closeSurvey, publishSurvey } from './use-cases/publish-survey.ts';
import { getMySurvey, listMySurveys } from './use-cases/resident-surveys.ts';
import { getSurveyResults, listResponses, surveyTexts } from './use-cases/survey-results.ts';
import { setQuestions, updateSurvey } from './use-cases/update-survey.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Thin routes: validate (zod) → use case (authorizes, writes, audits) → JSON. */
export function surveysRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['surveys'];
  const mine = ['resident'];

  // Staff
  app.get('/api/surveys', { schema: { tags, summary: 'Surveys at my places', querystring: SurveysQuery } }, async (req) => listSurveys(ctx(req), req.query));
  app.post('/api/surveys', { schema: { tags, summary: 'Draft a survey at a place', body: CreateSurveyBody } }, async (req, reply) =>
    reply.code(201).send(await createSurvey(ctx(req), req.body)),
  );
  app.get('/api/surveys/:id', { schema: { tags, summary: 'A survey with its questions', params: IdParams } }, async (req) => getSurvey(ctx(req), req.params.id));
  app.patch('/api/surveys/:id', { schema: { tags, summary: "A draft's settings", params: IdParams, body: UpdateSurveyBody } }, async (req) =>
    updateSurvey(ctx(req), req.params.id, req.body),
  );
  app.put('/api/surveys/:id/questions', { schema: { tags, summary: "A draft's questions, as a whole", params: IdParams, body: QuestionsBody } }, async (req) =>
    setQuestions(ctx(req), req.params.id, req.body),
  );
  app.post('/api/surveys/:id/publish', { schema: { tags, summary: 'Publish a draft (residents are told when it opens)', params: IdParams } }, async (req) =>
    publishSurvey(ctx(req), req.params.id),
  );
  app.post('/api/surveys/:id/close', { schema: { tags, summary: 'Close an open survey early', params: IdParams } }, async (req) => closeSurvey(ctx(req), req.params.id));
  app.get('/api/surveys/:id/results', { schema: { tags, summary: 'Results per question and participation', params: IdParams } }, async (req) =>
    getSurveyResults(ctx(req), req.params.id),
  );
  app.get('/api/surveys/:id/texts', { schema: { tags, summary: "A text question's answers, page by page", params: IdParams, querystring: TextsQuery } }, async (req) =>
    surveyTexts(ctx(req), req.params.id, req.query),
  );
  app.get('/api/surveys/:id/responses', { schema: { tags, summary: 'Raw responses (named: masked names and rooms)', params: IdParams, querystring: ResponsesQuery } }, async (req) =>
    listResponses(ctx(req), req.params.id, req.query),
  );
  app.get('/api/surveys/:id/export.xlsx', { schema: { tags, summary: 'Results and responses as xlsx', params: IdParams } }, async (req, reply) => {
    const file = await exportSurveyXlsx(ctx(req), req.params.id);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="survey.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.content);
  });

  // Residents
  app.get('/api/me/surveys', { schema: { tags: mine, summary: 'Surveys that ask me, with my state', querystring: PageQuery } }, async (req) =>
    listMySurveys(ctx(req), req.query),
  );
  app.get('/api/me/surveys/:id', { schema: { tags: mine, summary: 'A survey that asks me: questions, my answer, public results', params: IdParams } }, async (req) =>
    getMySurvey(ctx(req), req.params.id),
  );
  app.post('/api/me/surveys/:id/answers', { schema: { tags: mine, summary: 'Answer a survey (once per account or household)', params: IdParams, body: AnswerBody } }, async (req, reply) =>
    reply.code(201).send(await answerSurvey(ctx(req), req.params.id, req.body)),
  );
}
