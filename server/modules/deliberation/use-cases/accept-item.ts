import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { write } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { allows } from '../deliberation.policy.ts';
import { itemForStaff } from './item-access.ts';
import { moveItem } from './move-item.ts';

/** Stage 2 (确定议题): the party organisation or the 物委会 accepts an item on the list; it waits for a joint meeting. */
export function acceptItem(ctx: Ctx, id: string, input: { note?: string } = {}) {
  return write(ctx, async (tx) => {
    const item = await itemForStaff(tx, ctx.actor, id, true);
    if (!allows(ctx.actor, 'setAgenda', item.place_path)) throw CommonErrors.FORBIDDEN();
    if (item.stage !== 'agenda') throw DeliberationErrors.WRONG_STAGE({ stage: item.stage });
    await moveItem(tx, ctx, item, { to: 'consulting', kind: 'accepted', note: input.note ?? '' });
    return { id, stage: 'consulting' as const };
  });
}
