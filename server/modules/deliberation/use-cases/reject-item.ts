import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { write } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { allows } from '../deliberation.policy.ts';
import { BEFORE_AGENDA_DECISION, itemForStaff } from './item-access.ts';
import { moveItem } from './move-item.ts';

/**
 * Stage 2: the party organisation or the 物委会 declines an item, with the reason its proposers read — on the
 * item's H5 page (rejected_reason) and in the message every supporting household gets (moveItem's note).
 */
export function rejectItem(ctx: Ctx, id: string, input: { reason: string }) {
  return write(ctx, async (tx) => {
    const item = await itemForStaff(tx, ctx.actor, id, true);
    if (!allows(ctx.actor, 'setAgenda', item.place_path)) throw CommonErrors.FORBIDDEN();
    if (!BEFORE_AGENDA_DECISION.includes(item.stage)) throw DeliberationErrors.WRONG_STAGE({ stage: item.stage });
    await moveItem(tx, ctx, item, { to: 'rejected', kind: 'rejected', note: input.reason, patch: { rejected_reason: input.reason } });
    return { id, stage: 'rejected' as const };
  });
}
