import { z } from 'zod';
import type { Kernel } from '../context.ts';
import { storedFileHeaders } from '../files/files.ts';
import { readMultipart } from '../http/multipart.ts';
import { ctxOf } from '../http/server.ts';
import type { App } from '../module.ts';
import { PageQuery } from '../pagination.ts';
import { getStatement, listKinds, listStatements, payoutSummary, StatementsQuery, StatementsSort } from './payouts-read.ts';
import { statementsXlsx, statementXlsx } from './payouts-xlsx.ts';
import {
  approveStatement,
  closeStatement,
  correctLine,
  generatePayouts,
  getVoucher,
  PayoutErrors,
  payStatement,
  reviewStatement,
  VOUCHER_MAX_BYTES,
} from './payouts.ts';

const tags = ['payouts'];
const IdParams = z.object({ id: z.uuid() });
const Note = z.object({ note: z.string().trim().max(500).optional() });
const GenerateBody = z.object({ kind: z.string().min(1).max(80), placeId: z.uuid(), period: z.string().min(1).max(10) });
const CorrectionBody = z.object({
  lineId: z.uuid(),
  reason: z.string().trim().min(1).max(500),
  replacement: z
    .object({ quantity: z.number().int().min(0), unitFen: z.number().int().min(0), description: z.string().trim().max(200).optional() })
    .optional(),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="payouts.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** 结算单: list, figures, export, generate on demand; one statement's detail, transitions, corrections, voucher. */
export function payoutRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  app.get('/api/payouts/kinds', { schema: { tags, summary: 'The payout kinds I see (their reviewers and approvers)' } }, async (req) => listKinds(ctx(req)));
  app.get(
    '/api/payouts',
    { schema: { tags, summary: 'Payout statements in my places (filters, sort, pages)', querystring: PageQuery.extend({ ...StatementsQuery.shape, ...StatementsSort.query }) } },
    async (req) => listStatements(ctx(req), req.query),
  );
  app.get(
    '/api/payouts/summary',
    { schema: { tags, summary: 'Figures per kind and period: statements per status and their totals', querystring: z.object({ kind: StatementsQuery.shape.kind, period: StatementsQuery.shape.period }) } },
    async (req) => payoutSummary(ctx(req), req.query),
  );
  app.get(
    '/api/payouts/export.xlsx',
    { schema: { tags, summary: 'The statements of the filters (a period) as xlsx', querystring: StatementsQuery.extend(StatementsSort.query) } },
    async (req, reply) => {
      const { fileName, content } = await statementsXlsx(ctx(req), req.query);
      return reply.header('content-type', XLSX).header('content-disposition', attachment(fileName)).send(content);
    },
  );
  app.post(
    '/api/payouts/generate',
    { schema: { tags, summary: "Make (or complete) a street's statements of a kind for an ended period", body: GenerateBody } },
    async (req) => {
      const c = ctx(req);
      // Any place of the street will do: the street is what a kind's lines are computed for.
      const place = await c.kernel.db.selectFrom('places').select('street_id').where('id', '=', req.body.placeId).executeTakeFirst();
      if (!place?.street_id) throw PayoutErrors.PAYOUT_STREET_NOT_FOUND();
      return generatePayouts(c, { kind: req.body.kind, streetId: place.street_id, period: req.body.period });
    },
  );
  app.get('/api/payouts/:id', { schema: { tags, summary: 'A statement: lines, total, timeline, what I may do', params: IdParams } }, async (req) =>
    getStatement(ctx(req), req.params.id),
  );
  app.get('/api/payouts/:id/export.xlsx', { schema: { tags, summary: 'A statement as xlsx', params: IdParams } }, async (req, reply) => {
    const { fileName, content } = await statementXlsx(ctx(req), req.params.id);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(fileName)).send(content);
  });
  app.get('/api/payouts/:id/voucher', { schema: { tags, summary: "A paid statement's voucher file", params: IdParams } }, async (req, reply) => {
    const v = await getVoucher(ctx(req), req.params.id);
    // A download under a sandboxing CSP, never rendered by our origin (storedFileHeaders).
    return reply.headers(storedFileHeaders(v.name, v.mime)).header('cache-control', 'private, max-age=3600').send(v.content);
  });
  app.post('/api/payouts/:id/review', { schema: { tags, summary: 'Review a draft statement', params: IdParams, body: Note } }, async (req) =>
    reviewStatement(ctx(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/payouts/:id/approve',
    { schema: { tags, summary: 'Approve a reviewed statement (another account than who generated, reviewed or corrected it)', params: IdParams, body: Note } },
    async (req) => approveStatement(ctx(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/payouts/:id/pay',
    {
      schema: {
        tags,
        summary: `Mark an approved statement paid: multipart "voucherNo" and "file" (PDF, JPG or PNG, at most ${VOUCHER_MAX_BYTES / 1024 / 1024} MB)`,
        params: IdParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req) =>
      payStatement(ctx(req), req.params.id, async () => {
        const { fields, files } = await readMultipart(
          req,
          { maxFiles: 1, maxFileBytes: VOUCHER_MAX_BYTES },
          {
            notMultipart: () => PayoutErrors.PAYOUT_VOUCHER_FILE_REQUIRED(),
            fileTooLarge: () => PayoutErrors.PAYOUT_VOUCHER_TOO_LARGE({ mb: VOUCHER_MAX_BYTES / 1024 / 1024 }),
          },
        );
        return { voucherNo: fields.voucherNo, upload: files[0] };
      }),
  );
  app.post('/api/payouts/:id/close', { schema: { tags, summary: 'Close a paid statement', params: IdParams, body: Note } }, async (req) =>
    closeStatement(ctx(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/payouts/:id/corrections',
    { schema: { tags, summary: 'Correct a line: a reversing line (and a replacement); a paid statement\'s goes on the next period\'s', params: IdParams, body: CorrectionBody } },
    async (req, reply) => reply.code(201).send(await correctLine(ctx(req), req.params.id, req.body)),
  );
}
