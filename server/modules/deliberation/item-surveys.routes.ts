import { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { ItemParams } from './items.schemas.ts';
import { TITLE_MAX } from './deliberation.constants.ts';
import { attachSurvey, itemSurveys, myItemSurveys } from './use-cases/item-surveys.ts';

export const AttachSurveyBody = z.strictObject({
  stage: z.enum(['collect', 'evaluate']).describe('collect: the households’ opinion (stages 1–3); evaluate: the outcome (4–6)'),
  title: z.string().trim().min(1).max(TITLE_MAX),
});
export type AttachSurveyBody = z.infer<typeof AttachSurveyBody>;

/** Surveys attached to an item's stage 1 or 6 (the surveys module keeps them; these routes tie them to the item). */
export function itemSurveyRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['deliberation'];
  app.get('/api/deliberation/items/:id/surveys', { schema: { tags, summary: "The item's surveys", params: ItemParams } }, async (req) => itemSurveys(ctx(req), req.params.id));
  app.post('/api/deliberation/items/:id/surveys', { schema: { tags, summary: 'Draft a survey for the item (opinion at stages 1–3, evaluation at 4–6)', params: ItemParams, body: AttachSurveyBody } }, async (req, reply) =>
    reply.code(201).send(await attachSurvey(ctx(req), req.params.id, req.body)),
  );
  app.get('/api/me/deliberation/items/:id/surveys', { schema: { tags, summary: "The item's published surveys, for a household under it", params: ItemParams } }, async (req) =>
    myItemSurveys(ctx(req), req.params.id),
  );
}
