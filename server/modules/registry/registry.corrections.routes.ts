import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { AnswerCorrectionBody, CorrectionBody, CorrectionsQuery, IdParams } from './registry.schemas.ts';
import { answerCorrection } from './use-cases/answer-correction.ts';
import { listCorrections } from './use-cases/list-corrections.ts';
import { listMyCorrections } from './use-cases/list-my-corrections.ts';
import { requestCorrection } from './use-cases/request-correction.ts';

/** 信息更正: a resident's requests, and the officials' list and answers. */
export function correctionRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  app.post('/api/me/corrections', { schema: { tags: ['resident'], summary: 'Ask for my registry record to be corrected', body: CorrectionBody } }, async (req, reply) =>
    reply.code(201).send(await requestCorrection(ctx(req), req.body)),
  );
  app.get('/api/me/corrections', { schema: { tags: ['resident'], summary: 'My correction requests' } }, async (req) => listMyCorrections(ctx(req)));
  app.get(
    '/api/registry/corrections',
    { schema: { tags: ['registry'], summary: 'Correction requests at my places (search, filter, sort, page)', querystring: CorrectionsQuery } },
    async (req) => listCorrections(ctx(req), req.query),
  );
  app.post(
    '/api/registry/corrections/:id/answer',
    { schema: { tags: ['registry'], summary: 'Answer a correction request', params: IdParams, body: AnswerCorrectionBody } },
    async (req) => answerCorrection(ctx(req), req.params.id, req.body),
  );
}
