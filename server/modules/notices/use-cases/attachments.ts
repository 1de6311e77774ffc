import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, read, type Executor, type Tx } from '../notices.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { sniffImageType } from '../../../kernel/files/files.ts';
import { assertNoActiveContent } from '../../../kernel/files/pdf-active-content.ts';
import { newId } from '../../../kernel/ids.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_NOTICE, type AttachmentType } from '../notices.constants.ts';
import { NoticeErrors } from '../notices.errors.ts';
import { mayManage } from '../notices.policy.ts';
import { countAttachments, lockNotice } from '../notices.repository.ts';
import { loadNoticeFor } from './load-notice.ts';
import { staffView } from './save-notice.ts';

export interface Upload {
  filename: string;
  /** The type the client declared for the part; believed only when the content agrees. */
  mimetype: string;
  content: Buffer;
}

const EXTENSIONS: Record<AttachmentType, string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};
/** Declared types that say nothing about the content (a browser's fallback). */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** The attachment's real type, by its first bytes: an image we accept, or a PDF (%PDF-). */
export function sniffAttachmentType(content: Buffer): AttachmentType | null {
  const image = sniffImageType(content);
  if (image) return image;
  if (content.length >= 5 && content.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/**
 * Checks an upload by its content: the bytes must be an image we accept or a PDF, and the name's
 * extension and the declared type, when given, must say the same thing. Answers the stored name
 * (an extension added when there was none) and type.
 */
export function checkUpload(upload: Upload): { name: string; mime: AttachmentType } {
  if (upload.content.length === 0) throw NoticeErrors.FILE_REQUIRED();
  if (upload.content.length > ATTACHMENT_MAX_BYTES) throw NoticeErrors.ATTACHMENT_TOO_LARGE({ mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 });
  const actual = sniffAttachmentType(upload.content);
  if (!actual) throw NoticeErrors.ATTACHMENT_TYPE_NOT_ALLOWED();
  const declared = upload.mimetype.toLowerCase().split(';')[0]!.trim().replace('image/jpg', 'image/jpeg');
  if (!UNDECLARED.has(declared) && declared !== actual) throw NoticeErrors.ATTACHMENT_MISLABELED({ actual }, { declared, actual });
  // Only the last path segment of the name, without control characters.
  let name = (upload.filename.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 180);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (ext && !EXTENSIONS[actual].includes(ext)) throw NoticeErrors.ATTACHMENT_MISLABELED({ actual }, { extension: ext, actual });
  if (!ext) name = `${name || 'attachment'}.${EXTENSIONS[actual][0]}`;
  // No scripts, launch actions or embedded files for the residents who download it (pdf-active-content.ts).
  if (actual === 'application/pdf') assertNoActiveContent(upload.content);
  return { name, mime: actual };
}

/** The notice, if the actor may attach files to it now; otherwise 404 / 403 / 409. */
async function checkAttachable(db: Executor, ctx: Ctx, id: string) {
  const n = await loadNoticeFor(db, ctx, id);
  if (!n.staff || !mayManage(ctx.actor, n.row.publisher_kind, n.row.place_path)) throw CommonErrors.FORBIDDEN();
  if (n.row.status === 'withdrawn') throw NoticeErrors.WITHDRAWN();
  if ((await countAttachments(db, id)) >= ATTACHMENTS_PER_NOTICE) throw NoticeErrors.TOO_MANY_ATTACHMENTS({ max: ATTACHMENTS_PER_NOTICE });
  return n;
}

/**
 * Attaches a file to a notice. Permission and the count are checked before the upload is read,
 * the content before anything is stored; the row and its audit entry commit together.
 */
export async function addAttachment(ctx: Ctx, id: string, readUpload: () => Promise<Upload>) {
  await checkAttachable(read(ctx), ctx, id);
  const upload = await readUpload();
  const { name, mime } = checkUpload(upload);
  const key = await ctx.kernel.files.put(upload.content);
  return write(ctx, async (tx) => {
    if (!(await lockNotice(tx, id))) throw NoticeErrors.NOTICE_NOT_FOUND();
    const n = await checkAttachable(tx, ctx, id);
    const attachmentId = newId();
    await tx
      .insertInto('ntc_attachments')
      .values({
        street_id: n.row.street_id,
        id: attachmentId,
        notice_id: id,
        file_key: key,
        name,
        mime,
        size: upload.content.length,
        created_by: ctx.actor.accountId,
        created_at: ctx.kernel.clock.now(),
      })
      .execute();
    await attachmentsChanged(tx, ctx, n.row.place_id, id, 'notices.attachment.added', { attachmentId, mime, size: upload.content.length, fileKey: key });
    return staffView(tx, ctx, await loadNoticeFor(tx, ctx, id));
  });
}

/**
 * Removes an attachment from a notice. The file itself stays in the store: keys are content
 * hashes and another record may hold the same content.
 */
export async function removeAttachment(ctx: Ctx, id: string, attachmentId: string) {
  return write(ctx, async (tx) => {
    if (!(await lockNotice(tx, id))) throw NoticeErrors.NOTICE_NOT_FOUND();
    const n = await loadNoticeFor(tx, ctx, id);
    if (!n.staff || !mayManage(ctx.actor, n.row.publisher_kind, n.row.place_path)) throw CommonErrors.FORBIDDEN();
    if (n.row.status === 'withdrawn') throw NoticeErrors.WITHDRAWN();
    const removed = await tx.deleteFrom('ntc_attachments').where('id', '=', attachmentId).where('notice_id', '=', id).returning(['mime', 'size']).executeTakeFirst();
    if (!removed) throw NoticeErrors.ATTACHMENT_NOT_FOUND();
    await attachmentsChanged(tx, ctx, n.row.place_id, id, 'notices.attachment.removed', { attachmentId, mime: removed.mime, size: removed.size });
    return staffView(tx, ctx, await loadNoticeFor(tx, ctx, id));
  });
}

/** An attachment's content, for anyone who may see the notice (staff in scope, residents it concerns). */
export async function getAttachment(ctx: Ctx, id: string, attachmentId: string) {
  const db = read(ctx);
  const n = await loadNoticeFor(db, ctx, id);
  if (!n.staff && !n.resident) throw NoticeErrors.NOTICE_NOT_FOUND();
  const a = await db.selectFrom('ntc_attachments').select(['name', 'mime', 'file_key']).where('id', '=', attachmentId).where('notice_id', '=', id).executeTakeFirst();
  if (!a) throw NoticeErrors.ATTACHMENT_NOT_FOUND();
  const content = await ctx.kernel.files.get(a.file_key);
  if (!content) throw NoticeErrors.ATTACHMENT_NOT_FOUND();
  return { name: a.name, mime: a.mime, content };
}

/** A notice's attachments changed: the notice is touched and the change recorded, in the change's transaction. */
async function attachmentsChanged(tx: Tx, ctx: Ctx, placeId: string, noticeId: string, action: string, detail: Record<string, unknown>) {
  await tx.updateTable('ntc_notices').set({ updated_at: ctx.kernel.clock.now() }).where('id', '=', noticeId).execute();
  await audit(tx, ctx, { action, placeId, subjectType: 'notice', subjectId: noticeId, detail });
}
