import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ElectionCandidate, electionResult } from './election.ts';
import { type Choice, type CountedBallot, tally } from './tally.ts';

/**
 * An election's result from its tally, by cases computed by hand. Areas in hundredths of m². Each case gives
 * the roll's heads (their areas), and for each candidate the heads that marked 同意; every other head that voted
 * marked 不同意 unless the case says otherwise.
 */

interface Case {
  areas: number[];
  /** Candidate no → indices of the heads that marked 同意. */
  forBy: Record<number, number[]>;
  /** Heads that did not vote (left out of the ballots). */
  absent?: number[];
  /** Candidate no → heads whose ballot left that candidate unmarked. */
  unmarked?: Record<number, number[]>;
  party?: number[];
}

function run(c: Case, opts: { seats: number; alternates?: number; lots?: number[]; runoff?: boolean }) {
  const nos = Object.keys(c.forBy).map(Number);
  const ballots: CountedBallot[] = c.areas.flatMap((areaCenti, head) => {
    if (c.absent?.includes(head)) return [];
    const choices: Record<number, Choice> = {};
    for (const no of nos) if (!c.unmarked?.[no]?.includes(head)) choices[no] = c.forBy[no]!.includes(head) ? 'for' : 'against';
    return [{ entryId: `h${head}`, areaCenti, choices }];
  });
  const t = tally({ totalAreaCenti: c.areas.reduce((a, b) => a + b, 0), totalHeads: c.areas.length, items: nos.map((no) => ({ no, matter: 3 })), ballots });
  const candidates: ElectionCandidate[] = nos.map((no) => ({ no, itemNo: no, candidateId: `c${no}`, name: `候选人${no}`, partyMember: !!c.party?.includes(no) }));
  return electionResult({ seats: opts.seats, alternates: opts.alternates ?? 0, candidates, tally: t, lots: opts.lots ?? null, runoff: opts.runoff ?? false });
}
const nosOf = (list: { no: number }[]) => list.map((e) => e.no);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('passing: quorum AND more than half of the participating area AND heads', () => {
  // 10 heads: five of 120.00 m² (0–4) and five of 80.00 m² (5–9): 1,000.00 m² in all, everyone votes.
  const areas = [12000, 12000, 12000, 12000, 12000, 8000, 8000, 8000, 8000, 8000];

  test('exactly half of the heads (5 of 10) with 60% of the area: not elected; 6 heads with 52%: elected', () => {
    const r = run({ areas, forBy: { 1: [0, 1, 2, 3, 4], 2: [0, 5, 6, 7, 8, 9] } }, { seats: 5 });
    // Candidate 1: 5 heads (not > 5), 60000 area (> 50000). Candidate 2: 6 heads, 12000 + 5·8000 = 52000.
    assert.deepEqual(nosOf(r.elected), [2]);
    assert.deepEqual(r.elected[0]!.forHeads, 6);
    assert.deepEqual(r.elected[0]!.forAreaCenti, 52000);
    assert.deepEqual(nosOf(r.notElected), [1]);
    assert.equal(r.notElected[0]!.passed, false);
    assert.equal(r.vacancies, 4);
  });

  test('exactly half of the area with more than half of the heads: not elected', () => {
    // 4 heads: 300.00, 100.00, 100.00, 500.00 m². Candidate 1: heads 0–2 = 3 of 4 heads, 50000 of 100000 area.
    const r = run({ areas: [30000, 10000, 10000, 50000], forBy: { 1: [0, 1, 2], 2: [0, 1, 3] } }, { seats: 5 });
    // Candidate 2: 3 heads, 90000 area: elected.
    assert.deepEqual(nosOf(r.elected), [2]);
    assert.deepEqual(nosOf(r.notElected), [1]);
  });

  test('the participating are everyone who voted in the election, not only those who marked the candidate', () => {
    // Everyone marks candidate 3 不同意. Candidate 1 is marked by heads 0–5 only (all 同意); 6–9 left it blank.
    // Among the participating: 6 of 10 heads and 5·12000 + 8000 = 68000 of 100000: elected.
    // Candidate 2: 同意 from 0–4 only, blank on 5–9: 5 of the 10 participating heads — not elected, though 5 of 5 who marked it.
    const r = run({ areas, forBy: { 1: range(0, 6), 2: range(0, 5), 3: [] }, unmarked: { 1: range(6, 10), 2: range(5, 10) } }, { seats: 5 });
    assert.deepEqual(nosOf(r.elected), [1]);
    assert.deepEqual(nosOf(r.notElected), [2, 3]);
  });

  test('no quorum (6 of 10 heads voted, under ⅔): nobody is elected, every seat is vacant', () => {
    const r = run({ areas, forBy: { 1: range(0, 6), 2: range(0, 6) }, absent: range(6, 10) }, { seats: 5 });
    assert.equal(r.quorumMet, false);
    assert.deepEqual(r.elected, []);
    assert.equal(r.vacancies, 5);
  });
});

describe('ranking, seats, alternates, ties and vacancies', () => {
  // 10 heads of 100.00 m² each: 1,000.00 m²; a candidate passes with 6 heads (6 > 5) and 60000 (> 50000).
  const areas = Array.from({ length: 10 }, () => 10000);
  // Candidates 1–7 with 同意 from 9, 8, 8, 7, 6, 6, 3 heads: 1–6 pass, 7 does not; 5 and 6 tie (6 heads, 60000).
  const tied = { areas, forBy: { 1: range(0, 9), 2: range(0, 8), 3: range(1, 9), 4: range(0, 7), 5: range(0, 6), 6: range(4, 10), 7: range(0, 3) }, party: [1, 3, 6, 7] };

  test('a tie straddling the last seat (5 seats: 1–4 elected, 5 and 6 tied for one seat) leaves that seat open', () => {
    const r = run(tied, { seats: 5, alternates: 1 });
    assert.deepEqual(nosOf(r.elected), [1, 2, 3, 4]);
    assert.deepEqual(r.elected.map((e) => e.rank), [1, 2, 2, 4], 'equal votes share a rank');
    assert.deepEqual(r.tie, { nos: [5, 6], seatsLeft: 1, settled: null });
    assert.deepEqual(r.alternates, [], 'who is an alternate depends on the draw');
    assert.equal(r.vacancies, 0, 'the open seat is not a vacancy: the tie-break fills it');
  });

  test('settled by lots: the one drawn first takes the seat, the other becomes the alternate', () => {
    const r = run(tied, { seats: 5, alternates: 1, lots: [6, 5] });
    assert.deepEqual(nosOf(r.elected), [1, 2, 3, 4, 6]);
    assert.equal(r.elected[4]!.rank, 5);
    assert.deepEqual(nosOf(r.alternates), [5]);
    assert.equal(r.alternates[0]!.rank, 6);
    assert.deepEqual(nosOf(r.notElected), [7]);
    assert.deepEqual(r.tie, { nos: [5, 6], seatsLeft: 1, settled: 'lots' });
    assert.equal(r.vacancies, 0);
    // Party members among candidates 1, 3, 6, 7 (4 of 7); among the elected 1, 3, 6 (3 of 5).
    assert.deepEqual(r.partyShare, { candidates: { party: 4, total: 7 }, elected: { party: 3, total: 5 } });
  });

  test('a drawing that does not name exactly the tied candidates settles nothing', () => {
    assert.equal(run(tied, { seats: 5, alternates: 1, lots: [6, 7] }).tie?.settled, null);
    assert.equal(run(tied, { seats: 5, alternates: 1, lots: [6] }).tie?.settled, null);
  });

  test('settled by run-off: the seat stays with the run-off, the tied are reported', () => {
    const r = run(tied, { seats: 5, alternates: 1, runoff: true });
    assert.deepEqual(nosOf(r.elected), [1, 2, 3, 4]);
    assert.deepEqual(r.tie, { nos: [5, 6], seatsLeft: 1, settled: 'runoff' });
  });

  test('a tie inside the seats is no tie: with 6 seats both 5 and 6 are elected', () => {
    const r = run(tied, { seats: 6, alternates: 1 });
    assert.deepEqual(nosOf(r.elected), [1, 2, 3, 4, 5, 6]);
    assert.equal(r.tie, null);
    assert.deepEqual(r.alternates, [], 'candidate 7 did not pass, so it cannot be an alternate');
  });

  test('equal heads are ranked by area', () => {
    // Heads 0–4 of 150.00 m², 5–9 of 50.00 m² (1,000.00 m²). Candidates 1 and 2 both have 6 heads:
    // 1 from heads 0–5 = 5·15000 + 5000 = 80000; 2 from heads 4–9 = 15000 + 5·5000 = 40000 (< 50000: fails);
    // 3 from heads 1–6 = 4·15000 + 2·5000 = 70000. Seats 1, alternates 1: 1 elected, 3 alternate.
    const r = run({ areas: [15000, 15000, 15000, 15000, 15000, 5000, 5000, 5000, 5000, 5000], forBy: { 1: range(0, 6), 2: range(4, 10), 3: range(1, 7) } }, { seats: 1, alternates: 1 });
    assert.deepEqual(nosOf(r.elected), [1]);
    assert.deepEqual(nosOf(r.alternates), [3]);
    assert.deepEqual(nosOf(r.notElected), [2]);
  });

  test('fewer passing candidates than seats: the rest are vacancies (for a by-election), no alternates', () => {
    // 5 seats, 2 alternates; candidates 1–3 pass (9, 8, 6 heads), 4 and 5 have 5 heads (exactly half): 3 elected, 2 vacant.
    const r = run({ areas, forBy: { 1: range(0, 9), 2: range(0, 8), 3: range(0, 6), 4: range(0, 5), 5: range(5, 10) } }, { seats: 5, alternates: 2 });
    assert.deepEqual(nosOf(r.elected), [1, 2, 3]);
    assert.deepEqual(r.alternates, []);
    assert.deepEqual(nosOf(r.notElected), [4, 5]);
    assert.equal(r.vacancies, 2);
    assert.equal(r.tie, null);
  });

  test('alternates: the next passing after the seats, as many as the rules set', () => {
    // 3 seats, 1 alternate: 1–6 pass; 1, 2, 3 elected (ranks 1, 2, 2), 4 the alternate, 5 and 6 not elected.
    const r = run(tied, { seats: 3, alternates: 1 });
    assert.deepEqual(nosOf(r.elected), [1, 2, 3]);
    assert.deepEqual(nosOf(r.alternates), [4]);
    assert.deepEqual(nosOf(r.notElected), [5, 6, 7]);
    assert.equal(r.vacancies, 0);
  });
});
