import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { DELIBERATION_ROLES } from '../deliberation.constants.ts';
import { read, write } from '../deliberation.db.ts';
import { lockItem, settingsFor } from '../deliberation.repository.ts';
import { verdict } from '../verdict.ts';
import { moveItem } from './move-item.ts';

const BATCH = 200;
/** Poor ratings' comments carried into the reopening's reasons (the rest stay on the item's ratings). */
const REASON_COMMENTS = 20;

const yuanLike = (centi: number) => `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;

/**
 * Stage 6's end: for every item whose rating window has closed, the verdict of its round (verdict.ts) under the
 * place's settings — the outcome stands or is accepted (closed), the item is reopened back to execution with the
 * reasons (the mean, the poor share, the poor ratings' comments), or, reopened too often, sent to the street with
 * its history (the escalation roles hear of it). Each item is its own transaction; "now" is the kernel's clock.
 */
export async function settleVerdicts(kernel: Kernel): Promise<{ settled: number; outcomes: Record<string, number> }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  const due = await read(kernel).selectFrom('dlb_items').select('id').where('stage', '=', 'evaluating').where('rating_closes_at', '<=', now).orderBy('rating_closes_at').limit(BATCH).execute();
  const outcomes: Record<string, number> = {};
  let settled = 0;
  for (const { id } of due) {
    const outcome = await write(ctx, async (tx) => {
      const item = await lockItem(tx, id);
      if (!item || item.stage !== 'evaluating' || !item.rating_closes_at || item.rating_closes_at > now) return null;
      const ratings = await tx
        .selectFrom('dlb_ratings')
        .select(['score', 'comment'])
        .where('street_id', '=', item.street_id)
        .where('item_id', '=', item.id)
        .where('round', '=', item.rating_round)
        .orderBy('at')
        .execute();
      const settings = await settingsFor(tx, item.street_id, item.place_path);
      const v = verdict(
        ratings.map((r) => r.score),
        settings,
        item.reopen_count,
      );
      const facts = { round: item.rating_round, outcome: v.outcome, count: v.count, meanCenti: v.meanCenti, poor: v.poor, poorPercent: v.poorPercent, lowMean: v.lowMean, poorShare: v.poorShare };
      if (v.outcome === 'stands' || v.outcome === 'closed') {
        await moveItem(tx, ctx, item, {
          to: 'closed',
          kind: v.outcome === 'stands' ? 'verdict_stands' : 'verdict_accepted',
          note: v.outcome === 'stands' ? `评价不足 ${settings.minRatings} 户（${v.count} 户），结果维持` : `居民评价通过：${v.count} 户，平均 ${yuanLike(v.meanCenti)} 分`,
          detail: facts,
        });
        return v.outcome;
      }
      const reasons = [
        v.lowMean ? `平均 ${yuanLike(v.meanCenti)} 分，低于 ${yuanLike(settings.reopenBelowCenti)} 分` : null,
        v.poorShare ? `差评（${settings.poorScoreMax} 分及以下）占 ${v.poorPercent}%，超过 ${settings.poorSharePercent}%` : null,
      ].filter((x): x is string => !!x);
      const comments = ratings
        .filter((r) => r.score <= settings.poorScoreMax && r.comment)
        .slice(0, REASON_COMMENTS)
        .map((r) => r.comment);
      if (v.outcome === 'reopen') {
        await moveItem(tx, ctx, item, {
          to: 'executing',
          kind: 'reopened',
          note: reasons.join('；'),
          detail: { ...facts, reasons, comments },
          patch: { reopen_count: item.reopen_count + 1 },
        });
        return v.outcome;
      }
      await moveItem(tx, ctx, item, { to: 'escalated', kind: 'escalated', note: reasons.join('；'), detail: { ...facts, reasons, comments, reopens: item.reopen_count } });
      await notify(tx, ctx, {
        template: 'deliberation.item_escalated',
        placeId: item.place_id,
        to: { roles: DELIBERATION_ROLES.escalation },
        data: { itemId: item.id, code: item.code, title: item.title, reopens: String(item.reopen_count), round: String(item.rating_round), count: String(v.count), mean: yuanLike(v.meanCenti), poorPercent: String(v.poorPercent) },
        subject: { type: 'deliberation_item', id: item.id },
      });
      return v.outcome;
    });
    if (outcome) {
      settled++;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  }
  return { settled, outcomes };
}

export const settleVerdictsJob: Job = { name: 'deliberation.settle_verdicts', everyMs: 10 * 60_000, run: settleVerdicts };
