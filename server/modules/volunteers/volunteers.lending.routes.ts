import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { CatalogueQuery, DeclineBody, LoansQuery, RequestBody } from './volunteers.lending.schemas.ts';
import { IdParams } from './volunteers.routes.ts';
import { cancelLoanRequest } from './use-cases/lending-cancel.ts';
import { lendingCatalogue } from './use-cases/lending-catalogue.ts';
import { declineLoan } from './use-cases/lending-decline.ts';
import { lendingItem } from './use-cases/lending-item.ts';
import { lendLoan } from './use-cases/lending-lend.ts';
import { exportLoansXlsx, listLoans } from './use-cases/lending-loans-list.ts';
import { myLending } from './use-cases/lending-mine.ts';
import { requestLoan } from './use-cases/lending-request.ts';
import { confirmReturn } from './use-cases/lending-return.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The lending part's routes (工具图书): the compound's catalogue, borrowing and returning on the H5; the loans on the workbench. Thin. */
export function lendingRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['volunteers lending'];
  const me = '/api/me/volunteers/lending';
  const staff = '/api/volunteers/lending/loans';

  app.get(me, { schema: { tags, summary: "My compound's tools and books: search by title or author, filter by kind and availability, page", querystring: CatalogueQuery } }, async (req) =>
    lendingCatalogue(ctx(req), req.query),
  );
  app.get(`${me}/mine`, { schema: { tags, summary: 'My tools and books, the requests and loans of them, and what I borrowed' } }, async (req) => myLending(ctx(req)));
  app.get(`${me}/:id`, { schema: { tags, summary: 'A tool or book of my compound with my loans of it (for its owner: every request)', params: IdParams } }, async (req) => lendingItem(ctx(req), req.params.id));
  app.post(`${me}/:id/requests`, { schema: { tags, summary: 'Ask to borrow a tool or book of my compound (not my own; one open request per item)', params: IdParams, body: RequestBody } }, async (req, reply) =>
    reply.code(201).send(await requestLoan(ctx(req), req.params.id, req.body)),
  );
  app.post(`${me}/loans/:id/lend`, { schema: { tags, summary: 'The owner lends the item to the one who asked: due after the loan days', params: IdParams } }, async (req) => lendLoan(ctx(req), req.params.id));
  app.post(`${me}/loans/:id/decline`, { schema: { tags, summary: 'The owner declines a request', params: IdParams, body: DeclineBody } }, async (req) => declineLoan(ctx(req), req.params.id, req.body ?? {}));
  app.post(`${me}/loans/:id/cancel`, { schema: { tags, summary: 'The borrower withdraws a request not yet answered', params: IdParams } }, async (req) => cancelLoanRequest(ctx(req), req.params.id));
  app.post(`${me}/loans/:id/return`, { schema: { tags, summary: 'The owner confirms the item is back: the item is open again', params: IdParams } }, async (req) => confirmReturn(ctx(req), req.params.id));

  app.get(staff, { schema: { tags, summary: 'Loans of the compounds in my scope, the overdue first: search, filter, sort, page', querystring: LoansQuery } }, async (req) => listLoans(ctx(req), req.query));
  app.get(`${staff}/export.xlsx`, { schema: { tags, summary: 'The loans as xlsx', querystring: LoansQuery } }, async (req, reply) => {
    const file = await exportLoansXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
}
