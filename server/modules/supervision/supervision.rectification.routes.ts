import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import { parseFields, readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { NOTICE_MAX_FILE_BYTES, NOTICE_MAX_FILES } from './supervision.rectification.constants.ts';
import { RectificationErrors } from './supervision.rectification.errors.ts';
import {
  CloseNoticeBody,
  IssueNoticeFields,
  NoticeCompanyCountsQuery,
  NoticeFileParams,
  NoticeIdParams,
  NoticePrefillQuery,
  NoticesQuery,
  ReissueNoticeBody,
  RespondNoticeFields,
} from './supervision.rectification.schemas.ts';
import { closeNotice } from './use-cases/close-notice.ts';
import { getNotice, noticeFile } from './use-cases/get-notice.ts';
import { issueNotice } from './use-cases/issue-notice.ts';
import { exportNoticesXlsx, listNotices, noticeCompanyCounts } from './use-cases/list-notices.ts';
import type { Upload } from './use-cases/notice-access.ts';
import { noticePrefill } from './use-cases/notice-prefill.ts';
import { reissueNotice } from './use-cases/reissue-notice.ts';
import { renderNoticePdf } from './use-cases/render-notice-pdf.ts';
import { respondNotice } from './use-cases/respond-notice.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MULTIPART_NOTE = `JSON, or multipart/form-data with the same fields as text and up to ${NOTICE_MAX_FILES} evidence files (field "files": JPEG/PNG/WebP or PDF, ≤ 10 MB each).`;

/** A body with evidence: multipart fields plus files, or plain JSON without files. */
async function readForm<S extends z.ZodType>(req: FastifyRequest, schema: S): Promise<{ body: z.infer<S>; files: Upload[] }> {
  if (!req.isMultipart()) return { body: parseFields(schema, req.body ?? {}), files: [] };
  const form = await readMultipart(
    req,
    { maxFiles: NOTICE_MAX_FILES, maxFileBytes: NOTICE_MAX_FILE_BYTES },
    {
      fileTooLarge: (name) => RectificationErrors.FILE_TOO_LARGE({ name, mb: NOTICE_MAX_FILE_BYTES / 1024 / 1024 }),
      tooManyFiles: (max) => RectificationErrors.TOO_MANY_FILES({ max }),
    },
  );
  // A form's empty inputs arrive as blank text: absent, as in the JSON body.
  const fields = Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== ''));
  return { body: parseFields(schema, fields), files: form.files.map((f) => ({ filename: f.filename, content: f.content })) };
}

const attachment = (name: string) => `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The rectification part's routes (整改通知单): thin — validate, one use case, reply. */
export function rectificationRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['supervision notices'];

  app.get('/api/supervision/notices', { schema: { tags, summary: 'Rectification notices I may read (a company: at its compounds)', querystring: NoticesQuery } }, async (req) =>
    listNotices(ctx(req), req.query),
  );
  app.get('/api/supervision/notices/export.xlsx', { schema: { tags, summary: 'The same list as xlsx', querystring: NoticesQuery } }, async (req, reply) => {
    const file = await exportNoticesXlsx(ctx(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(file.fileName)).send(file.content);
  });
  app.get('/api/supervision/notices/by-company', { schema: { tags, summary: 'Counts of the same list per property company', querystring: NoticeCompanyCountsQuery } }, async (req) =>
    noticeCompanyCounts(ctx(req), req.query),
  );
  app.get('/api/supervision/notices/prefill', { schema: { tags, summary: 'A new notice prefilled from an inspection finding', querystring: NoticePrefillQuery } }, async (req) =>
    noticePrefill(ctx(req), req.query),
  );
  app.post(
    '/api/supervision/notices',
    {
      schema: {
        tags,
        summary: 'Issue a rectification notice to the compound’s property company',
        description: `${MULTIPART_NOTE} Fields: placeId, title, description, deadline (YYYY-MM-DD, China day), and optionally inspectionId + indicatorId.`,
      },
    },
    async (req, reply) => {
      const { body, files } = await readForm(req, IssueNoticeFields);
      return reply.code(201).send(await issueNotice(ctx(req), body, files));
    },
  );
  app.get('/api/supervision/notices/:id', { schema: { tags, summary: 'A notice with its timeline, evidence and my next actions', params: NoticeIdParams } }, async (req) =>
    getNotice(ctx(req), req.params.id),
  );
  app.get('/api/supervision/notices/:id/files/:fileId', { schema: { tags, summary: 'An evidence file of a notice', params: NoticeFileParams } }, async (req, reply) => {
    const f = await noticeFile(ctx(req), req.params.id, req.params.fileId);
    const headers = storedFileHeaders(f.fileName, f.mime);
    // Photos show inline as thumbnails; documents stay downloads (storedFileHeaders' sandbox holds either way).
    if (f.mime.startsWith('image/')) headers['content-disposition'] = 'inline';
    return reply.headers({ ...headers, 'cache-control': 'private, max-age=86400' }).send(f.content);
  });
  app.get('/api/supervision/notices/:id/notice.pdf', { schema: { tags, summary: 'The notice as a numbered printable PDF, with a QR code to its page', params: NoticeIdParams } }, async (req, reply) => {
    const base = kernel.config.publicUrl ?? `${req.protocol}://${req.host}`;
    const { fileName, pdf } = await renderNoticePdf(ctx(req), req.params.id, (id) => `${base}/supervision/notices/${id}`);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(pdf);
  });
  app.post(
    '/api/supervision/notices/:id/respond',
    { schema: { tags, summary: 'The company answers with its fix (text and at least one evidence file)', description: `${MULTIPART_NOTE} Fields: text.`, params: NoticeIdParams } },
    async (req) => {
      const { body, files } = await readForm(req, RespondNoticeFields);
      await respondNotice(ctx(req), req.params.id, body, files);
      return getNotice(ctx(req), req.params.id);
    },
  );
  app.post('/api/supervision/notices/:id/close', { schema: { tags, summary: 'Verify the fix and close the notice (issuer’s level or above)', params: NoticeIdParams, body: CloseNoticeBody } }, async (req) => {
    await closeNotice(ctx(req), req.params.id, req.body);
    return getNotice(ctx(req), req.params.id);
  });
  app.post('/api/supervision/notices/:id/reissue', { schema: { tags, summary: 'Send it back with a reason and a new deadline (next round)', params: NoticeIdParams, body: ReissueNoticeBody } }, async (req) => {
    await reissueNotice(ctx(req), req.params.id, req.body);
    return getNotice(ctx(req), req.params.id);
  });
}
