import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { decisionOutcomes, type DecisionOutcome } from '../../decisions/index.ts';
import { read, write } from '../deliberation.db.ts';
import { lockItem } from '../deliberation.repository.ts';
import { moveItem } from './move-item.ts';

/** Items settled per run; the next run takes the rest. */
const BATCH = 200;

/** The published result in a line of the item's timeline (and its households' message). */
function resultNote(o: DecisionOutcome): string {
  if (o.outcome === 'passed') return `业主表决「${o.title}」已通过，进入执行`;
  const why = 'quorumMet' in o && o.quorumMet === false ? '参与表决的业主未达到法定人数和面积' : '表决事项未获得法定多数同意';
  return `业主表决「${o.title}」未通过（${why}），退回会议协商`;
}

/**
 * Stage 3's owners' vote settled: an item waiting for a vote whose result is published goes on to execution
 * when it passed (the decision text stands), back to consultation with the result attached when it failed.
 * Idempotent (an item moves once: its stage is checked under its lock), driven by the kernel's clock.
 */
export async function settleVotes(kernel: Kernel): Promise<{ passed: number; failed: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const waiting = await read(kernel)
    .selectFrom('dlb_items')
    .select(['id', 'decision_id'])
    .where('stage', '=', 'awaiting_vote')
    .where('decision_id', 'is not', null)
    .orderBy('updated_at')
    .limit(BATCH)
    .execute();
  const outcomes = new Map((await decisionOutcomes(read(kernel), waiting.map((w) => w.decision_id!))).map((o) => [o.id, o]));
  let passed = 0;
  let failed = 0;
  for (const w of waiting) {
    const o = outcomes.get(w.decision_id!);
    if (!o || o.outcome === 'pending') continue;
    await write(ctx, async (tx) => {
      const item = await lockItem(tx, w.id);
      if (!item || item.stage !== 'awaiting_vote' || item.decision_id !== o.id) return;
      const detail = { decisionId: o.id, outcome: o.outcome, publishedAt: o.publishedAt, ...('quorumMet' in o ? { quorumMet: o.quorumMet } : {}) };
      if (o.outcome === 'passed') {
        await moveItem(tx, ctx, item, { to: 'executing', kind: 'vote_passed', note: resultNote(o), detail, patch: { vote_outcome: 'passed' } });
        passed++;
      } else {
        await moveItem(tx, ctx, item, { to: 'consulting', kind: 'vote_failed', note: resultNote(o), detail, patch: { vote_outcome: 'failed' } });
        failed++;
      }
    });
  }
  return { passed, failed };
}

export const settleVotesJob: Job = { name: 'deliberation.settle_votes', everyMs: 5 * 60_000, run: settleVotes };
