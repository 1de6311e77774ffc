import type { FastifyRequest } from 'fastify';
import type { Kernel } from '../../kernel/context.ts';
import { AttachmentErrors } from '../../kernel/files/attachment-check.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import { parseFields, readMultipart } from '../../kernel/http/multipart.ts';
import type { App } from '../../kernel/module.ts';
import { EVIDENCE_MAX_BYTES } from './decisions.constants.ts';
import { IdParams } from './decisions.schemas.ts';
import { AcknowledgeFilingBody, DecisionFilingParams, FilingParams, FilingsQuery, ReturnFilingBody, SubmitFilingFields } from './filing.schemas.ts';
import { acknowledgeFiling } from './use-cases/acknowledge-filing.ts';
import type { EvidenceForm } from './use-cases/evidence-file.ts';
import { filingMinutes, filingPackage, getFiling } from './use-cases/get-filing.ts';
import { decisionFilings, listFilings } from './use-cases/list-filings.ts';
import { returnFiling } from './use-cases/return-filing.ts';
import { submitFiling } from './use-cases/submit-filing.ts';

/** The submission's form, read only once the use case has checked the actor may submit at all: the note, and the minutes in field "minutes". */
const submissionForm = (req: FastifyRequest) => async (): Promise<EvidenceForm<SubmitFilingFields>> => {
  const form = await readMultipart(
    req,
    { maxFiles: 1, maxFileBytes: EVIDENCE_MAX_BYTES },
    { notMultipart: () => AttachmentErrors.FILE_REQUIRED(), fileTooLarge: () => AttachmentErrors.ATTACHMENT_TOO_LARGE({ mb: EVIDENCE_MAX_BYTES / 1024 / 1024 }) },
  );
  const fields = parseFields(SubmitFilingFields, Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== '')));
  const file = form.files.find((f) => f.fieldname === 'minutes');
  return { fields, upload: file ? { filename: file.filename, mimetype: file.mimetype, content: file.content } : null };
};

/** 备案 (Decisions 4/4): thin routes — validate (zod) → use case (authorizes, writes, audits) → JSON. */
export function filingRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['decisions'];
  app.get('/api/decisions/:id/filings', { schema: { tags, summary: "A decision's filings (备案) with each office's status, due day and history", params: IdParams } }, async (req) =>
    decisionFilings(ctx(req), req.params.id),
  );
  app.post(
    '/api/decisions/:id/filings/:filingId/submit',
    {
      schema: {
        tags,
        summary: `Submit (or resubmit once returned) the filing's package with the meeting's minutes (multipart: text field "note", file field "minutes": JPG, PNG, WebP or PDF, at most ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB)`,
        params: DecisionFilingParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => submitFiling(ctx(req), req.params.id, req.params.filingId, submissionForm(req)),
  );
  app.get('/api/filings', { schema: { tags, summary: '备案审查: the filings I receive (my office) or oversee, filtered, searched, sorted', querystring: FilingsQuery } }, async (req) =>
    listFilings(ctx(req), req.query),
  );
  app.get('/api/filings/:filingId', { schema: { tags, summary: 'A filing: its package as submitted, its hash and its history', params: FilingParams } }, async (req) => getFiling(ctx(req), req.params.filingId));
  app.get('/api/filings/:filingId/package.json', { schema: { tags, summary: "The filing's package as submitted (JSON; its hash is over its canonical form)", params: FilingParams } }, async (req, reply) => {
    const p = await filingPackage(ctx(req), req.params.filingId);
    const name = `${p.title}-备案材料-v${p.version}.json`;
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="filing.json"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(JSON.stringify(p.package, null, 1));
  });
  app.get('/api/filings/:filingId/minutes', { schema: { tags, summary: "The minutes of the filing's last submission", params: FilingParams } }, async (req, reply) => {
    const f = await filingMinutes(ctx(req), req.params.filingId);
    return reply.headers(storedFileHeaders(f.name, f.mime)).header('cache-control', 'private, max-age=3600').send(f.content);
  });
  app.post('/api/filings/:filingId/acknowledge', { schema: { tags, summary: 'Acknowledge a submitted filing (its receiving office only)', params: FilingParams, body: AcknowledgeFilingBody } }, async (req) =>
    acknowledgeFiling(ctx(req), req.params.filingId, req.body),
  );
  app.post('/api/filings/:filingId/return', { schema: { tags, summary: 'Return a submitted filing for correction, with the reason (its receiving office only)', params: FilingParams, body: ReturnFilingBody } }, async (req) =>
    returnFiling(ctx(req), req.params.filingId, req.body),
  );
}
