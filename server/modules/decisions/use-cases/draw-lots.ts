import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { LotsRecord } from '../decisions.tables.ts';
import type { LotsBody } from '../elections.schemas.ts';
import type { Tally } from '../tally.ts';
import { countElection } from './count-election.ts';
import { electionFor } from './election-access.ts';
import { storedElection } from './election-members.ts';

/**
 * 抽签: where the rules settle a tie at the last seat by lots, the organiser records the drawing — the tied
 * candidates' numbers in the order drawn, the witnesses — and the result is recomputed with it. Once only.
 */
export async function drawLots(ctx: Ctx, id: string, input: LotsBody) {
  return write(ctx, async (tx) => {
    const { d, e } = await electionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: ['closed', 'published'] });
    const result = storedElection(d.result);
    if (!result?.tie) throw DecisionsErrors.NO_TIE();
    if (result.tie.settled) throw DecisionsErrors.TIE_SETTLED();
    if (e.tie_break !== 'lots') throw DecisionsErrors.TIE_BREAK_MISMATCH({ rule: '决选' }, { tieBreak: e.tie_break });
    const tied = result.tie.nos;
    if (input.order.length !== tied.length || new Set(input.order).size !== tied.length || !tied.every((n) => input.order.includes(n))) throw DecisionsErrors.LOTS_INVALID();
    const now = ctx.kernel.clock.now();
    const lots: LotsRecord = { order: input.order, witnesses: input.witnesses, note: input.note ?? '', by: ctx.actor.accountId, byName: ctx.actor.name, at: now.toISOString() };
    await tx.updateTable('dec_elections').set({ lots: JSON.stringify(lots) }).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).execute();
    const tally = d.result as Tally;
    const election = await countElection(tx, d, tally);
    await tx
      .updateTable('dec_decisions')
      .set({ result: JSON.stringify({ ...tally, election }), updated_at: now })
      .where('street_id', '=', d.street_id)
      .where('id', '=', d.id)
      .execute();
    await audit(tx, ctx, {
      action: 'decisions.election.lots_drawn',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      detail: { tied: tied, order: input.order, witnesses: input.witnesses },
      after: { elected: election?.elected.map((x) => x.no) ?? [] },
    });
    return { id: d.id, result: election };
  });
}
