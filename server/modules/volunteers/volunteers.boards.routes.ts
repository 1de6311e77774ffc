import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { BannedWordBody, BannedWordsQuery, BoardQuery, ModerationQuery, ReasonBody, RequestBody, RequestParams } from './volunteers.boards.schemas.ts';
import { IdParams, MULTIPART_NOTE, readForm } from './volunteers.routes.ts';
import { closeListing } from './use-cases/boards-close.ts';
import { getListing } from './use-cases/boards-get.ts';
import { markGiven } from './use-cases/boards-give.ts';
import { listBoard, myBoardCompounds } from './use-cases/boards-list.ts';
import { reportListing } from './use-cases/boards-report.ts';
import { requestListing, withdrawRequest } from './use-cases/boards-requests.ts';
import { acceptRequest, declineRequest } from './use-cases/boards-requests-decide.ts';
import { createListing, ListingBody } from './use-cases/listings-create.ts';
import { addBannedWord, exportBannedWordsXlsx, listBannedWords, removeBannedWord } from './use-cases/moderation-banned-words.ts';
import { hideListing, unhideListing } from './use-cases/moderation-hide.ts';
import { exportModerationXlsx, listModeration } from './use-cases/moderation-list.ts';
import { dismissReport } from './use-cases/moderation-reports.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The boards part's routes: the compound's neighbour board (post, read, ask, decide, report) and its moderation. Thin. */
export function boardsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['volunteers boards'];
  const B = '/api/volunteers/boards';
  const M = '/api/volunteers/moderation';
  const xlsx = (reply: { header(k: string, v: string): typeof reply; send(b: Buffer): unknown }, file: { fileName: string; content: Buffer }) =>
    reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);

  // The resident's board (H5).
  app.get(`${B}/compounds`, { schema: { tags, summary: 'The compounds whose board I may read and post on (where I live)' } }, async (req) => myBoardCompounds(ctx(req)));
  app.get(`${B}/listings`, { schema: { tags, summary: "A compound's board: one kind, search, newest first, page (hidden listings only to their owner)", querystring: BoardQuery } }, async (req) => listBoard(ctx(req), req.query));
  app.post(`${B}/listings`, { schema: { tags, summary: `Post a listing on my compound's board (carpool, second-hand, tool, book). ${MULTIPART_NOTE}` } }, async (req, reply) => {
    const { body, files } = await readForm(req, ListingBody);
    return reply.code(201).send(await createListing(ctx(req), body, files));
  });
  app.get(`${B}/listings/:id`, { schema: { tags, summary: "A listing's page: requests, contacts once both sides agree, reports for moderators", params: IdParams } }, async (req) => getListing(ctx(req), req.params.id));
  app.post(`${B}/listings/:id/close`, { schema: { tags, summary: 'Close my own listing', params: IdParams } }, async (req) => closeListing(ctx(req), req.params.id));
  app.post(`${B}/listings/:id/given`, { schema: { tags, summary: 'Mark my reserved second-hand item given', params: IdParams } }, async (req) => markGiven(ctx(req), req.params.id));
  app.post(`${B}/listings/:id/requests`, { schema: { tags, summary: "Ask for a neighbour's carpool seats or second-hand item", params: IdParams, body: RequestBody } }, async (req, reply) =>
    reply.code(201).send(await requestListing(ctx(req), req.params.id, req.body)),
  );
  app.post(`${B}/listings/:id/report`, { schema: { tags, summary: "Report a neighbour's listing to the community (once), with a reason", params: IdParams, body: ReasonBody } }, async (req, reply) =>
    reply.code(201).send(await reportListing(ctx(req), req.params.id, req.body.reason)),
  );
  app.post(`${B}/requests/:id/accept`, { schema: { tags, summary: 'Accept a request on my listing (carpool seats / reserve the item): contacts are shown to both', params: RequestParams } }, async (req) =>
    acceptRequest(ctx(req), req.params.id),
  );
  app.post(`${B}/requests/:id/decline`, { schema: { tags, summary: 'Decline a request on my listing (or take back an acceptance)', params: RequestParams } }, async (req) => declineRequest(ctx(req), req.params.id));
  app.post(`${B}/requests/:id/withdraw`, { schema: { tags, summary: 'Withdraw my own request', params: RequestParams } }, async (req) => withdrawRequest(ctx(req), req.params.id));

  // Moderation (workbench).
  app.get(M, { schema: { tags, summary: 'The moderation queue: listings in my places with their open reports; filter, search, sort, page', querystring: ModerationQuery } }, async (req) =>
    listModeration(ctx(req), req.query),
  );
  app.get(`${M}/export.xlsx`, { schema: { tags, summary: 'The moderation queue as xlsx', querystring: ModerationQuery } }, async (req, reply) =>
    xlsx(reply, await exportModerationXlsx(ctx(req), req.query)),
  );
  app.post(`${M}/listings/:id/hide`, { schema: { tags, summary: 'Hide a listing with a reason (its open reports close; the owner is told)', params: IdParams, body: ReasonBody } }, async (req) =>
    hideListing(ctx(req), req.params.id, req.body.reason),
  );
  app.post(`${M}/listings/:id/unhide`, { schema: { tags, summary: 'Show a hidden listing again', params: IdParams } }, async (req) => unhideListing(ctx(req), req.params.id));
  app.post(`${M}/reports/:id/dismiss`, { schema: { tags, summary: 'Dismiss an open report', params: IdParams } }, async (req) => dismissReport(ctx(req), req.params.id));
  app.get(`${M}/banned-words`, { schema: { tags, summary: "The street's banned-word list", querystring: BannedWordsQuery } }, async (req) => listBannedWords(ctx(req), req.query));
  app.get(`${M}/banned-words/export.xlsx`, { schema: { tags, summary: "The street's banned-word list as xlsx", querystring: BannedWordsQuery } }, async (req, reply) =>
    xlsx(reply, await exportBannedWordsXlsx(ctx(req), req.query)),
  );
  app.post(`${M}/banned-words`, { schema: { tags, summary: "Add a word to the street's banned-word list", body: BannedWordBody } }, async (req, reply) => reply.code(201).send(await addBannedWord(ctx(req), req.body)));
  app.post(`${M}/banned-words/:id/remove`, { schema: { tags, summary: "Remove a word from the street's banned-word list", params: IdParams } }, async (req) => removeBannedWord(ctx(req), req.params.id));
}
