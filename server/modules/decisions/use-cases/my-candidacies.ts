import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { MyCorrectBody } from '../elections.schemas.ts';
import type { z } from 'zod';
import { currentVerdicts, isStale } from '../vetting.ts';
import { correctCandidacy } from './correct-candidacy.ts';
import { departmentsOf, verdictsOn } from './election-access.ts';

/**
 * 我的参选: the signed-in resident's candidacies with their status and every active department's current verdict —
 * its reason code and note included, so a candidate returned or rejected sees why.
 */
export async function myCandidacies(ctx: Ctx) {
  const db = read(ctx);
  const rows = await db
    .selectFrom('dec_candidates as c')
    .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 'c.street_id').onRef('d.id', '=', 'c.decision_id'))
    .select(['c.id', 'c.street_id', 'c.decision_id as decisionId', 'd.title as decisionTitle', 'd.status as decisionStatus', 'c.no', 'c.name', 'c.room_label as roomLabel', 'c.statement', 'c.party_member as partyMember', 'c.status', 'c.round', 'c.consent_at as consentAt', 'c.vetted_as', 'c.item_no'])
    .where('c.account_id', '=', ctx.actor.accountId)
    .orderBy('c.created_at', 'desc')
    .limit(50)
    .execute();
  const items = [];
  for (const c of rows) {
    const [departments, verdicts] = await Promise.all([departmentsOf(db, c.street_id), verdictsOn(db, c.street_id, [c.vetted_as ?? c.id])]);
    const current = currentVerdicts(verdicts.map((v) => ({ ...v, departmentId: v.department_id })));
    items.push({
      id: c.id,
      decisionId: c.decisionId,
      decisionTitle: c.decisionTitle,
      decisionStatus: c.decisionStatus,
      no: c.no,
      name: c.name,
      roomLabel: c.roomLabel,
      statement: c.statement,
      partyMember: c.partyMember,
      status: c.status,
      round: c.round,
      consentAt: c.consentAt,
      onBallot: c.item_no !== null,
      canCorrect: c.status === 'returned' && (c.decisionStatus === 'draft' || c.decisionStatus === 'roll_published'),
      verdicts: departments
        .filter((dep) => dep.active || current.has(dep.id))
        .map((dep) => {
          const v = current.get(dep.id);
          return {
            departmentId: dep.id,
            departmentName: dep.name,
            verdict: v?.verdict ?? null,
            reasonCode: v?.reason_code ?? null,
            note: v?.note ?? null,
            at: v?.at ?? null,
            round: v?.round ?? null,
            stale: v ? isStale(v, c.round) : false,
          };
        }),
    });
  }
  return { items };
}

/** 补正 by the candidate: their own candidacy, after a return (the statement and what was corrected). */
export async function correctMyCandidacy(ctx: Ctx, candidateId: string, input: z.infer<typeof MyCorrectBody>) {
  const c = await read(ctx).selectFrom('dec_candidates').select(['decision_id', 'account_id']).where('id', '=', candidateId).where('account_id', '=', ctx.actor.accountId).executeTakeFirst();
  if (!c) throw DecisionsErrors.CANDIDATE_NOT_FOUND();
  return correctCandidacy(ctx, c.decision_id, candidateId, input);
}
