import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import {
  CounterPaymentBody,
  CreatePayOrderBody,
  DiffsQuery,
  FlaggedQuery,
  IdParams,
  MatchBody,
  PaymentsQuery,
  PreviewQuery,
  ProviderParams,
  ReconcileBody,
  RefundBody,
  ResolveBody,
  RunsQuery,
  SandboxParams,
  SandboxPayBody,
  SettlementBody,
  SettlementsQuery,
} from './fees.payments.schemas.ts';
import { createPayOrder, getMyPayOrder, previewMyBills } from './use-cases/create-pay-order.ts';
import { handleNotification } from './use-cases/handle-notification.ts';
import { exportPaymentsXlsx, getPayment, listPayments } from './use-cases/list-payments.ts';
import { listReconDiffs, listReconRuns } from './use-cases/list-reconciliation.ts';
import { exportSettlementXlsx, listSettlements, settlementCompanies } from './use-cases/list-settlements.ts';
import { reconcileDay, resolveReconDiff } from './use-cases/reconcile-day.ts';
import { refundPayment } from './use-cases/refund-payment.ts';
import { listFlaggedOrders, resolveFlaggedOrder } from './use-cases/resolve-flagged-order.ts';
import { sandboxCancel, sandboxOrder, sandboxPay } from './use-cases/sandbox-cashier.ts';
import { createSettlement, getSettlement, matchSettlement, sendSettlement } from './use-cases/settle-company.ts';
import { takeCounterPayment } from './use-cases/take-counter-payment.ts';
import { roomOpenBills } from './use-cases/room-open-bills.ts';
import { XLSX } from './fees.http.ts';

const attachment = (name: string) => `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Thin routes of the payments part: validate (zod) → use case (authorizes, writes, audits) → JSON. */
export async function paymentsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['fees'];
  const mine = ['resident'];
  const gateway = ['fees-gateway'];

  // Residents: pay chosen bills through the gateway, then poll the order.
  app.get('/api/me/fees/pay-preview', { schema: { tags: mine, summary: 'The bills I am about to pay, with what each owes', querystring: PreviewQuery } }, async (req) => previewMyBills(ctx(req), req.query.bills));
  app.post('/api/me/fees/pay-orders', { schema: { tags: mine, summary: "A pay order for open bills of one of my rooms: answers the gateway's pay page", body: CreatePayOrderBody } }, async (req, reply) =>
    reply.code(201).send(await createPayOrder(ctx(req), req.body)),
  );
  app.get('/api/me/fees/pay-orders/:id', { schema: { tags: mine, summary: 'My pay order: its status, and the receipt once booked', params: IdParams } }, async (req) => getMyPayOrder(ctx(req), req.params.id));

  // The gateway's notifications: no session; the signature over the raw body is the proof (handle-notification.ts).
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/fees/gateway/:provider/notify',
      { config: { public: true }, schema: { tags: gateway, summary: "A payment provider's signed notification (payment or refund)", params: ProviderParams } },
      async (req) => handleNotification(kernel, (req.params as { provider: string }).provider, typeof req.body === 'string' ? req.body : '', req.headers, req.id),
    );
  });

  // The sandbox provider's cashier (its pay page): the provider's side, public like a real cashier.
  app.get('/api/fees/sandbox/orders/:orderNo', { config: { public: true }, schema: { tags: gateway, summary: "The sandbox cashier's order: amount, merchant, subject", params: SandboxParams } }, async (req) =>
    sandboxOrder(kernel, req.params.orderNo),
  );
  app.post('/api/fees/sandbox/orders/:orderNo/pay', { config: { public: true }, schema: { tags: gateway, summary: 'Pay in the sandbox (test switches: twice, out_of_order, wrong_amount, forged)', params: SandboxParams, body: SandboxPayBody } }, async (req) =>
    sandboxPay(kernel, req.params.orderNo, req.body.mode),
  );
  app.post('/api/fees/sandbox/orders/:orderNo/cancel', { config: { public: true }, schema: { tags: gateway, summary: 'Cancel at the sandbox cashier', params: SandboxParams } }, async (req) => sandboxCancel(kernel, req.params.orderNo));

  // Staff: counter payments, the payments list, refunds.
  app.get('/api/fees/rooms/:id/open-bills', { schema: { tags, summary: "A room's open bills, for the counter", params: IdParams } }, async (req) => roomOpenBills(ctx(req), req.params.id));
  app.post('/api/fees/counter-payments', { schema: { tags, summary: 'A counter payment (cash or POS, with its voucher) for open bills of a room', body: CounterPaymentBody } }, async (req, reply) =>
    reply.code(201).send(await takeCounterPayment(ctx(req), req.body)),
  );
  app.get('/api/fees/payments', { schema: { tags, summary: 'Payments booked at my compounds', querystring: PaymentsQuery } }, async (req) => listPayments(ctx(req), req.query));
  app.get('/api/fees/payments/export.xlsx', { schema: { tags, summary: 'The payments list as xlsx', querystring: PaymentsQuery } }, async (req, reply) =>
    reply.header('content-type', XLSX).header('content-disposition', attachment('缴费记录.xlsx')).send(await exportPaymentsXlsx(ctx(req), req.query)),
  );
  app.get('/api/fees/payments/:id', { schema: { tags, summary: 'A payment with its bills and refunds', params: IdParams } }, async (req) => getPayment(ctx(req), req.params.id));
  app.post('/api/fees/payments/:id/refunds', { schema: { tags, summary: 'Refund a payment, fully or partly, with a reason', params: IdParams, body: RefundBody } }, async (req, reply) =>
    reply.code(201).send(await refundPayment(ctx(req), req.params.id, req.body)),
  );

  // Staff: flagged pay orders (支付异常).
  app.get('/api/fees/flagged-orders', { schema: { tags, summary: 'Pay orders the gateway reported with another amount, never booked', querystring: FlaggedQuery } }, async (req) => listFlaggedOrders(ctx(req), req.query));
  app.post('/api/fees/flagged-orders/:id/resolve', { schema: { tags, summary: 'Close a flagged order with what was done', params: IdParams, body: ResolveBody } }, async (req) =>
    resolveFlaggedOrder(ctx(req), req.params.id, req.body),
  );

  // Staff: reconciliation (对账).
  app.post('/api/fees/reconciliations', { schema: { tags, summary: "Reconcile a day: the provider's statement (fetched or uploaded) against the book", body: ReconcileBody } }, async (req, reply) =>
    reply.code(201).send(await reconcileDay(ctx(req), req.body)),
  );
  app.get('/api/fees/reconciliations', { schema: { tags, summary: 'Reconciliation runs of my streets', querystring: RunsQuery } }, async (req) => listReconRuns(ctx(req), req.query));
  app.get('/api/fees/reconciliation-diffs', { schema: { tags, summary: 'Reconciliation differences I work', querystring: DiffsQuery } }, async (req) => listReconDiffs(ctx(req), req.query));
  app.post('/api/fees/reconciliation-diffs/:id/resolve', { schema: { tags, summary: 'Resolve a difference with a note', params: IdParams, body: ResolveBody } }, async (req) =>
    resolveReconDiff(ctx(req), req.params.id, req.body),
  );

  // The street: settlement (清分).
  app.get('/api/fees/settlement-companies', { schema: { tags, summary: 'The property companies I settle with' } }, async (req) => settlementCompanies(ctx(req)));
  app.get('/api/fees/settlements', { schema: { tags, summary: 'Settlement batches of my streets', querystring: SettlementsQuery } }, async (req) => listSettlements(ctx(req), req.query));
  app.post('/api/fees/settlements', { schema: { tags, summary: "A settlement batch: a company's net money of a period, by channel", body: SettlementBody } }, async (req, reply) =>
    reply.code(201).send(await createSettlement(ctx(req), req.body)),
  );
  app.get('/api/fees/settlements/:id', { schema: { tags, summary: 'A settlement batch with its lines', params: IdParams } }, async (req) => getSettlement(ctx(req), req.params.id));
  app.get('/api/fees/settlements/:id/export.xlsx', { schema: { tags, summary: "A batch as the company's statement (xlsx)", params: IdParams } }, async (req, reply) => {
    const file = await exportSettlementXlsx(ctx(req), req.params.id);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(file.fileName)).send(file.content);
  });
  app.post('/api/fees/settlements/:id/send', { schema: { tags, summary: 'Send a draft batch for payment', params: IdParams } }, async (req) => sendSettlement(ctx(req), req.params.id));
  app.post('/api/fees/settlements/:id/match', { schema: { tags, summary: "Match a sent batch against the provider's or bank's statement", params: IdParams, body: MatchBody } }, async (req) =>
    matchSettlement(ctx(req), req.params.id, req.body),
  );
}
