import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { Tally } from '../tally.ts';
import { countElection } from './count-election.ts';
import { candidateRow, electionFor } from './election-access.ts';
import { storedElection } from './election-members.ts';
import { insertElection } from './create-election.ts';
import { insertCandidate } from './nominate-candidate.ts';
import { putApprovedOnBallot } from './place-candidates.ts';

/**
 * 决选: where the rules settle a tie at the last seat by a run-off, the organiser opens a new election among the tied
 * for the seats left. Its candidates are the tied ones, already vetted: copied approved, pointing at the candidate
 * whose vetting record stands, and put on its ballot. The first election's result then reports the tie as settled
 * by the run-off.
 */
export async function openRunoff(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const { d, e } = await electionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: ['closed', 'published'] });
    const result = storedElection(d.result);
    if (!result?.tie) throw DecisionsErrors.NO_TIE();
    if (result.tie.settled) throw DecisionsErrors.TIE_SETTLED();
    if (e.tie_break !== 'runoff') throw DecisionsErrors.TIE_BREAK_MISMATCH({ rule: '抽签' }, { tieBreak: e.tie_break });
    const runoffId = await insertElection(tx, ctx, {
      streetId: d.street_id,
      compoundId: d.compound_id,
      title: `${d.title.slice(0, 96)}（决选）`,
      description: `同票候选人 ${result.tie.nos.join('、')} 号决选 ${result.tie.seatsLeft} 个席位`,
      organiserKind: d.organiser_kind,
      organiserAuthority: d.organiser_authority,
      scrutineerIds: d.scrutineer_ids,
      nominationUntil: null,
      parentId: d.id,
      purpose: 'runoff',
      seats: result.tie.seatsLeft,
    });
    const tied = result.elected.concat(result.notElected).filter((x) => result.tie!.nos.includes(x.no));
    for (const t of tied.sort((a, b) => a.no - b.no)) {
      const c = await candidateRow(tx, d.street_id, d.id, t.candidateId);
      if (!c) continue;
      await insertCandidate(tx, ctx, { street_id: d.street_id, id: runoffId }, {
        name: c.name,
        personId: c.person_id,
        roomLabel: c.room_label,
        partyMember: c.party_member,
        statement: c.statement,
        nomination: c.nomination,
        nominators: c.nominators,
        consent: c.consent_at ? { at: c.consent_at, by: c.consent_by ?? ctx.actor.accountId, note: c.consent_note } : null,
        status: 'approved',
        accountId: c.account_id,
        vettedAs: c.vetted_as ?? c.id,
      });
    }
    // The first election's result now says its tie went to this run-off.
    const election = await countElection(tx, d, d.result as Tally);
    await tx
      .updateTable('dec_decisions')
      .set({ result: JSON.stringify({ ...(d.result as Tally), election }), updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', d.street_id)
      .where('id', '=', d.id)
      .execute();
    await audit(tx, ctx, {
      action: 'decisions.election.runoff_opened',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      detail: { runoff: runoffId, tied: result.tie.nos, seats: result.tie.seatsLeft },
    });
    await putApprovedOnBallot(tx, ctx, { street_id: d.street_id, id: runoffId, place_id: d.compound_id });
    return { id: runoffId };
  });
}

/**
 * 补选: when fewer candidates passed than there are seats, the organiser opens a by-election for the vacancies: a new
 * election (seats = vacancies) whose candidates are nominated and vetted afresh.
 */
export async function openByElection(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const { d } = await electionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: ['closed', 'published'] });
    const result = storedElection(d.result);
    if (!result || result.vacancies < 1) throw DecisionsErrors.NO_VACANCIES();
    const opened = await tx
      .selectFrom('dec_elections as e')
      .innerJoin('dec_decisions as c', (j) => j.onRef('c.street_id', '=', 'e.street_id').onRef('c.id', '=', 'e.decision_id'))
      .select('c.id')
      .where('e.street_id', '=', d.street_id)
      .where('c.parent_id', '=', d.id)
      .where('e.purpose', '=', 'by_election')
      .executeTakeFirst();
    if (opened) throw DecisionsErrors.BY_ELECTION_EXISTS({}, { id: opened.id });
    const byId = await insertElection(tx, ctx, {
      streetId: d.street_id,
      compoundId: d.compound_id,
      title: `${d.title.slice(0, 96)}（补选）`,
      description: `补选 ${result.vacancies} 名业主委员会委员`,
      organiserKind: d.organiser_kind,
      organiserAuthority: d.organiser_authority,
      scrutineerIds: d.scrutineer_ids,
      nominationUntil: null,
      parentId: d.id,
      purpose: 'by_election',
      seats: result.vacancies,
    });
    await audit(tx, ctx, {
      action: 'decisions.election.by_election_opened',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      detail: { byElection: byId, vacancies: result.vacancies },
    });
    return { id: byId };
  });
}
