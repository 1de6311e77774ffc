import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { wrongStatus } from './decision-access.ts';
import { BEFORE_VOTING, candidateForAction, refreshStatus } from './election-access.ts';

/**
 * 背景审查授权: records the candidate's written consent to the background vetting (by the organiser from the signed
 * form, or by the candidate themself). Until it is recorded no department may vet the candidate.
 */
export async function recordConsent(ctx: Ctx, id: string, candidateId: string, input: { note?: string }) {
  return write(ctx, async (tx) => {
    const { d, c } = await candidateForAction(tx, ctx.actor, id, candidateId, true);
    if (!BEFORE_VOTING.includes(d.status)) throw wrongStatus(d.status);
    if (c.status === 'withdrawn') throw DecisionsErrors.CANDIDATE_CLOSED();
    if (c.consent_at) throw DecisionsErrors.CONSENT_RECORDED();
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('dec_candidates')
      .set({ consent_at: now, consent_by: ctx.actor.accountId, consent_note: input.note ?? null, updated_at: now })
      .where('street_id', '=', c.street_id)
      .where('id', '=', c.id)
      .execute();
    const status = await refreshStatus(tx, { ...c, consent_at: now }, now);
    await audit(tx, ctx, { action: 'decisions.candidate.consented', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { candidate: c.id, no: c.no } });
    return { id: c.id, status, consentAt: now };
  });
}
