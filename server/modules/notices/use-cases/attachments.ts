import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, read, type Executor, type Tx } from '../notices.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Upload, checkAttachment } from '../../../kernel/files/attachment-check.ts';
import { newId } from '../../../kernel/ids.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_NOTICE } from '../notices.constants.ts';
import { NoticeErrors } from '../notices.errors.ts';
import { mayManage } from '../notices.policy.ts';
import { countAttachments, lockNotice } from '../notices.repository.ts';
import { loadNoticeFor } from './load-notice.ts';
import { staffView } from './save-notice.ts';

export type { Upload };

/** Checks an upload against the notices' size limit (kernel/files/attachment-check.ts). */
export const checkUpload = (upload: Upload) => checkAttachment(upload, ATTACHMENT_MAX_BYTES);

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
