import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { CorrectCandidacyBody } from '../elections.schemas.ts';
import { wrongStatus } from './decision-access.ts';
import { BEFORE_VOTING, candidateForAction, refreshStatus } from './election-access.ts';

/**
 * 补正: a candidate returned for correction corrects their materials (the organiser for them, or they themself). The
 * round goes up: the returns of the earlier round no longer hold, those departments look again, approvals stand.
 */
export async function correctCandidacy(ctx: Ctx, id: string, candidateId: string, input: CorrectCandidacyBody) {
  return write(ctx, async (tx) => {
    const { d, c } = await candidateForAction(tx, ctx.actor, id, candidateId, true);
    if (!BEFORE_VOTING.includes(d.status)) throw wrongStatus(d.status);
    if (c.status !== 'returned') throw DecisionsErrors.NOT_RETURNED();
    const now = ctx.kernel.clock.now();
    const round = c.round + 1;
    const changes = {
      ...(input.statement !== undefined ? { statement: input.statement } : {}),
      ...(input.roomLabel !== undefined ? { room_label: input.roomLabel } : {}),
      ...(input.partyMember !== undefined ? { party_member: input.partyMember } : {}),
    };
    await tx.updateTable('dec_candidates').set({ ...changes, round, updated_at: now }).where('street_id', '=', c.street_id).where('id', '=', c.id).execute();
    const status = await refreshStatus(tx, { ...c, round }, now);
    await audit(tx, ctx, {
      action: 'decisions.candidate.corrected',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      before: { round: c.round, status: c.status },
      after: { round, status },
      detail: { candidate: c.id, no: c.no, note: input.note, changed: Object.keys(changes) },
    });
    return { id: c.id, round, status };
  });
}
