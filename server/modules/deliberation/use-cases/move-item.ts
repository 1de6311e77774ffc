import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import type { ItemStage } from '../deliberation.constants.ts';
import type { Tx } from '../deliberation.db.ts';
import type { DlbItemsTable } from '../deliberation.tables.ts';
import { followerAccounts, insertEvent, type ItemRow } from '../deliberation.repository.ts';
import type { Updateable } from 'kysely';

/** How each stage reads in a resident's message (the web has its own texts for the same stages). */
const STAGE_WORDS: Record<ItemStage, { zh: string; en: string }> = {
  collecting: { zh: '议题收集', en: 'collecting support' },
  agenda: { zh: '确定议题', en: 'agenda setting' },
  consulting: { zh: '会议协商', en: 'consultation' },
  awaiting_vote: { zh: '等待业主表决', en: "awaiting the owners' vote" },
  executing: { zh: '执行决策', en: 'execution' },
  evaluating: { zh: '居民评价', en: 'resident evaluation' },
  closed: { zh: '已办结', en: 'closed' },
  escalated: { zh: '已提交街道', en: 'sent to the street' },
  rejected: { zh: '未予立项', en: 'not taken up' },
  merged: { zh: '已并入其他议题', en: 'merged into another item' },
};

/**
 * Moves a locked item to another stage, or records a step that keeps its stage (`to` = its stage): the row,
 * its timeline event, the audit entry and the message to the households that follow it, all in the caller's
 * transaction. Every stage change of the procedure goes through here, so none misses its record (issue 17 §1).
 */
export async function moveItem(
  tx: Tx,
  ctx: Ctx,
  item: ItemRow,
  step: {
    to: ItemStage;
    /** The timeline's kind of event and the audit action's last part ('accepted' → deliberation.item.accepted). */
    kind: string;
    note?: string;
    detail?: Record<string, unknown>;
    patch?: Updateable<DlbItemsTable>;
    /** Tell the followers (default: when the stage changes). */
    tell?: boolean;
  },
) {
  const now = ctx.kernel.clock.now();
  const from = item.stage;
  await tx
    .updateTable('dlb_items')
    .set({ ...step.patch, stage: step.to, updated_at: now })
    .where('street_id', '=', item.street_id)
    .where('id', '=', item.id)
    .execute();
  await insertEvent(tx, {
    streetId: item.street_id,
    itemId: item.id,
    at: now,
    actorId: isSystem(ctx.actor) ? null : ctx.actor.accountId,
    actorName: isSystem(ctx.actor) ? '系统' : ctx.actor.name,
    kind: step.kind,
    from,
    to: step.to,
    note: step.note,
    detail: step.detail,
  });
  await audit(tx, ctx, {
    action: `deliberation.item.${step.kind}`,
    placeId: item.place_id,
    subjectType: 'deliberation_item',
    subjectId: item.id,
    before: { stage: from },
    after: { stage: step.to, ...(step.note ? { note: step.note } : {}), ...step.detail },
  });
  if (step.tell ?? from !== step.to) {
    const accounts = await followerAccounts(tx, item.street_id, item.id);
    if (accounts.length) {
      await notify(tx, ctx, {
        template: 'deliberation.stage_changed',
        placeId: item.place_id,
        to: { accounts },
        data: {
          itemId: item.id,
          code: item.code,
          title: item.title,
          stageZh: STAGE_WORDS[step.to].zh,
          stageEn: STAGE_WORDS[step.to].en,
          noteZh: step.note ? `说明：${step.note}` : '',
          noteEn: step.note ? `Note: ${step.note}` : '',
        },
        subject: { type: 'deliberation_item', id: item.id },
      });
    }
  }
  return { ...item, ...step.patch, stage: step.to, updated_at: now };
}
