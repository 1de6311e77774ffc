import type { Executor } from '../decisions.db.ts';

/**
 * An election's part of the owner's page (get-my-decision): the seats — the ballot's cap on 同意 — with the term and
 * alternates, the nomination deadline, and the candidates on the ballot as the ballot lists them (name, room, party
 * membership, statement). Null for any other decision.
 */
export async function myElection(db: Executor, d: { street_id: string; id: string; kind: string }) {
  if (d.kind !== 'election') return null;
  const [e, candidates] = await Promise.all([
    db.selectFrom('dec_elections').select(['seats', 'alternates', 'term_years', 'nomination_until']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).executeTakeFirst(),
    db
      .selectFrom('dec_candidates')
      .select(['no', 'item_no as itemNo', 'name', 'room_label as roomLabel', 'party_member as partyMember', 'statement'])
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('item_no', 'is not', null)
      .orderBy('item_no')
      .execute(),
  ]);
  if (!e) return null;
  return { seats: e.seats, alternates: e.alternates, termYears: e.term_years, nominationUntil: e.nomination_until, candidates };
}
