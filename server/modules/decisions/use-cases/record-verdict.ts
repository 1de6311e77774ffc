import { type Ctx, audit } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { VETTING_REASONS } from '../decisions.constants.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { VerdictBody } from '../elections.schemas.ts';
import { wrongStatus } from './decision-access.ts';
import { BEFORE_VOTING, candidateRow, electionForReviewer, refreshStatus } from './election-access.ts';

/** A verdict's reason: 'ok' for an approval by default; a reject or return needs a code of its kind, 'other' a note. */
export function verdictReason(input: Pick<VerdictBody, 'verdict' | 'reasonCode' | 'note'>): string {
  const codes: readonly string[] = VETTING_REASONS[input.verdict];
  const code = input.reasonCode ?? (input.verdict === 'approve' ? 'ok' : undefined);
  if (!code) throw DecisionsErrors.REASON_REQUIRED();
  if (!codes.includes(code)) throw DecisionsErrors.REASON_INVALID();
  if (code === 'other' && !input.note) throw DecisionsErrors.NOTE_REQUIRED();
  return code;
}

/**
 * 联审: a reviewer of one department records approve / reject / return-for-correction on a candidate, with a reason
 * code and a note. Departments vet in parallel; the history is kept and each department's latest verdict counts
 * (vetting.ts). Only a reviewer of that department (403 otherwise), only after the candidate's written consent
 * (409 CONSENT_REQUIRED), only before voting opens.
 */
export async function recordVerdict(ctx: Ctx, id: string, candidateId: string, input: VerdictBody) {
  const reasonCode = verdictReason(input);
  return write(ctx, async (tx) => {
    const { d } = await electionForReviewer(tx, ctx.actor, id, true);
    const department = await tx
      .selectFrom('dec_vetting_departments')
      .selectAll()
      .where('street_id', '=', d.street_id)
      .where('id', '=', input.departmentId)
      .executeTakeFirst();
    if (!department) throw DecisionsErrors.DEPARTMENT_NOT_FOUND();
    if (!department.reviewer_account_ids.includes(ctx.actor.accountId)) throw DecisionsErrors.NOT_A_REVIEWER();
    if (!department.active) throw DecisionsErrors.DEPARTMENT_INACTIVE();
    const c = await candidateRow(tx, d.street_id, d.id, candidateId, true);
    if (!c) throw DecisionsErrors.CANDIDATE_NOT_FOUND();
    if (!BEFORE_VOTING.includes(d.status)) throw wrongStatus(d.status);
    if (c.status === 'withdrawn' || c.status === 'rejected') throw DecisionsErrors.CANDIDATE_CLOSED();
    if (c.vetted_as) throw CommonErrors.FORBIDDEN();
    if (!c.consent_at) throw DecisionsErrors.CONSENT_REQUIRED();
    const now = ctx.kernel.clock.now();
    const verdictId = newId();
    await tx
      .insertInto('dec_vetting_verdicts')
      .values({
        street_id: d.street_id,
        id: verdictId,
        candidate_id: c.id,
        department_id: department.id,
        round: c.round,
        verdict: input.verdict,
        reason_code: reasonCode,
        note: input.note ?? '',
        by: ctx.actor.accountId,
        by_name: ctx.actor.name,
        at: now,
      })
      .execute();
    const status = await refreshStatus(tx, c, now);
    await audit(tx, ctx, {
      action: 'decisions.candidate.vetted',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      before: { status: c.status },
      after: { status },
      detail: { candidate: c.id, no: c.no, department: department.name, verdict: input.verdict, reasonCode, round: c.round },
    });
    return { id: verdictId, candidateId: c.id, status };
  });
}
