import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import {
  CreateItemBody,
  ItemParams,
  ItemsQuery,
  MergeBody,
  MyItemsQuery,
  OpinionParams,
  PlaceParams,
  ProposalBody,
  RejectBody,
  SettingsBody,
  TakeUpBody,
} from './items.schemas.ts';
import { acceptItem } from './use-cases/accept-item.ts';
import { createItem } from './use-cases/create-item.ts';
import { getItem } from './use-cases/get-item.ts';
import { getMyItem } from './use-cases/get-my-item.ts';
import { getSettings } from './use-cases/get-settings.ts';
import { listItems } from './use-cases/list-items.ts';
import { mergeItems } from './use-cases/merge-items.ts';
import { listMyItems, myItemByOpinion } from './use-cases/my-items.ts';
import { proposeItem } from './use-cases/propose-item.ts';
import { putSettings } from './use-cases/put-settings.ts';
import { rejectItem } from './use-cases/reject-item.ts';
import { supportItem } from './use-cases/support-item.ts';
import { listPromotedForMe, takeUpOpinion } from './use-cases/take-up-opinion.ts';

/** Items, stages 1–3 (collecting, agenda setting, consultation's owners' vote), the thresholds, the resident's side. */
export function itemRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['deliberation'];
  const mine = ['resident'];

  // Staff
  app.get('/api/deliberation/items', { schema: { tags, summary: 'Items in my places, with counts per stage (the agenda board)', querystring: ItemsQuery } }, async (req) =>
    listItems(ctx(req), req.query),
  );
  app.post('/api/deliberation/items', { schema: { tags, summary: "An official's own item, a grid report or a meeting's item (stage 2 at once)", body: CreateItemBody } }, async (req, reply) =>
    reply.code(201).send(await createItem(ctx(req), req.body)),
  );
  app.get('/api/deliberation/promoted-opinions', { schema: { tags, summary: 'Opinions marked for deliberation and not yet taken up' } }, async (req) =>
    listPromotedForMe(ctx(req)),
  );
  app.post('/api/deliberation/items/take-up', { schema: { tags, summary: 'Take up a promoted opinion as an item, its households as supporters', body: TakeUpBody } }, async (req, reply) =>
    reply.code(201).send(await takeUpOpinion(ctx(req), req.body)),
  );
  app.get('/api/deliberation/items/:id', { schema: { tags, summary: 'One item: sources, supporters, decision, timeline and what I may do', params: ItemParams } }, async (req) =>
    getItem(ctx(req), req.params.id),
  );
  app.post('/api/deliberation/items/:id/accept', { schema: { tags, summary: 'Stage 2: accept the item for a joint meeting', params: ItemParams } }, async (req) =>
    acceptItem(ctx(req), req.params.id),
  );
  app.post('/api/deliberation/items/:id/merge', { schema: { tags, summary: 'Stage 2: merge other items into this one', params: ItemParams, body: MergeBody } }, async (req) =>
    mergeItems(ctx(req), req.params.id, req.body),
  );
  app.post('/api/deliberation/items/:id/reject', { schema: { tags, summary: 'Stage 2: decline the item with a reason shown to its proposers', params: ItemParams, body: RejectBody } }, async (req) =>
    rejectItem(ctx(req), req.params.id, req.body),
  );
  app.get('/api/deliberation/settings/:placeId', { schema: { tags, summary: "The procedure's thresholds in force at a place", params: PlaceParams } }, async (req) =>
    getSettings(ctx(req), req.params.placeId),
  );
  app.put('/api/deliberation/settings/:placeId', { schema: { tags, summary: "Set a place's thresholds", params: PlaceParams, body: SettingsBody } }, async (req) =>
    putSettings(ctx(req), req.params.placeId, req.body),
  );

  // Residents
  app.get('/api/me/deliberation/items', { schema: { tags: mine, summary: "My places' items by stage, with what I can do", querystring: MyItemsQuery } }, async (req) =>
    listMyItems(ctx(req), req.query),
  );
  app.get('/api/me/deliberation/items/by-opinion/:opinionId', { schema: { tags: mine, summary: 'The item my opinion became, and its stage', params: OpinionParams } }, async (req) =>
    myItemByOpinion(ctx(req), req.params.opinionId),
  );
  app.get('/api/me/deliberation/items/:id', { schema: { tags: mine, summary: "An item of my place: its public parts", params: ItemParams } }, async (req) =>
    getMyItem(ctx(req), req.params.id),
  );
  app.post('/api/me/deliberation/items/:id/support', { schema: { tags: mine, summary: 'My household supports the item (once per household)', params: ItemParams } }, async (req) =>
    supportItem(ctx(req), req.params.id),
  );
  app.post('/api/me/deliberation/proposals', { schema: { tags: mine, summary: "Residents' joint proposal (联名提议)", body: ProposalBody } }, async (req, reply) =>
    reply.code(201).send(await proposeItem(ctx(req), req.body)),
  );
}
