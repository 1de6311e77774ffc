import { AttachmentErrors } from '../../kernel/files/attachment-check.ts';
import type { Kernel } from '../../kernel/context.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import { readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { publicLinks } from '../../kernel/public/public-pages.ts';
import { ATTACHMENT_MAX_BYTES } from './notices.constants.ts';
import { NoticeErrors } from './notices.errors.ts';
import { AttachmentParams, CreateNoticeBody, IdParams, MyNoticesQuery, NoticesQuery, UpdateNoticeBody, WithdrawBody } from './notices.schemas.ts';
import { addAttachment, getAttachment, removeAttachment, type Upload } from './use-cases/attachments.ts';
import { getMyNotice, getNotice } from './use-cases/get-notice.ts';
import { listNotices } from './use-cases/list-notices.ts';
import { renderNoticePdf } from './use-cases/notice-pdf.ts';
import { listMyNotices, markNoticeRead, myUnreadCount } from './use-cases/resident-notices.ts';
import { createNotice, publishNotice, updateNoticeContent, withdrawNotice } from './use-cases/save-notice.ts';

/** `filename*=` for non-ASCII names, with a plain ASCII fallback. */
const disposition = (kind: 'inline' | 'attachment', name: string) =>
  `${kind}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Thin routes: validate (zod) → use case (authorizes, writes, audits) → JSON. */
export function noticeRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['notices'];
  const mine = ['resident'];

  // Residents
  app.get('/api/me/notices', { schema: { tags: mine, summary: 'Notices that concern my rooms today (pinned first)', querystring: MyNoticesQuery } }, async (req) =>
    listMyNotices(ctx(req), req.query),
  );
  app.get('/api/me/notices/unread-count', { schema: { tags: mine, summary: 'How many of them I have not read' } }, async (req) => myUnreadCount(ctx(req)));
  app.get('/api/me/notices/:id', { schema: { tags: mine, summary: 'One notice that concerns me', params: IdParams } }, async (req) =>
    getMyNotice(ctx(req), req.params.id),
  );
  app.post('/api/notices/:id/read', { schema: { tags: mine, summary: 'My read receipt (the first one counts)', params: IdParams } }, async (req) =>
    markNoticeRead(ctx(req), req.params.id),
  );

  // Staff
  app.get('/api/notices', { schema: { tags, summary: 'Notices in my scope, with read counts', querystring: NoticesQuery } }, async (req) =>
    listNotices(ctx(req), req.query),
  );
  app.get('/api/notices/:id', { schema: { tags, summary: 'A notice with attachments, read count and reach', params: IdParams } }, async (req) =>
    getNotice(ctx(req), req.params.id),
  );
  app.post('/api/notices', { schema: { tags, summary: 'Save a notice as a draft, or publish it at once', body: CreateNoticeBody } }, async (req, reply) =>
    reply.code(201).send(await createNotice(ctx(req), req.body)),
  );
  app.patch('/api/notices/:id', { schema: { tags, summary: 'Edit a notice (text, category, pinning, validity)', params: IdParams, body: UpdateNoticeBody } }, async (req) =>
    updateNoticeContent(ctx(req), req.params.id, req.body),
  );
  app.post('/api/notices/:id/publish', { schema: { tags, summary: 'Publish a draft', params: IdParams } }, async (req) =>
    publishNotice(ctx(req), req.params.id),
  );
  app.post('/api/notices/:id/withdraw', { schema: { tags, summary: 'Withdraw a published notice, with a reason', params: IdParams, body: WithdrawBody } }, async (req) =>
    withdrawNotice(ctx(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/notices/:id/attachments',
    {
      schema: {
        tags,
        summary: `Attach an image (JPG, PNG, WebP) or PDF, at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB (multipart field "file")`,
        params: IdParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const readUpload = async (): Promise<Upload> => {
        const { files } = await readMultipart(
          req,
          { maxFiles: 1, maxFileBytes: ATTACHMENT_MAX_BYTES },
          {
            notMultipart: () => AttachmentErrors.FILE_REQUIRED(),
            fileTooLarge: () => AttachmentErrors.ATTACHMENT_TOO_LARGE({ mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 }),
          },
        );
        const file = files[0];
        if (!file) throw AttachmentErrors.FILE_REQUIRED();
        return { filename: file.filename, mimetype: file.mimetype, content: file.content };
      };
      return reply.code(201).send(await addAttachment(ctx(req), req.params.id, readUpload));
    },
  );
  app.delete('/api/notices/:id/attachments/:attachmentId', { schema: { tags, summary: 'Remove an attachment', params: AttachmentParams } }, async (req) =>
    removeAttachment(ctx(req), req.params.id, req.params.attachmentId),
  );
  app.get(
    '/api/notices/:id/attachments/:attachmentId',
    { schema: { tags: [...tags, ...mine], summary: 'An attachment (staff in scope, residents it concerns)', params: AttachmentParams } },
    async (req, reply) => {
      const a = await getAttachment(ctx(req), req.params.id, req.params.attachmentId);
      // A download under a sandboxing CSP, never rendered by our origin (storedFileHeaders).
      return reply.headers(storedFileHeaders(a.name, a.mime)).header('cache-control', 'private, max-age=3600').send(a.content);
    },
  );
  app.get('/api/notices/:id/pdf', { schema: { tags, summary: 'Printable PDF for the lobby board, with a QR code to the live page', params: IdParams } }, async (req, reply) => {
    // The lobby's QR code leads to the notice's public page (notices.public.ts): readable without signing in.
    const liveUrl = `${req.protocol}://${req.host}${publicLinks('notices.notice', req.params.id).page}`;
    const { title, pdf } = await renderNoticePdf(ctx(req), req.params.id, liveUrl);
    return reply.type('application/pdf').header('content-disposition', disposition('inline', `${title}.pdf`)).send(pdf);
  });
}
