import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import {
  AdjustmentBody,
  BillsExportQuery,
  BillsQuery,
  CreateFeeItemBody,
  EndVacancyBody,
  FeeItemsQuery,
  GenerateBody,
  IdParams,
  OneOffBody,
  PriceChangeBody,
  RoomParams,
  SummaryQuery,
  TenantPayerBody,
  UpdateFeeItemBody,
  VacanciesQuery,
  VacancyBody,
} from './fees.bills.schemas.ts';
import { authoriseTenant, revokeTenant, roomPayers } from './use-cases/authorise-tenant.ts';
import { billOneOff } from './use-cases/bill-one-off.ts';
import { billingSummary } from './use-cases/billing-summary.ts';
import { createFeeItem } from './use-cases/create-fee-item.ts';
import { generateBills } from './use-cases/generate-bills.ts';
import { getBill } from './use-cases/get-bill.ts';
import { exportBillsXlsx, listBills } from './use-cases/list-bills.ts';
import { listFeeItems } from './use-cases/list-fee-items.ts';
import { listVacancies } from './use-cases/list-vacancies.ts';
import { myBill, myBills } from './use-cases/my-bills.ts';
import { endVacancy, registerVacancy } from './use-cases/register-vacancy.ts';
import { requestAdjustment } from './use-cases/request-adjustment.ts';
import { requestPriceChange } from './use-cases/request-price-change.ts';
import { updateFeeItem } from './use-cases/update-fee-item.ts';
import { XLSX } from './fees.http.ts';


/** The bills part's routes: validate (zod) → use case (authorizes, writes, audits) → reply. */
export function billsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['fees'];
  const mine = ['resident'];

  // Fee items and prices (configure)
  app.get('/api/fees/items', { schema: { tags, summary: "A compound's fee items with the price in effect and the price history", querystring: FeeItemsQuery } }, async (req) =>
    listFeeItems(ctx(req), req.query),
  );
  app.post('/api/fees/items', { schema: { tags, summary: 'A fee item at a compound', body: CreateFeeItemBody } }, async (req, reply) =>
    reply.code(201).send(await createFeeItem(ctx(req), req.body)),
  );
  app.patch('/api/fees/items/:id', { schema: { tags, summary: "Rename, change the vacancy discount, deactivate or reactivate an item", params: IdParams, body: UpdateFeeItemBody } }, async (req) =>
    updateFeeItem(ctx(req), req.params.id, req.body),
  );
  app.post('/api/fees/items/:id/prices', { schema: { tags, summary: 'Ask for a price change (counts once a second person approves)', params: IdParams, body: PriceChangeBody } }, async (req, reply) => {
    const { unitYuan, ...rest } = req.body;
    return reply.code(201).send(await requestPriceChange(ctx(req), req.params.id, { ...rest, unitFen: unitYuan }));
  });
  app.post('/api/fees/items/:id/one-off', { schema: { tags, summary: 'Bill a one-off item to chosen rooms, or every room under buildings or units', params: IdParams, body: OneOffBody } }, async (req, reply) =>
    reply.code(201).send(await billOneOff(ctx(req), { ...req.body, itemId: req.params.id })),
  );

  // Vacancies (bill)
  app.get('/api/fees/vacancies', { schema: { tags, summary: "A compound's registered vacancies", querystring: VacanciesQuery } }, async (req) => listVacancies(ctx(req), req.query));
  app.post('/api/fees/vacancies', { schema: { tags, summary: "Register a room's vacancy", body: VacancyBody } }, async (req, reply) =>
    reply.code(201).send(await registerVacancy(ctx(req), req.body)),
  );
  app.post('/api/fees/vacancies/:id/end', { schema: { tags, summary: 'End a vacancy on a day', params: IdParams, body: EndVacancyBody } }, async (req) =>
    endVacancy(ctx(req), req.params.id, req.body.endsOn),
  );

  // Bills (staff)
  app.post('/api/fees/bills/generate', { schema: { tags, summary: "Generate a compound's bills for a period (idempotent)", body: GenerateBody } }, async (req) => generateBills(ctx(req), req.body));
  app.get('/api/fees/bills', { schema: { tags, summary: 'Bills of my places: filtered, searched, sorted, paged', querystring: BillsQuery } }, async (req) => listBills(ctx(req), req.query));
  app.get('/api/fees/bills/export.xlsx', { schema: { tags, summary: 'The same bills as xlsx', querystring: BillsExportQuery } }, async (req, reply) => {
    const file = await exportBillsXlsx(ctx(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="bills.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.content);
  });
  app.get('/api/fees/bills/summary', { schema: { tags, summary: "A compound's bills per period", querystring: SummaryQuery } }, async (req) => billingSummary(ctx(req), req.query));
  app.get('/api/fees/bills/:id', { schema: { tags, summary: 'A bill: lines with formulas, adjustments, payments, audit timeline', params: IdParams } }, async (req) => getBill(ctx(req), req.params.id));
  app.post('/api/fees/bills/:id/adjustments', { schema: { tags, summary: 'Ask for an adjustment or a write-off (a second person approves)', params: IdParams, body: AdjustmentBody } }, async (req, reply) => {
    const b = req.body;
    return reply.code(201).send(await requestAdjustment(ctx(req), req.params.id, b.kind === 'adjust' ? { kind: 'adjust', deltaFen: b.deltaYuan, reason: b.reason } : b));
  });

  // Residents
  app.get('/api/me/fees/bills', { schema: { tags: mine, summary: 'My bills per room: open first with the total due, then paid' } }, async (req) => myBills(ctx(req)));
  app.get('/api/me/fees/bills/:id', { schema: { tags: mine, summary: 'One of my bills with its lines', params: IdParams } }, async (req) => myBill(ctx(req), req.params.id));
  app.get('/api/me/fees/rooms/:roomId/payers', { schema: { tags: mine, summary: "An owner's room: who may be authorised to pay, and who is", params: RoomParams } }, async (req) =>
    roomPayers(ctx(req), req.params.roomId),
  );
  app.post('/api/me/fees/tenant-payers', { schema: { tags: mine, summary: 'Authorise a tenant or family member to pay the room’s bills', body: TenantPayerBody } }, async (req, reply) =>
    reply.code(201).send(await authoriseTenant(ctx(req), req.body)),
  );
  app.post('/api/me/fees/tenant-payers/:id/revoke', { schema: { tags: mine, summary: 'Revoke an authorisation', params: IdParams } }, async (req) => revokeTenant(ctx(req), req.params.id));
}
