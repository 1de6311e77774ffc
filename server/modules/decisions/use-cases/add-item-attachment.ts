import { type Ctx, audit } from '../../../kernel/context.ts';
import { type Upload, checkAttachment } from '../../../kernel/files/attachment-check.ts';
import { newId } from '../../../kernel/ids.ts';
import { ITEM_ATTACHMENT_MAX_BYTES, ITEM_ATTACHMENTS_MAX } from '../decisions.constants.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { decisionFor } from './decision-access.ts';

/** Statuses in which the materials may still change: before any owner has voted on them. */
export const MATERIALS_OPEN = ['draft', 'roll_published'] as const;

/**
 * Attaches a document to an item (a plan, a quote, a budget) before voting opens: permission and status are
 * checked before the upload is read, its content (type, size, no active content in a PDF) before anything is
 * stored; the item's row and the audit entry commit together.
 */
export async function addItemAttachment(ctx: Ctx, id: string, no: number, readUpload: () => Promise<Upload>) {
  await decisionFor(read(ctx), ctx.actor, id, 'organise', { status: MATERIALS_OPEN });
  const upload = await readUpload();
  const { name, mime } = checkAttachment(upload, ITEM_ATTACHMENT_MAX_BYTES);
  const key = await ctx.kernel.files.put(upload.content);
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: MATERIALS_OPEN });
    const item = await tx.selectFrom('dec_items').select('attachments').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('no', '=', no).executeTakeFirst();
    if (!item) throw DecisionsErrors.ITEM_NOT_FOUND();
    if (item.attachments.length >= ITEM_ATTACHMENTS_MAX) throw DecisionsErrors.TOO_MANY_ATTACHMENTS({ max: ITEM_ATTACHMENTS_MAX });
    const attachment = { id: newId(), key, name, mime, size: upload.content.length };
    await tx
      .updateTable('dec_items')
      .set({ attachments: JSON.stringify([...item.attachments, attachment]) })
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('no', '=', no)
      .execute();
    await audit(tx, ctx, { action: 'decisions.attachment.added', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { item: no, name, size: attachment.size } });
    return { id: attachment.id, name, mime, size: attachment.size };
  });
}
