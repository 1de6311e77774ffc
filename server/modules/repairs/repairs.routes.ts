import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from './repairs.constants.ts';
import { RepairErrors } from './repairs.errors.ts';
import {
  AcceptBody,
  AnswerBody,
  CancelBody,
  CompoundParams,
  DispatchBody,
  EscalationsQuery,
  FiguresQuery,
  FinishBody,
  IdParams,
  MyOrdersQuery,
  OrdersQuery,
  PriceBody,
  parseBody,
  RateBody,
  ReportBody,
  ReturnBody,
  SettingsBody,
  SettingsListQuery,
  StartBody,
  SuperviseBody,
} from './repairs.schemas.ts';
import { acceptOrder } from './use-cases/accept-order.ts';
import { answerOrder } from './use-cases/answer-order.ts';
import { cancelOrder } from './use-cases/cancel-order.ts';
import { dispatchOrder } from './use-cases/dispatch-order.ts';
import { finishOrder } from './use-cases/finish-order.ts';
import { getFigures } from './use-cases/get-figures.ts';
import { getOrder } from './use-cases/get-order.ts';
import { getPhoto } from './use-cases/get-photo.ts';
import { listAssignees } from './use-cases/list-assignees.ts';
import { listEscalations } from './use-cases/list-escalations.ts';
import { listMyOrders } from './use-cases/list-my-orders.ts';
import { listOrders } from './use-cases/list-orders.ts';
import type { Upload } from './use-cases/photos.ts';
import { priceOrder } from './use-cases/price-order.ts';
import { rateOrder } from './use-cases/rate-order.ts';
import { reportOrder } from './use-cases/report-order.ts';
import { reportPlaces } from './use-cases/report-places.ts';
import { returnOrder } from './use-cases/return-order.ts';
import { revealContact } from './use-cases/reveal-contact.ts';
import { getSettings, listSettings, updateSettings } from './use-cases/settings.ts';
import { startOrder } from './use-cases/start-order.ts';
import { superviseEscalation } from './use-cases/supervise-escalation.ts';

/**
 * A body with photos: multipart form fields plus image files, or plain JSON without photos. The
 * kernel's reader refuses a seventh file or a file over 5 MB; the use case then checks each file's
 * content before anything is stored.
 */
async function readForm<S extends z.ZodType>(req: FastifyRequest, schema: S): Promise<{ body: z.infer<S>; files: Upload[] }> {
  if (!req.isMultipart()) return { body: parseBody(schema, req.body ?? {}), files: [] };
  const form = await readMultipart(
    req,
    { maxFiles: MAX_PHOTOS, maxFileBytes: MAX_PHOTO_BYTES },
    {
      fileTooLarge: (name) => RepairErrors.PHOTO_TOO_LARGE({ name, limit: MAX_PHOTO_BYTES / 1024 / 1024 }),
      tooManyFiles: (max) => RepairErrors.TOO_MANY_PHOTOS({ max }),
    },
  );
  // A form's empty inputs arrive as blank text: absent, as in the JSON body.
  const fields = Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== ''));
  return { body: parseBody(schema, coerce(fields)), files: form.files.map((f) => ({ filename: f.filename, content: f.content })) };
}

/** Form fields are strings: the numbers and flags a schema expects are converted for it. */
function coerce(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  for (const k of ['rating', 'priceFen']) if (k in out && /^\d+$/.test(fields[k]!)) out[k] = Number(fields[k]);
  return out;
}

const MULTIPART_NOTE = 'JSON, or multipart/form-data with the same fields as text and up to 6 image files (JPEG/PNG/WebP, ≤ 5 MB each).';

/** Thin routes: validate (zod) → use case (authorizes, writes, audits) → JSON. */
export function repairsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['repairs'];

  // Reporting and the resident's own orders
  app.post(
    '/api/repairs/orders',
    { schema: { tags, summary: 'Report a repair (resident, or on a resident’s behalf by phone or at the counter)', description: `${MULTIPART_NOTE} Fields: ${Object.keys(ReportBody.shape).join(', ')}.` } },
    async (req, reply) => {
      const { body, files } = await readForm(req, ReportBody);
      return reply.code(201).send(await reportOrder(ctx(req), body, files));
    },
  );
  app.get('/api/repairs/mine', { schema: { tags: ['resident'], summary: 'My repair orders (resident)', querystring: MyOrdersQuery } }, async (req) =>
    listMyOrders(ctx(req), req.query),
  );
  app.get('/api/repairs/report-places', { schema: { tags: ['resident'], summary: 'My rooms and their common parts, where I can report a repair' } }, async (req) =>
    reportPlaces(ctx(req)),
  );

  // Orders
  app.get('/api/repairs/orders', { schema: { tags, summary: 'Repair orders in scope', querystring: OrdersQuery } }, async (req) => listOrders(ctx(req), req.query));
  app.get('/api/repairs/orders/:id', { schema: { tags, summary: 'A repair order with photos, timeline and my next actions', params: IdParams } }, async (req) =>
    getOrder(ctx(req), req.params.id),
  );
  app.get('/api/repairs/orders/:id/assignees', { schema: { tags, summary: 'Property staff the order can be dispatched to', params: IdParams } }, async (req) =>
    listAssignees(ctx(req), req.params.id),
  );
  app.get('/api/repairs/orders/:id/contact', { schema: { tags, summary: "The contact's full phone number (audited read)", params: IdParams } }, async (req) =>
    revealContact(ctx(req), req.params.id),
  );
  app.post('/api/repairs/orders/:id/accept', { schema: { tags, summary: 'Accept (受理)', params: IdParams, body: AcceptBody } }, async (req) =>
    acceptOrder(ctx(req), req.params.id, req.body),
  );
  app.post('/api/repairs/orders/:id/dispatch', { schema: { tags, summary: 'Dispatch to a staff member (派单)', params: IdParams, body: DispatchBody } }, async (req) =>
    dispatchOrder(ctx(req), req.params.id, req.body),
  );
  app.post('/api/repairs/orders/:id/start', { schema: { tags, summary: 'Start the work', params: IdParams, body: StartBody } }, async (req) =>
    startOrder(ctx(req), req.params.id, req.body),
  );
  app.post(
    '/api/repairs/orders/:id/finish',
    { schema: { tags, summary: 'Finish with a note and photos (完工)', description: `${MULTIPART_NOTE} Fields: note.`, params: IdParams } },
    async (req) => {
      const { body, files } = await readForm(req, FinishBody);
      return finishOrder(ctx(req), req.params.id, body, files);
    },
  );
  app.post('/api/repairs/orders/:id/return', { schema: { tags, summary: 'Return with a reason (退回)', params: IdParams, body: ReturnBody } }, async (req) =>
    returnOrder(ctx(req), req.params.id, req.body),
  );
  app.post('/api/repairs/orders/:id/price', { schema: { tags, summary: 'Mark as paid service with a price in fen, or free', params: IdParams, body: PriceBody } }, async (req) =>
    priceOrder(ctx(req), req.params.id, req.body),
  );
  app.post('/api/repairs/orders/:id/rate', { schema: { tags, summary: 'Rate the finished work 1–5 (resident); 1–2 reopens it', params: IdParams, body: RateBody } }, async (req) =>
    rateOrder(ctx(req), req.params.id, req.body),
  );
  app.post('/api/repairs/orders/:id/answer', { schema: { tags, summary: 'Answer a low rating (manager); closes the order', params: IdParams, body: AnswerBody } }, async (req) =>
    answerOrder(ctx(req), req.params.id, req.body),
  );
  app.post('/api/repairs/orders/:id/cancel', { schema: { tags, summary: 'Withdraw an order not yet accepted (resident)', params: IdParams, body: CancelBody } }, async (req) =>
    cancelOrder(ctx(req), req.params.id, req.body),
  );
  app.get('/api/repairs/photos/:id', { schema: { tags, summary: 'A photo of an order I may see', params: IdParams } }, async (req, reply) => {
    const photo = await getPhoto(ctx(req), req.params.id);
    return reply.type(photo.mime).header('cache-control', 'private, max-age=86400').header('content-disposition', 'inline').send(photo.content);
  });

  // Supervision and figures
  app.get('/api/repairs/escalations', { schema: { tags, summary: 'Orders escalated for missing a deadline', querystring: EscalationsQuery } }, async (req) =>
    listEscalations(ctx(req), req.query),
  );
  app.post(
    '/api/repairs/escalations/:id/supervise',
    { schema: { tags, summary: 'Record supervision (督办意见) on an escalation', params: IdParams, body: SuperviseBody } },
    async (req) => superviseEscalation(ctx(req), req.params.id, req.body),
  );
  app.get('/api/repairs/figures', { schema: { tags, summary: 'Response, completion, overdue share and satisfaction per company and compound', querystring: FiguresQuery } }, async (req) =>
    getFigures(ctx(req), req.query),
  );

  // Settings
  app.get('/api/repairs/settings', { schema: { tags, summary: 'Compounds and their repair settings', querystring: SettingsListQuery } }, async (req) =>
    listSettings(ctx(req), req.query),
  );
  app.get('/api/repairs/settings/:compoundId', { schema: { tags, summary: "A compound's time limits and auto-close days", params: CompoundParams } }, async (req) =>
    getSettings(ctx(req), req.params.compoundId),
  );
  app.put('/api/repairs/settings/:compoundId', { schema: { tags, summary: "Set a compound's time limits and auto-close days", params: CompoundParams, body: SettingsBody } }, async (req) =>
    updateSettings(ctx(req), req.params.compoundId, req.body),
  );
}
