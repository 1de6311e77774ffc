import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { lockItem } from '../deliberation.repository.ts';
import { addSupporters, itemForResident, listIfSupported, SUPPORTABLE } from './item-access.ts';

/**
 * A household supports an item of its place, once: the first of its members to do so speaks for it; a second
 * member of the same room is told the household supports it already. A proposal reaching its place's threshold
 * goes onto the stage-2 list; support of an item already past stage 1 is counted and changes no stage.
 */
export function supportItem(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const item = await lockItem(tx, id);
    const me = await itemForResident(tx, ctx.actor, item);
    if (!SUPPORTABLE.includes(item!.stage)) throw DeliberationErrors.WRONG_STAGE({ stage: item!.stage });
    if (!me.unsupported.length) throw DeliberationErrors.ALREADY_SUPPORTED();
    const now = ctx.kernel.clock.now();
    const room = me.unsupported[0]!;
    const { count } = await addSupporters(tx, item!, [{ roomId: room.roomId, accountId: ctx.actor.accountId }], 'direct', now);
    await audit(tx, ctx, {
      action: 'deliberation.item.supported',
      placeId: item!.place_id,
      subjectType: 'deliberation_item',
      subjectId: item!.id,
      detail: { supporters: count },
    });
    const listed = await listIfSupported(tx, ctx, item!, count);
    return { supporterCount: count, stage: listed ? 'agenda' : item!.stage, supported: true };
  });
}
