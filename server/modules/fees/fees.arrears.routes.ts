import type { FastifyRequest } from 'fastify';
import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { PageQuery } from '../../kernel/pagination.ts';
import { publicLinks } from '../../kernel/public/public-pages.ts';
import {
  ArrearsRoomsQuery,
  BandsQuery,
  BatchesQuery,
  CasesQuery,
  CollectionQuery,
  IdParams,
  InvoiceBody,
  InvoiceIssueBody,
  InvoiceRejectBody,
  InvoicesQuery,
  MoveCaseBody,
  NoteCaseBody,
  OpenCaseBody,
  ReceiptsQuery,
  ReminderBody,
  VoidBody,
} from './fees.arrears.schemas.ts';
import { getArrearsCase, listArrearsCases, moveArrearsCase, noteArrearsCase, openArrearsCase } from './use-cases/arrears-cases.ts';
import { exportCollectionRatesXlsx, getCollectionRates } from './use-cases/get-collection-rates.ts';
import { getArrearsBands } from './use-cases/get-arrears-bands.ts';
import { getMyReceipt, getReceipt } from './use-cases/get-receipt.ts';
import { issueInvoice, listInvoices, rejectInvoice, requestInvoice, requestMyInvoice } from './use-cases/invoice-requests.ts';
import { exportArrearsRoomsXlsx, listArrearsRooms } from './use-cases/list-arrears-rooms.ts';
import { exportReceiptsXlsx, listMyReceipts, listReceipts } from './use-cases/list-receipts.ts';
import { getReminderBatch, listReminderBatches } from './use-cases/reminder-batches.ts';
import { renderMyReceiptPdf, renderReceiptPdf } from './use-cases/render-receipt-pdf.ts';
import { sendReminders } from './use-cases/send-reminders.ts';
import { requestReceiptVoid } from './use-cases/void-receipt.ts';
import { attachment, XLSX } from './fees.http.ts';

/** The public check page a receipt's QR code opens, on this server. */
const checkUrl = (req: FastifyRequest, kernel: Kernel) => (id: string) => `${kernel.config.publicUrl ?? `${req.protocol}://${req.host}`}${publicLinks('fees.receipt', id).page}`;

/** The arrears part's routes (receipts, invoices, arrears, reminders, cases, collection rates): thin. */
export function arrearsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['fees'];
  const mine = ['resident'];

  // Receipts (staff)
  app.get('/api/fees/receipts', { schema: { tags, summary: 'Receipts of my compounds (search by number)', querystring: ReceiptsQuery } }, async (req) => listReceipts(ctx(req), req.query));
  app.get('/api/fees/receipts/export.xlsx', { schema: { tags, summary: 'The receipts list as xlsx', querystring: ReceiptsQuery } }, async (req, reply) =>
    attachment(reply, XLSX, await exportReceiptsXlsx(ctx(req), req.query)),
  );
  app.get('/api/fees/receipts/:id', { schema: { tags, summary: 'A receipt with its invoice requests', params: IdParams } }, async (req) => getReceipt(ctx(req), req.params.id));
  app.get('/api/fees/receipts/:id/receipt.pdf', { schema: { tags, summary: 'A receipt as PDF, with its QR check code', params: IdParams } }, async (req, reply) => {
    const { fileName, pdf } = await renderReceiptPdf(ctx(req), req.params.id, checkUrl(req, kernel));
    return attachment(reply, 'application/pdf', { fileName, content: pdf }, true);
  });
  app.post('/api/fees/receipts/:id/void', { schema: { tags, summary: 'Ask to void a receipt (a second person approves; the number stays used)', params: IdParams, body: VoidBody } }, async (req, reply) =>
    reply.code(202).send(await requestReceiptVoid(ctx(req), req.params.id, req.body)),
  );
  app.post('/api/fees/receipts/:id/invoice', { schema: { tags, summary: 'Record a tax-invoice request for a receipt', params: IdParams, body: InvoiceBody } }, async (req, reply) =>
    reply.code(201).send(await requestInvoice(ctx(req), req.params.id, req.body)),
  );

  // Tax-invoice requests (staff)
  app.get('/api/fees/invoices', { schema: { tags, summary: 'Tax-invoice requests of my compounds', querystring: InvoicesQuery } }, async (req) => listInvoices(ctx(req), req.query));
  app.post('/api/fees/invoices/:id/issue', { schema: { tags, summary: 'Record the invoice issued in the tax system', params: IdParams, body: InvoiceIssueBody } }, async (req) =>
    issueInvoice(ctx(req), req.params.id, req.body),
  );
  app.post('/api/fees/invoices/:id/reject', { schema: { tags, summary: 'Reject an invoice request with a reason', params: IdParams, body: InvoiceRejectBody } }, async (req) =>
    rejectInvoice(ctx(req), req.params.id, req.body),
  );

  // Arrears (staff)
  app.get('/api/fees/arrears/bands', { schema: { tags, summary: 'Arrears by ageing band, per compound and building', querystring: BandsQuery } }, async (req) => getArrearsBands(ctx(req), req.query));
  app.get('/api/fees/arrears/rooms', { schema: { tags, summary: 'Rooms in arrears (owners masked for property staff)', querystring: ArrearsRoomsQuery } }, async (req) => listArrearsRooms(ctx(req), req.query));
  app.get('/api/fees/arrears/rooms/export.xlsx', { schema: { tags, summary: 'Rooms in arrears as xlsx', querystring: ArrearsRoomsQuery } }, async (req, reply) =>
    attachment(reply, XLSX, await exportArrearsRoomsXlsx(ctx(req), req.query)),
  );
  app.post('/api/fees/arrears/reminders', { schema: { tags, summary: 'Send a reminder batch to a compound or building', body: ReminderBody } }, async (req, reply) =>
    reply.code(201).send(await sendReminders(ctx(req), req.body)),
  );
  app.get('/api/fees/arrears/reminders', { schema: { tags, summary: 'Reminder batches', querystring: BatchesQuery } }, async (req) => listReminderBatches(ctx(req), req.query));
  app.get('/api/fees/arrears/reminders/:id', { schema: { tags, summary: 'A reminder batch with per-recipient status', params: IdParams } }, async (req) => getReminderBatch(ctx(req), req.params.id));

  // Arrears cases (staff)
  app.get('/api/fees/arrears/cases', { schema: { tags, summary: 'Arrears cases', querystring: CasesQuery } }, async (req) => listArrearsCases(ctx(req), req.query));
  app.post('/api/fees/arrears/cases', { schema: { tags, summary: 'Open an arrears case for a room', body: OpenCaseBody } }, async (req, reply) => reply.code(201).send(await openArrearsCase(ctx(req), req.body)));
  app.get('/api/fees/arrears/cases/:id', { schema: { tags, summary: 'An arrears case with its history', params: IdParams } }, async (req) => getArrearsCase(ctx(req), req.params.id));
  app.post('/api/fees/arrears/cases/:id/visit', { schema: { tags, summary: "Hand a case to a grid worker's visit", params: IdParams, body: MoveCaseBody } }, async (req) =>
    moveArrearsCase(ctx(req), req.params.id, 'visit', req.body),
  );
  app.post('/api/fees/arrears/cases/:id/mediation', { schema: { tags, summary: 'Hand a case to mediation', params: IdParams, body: MoveCaseBody } }, async (req) =>
    moveArrearsCase(ctx(req), req.params.id, 'mediation', req.body),
  );
  app.post('/api/fees/arrears/cases/:id/close', { schema: { tags, summary: 'Close a case', params: IdParams, body: MoveCaseBody } }, async (req) => moveArrearsCase(ctx(req), req.params.id, 'closed', req.body));
  app.post('/api/fees/arrears/cases/:id/notes', { schema: { tags, summary: 'Add a note to a case', params: IdParams, body: NoteCaseBody } }, async (req, reply) =>
    reply.code(201).send(await noteArrearsCase(ctx(req), req.params.id, req.body)),
  );

  // Collection rates
  app.get('/api/fees/collection', { schema: { tags, summary: 'Collection rates per compound and company, month by month', querystring: CollectionQuery } }, async (req) =>
    getCollectionRates(ctx(req), req.query),
  );
  app.get('/api/fees/collection/export.xlsx', { schema: { tags, summary: 'Collection rates as xlsx', querystring: CollectionQuery } }, async (req, reply) =>
    attachment(reply, XLSX, await exportCollectionRatesXlsx(ctx(req), req.query)),
  );

  // Residents
  app.get('/api/me/fees/receipts', { schema: { tags: mine, summary: 'My receipts', querystring: PageQuery } }, async (req) => listMyReceipts(ctx(req), req.query));
  app.get('/api/me/fees/receipts/:id', { schema: { tags: mine, summary: 'One of my receipts', params: IdParams } }, async (req) => getMyReceipt(ctx(req), req.params.id));
  app.get('/api/me/fees/receipts/:id/receipt.pdf', { schema: { tags: mine, summary: 'One of my receipts as PDF', params: IdParams } }, async (req, reply) => {
    const { fileName, pdf } = await renderMyReceiptPdf(ctx(req), req.params.id, checkUrl(req, kernel));
    return attachment(reply, 'application/pdf', { fileName, content: pdf }, true);
  });
  app.post('/api/me/fees/receipts/:id/invoice', { schema: { tags: mine, summary: 'Ask for a tax invoice on my receipt', params: IdParams, body: InvoiceBody } }, async (req, reply) =>
    reply.code(201).send(await requestMyInvoice(ctx(req), req.params.id, req.body)),
  );
}
