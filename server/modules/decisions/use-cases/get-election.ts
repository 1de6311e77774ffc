import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../decisions.db.ts';
import { allows } from '../decisions.policy.ts';
import { currentVerdicts, isStale } from '../vetting.ts';
import { BEFORE_VOTING, departmentsOf, electionForReviewer, verdictsOn } from './election-access.ts';
import { storedElection } from './election-members.ts';

/**
 * An election for the workbench: its settings, the street's vetting departments, every candidate with each active
 * department's current verdict (a return from before the candidate's correction marked stale), the result once
 * counted, and what the actor may do. Readers at the place see it whole; a reviewer of the street sees it to vet.
 */
export async function getElection(ctx: Ctx, id: string) {
  const db = read(ctx);
  const { d, e, reviews } = await electionForReviewer(db, ctx.actor, id);
  const [departments, candidates, children] = await Promise.all([
    departmentsOf(db, d.street_id),
    db.selectFrom('dec_candidates').selectAll().where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('no').execute(),
    db
      .selectFrom('dec_decisions as c')
      .innerJoin('dec_elections as ce', (j) => j.onRef('ce.street_id', '=', 'c.street_id').onRef('ce.decision_id', '=', 'c.id'))
      .select(['c.id', 'c.title', 'c.status', 'ce.purpose'])
      .where('c.street_id', '=', d.street_id)
      .where('c.parent_id', '=', d.id)
      .orderBy('c.created_at')
      .execute(),
  ]);
  // A run-off's candidate shows the record of the candidate whose vetting stands.
  const sourceOf = (c: (typeof candidates)[number]) => c.vetted_as ?? c.id;
  const verdicts = await verdictsOn(db, d.street_id, candidates.map(sourceOf));
  const active = departments.filter((x) => x.active);
  const organise = allows(ctx.actor, 'organise', d.place_path);
  const before = BEFORE_VOTING.includes(d.status);
  const result = storedElection(d.result);
  const after = d.status === 'closed' || d.status === 'published';
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    placeLabel: d.place_label,
    seats: e.seats,
    alternates: e.alternates,
    termYears: e.term_years,
    tieBreak: e.tie_break,
    purpose: e.purpose,
    nominationUntil: e.nomination_until,
    parentId: d.parent_id,
    lots: e.lots,
    followUps: children,
    departments: active.map((x) => ({ id: x.id, name: x.name, kind: x.kind })),
    candidates: candidates.map((c) => {
      const own = verdicts.filter((v) => v.candidate_id === sourceOf(c));
      const current = currentVerdicts(own.map((v) => ({ ...v, departmentId: v.department_id })));
      return {
        id: c.id,
        no: c.no,
        name: c.name,
        roomLabel: c.room_label,
        partyMember: c.party_member,
        nomination: c.nomination,
        nominators: c.nominators,
        statement: c.statement,
        consentAt: c.consent_at,
        status: c.status,
        round: c.round,
        withdrawnReason: c.withdrawn_reason,
        onBallot: c.item_no !== null,
        itemNo: c.item_no,
        vettedAs: c.vetted_as,
        verdicts: active.map((dep) => {
          const v = current.get(dep.id);
          return v
            ? { departmentId: dep.id, verdict: v.verdict, reasonCode: v.reason_code, note: v.note, byName: v.by_name, at: v.at, round: v.round, stale: isStale(v, c.round) }
            : { departmentId: dep.id, verdict: null, reasonCode: null, note: null, byName: null, at: null, round: null, stale: false };
        }),
        history: own.map((v) => ({ departmentId: v.department_id, departmentName: v.departmentName, verdict: v.verdict, reasonCode: v.reason_code, note: v.note, byName: v.by_name, at: v.at, round: v.round })),
      };
    }),
    result,
    can: {
      nominate: organise && before,
      consent: organise && before,
      vet: before ? reviews.map((r) => r.id) : [],
      placeOnBallot: organise && before,
      drawLots: organise && after && !!result?.tie && !result.tie.settled && e.tie_break === 'lots',
      runoff: organise && after && !!result?.tie && !result.tie.settled && e.tie_break === 'runoff',
      byElection: organise && after && !!result && result.vacancies > 0 && !children.some((c) => c.purpose === 'by_election'),
    },
  };
}
