import type { Executor } from '../decisions.db.ts';
import type { Verdict } from '../decisions.tables.ts';
import type { ElectionEntry, ElectionResult } from '../election.ts';

export interface VettingRecord {
  department: string;
  verdict: Verdict;
  reasonCode: string;
  note: string;
  byName: string;
  at: string;
}
export interface ElectedMember {
  candidateId: string;
  name: string;
  roomLabel: string;
  partyMember: boolean;
  status: 'elected' | 'alternate';
  rank: number;
  /** Every verdict of every department, oldest first (a run-off's candidate: the record of the election it completes). */
  vetting: VettingRecord[];
}

/** The election result a decision stores once counted (under `election` beside the tally), or null. */
export const storedElection = (result: unknown): ElectionResult | null => ((result as { election?: ElectionResult } | null)?.election ?? null);

/**
 * The vetting history of candidates: the verdicts recorded on each, or — for a run-off's candidate, who was not
 * vetted again — on the candidate of the earlier election whose record stands (vetted_as, followed to its end).
 */
export async function vettingHistory(db: Executor, streetId: string, candidateIds: readonly string[]): Promise<Map<string, VettingRecord[]>> {
  const history = new Map<string, VettingRecord[]>();
  if (!candidateIds.length) return history;
  // Who was vetted for whom: follow vetted_as back (a run-off of a run-off is two steps).
  const source = new Map(candidateIds.map((id) => [id, id]));
  let pending = [...candidateIds];
  for (let step = 0; step < 5 && pending.length; step++) {
    const rows = await db.selectFrom('dec_candidates').select(['id', 'vetted_as']).where('street_id', '=', streetId).where('id', 'in', pending).execute();
    const next: string[] = [];
    for (const r of rows) {
      if (!r.vetted_as) continue;
      for (const [asked, at] of source) if (at === r.id) source.set(asked, r.vetted_as);
      next.push(r.vetted_as);
    }
    pending = next;
  }
  const verdicts = await db
    .selectFrom('dec_vetting_verdicts as v')
    .innerJoin('dec_vetting_departments as dp', (j) => j.onRef('dp.street_id', '=', 'v.street_id').onRef('dp.id', '=', 'v.department_id'))
    .select(['v.candidate_id', 'dp.name as department', 'v.verdict', 'v.reason_code', 'v.note', 'v.by_name', 'v.at'])
    .where('v.street_id', '=', streetId)
    .where('v.candidate_id', 'in', [...new Set(source.values())])
    .orderBy('v.at')
    .orderBy('v.id')
    .execute();
  for (const [asked, at] of source) {
    history.set(
      asked,
      verdicts
        .filter((v) => v.candidate_id === at)
        .map((v) => ({ department: v.department, verdict: v.verdict, reasonCode: v.reason_code, note: v.note, byName: v.by_name, at: v.at.toISOString() })),
    );
  }
  return history;
}

/**
 * The members an election put on the owners' committee, for filing (备案): the elected and the alternates, in rank
 * order, each with the full vetting record. A tie sent to a run-off is completed by the run-off's elected (ranked
 * after this election's), once the run-off is counted. Empty until the election is counted.
 */
export async function electionMembers(db: Executor, streetId: string, decisionId: string): Promise<ElectedMember[]> {
  const d = await db.selectFrom('dec_decisions').select(['result', 'kind']).where('street_id', '=', streetId).where('id', '=', decisionId).executeTakeFirst();
  const result = d?.kind === 'election' ? storedElection(d.result) : null;
  if (!result) return [];
  const seats: { entry: ElectionEntry; status: 'elected' | 'alternate'; rank: number }[] = result.elected.map((entry) => ({ entry, status: 'elected', rank: entry.rank }));
  if (result.tie?.settled === 'runoff') {
    const runoff = await db
      .selectFrom('dec_decisions')
      .select('result')
      .where('street_id', '=', streetId)
      .where('parent_id', '=', decisionId)
      .where('kind', '=', 'election')
      .where('status', 'in', ['closed', 'published'])
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    const second = runoff ? storedElection(runoff.result) : null;
    for (const entry of second?.elected ?? []) seats.push({ entry, status: 'elected', rank: result.elected.length + entry.rank });
  }
  for (const entry of result.alternates) seats.push({ entry, status: 'alternate', rank: entry.rank });
  if (!seats.length) return [];
  const ids = seats.map((s) => s.entry.candidateId);
  const [rows, history] = await Promise.all([
    db.selectFrom('dec_candidates').select(['id', 'room_label', 'party_member', 'name']).where('street_id', '=', streetId).where('id', 'in', ids).execute(),
    vettingHistory(db, streetId, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return seats.map(({ entry, status, rank }) => {
    const c = byId.get(entry.candidateId);
    return {
      candidateId: entry.candidateId,
      name: c?.name ?? entry.name,
      roomLabel: c?.room_label ?? '',
      partyMember: c?.party_member ?? entry.partyMember,
      status,
      rank,
      vetting: history.get(entry.candidateId) ?? [],
    };
  });
}
