import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../repairs.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { allows } from '../repairs.policy.ts';
import { loadVisibleOrder } from './order-access.ts';

/**
 * The contact's full phone number, for whoever goes to repair: the property staff of the compound
 * or the assigned person. Every such read is recorded in the audit log.
 */
export async function revealContact(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const order = await loadVisibleOrder(tx, ctx.actor, id);
    if (!allows(ctx.actor, 'revealContact', order.place_path) && order.assignee_id !== ctx.actor.accountId) throw CommonErrors.FORBIDDEN();
    const phone = order.contact_phone_enc ? ctx.kernel.pii.decrypt(order.contact_phone_enc) : null;
    await audit(tx, ctx, {
      action: 'repairs.order.contact_read',
      placeId: order.place_id,
      subjectType: 'repair_order',
      subjectId: order.id,
      detail: { no: order.no },
    });
    return { name: order.contact_name, phone };
  });
}
