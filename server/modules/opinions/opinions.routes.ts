import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { PageQuery } from '../../kernel/pagination.ts';
import { AnswerBody, HideBody, IdParams, InboxQuery, PostOpinionBody, PromoteBody, RatingBody, ResidentListQuery } from './opinions.schemas.ts';
import { answerOpinion } from './use-cases/answer-opinion.ts';
import { getOpinion } from './use-cases/get-opinion.ts';
import { listCompoundOpinions, listInbox, listMyOpinions } from './use-cases/list-opinions.ts';
import { markForDeliberation } from './use-cases/mark-for-deliberation.ts';
import { addMeToo, withdrawMeToo } from './use-cases/me-too.ts';
import { hideOpinion, unhideOpinion } from './use-cases/moderate-opinion.ts';
import { opinionTargets } from './use-cases/opinion-targets.ts';
import { postOpinion } from './use-cases/post-opinion.ts';
import { rateOpinion } from './use-cases/rate-opinion.ts';

/** Thin routes: validate (zod) → use case (authorizes, writes, audits) → JSON. */
export function opinionRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['opinions'];
  const mine = ['resident'];

  // Residents
  app.get('/api/me/opinion-targets', { schema: { tags: mine, summary: 'Where I can post: my compounds and their addressees' } }, async (req) =>
    opinionTargets(ctx(req)),
  );
  app.get('/api/me/opinions', { schema: { tags: mine, summary: 'My opinions with answers and ratings', querystring: PageQuery } }, async (req) =>
    listMyOpinions(ctx(req), req.query),
  );
  app.get(
    '/api/me/compound-opinions',
    { schema: { tags: mine, summary: "My compounds' public posts (大家来吐槽)", querystring: ResidentListQuery } },
    async (req) => listCompoundOpinions(ctx(req), req.query),
  );
  app.post('/api/opinions', { schema: { tags: mine, summary: 'Post an opinion or complaint, public or private', body: PostOpinionBody } }, async (req, reply) =>
    reply.code(201).send(await postOpinion(ctx(req), req.body)),
  );
  app.post('/api/opinions/:id/me-too', { schema: { tags: mine, summary: '"Me too" on a public post of my compound', params: IdParams } }, async (req) =>
    addMeToo(ctx(req), req.params.id),
  );
  app.delete('/api/opinions/:id/me-too', { schema: { tags: mine, summary: 'Take my "me too" back', params: IdParams } }, async (req) =>
    withdrawMeToo(ctx(req), req.params.id),
  );
  app.post('/api/opinions/:id/rating', { schema: { tags: mine, summary: 'Rate the answer to my opinion (1–5)', params: IdParams, body: RatingBody } }, async (req) =>
    rateOpinion(ctx(req), req.params.id, req.body),
  );

  // Staff and residents
  app.get('/api/opinions/:id', { schema: { tags, summary: 'One opinion, as I may see it', params: IdParams } }, async (req) =>
    getOpinion(ctx(req), req.params.id),
  );

  // Staff
  app.get('/api/opinions', { schema: { tags, summary: 'Opinions inbox (filtered by my grants)', querystring: InboxQuery } }, async (req) =>
    listInbox(ctx(req), req.query),
  );
  app.post('/api/opinions/:id/answer', { schema: { tags, summary: 'Answer an opinion addressed to us', params: IdParams, body: AnswerBody } }, async (req) =>
    answerOpinion(ctx(req), req.params.id, req.body.answer),
  );
  app.post('/api/opinions/:id/hide', { schema: { tags, summary: 'Hide a public post from residents, with a reason', params: IdParams, body: HideBody } }, async (req) =>
    hideOpinion(ctx(req), req.params.id, req.body.reason),
  );
  app.post('/api/opinions/:id/unhide', { schema: { tags, summary: 'Restore a hidden post', params: IdParams } }, async (req) =>
    unhideOpinion(ctx(req), req.params.id),
  );
  app.post(
    '/api/opinions/:id/promote',
    { schema: { tags, summary: 'Mark an opinion for deliberation (议题收集)', params: IdParams, body: PromoteBody } },
    async (req) => markForDeliberation(ctx(req), req.params.id, req.body),
  );
}
