import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { write } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { allows } from '../deliberation.policy.ts';
import { addSupporters, BEFORE_AGENDA_DECISION, itemForStaff, listIfSupported } from './item-access.ts';
import { moveItem } from './move-item.ts';

/**
 * Stage 2: several items on the same matter become one. The merged items end as 'merged' (merged_into the
 * target, their households told); their sources move to the target (each keeping the item it came from) and
 * their supporting households join the target's, a household that supported two of them counted once.
 */
export function mergeItems(ctx: Ctx, targetId: string, input: { itemIds: string[] }) {
  return write(ctx, async (tx) => {
    const ids = [...new Set(input.itemIds)].filter((i) => i !== targetId);
    if (!ids.length) throw DeliberationErrors.MERGE_NEEDS_ITEMS();
    const target = await itemForStaff(tx, ctx.actor, targetId, true);
    if (!allows(ctx.actor, 'setAgenda', target.place_path)) throw CommonErrors.FORBIDDEN();
    if (!BEFORE_AGENDA_DECISION.includes(target.stage)) throw DeliberationErrors.WRONG_STAGE({ stage: target.stage });
    // Locked in id order, so two merges over the same items wait for each other instead of deadlocking.
    const merged = [];
    for (const id of [...ids].sort()) {
      const item = await itemForStaff(tx, ctx.actor, id, true);
      if (!allows(ctx.actor, 'setAgenda', item.place_path)) throw CommonErrors.FORBIDDEN();
      if (!BEFORE_AGENDA_DECISION.includes(item.stage)) throw DeliberationErrors.WRONG_STAGE({ stage: item.stage });
      if (item.street_id !== target.street_id || !item.place_path.startsWith(target.place_path)) throw DeliberationErrors.MERGE_OUTSIDE_TARGET();
      merged.push(item);
    }
    const now = ctx.kernel.clock.now();
    for (const item of merged) {
      await moveItem(tx, ctx, item, {
        to: 'merged',
        kind: 'merged',
        note: `并入议题 ${target.code}`,
        detail: { into: target.id, intoCode: target.code },
        patch: { merged_into: target.id },
      });
      await tx.updateTable('dlb_item_sources').set({ item_id: target.id }).where('street_id', '=', item.street_id).where('item_id', '=', item.id).execute();
    }
    const supporters = await tx
      .selectFrom('dlb_supporters')
      .select(['room_id', 'account_id', 'created_at'])
      .where('street_id', '=', target.street_id)
      .where('item_id', 'in', merged.map((m) => m.id))
      .orderBy('created_at')
      .execute();
    const { count, added } = await addSupporters(tx, target, supporters.map((s) => ({ roomId: s.room_id, accountId: s.account_id })), 'merge', now);
    await moveItem(tx, ctx, target, {
      to: target.stage,
      kind: 'merged_in',
      note: `并入 ${merged.map((m) => m.code).join('、')}`,
      detail: { items: merged.map((m) => m.id), codes: merged.map((m) => m.code), supporters: count, householdsAdded: added },
      tell: false,
    });
    const listed = await listIfSupported(tx, ctx, target, count);
    return { id: target.id, stage: listed ? 'agenda' : target.stage, supporterCount: count, merged: merged.map((m) => m.id) };
  });
}
