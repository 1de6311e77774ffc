import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { itemsOf } from '../decisions.repository.ts';
import { decisionFor } from './decision-access.ts';
import { decisionForOwner } from './owner-access.ts';

/** An item's document, for the staff who see the decision or the owners on its roll. */
export async function getItemAttachment(ctx: Ctx, id: string, attachmentId: string, as: 'staff' | 'owner') {
  const db = read(ctx);
  const d = as === 'staff' ? await decisionFor(db, ctx.actor, id, 'read') : (await decisionForOwner(db, ctx, id)).decision;
  const attachment = (await itemsOf(db, d.street_id, d.id)).flatMap((i) => i.attachments).find((a) => a.id === attachmentId);
  const content = attachment && (await ctx.kernel.files.get(attachment.key));
  if (!attachment || !content) throw DecisionsErrors.ATTACHMENT_NOT_FOUND();
  return { name: attachment.name, mime: attachment.mime, content };
}
