import type { Executor } from '../decisions.db.ts';
import type { DecisionRow } from '../decisions.repository.ts';
import { type ElectionResult, electionResult } from '../election.ts';
import type { Tally } from '../tally.ts';
import { electionRow } from './election-access.ts';

/**
 * An election's result from its tally: its candidates on the ballot, its seats and alternates, the recorded drawing
 * of lots if any, and whether its tie went to a run-off (an election pointing at it as its run-off).
 */
export async function countElection(db: Executor, d: Pick<DecisionRow, 'street_id' | 'id'>, tally: Pick<Tally, 'totals' | 'participating' | 'items'>): Promise<ElectionResult | null> {
  const e = await electionRow(db, d.street_id, d.id);
  if (!e) return null;
  const [candidates, runoff] = await Promise.all([
    db
      .selectFrom('dec_candidates')
      .select(['id', 'no', 'name', 'party_member', 'item_no'])
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('item_no', 'is not', null)
      .orderBy('no')
      .execute(),
    db
      .selectFrom('dec_elections as e')
      .innerJoin('dec_decisions as c', (j) => j.onRef('c.street_id', '=', 'e.street_id').onRef('c.id', '=', 'e.decision_id'))
      .select('c.id')
      .where('e.street_id', '=', d.street_id)
      .where('c.parent_id', '=', d.id)
      .where('e.purpose', '=', 'runoff')
      .executeTakeFirst(),
  ]);
  return electionResult({
    seats: e.seats,
    alternates: e.alternates,
    candidates: candidates.map((c) => ({ no: c.no, candidateId: c.id, name: c.name, partyMember: c.party_member, itemNo: c.item_no! })),
    tally,
    lots: e.lots?.order ?? null,
    runoff: !!runoff,
  });
}

/** What a decision stores as its result: the tally, and for an election its result beside it under `election`. */
export async function withElection<T extends Tally>(db: Executor, d: Pick<DecisionRow, 'street_id' | 'id' | 'kind'>, tally: T): Promise<T & { election?: ElectionResult }> {
  if (d.kind !== 'election') return tally;
  const election = await countElection(db, d, tally);
  return election ? { ...tally, election } : tally;
}
