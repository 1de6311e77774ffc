import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { wrongStatus } from './decision-access.ts';
import { BEFORE_VOTING, candidateForAction } from './election-access.ts';

/** A candidate withdraws (or the organiser records it) before voting opens; a ballot that listed them must be made again before opening. */
export async function withdrawCandidate(ctx: Ctx, id: string, candidateId: string, input: { reason: string }) {
  return write(ctx, async (tx) => {
    const { d, c } = await candidateForAction(tx, ctx.actor, id, candidateId, true);
    if (!BEFORE_VOTING.includes(d.status)) throw wrongStatus(d.status);
    if (c.status === 'withdrawn') throw DecisionsErrors.CANDIDATE_CLOSED();
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('dec_candidates')
      .set({ status: 'withdrawn', withdrawn_reason: input.reason, updated_at: now })
      .where('street_id', '=', c.street_id)
      .where('id', '=', c.id)
      .execute();
    await audit(tx, ctx, {
      action: 'decisions.candidate.withdrawn',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      before: { status: c.status },
      after: { status: 'withdrawn' },
      detail: { candidate: c.id, no: c.no, reason: input.reason },
    });
    return { id: c.id, status: 'withdrawn' as const };
  });
}
