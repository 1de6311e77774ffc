import { chinaDay } from '../../../kernel/clock.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { exclusivePartsUnder, roomsOfActor } from '../../registry/index.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { loadDecisionRow } from '../decisions.repository.ts';
import type { SelfNominateBody } from '../elections.schemas.ts';
import { assertNominationsOpen, electionRow, refreshStatus } from './election-access.ts';
import { insertCandidate } from './nominate-candidate.ts';

/**
 * 自荐: an owner in the compound nominates themself while nominations are open, with their statement, and gives the
 * written consent to the background vetting in the same request. The room defaults to the owner's room on record.
 * Anyone who owns no room in the compound is refused (an election elsewhere is not theirs to find: 404).
 */
export async function nominateMyself(ctx: Ctx, id: string, input: SelfNominateBody) {
  return write(ctx, async (tx) => {
    const d = await loadDecisionRow(tx, id, true);
    const personId = ctx.actor.personId;
    if (!d || d.kind !== 'election' || !personId) throw DecisionsErrors.ELECTION_NOT_FOUND();
    const e = await electionRow(tx, d.street_id, d.id);
    if (!e) throw DecisionsErrors.ELECTION_NOT_FOUND();
    const now = ctx.kernel.clock.now();
    const parts = await exclusivePartsUnder(tx, d.street_id, d.place_path, chinaDay(now));
    const mine = parts.filter((p) => p.owners.some((o) => o.personId === personId));
    if (!mine.length) {
      const livesThere = (await roomsOfActor(tx, ctx)).some((r) => r.roomPath.startsWith(d.place_path));
      throw livesThere ? DecisionsErrors.NOT_AN_OWNER_HERE() : DecisionsErrors.ELECTION_NOT_FOUND();
    }
    assertNominationsOpen(d, e, now);
    const name = mine[0]!.owners.find((o) => o.personId === personId)?.personName ?? ctx.actor.name;
    const created = await insertCandidate(tx, ctx, d, {
      name,
      personId,
      roomLabel: input.roomLabel ?? mine[0]!.label.replaceAll(' / ', ''),
      partyMember: input.partyMember,
      statement: input.statement,
      nomination: 'self',
      nominators: [],
      consent: { at: now, by: ctx.actor.accountId, note: null },
      status: 'nominated',
      accountId: ctx.actor.accountId,
    });
    // Consent is given: the candidate goes to the departments.
    const status = await refreshStatus(tx, { street_id: d.street_id, id: created.id, status: 'nominated', round: 1, consent_at: now, vetted_as: null }, now);
    await audit(tx, ctx, {
      action: 'decisions.candidate.self_nominated',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      after: { candidate: created.id, no: created.no },
    });
    return { id: created.id, no: created.no, status };
  });
}
