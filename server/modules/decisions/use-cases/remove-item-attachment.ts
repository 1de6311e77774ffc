import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { MATERIALS_OPEN } from './add-item-attachment.ts';
import { decisionFor } from './decision-access.ts';

/** Removes an item's document before voting opens (the file stays in the store: the audit entry names it). */
export async function removeItemAttachment(ctx: Ctx, id: string, attachmentId: string) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: MATERIALS_OPEN });
    const items = await tx.selectFrom('dec_items').select(['no', 'attachments']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).execute();
    const item = items.find((i) => i.attachments.some((a) => a.id === attachmentId));
    if (!item) throw DecisionsErrors.ATTACHMENT_NOT_FOUND();
    const removed = item.attachments.find((a) => a.id === attachmentId)!;
    await tx
      .updateTable('dec_items')
      .set({ attachments: JSON.stringify(item.attachments.filter((a) => a.id !== attachmentId)) })
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('no', '=', item.no)
      .execute();
    await audit(tx, ctx, { action: 'decisions.attachment.removed', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { item: item.no, name: removed.name } });
    return { removed: attachmentId };
  });
}
