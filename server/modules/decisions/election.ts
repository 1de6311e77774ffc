/**
 * The result of an owners' committee election, as a pure function over its tally (tally.ts). One item per
 * candidate; each ballot marks every candidate 同意 / 不同意 / 弃权, at most `seats` of them 同意.
 *
 * - A candidate passes with the quorum met (⅔ of area and heads took part) AND 同意 from more than half of the
 *   participating area AND more than half of the participating heads — "participating" being everyone who cast a
 *   counted ballot in the election, not only those who marked this candidate. Exactly half is not enough.
 * - Passing candidates are ranked by 同意 heads, then 同意 area (both descending); the first `seats` are elected,
 *   the next `alternates` become alternates (候补), the rest are not elected.
 * - Candidates with the same heads AND area form one rank. When such a group straddles the last seat (more of them
 *   than seats left), those seats stay open until the rules' tie-break settles it: a drawing of lots (its order
 *   given here) or a run-off among the tied (another election; here the seats are reported as settled by run-off).
 *   While unsettled nobody is made an alternate: who the alternates are depends on the draw.
 * - Fewer passing candidates than seats: the rest are vacancies, for a by-election.
 * - Ties below the last seat (among alternates or the not elected) keep the candidates' ballot order.
 */
import { atLeastTwoThirds, moreThanHalf, type Tally } from './tally.ts';

export interface ElectionCandidate {
  no: number;
  candidateId: string;
  name: string;
  partyMember: boolean;
  /** The ballot item that carries the candidate (dec_items.no). */
  itemNo: number;
}
export interface ElectionInput {
  seats: number;
  alternates: number;
  candidates: readonly ElectionCandidate[];
  tally: Pick<Tally, 'totals' | 'participating' | 'items'>;
  /** The recorded drawing at a tie: the tied candidates' numbers in the order drawn. */
  lots?: readonly number[] | null;
  /** The tie was sent to a run-off (the seats left are filled there). */
  runoff?: boolean;
}
export interface ElectionEntry {
  no: number;
  candidateId: string;
  name: string;
  rank: number;
  forHeads: number;
  forAreaCenti: number;
  partyMember: boolean;
  passed: boolean;
}
export interface Share {
  party: number;
  total: number;
}
export interface ElectionResult {
  seats: number;
  quorumMet: boolean;
  elected: ElectionEntry[];
  alternates: ElectionEntry[];
  notElected: ElectionEntry[];
  tie: null | { nos: number[]; seatsLeft: number; settled: 'lots' | 'runoff' | null };
  vacancies: number;
  partyShare: { candidates: Share; elected: Share };
}

const share = (list: readonly { partyMember: boolean }[]): Share => ({ party: list.filter((c) => c.partyMember).length, total: list.length });

export function electionResult(input: ElectionInput): ElectionResult {
  const { tally } = input;
  const part = tally.participating;
  const quorumMet = atLeastTwoThirds(part.areaCenti, tally.totals.areaCenti) && atLeastTwoThirds(part.heads, tally.totals.heads);
  const items = new Map(tally.items.map((i) => [i.no, i]));

  const scored = input.candidates.map((c) => {
    const item = items.get(c.itemNo);
    const forHeads = item?.for.heads ?? 0;
    const forAreaCenti = item?.for.areaCenti ?? 0;
    const passed = quorumMet && part.heads > 0 && moreThanHalf(forHeads, part.heads) && moreThanHalf(forAreaCenti, part.areaCenti);
    return { no: c.no, candidateId: c.candidateId, name: c.name, partyMember: c.partyMember, forHeads, forAreaCenti, passed, rank: 0 };
  });
  const byVotes = (a: (typeof scored)[number], b: (typeof scored)[number]) => b.forHeads - a.forHeads || b.forAreaCenti - a.forAreaCenti;
  // Passing first, each side by heads then area; equal votes keep the ballot order (and share a rank).
  const ordered = [...scored].sort((a, b) => Number(b.passed) - Number(a.passed) || byVotes(a, b) || a.no - b.no);
  ordered.forEach((c, i) => {
    const prev = ordered[i - 1];
    c.rank = prev && prev.passed === c.passed && byVotes(prev, c) === 0 ? prev.rank : i + 1;
  });
  const passing = ordered.filter((c) => c.passed);
  const failing = ordered.filter((c) => !c.passed);

  // The group of equal votes that holds the last seat.
  let tie: ElectionResult['tie'] = null;
  let ranked = passing;
  if (passing.length > input.seats) {
    const last = passing[input.seats - 1]!;
    const group = passing.filter((c) => byVotes(c, last) === 0);
    const start = passing.indexOf(group[0]!);
    const seatsLeft = input.seats - start;
    if (group.length > seatsLeft) {
      const nos = group.map((c) => c.no);
      const drawn = input.lots && input.lots.length === nos.length && nos.every((n) => input.lots!.includes(n)) ? input.lots : null;
      if (drawn) {
        const drawOrder = drawn.map((n) => group.find((c) => c.no === n)!);
        // The draw ranks the tied one after another.
        drawOrder.forEach((c, i) => {
          c.rank = start + 1 + i;
        });
        ranked = [...passing.slice(0, start), ...drawOrder, ...passing.slice(start + group.length)];
        tie = { nos, seatsLeft, settled: 'lots' };
      } else {
        tie = { nos, seatsLeft, settled: input.runoff ? 'runoff' : null };
        const elected = passing.slice(0, start);
        const rest = [...passing.slice(start), ...failing];
        return {
          seats: input.seats,
          quorumMet,
          elected,
          alternates: [],
          notElected: rest,
          tie,
          vacancies: 0,
          partyShare: { candidates: share(scored), elected: share(elected) },
        };
      }
    }
  }
  const elected = ranked.slice(0, input.seats);
  const alternates = ranked.slice(input.seats, input.seats + input.alternates);
  const notElected = [...ranked.slice(input.seats + input.alternates), ...failing];
  return {
    seats: input.seats,
    quorumMet,
    elected,
    alternates,
    notElected,
    tie,
    vacancies: input.seats - elected.length,
    partyShare: { candidates: share(scored), elected: share(elected) },
  };
}
