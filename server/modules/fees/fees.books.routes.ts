import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kernel } from '../../kernel/context.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import { readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { BookAccountBody, BookLineBody, CompoundParams, ConfirmBody, CreateStatementBody, IdParams, MyStatementsQuery, QuestionBody, StatementsQuery } from './fees.books.schemas.ts';
import { BOOK_VOUCHER_MAX_BYTES } from './fees.constants.ts';
import { FeesErrors } from './fees.errors.ts';
import { addBookLine } from './use-cases/add-book-line.ts';
import { attachBookVoucher } from './use-cases/attach-book-voucher.ts';
import { confirmBookStatement } from './use-cases/confirm-book-statement.ts';
import { createBookStatement } from './use-cases/create-book-statement.ts';
import { exportBookStatementXlsx, renderBookStatementPdf } from './use-cases/export-book-statement.ts';
import { getBookStatement, getMyBookLine, getMyBookStatement } from './use-cases/get-book-statement.ts';
import { getBookVoucher, getMyBookVoucher } from './use-cases/get-book-voucher.ts';
import { listBookStatements, listMyBookStatements } from './use-cases/list-book-statements.ts';
import { publishBookStatement } from './use-cases/publish-book-statement.ts';
import { questionBookLine } from './use-cases/question-book-line.ts';
import { refreshBookStatement } from './use-cases/refresh-book-statement.ts';
import { removeBookLine } from './use-cases/remove-book-line.ts';
import { removeBookVoucher } from './use-cases/remove-book-voucher.ts';
import { getBookAccount, setBookAccount } from './use-cases/set-book-account.ts';
import { updateBookLine } from './use-cases/update-book-line.ts';
import { XLSX } from './fees.http.ts';

const download = (reply: FastifyReply, type: string, fileName: string, content: Buffer, inline = false) =>
  reply
    .header('content-type', type)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="file"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(content);
/** The H5 page a published statement's QR code opens (owners sign in to read it). */
const liveUrl = (req: FastifyRequest, kernel: Kernel) => (id: string) => `${kernel.config.publicUrl ?? `${req.protocol}://${req.host}`}/h5/fees/books/${id}`;

/** The books part's routes (信托制 open books): thin. */
export function booksRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['fees'];
  const mine = ['resident'];

  // The compound's contract setting (酬金制)
  app.get('/api/fees/books/accounts/:compoundId', { schema: { tags, summary: "A compound's remuneration setting for its open books", params: CompoundParams } }, async (req) =>
    getBookAccount(ctx(req), req.params.compoundId),
  );
  app.put('/api/fees/books/accounts/:compoundId', { schema: { tags, summary: "Set a compound's remuneration under its contract (a share or a fixed amount)", params: CompoundParams, body: BookAccountBody } }, async (req) =>
    setBookAccount(ctx(req), req.params.compoundId, req.body),
  );

  // Statements (staff)
  app.get('/api/fees/books/statements', { schema: { tags, summary: 'Monthly open-books statements of my compounds', querystring: StatementsQuery } }, async (req) => listBookStatements(ctx(req), req.query));
  app.post('/api/fees/books/statements', { schema: { tags, summary: "Open a month's statement of a compound as a draft", body: CreateStatementBody } }, async (req, reply) =>
    reply.code(201).send(await createBookStatement(ctx(req), req.body)),
  );
  app.get('/api/fees/books/statements/:id', { schema: { tags, summary: 'A statement with its lines, vouchers and questions', params: IdParams } }, async (req) => getBookStatement(ctx(req), req.params.id));
  app.post('/api/fees/books/statements/:id/refresh', { schema: { tags, summary: 'Recompute the fees and remuneration lines of a draft', params: IdParams } }, async (req) =>
    refreshBookStatement(ctx(req), req.params.id),
  );
  app.post('/api/fees/books/statements/:id/lines', { schema: { tags, summary: 'Add a line to a draft (clears the confirmations)', params: IdParams, body: BookLineBody } }, async (req, reply) =>
    reply.code(201).send(await addBookLine(ctx(req), req.params.id, req.body)),
  );
  app.post('/api/fees/books/statements/:id/confirm', { schema: { tags, summary: "Confirm a draft as the owners' committee or the company", params: IdParams, body: ConfirmBody } }, async (req) =>
    confirmBookStatement(ctx(req), req.params.id, req.body.side),
  );
  app.post('/api/fees/books/statements/:id/publish', { schema: { tags, summary: 'Publish a statement both sides confirmed to the compound owners', params: IdParams } }, async (req) =>
    publishBookStatement(ctx(req), req.params.id),
  );
  app.get('/api/fees/books/statements/:id/export.xlsx', { schema: { tags, summary: 'A statement as xlsx', params: IdParams } }, async (req, reply) => {
    const file = await exportBookStatementXlsx(ctx(req), req.params.id);
    return download(reply, XLSX, file.fileName, file.content);
  });
  app.get('/api/fees/books/statements/:id/statement.pdf', { schema: { tags, summary: 'A published statement as PDF, with a QR code to its live page', params: IdParams } }, async (req, reply) => {
    const file = await renderBookStatementPdf(ctx(req), req.params.id, liveUrl(req, kernel), 'staff');
    return download(reply, 'application/pdf', file.fileName, file.pdf, true);
  });
  app.patch('/api/fees/books/lines/:id', { schema: { tags, summary: 'Edit a line of a draft (clears the confirmations)', params: IdParams, body: BookLineBody } }, async (req) =>
    updateBookLine(ctx(req), req.params.id, req.body),
  );
  app.delete('/api/fees/books/lines/:id', { schema: { tags, summary: 'Remove a line of a draft (clears the confirmations)', params: IdParams } }, async (req) => removeBookLine(ctx(req), req.params.id));
  app.post(
    '/api/fees/books/lines/:id/vouchers',
    {
      schema: {
        tags,
        summary: `Attach a voucher to a line: multipart "file" (JPG, PNG or PDF, at most ${BOOK_VOUCHER_MAX_BYTES / 1024 / 1024} MB) and "masked" (true when personal data on it is covered)`,
        params: IdParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) =>
      reply.code(201).send(
        await attachBookVoucher(ctx(req), req.params.id, async () => {
          const { fields, files } = await readMultipart(
            req,
            { maxFiles: 1, maxFileBytes: BOOK_VOUCHER_MAX_BYTES, maxFields: 2 },
            { notMultipart: () => FeesErrors.BOOK_VOUCHER_FILE_REQUIRED(), fileTooLarge: () => FeesErrors.BOOK_VOUCHER_TOO_LARGE({ mb: BOOK_VOUCHER_MAX_BYTES / 1024 / 1024 }) },
          );
          return { masked: fields.masked, upload: files[0] };
        }),
      ),
  );
  app.get('/api/fees/books/vouchers/:id', { schema: { tags, summary: 'A voucher file', params: IdParams } }, async (req, reply) => {
    const v = await getBookVoucher(ctx(req), req.params.id);
    return reply.headers(storedFileHeaders(v.name, v.mime)).send(v.content);
  });
  app.delete('/api/fees/books/vouchers/:id', { schema: { tags, summary: 'Remove a voucher from a line of a draft', params: IdParams } }, async (req) => removeBookVoucher(ctx(req), req.params.id));

  // Owners (账目公开)
  app.get('/api/me/fees/books', { schema: { tags: mine, summary: "Published statements of my compounds (owners)", querystring: MyStatementsQuery } }, async (req) => listMyBookStatements(ctx(req), req.query));
  app.get('/api/me/fees/books/:id', { schema: { tags: mine, summary: 'A published statement of my compound, line by line', params: IdParams } }, async (req) => getMyBookStatement(ctx(req), req.params.id));
  app.get('/api/me/fees/books/:id/statement.pdf', { schema: { tags: mine, summary: 'A published statement of my compound as PDF', params: IdParams } }, async (req, reply) => {
    const file = await renderBookStatementPdf(ctx(req), req.params.id, liveUrl(req, kernel), 'owner');
    return download(reply, 'application/pdf', file.fileName, file.pdf, true);
  });
  app.get('/api/me/fees/books/lines/:id', { schema: { tags: mine, summary: 'Where a line of a published statement sits', params: IdParams } }, async (req) => getMyBookLine(ctx(req), req.params.id));
  app.get('/api/me/fees/books/vouchers/:id', { schema: { tags: mine, summary: 'A voucher of a published line, under a neutral name', params: IdParams } }, async (req, reply) => {
    const v = await getMyBookVoucher(ctx(req), req.params.id);
    return reply.headers(storedFileHeaders(v.name, v.mime)).send(v.content);
  });
  app.post('/api/me/fees/books/lines/:id/questions', { schema: { tags: mine, summary: "Question a line: a public opinion to the owners' committee", params: IdParams, body: QuestionBody } }, async (req, reply) =>
    reply.code(201).send(await questionBookLine(ctx(req), req.params.id, req.body)),
  );
}
