import { requestApproval } from '../../../kernel/approvals/approvals.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import type { Tx } from '../decisions.db.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { pendingApproval, participation } from '../decisions.repository.ts';
import { decisionFor, wrongStatus } from './decision-access.ts';
import { closeChain } from './ballot-chain.ts';
import { countDecision } from './count-decision.ts';
import { withElection } from './count-election.ts';

export const CLOSE_DECISION = 'decisions.close';

/**
 * Asks a second approver to close voting: at the end of the voting period, or earlier once every owner on the
 * roll has voted (nobody is left to be cut off).
 */
export async function requestClose(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: ['open'] });
    if (await pendingApproval(tx, d.street_id, d.id)) throw DecisionsErrors.APPROVAL_PENDING();
    const now = ctx.kernel.clock.now();
    const voted = await participation(tx, d.street_id, d.id);
    if (now < d.closes_at! && voted.heads < (d.total_heads ?? 0)) throw DecisionsErrors.VOTING_NOT_OVER({ until: chinaDay(d.closes_at!) });
    await assertPaperSettled(tx, d);
    const approval = await requestApproval(tx, ctx, {
      kind: CLOSE_DECISION,
      placeId: d.place_id,
      summary: `截止表决并计票：${d.title}（已投票 ${voted.heads}/${d.total_heads} 户）`,
      payload: { decisionId: d.id },
    });
    await audit(tx, ctx, { action: 'decisions.decision.close_requested', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { approvalId: approval.approvalId } });
    return { id: d.id, approvalId: approval.approvalId, status: 'pending' as const };
  });
}

/** The second approver's "yes": voting closes, and the ballots are counted from the raw rows (tally.ts) and kept as the result. */
export async function applyClose(tx: Tx, ctx: Ctx, payload: { decisionId: string }) {
  const d = await decisionFor(tx, ctx.actor, payload.decisionId, 'approve', { forUpdate: true });
  if (d.status !== 'open') throw wrongStatus(d.status);
  await assertPaperSettled(tx, d);
  const now = ctx.kernel.clock.now();
  const result = await withElection(tx, d, await countDecision(tx, d));
  await closeChain(tx, d, now);
  await tx
    .updateTable('dec_decisions')
    .set({ status: 'closed', closed_at: now, result: JSON.stringify(result), updated_at: now })
    .where('street_id', '=', d.street_id)
    .where('id', '=', d.id)
    .execute();
  await audit(tx, ctx, {
    action: 'decisions.decision.closed',
    placeId: d.place_id,
    subjectType: 'decision',
    subjectId: d.id,
    before: { status: 'open' },
    after: { status: 'closed', participating: result.participating, passed: result.items.map((i) => ({ no: i.no, passed: i.passed })) },
  });
  return { id: d.id, status: 'closed' as const };
}

/**
 * Counting waits for the paper: a ballot entered but not checked, found not to match its scan, or waiting for its
 * proxy's power of attorney would otherwise be left out of the count without anyone deciding so.
 */
async function assertPaperSettled(tx: Tx, d: { street_id: string; id: string }): Promise<void> {
  const { n } = await tx
    .selectFrom('dec_ballots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('street_id', '=', d.street_id)
    .where('decision_id', '=', d.id)
    .where('status', 'in', ['entered', 'mismatched', 'held'])
    .executeTakeFirstOrThrow();
  if (Number(n) > 0) throw DecisionsErrors.PAPER_UNCHECKED({ count: Number(n) });
}
