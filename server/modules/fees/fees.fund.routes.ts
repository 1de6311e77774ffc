import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { parseFields, readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { PageQuery } from '../../kernel/pagination.ts';
import { publicLinks } from '../../kernel/public/public-pages.ts';
import { FeesErrors } from './fees.errors.ts';
import { FundBasisFields, FundEntriesQuery, FundIdParams, FundPlaceQuery, FundPublicationsQuery, PublishFundBody } from './fees.fund.schemas.ts';
import { fundDecisionChoices, getFundSummary } from './use-cases/get-fund-summary.ts';
import { commitFundStatement, getFundImport, listFundImports, uploadFundStatement } from './use-cases/import-fund-statement.ts';
import { FUND_DOCUMENT_MAX_BYTES, linkFundUse, fundUseDocument } from './use-cases/link-fund-use.ts';
import { exportFundEntriesXlsx, listFundEntries } from './use-cases/list-fund-entries.ts';
import { getFundPublication, listFundPublications, myFund, myFundPublication } from './use-cases/list-fund-publications.ts';
import { publishFundQuarter } from './use-cases/publish-fund-quarter.ts';
import { fundTemplateXlsx } from './use-cases/read-fund-statement.ts';
import { renderFundNoticePdf } from './use-cases/render-fund-notice-pdf.ts';
import { attachment, XLSX } from './fees.http.ts';

/** A street's statement for a year is well under a megabyte; 10 MB leaves room for a large street's history. */
export const FUND_STATEMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The compound's public fund page, on this server: the notice's QR code opens it. */
const pageUrl = (req: FastifyRequest, kernel: Kernel) => (compoundId: string) => `${kernel.config.publicUrl ?? `${req.protocol}://${req.host}`}${publicLinks('fees.fund', compoundId).page}`;

/** The fund part's routes (statements, uses and their basis, quarterly publications): thin. */
export function fundRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['fees fund'];
  const mine = ['resident'];

  app.get('/api/fees/fund/template.xlsx', { schema: { tags, summary: 'The maintenance-fund statement template (xlsx, Chinese headers)' } }, async (_req, reply) =>
    attachment(reply, XLSX, { fileName: '维修资金对账单模板.xlsx', content: await fundTemplateXlsx() }),
  );
  app.post(
    '/api/fees/fund/imports',
    { schema: { tags, summary: "Upload the authority's statement (multipart: placeId, file) and check it (the dry-run report)", consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const form = await readMultipart(req, { maxFiles: 1, maxFileBytes: FUND_STATEMENT_MAX_BYTES }, {
        notMultipart: () => FeesErrors.FUND_FILE_REQUIRED(),
        fileTooLarge: () => FeesErrors.FUND_FILE_TOO_LARGE({ mb: FUND_STATEMENT_MAX_BYTES / 1024 / 1024 }),
      });
      const { placeId } = parseFields(z.object({ placeId: z.uuid() }), form.fields);
      const file = form.files.find((f) => f.fieldname === 'file');
      if (!file) throw FeesErrors.FUND_FILE_REQUIRED();
      return reply.code(201).send(await uploadFundStatement(ctx(req), { placeId, fileName: file.filename, content: file.content }));
    },
  );
  app.get('/api/fees/fund/imports', { schema: { tags, summary: 'Statement imports I may make, newest first', querystring: PageQuery } }, async (req) => listFundImports(ctx(req), req.query));
  app.get('/api/fees/fund/imports/:id', { schema: { tags, summary: 'A statement import with its report', params: FundIdParams } }, async (req) => getFundImport(ctx(req), req.params.id));
  app.post('/api/fees/fund/imports/:id/commit', { schema: { tags, summary: 'Import a checked statement: all its new rows or none', params: FundIdParams } }, async (req) =>
    commitFundStatement(ctx(req), req.params.id),
  );

  app.get('/api/fees/fund/summary', { schema: { tags, summary: "A compound's fund: balance, totals, uses with their basis", querystring: FundPlaceQuery } }, async (req) =>
    getFundSummary(ctx(req), req.query.placeId),
  );
  app.get('/api/fees/fund/decisions', { schema: { tags, summary: "A compound's passed owners' decisions, to cite as a use's basis", querystring: FundPlaceQuery } }, async (req) =>
    fundDecisionChoices(ctx(req), req.query.placeId),
  );
  app.get('/api/fees/fund/entries', { schema: { tags, summary: 'Fund entries (search by serial or summary)', querystring: FundEntriesQuery } }, async (req) => listFundEntries(ctx(req), req.query));
  app.get('/api/fees/fund/entries/export.xlsx', { schema: { tags, summary: 'Fund entries as xlsx', querystring: FundEntriesQuery } }, async (req, reply) =>
    attachment(reply, XLSX, await exportFundEntriesXlsx(ctx(req), req.query)),
  );
  app.post(
    '/api/fees/fund/entries/:id/basis',
    {
      schema: {
        tags,
        summary: "Link a use to its basis (multipart: kind, decisionId | what, day, certifiedBy and the document file; reason when changing)",
        params: FundIdParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      const form = await readMultipart(req, { maxFiles: 1, maxFileBytes: FUND_DOCUMENT_MAX_BYTES }, { notMultipart: () => FeesErrors.FUND_EMERGENCY_RECORD() });
      const fields = parseFields(FundBasisFields, Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== '')));
      const file = form.files.find((f) => f.fieldname === 'document');
      if (form.files.some((f) => f.fieldname !== 'document')) throw FeesErrors.FUND_EMERGENCY_RECORD();
      const input =
        fields.kind === 'decision'
          ? { kind: 'decision' as const, decisionId: fields.decisionId ?? '', reason: fields.reason }
          : { kind: 'emergency' as const, what: fields.what, day: fields.day, certifiedBy: fields.certifiedBy, reason: fields.reason };
      return linkFundUse(ctx(req), req.params.id, input, file ? { filename: file.filename, mimetype: file.mimetype, content: file.content } : null);
    },
  );
  app.get('/api/fees/fund/entries/:id/document', { schema: { tags, summary: "A use's emergency document", params: FundIdParams } }, async (req, reply) => {
    const d = await fundUseDocument(ctx(req), req.params.id);
    return attachment(reply, d.mime, d, true);
  });

  app.post('/api/fees/fund/publications', { schema: { tags, summary: "Publish a compound's fund for an ended quarter (owners are told)", body: PublishFundBody } }, async (req, reply) =>
    reply.code(201).send(await publishFundQuarter(ctx(req), req.body)),
  );
  app.get('/api/fees/fund/publications', { schema: { tags, summary: 'Fund publications', querystring: FundPublicationsQuery } }, async (req) => listFundPublications(ctx(req), req.query));
  app.get('/api/fees/fund/publications/:id', { schema: { tags, summary: 'A fund publication with its uses', params: FundIdParams } }, async (req) => getFundPublication(ctx(req), req.params.id));
  app.get('/api/fees/fund/publications/:id/notice.pdf', { schema: { tags, summary: "A publication as the notice board's PDF, with a QR code to the public page", params: FundIdParams } }, async (req, reply) => {
    const { fileName, pdf } = await renderFundNoticePdf(ctx(req), req.params.id, pageUrl(req, kernel));
    return attachment(reply, 'application/pdf', { fileName, content: pdf }, true);
  });

  app.get('/api/me/fees/fund', { schema: { tags: mine, summary: "My compounds' maintenance fund publications" } }, async (req) => myFund(ctx(req)));
  app.get('/api/me/fees/fund/publications/:id', { schema: { tags: mine, summary: "A publication of my compound's fund, with my rooms' lines", params: FundIdParams } }, async (req) =>
    myFundPublication(ctx(req), req.params.id),
  );
}
