import { z } from 'zod';
import type { Kernel } from '../../../kernel/context.ts';
import { ctxOf } from '../../../kernel/http/server.ts';
import type { App } from '../../../kernel/module.ts';
import { AnswerBody, answerCorrection, CorrectionBody, listCorrections, myCorrections, requestCorrection } from './corrections.ts';

export { CORRECTION_NOTIFICATIONS } from './corrections.ts';

const IdParams = z.object({ id: z.uuid() });
const ListQuery = z.object({
  status: z.enum(['open', 'answered']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** 信息更正: a resident's requests, and the officials' list and answers. */
export function correctionRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  app.post('/api/me/corrections', { schema: { tags: ['resident'], summary: 'Ask for my registry record to be corrected', body: CorrectionBody } }, async (req, reply) =>
    reply.code(201).send(await requestCorrection(ctx(req), req.body)),
  );
  app.get('/api/me/corrections', { schema: { tags: ['resident'], summary: 'My correction requests' } }, async (req) => myCorrections(ctx(req)));
  app.get('/api/registry/corrections', { schema: { tags: ['registry'], summary: 'Correction requests at my places', querystring: ListQuery } }, async (req) =>
    listCorrections(ctx(req), req.query),
  );
  app.post('/api/registry/corrections/:id/answer', { schema: { tags: ['registry'], summary: 'Answer a correction request', params: IdParams, body: AnswerBody } }, async (req) =>
    answerCorrection(ctx(req), req.params.id, req.body),
  );
}
