import { ASSESSMENT_INPUTS, type AssessmentInput, type AssessmentWeights, type Colour, type ColourBand, SCORE_MAX_CENTI } from './supervision.assessment.constants.ts';

/**
 * The arithmetic of the assessment, pure and exact: every score is a fraction of integers (BigInt) until the one
 * half-up rounding to hundredths at the end. Nothing here reads the database (the compute use case gathers the
 * figures), so the hand-computed cases of the tests run against exactly this.
 */

/** An exact non-negative fraction. */
interface Fraction {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
};
const frac = (n: bigint, d: bigint): Fraction => {
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
};
const add = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.d + b.n * a.d, a.d * b.d);

/** n / d rounded half up to an integer (n ≥ 0, d > 0): the one rounding every score goes through. */
export function roundHalfUp(n: bigint, d: bigint): number {
  return Number((2n * n + d) / (2n * d));
}

/** The raw figures of each input, as the other modules count them (integers); null when there is no data. */
export interface RawInputs {
  /** Owners' ratings: how many, by how many owners, and the sum of all five dimensions over all of them. */
  ownerRatings: { count: number; raters: number; sum: number } | null;
  /** Repair orders rated in the period and the sum of their ratings (1–5). */
  repairSatisfaction: { rated: number; ratingSum: number } | null;
  /** Repair orders reported in the period, and how many of them were answered on time, finished, overdue. */
  repairService: { reported: number; respondedOnTime: number; finished: number; overdue: number } | null;
  /** Residents' verdicts on deliberation items: items, ratings and their sum (1–5). */
  residentVerdicts: { items: number; ratings: number; scoreSum: number } | null;
  streetEvaluation: { scoreCenti: number; comment: string; evaluator: string } | null;
  partyEvaluation: { scoreCenti: number; comment: string; evaluator: string } | null;
  /** Submitted inspections and the sum of their scores (hundredths). */
  inspections: { inspections: number; scoreSumCenti: number } | null;
}

/**
 * Each input's 0–100 score as an exact fraction, or null when it is missing (no data in the period):
 * - a mean m of 1–5 scores maps to (m − 1) / 4 × 100, so sum S over k scores gives 25 (S − k) / k;
 * - the owners' ratings average all five dimensions: S over 5k scores gives 5 (S − 5k) / k;
 * - repair service: (on time / reported + finished / reported + (1 − overdue / reported)) / 3 × 100
 *   = 100 (on time + finished + reported − overdue) / (3 reported);
 * - evaluations and inspections are hundredths already: e / 100, Σe / (100 × count).
 */
export function inputScore(key: AssessmentInput, raw: RawInputs): Fraction | null {
  switch (key) {
    case 'ownerRatings': {
      const r = raw.ownerRatings;
      return r && r.count > 0 ? frac(5n * (BigInt(r.sum) - 5n * BigInt(r.count)), BigInt(r.count)) : null;
    }
    case 'repairSatisfaction': {
      const r = raw.repairSatisfaction;
      return r && r.rated > 0 ? frac(25n * (BigInt(r.ratingSum) - BigInt(r.rated)), BigInt(r.rated)) : null;
    }
    case 'repairService': {
      const r = raw.repairService;
      return r && r.reported > 0 ? frac(100n * BigInt(r.respondedOnTime + r.finished + r.reported - r.overdue), 3n * BigInt(r.reported)) : null;
    }
    case 'residentVerdicts': {
      const r = raw.residentVerdicts;
      return r && r.ratings > 0 ? frac(25n * (BigInt(r.scoreSum) - BigInt(r.ratings)), BigInt(r.ratings)) : null;
    }
    case 'streetEvaluation':
    case 'partyEvaluation': {
      const r = raw[key];
      return r ? frac(BigInt(r.scoreCenti), 100n) : null;
    }
    case 'inspections': {
      const r = raw.inspections;
      return r && r.inspections > 0 ? frac(BigInt(r.scoreSumCenti), 100n * BigInt(r.inspections)) : null;
    }
  }
}

/** One input of a compound's score, as the breakdown shows it (display values rounded once each, for reading). */
export interface BreakdownLine {
  key: AssessmentInput;
  present: boolean;
  raw: RawInputs[AssessmentInput];
  /** The input's 0–100 score in hundredths (null when missing). */
  scoreCenti: number | null;
  /** The input's weight as set, and its share of the weights present in hundredths of a per cent (0 when missing). */
  weight: number;
  effectiveWeightCenti: number;
  /** Its part of the total, in hundredths of a point. */
  contributionCenti: number;
}

export interface Assessed {
  scoreCenti: number | null;
  colour: Colour | null;
  partial: boolean;
  /** Σ of the weights of the inputs present: the divisor of the score. */
  presentWeight: number;
  lines: BreakdownLine[];
}

/**
 * A compound's score: Σ present wᵢ sᵢ / Σ present wᵢ, exact, rounded half up once to hundredths — a missing
 * input's weight is shared out over the inputs present (in proportion to theirs), and the score marked partial.
 * No input present (or only inputs weighted 0) → no score and no colour.
 */
export function assess(raw: RawInputs, weights: AssessmentWeights, bands: readonly ColourBand[]): Assessed {
  const scores = ASSESSMENT_INPUTS.map((key) => ({ key, s: inputScore(key, raw) }));
  const presentWeight = scores.reduce((w, x) => (x.s ? w + weights[x.key] : w), 0);
  const W = BigInt(presentWeight);
  let total: Fraction = { n: 0n, d: 1n };
  for (const x of scores) if (x.s) total = add(total, frac(BigInt(weights[x.key]) * x.s.n, x.s.d));
  const scoreCenti = presentWeight > 0 ? roundHalfUp(100n * total.n, total.d * W) : null;
  const lines = scores.map(({ key, s }) => ({
    key,
    present: !!s,
    raw: raw[key],
    scoreCenti: s ? roundHalfUp(100n * s.n, s.d) : null,
    weight: weights[key],
    effectiveWeightCenti: s && presentWeight > 0 ? roundHalfUp(10000n * BigInt(weights[key]), W) : 0,
    contributionCenti: s && presentWeight > 0 ? roundHalfUp(100n * BigInt(weights[key]) * s.n, s.d * W) : 0,
  }));
  return {
    scoreCenti,
    colour: scoreCenti === null ? null : colourOf(scoreCenti, bands),
    partial: scores.some((x) => !x.s),
    presentWeight,
    lines,
  };
}

/** The band a score falls in: from ≤ score < to, and the top band (to = 10000) includes 10000. */
export function colourOf(scoreCenti: number, bands: readonly ColourBand[]): Colour {
  const band = bands.find((b) => scoreCenti >= b.from && (scoreCenti < b.to || (b.to === SCORE_MAX_CENTI && scoreCenti === SCORE_MAX_CENTI)));
  if (!band) throw new Error(`no band holds ${scoreCenti}: the settings were checked to tile 0..10000`);
  return band.colour;
}

/** Whether weights are integers 0..100, one per input, adding up to exactly 100. */
export function weightsValid(weights: AssessmentWeights): boolean {
  const values = ASSESSMENT_INPUTS.map((k) => weights[k]);
  return values.every((w) => Number.isInteger(w) && w >= 0 && w <= 100) && values.reduce((a, b) => a + b, 0) === 100;
}

/**
 * Whether bands tile 0..10000 with no gap or overlap: taken in order of `from`, the first starts at 0, each starts
 * where the one below ends, the last ends at 10000, none is empty, and no colour is used twice.
 */
export function bandsValid(bands: readonly ColourBand[]): boolean {
  if (bands.length === 0 || new Set(bands.map((b) => b.colour)).size !== bands.length) return false;
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  let at = 0;
  for (const b of sorted) {
    if (!Number.isInteger(b.from) || !Number.isInteger(b.to) || b.from !== at || b.to <= b.from) return false;
    at = b.to;
  }
  return at === SCORE_MAX_CENTI;
}

/** Bands from the top down, as the settings page states them. */
export const bandsTopDown = (bands: readonly ColourBand[]): ColourBand[] => [...bands].sort((a, b) => b.from - a.from);

/**
 * A company's score over its assessed compounds: Σ score × rooms / Σ rooms, exact, one half-up rounding. Compounds
 * without a score do not count; no rooms at all → no score.
 */
export function rollUp(compounds: readonly { scoreCenti: number | null; rooms: number }[], bands: readonly ColourBand[]): { scoreCenti: number | null; colour: Colour | null; rooms: number; compounds: number } {
  const scored = compounds.filter((c) => c.scoreCenti !== null);
  const rooms = scored.reduce((r, c) => r + c.rooms, 0);
  if (rooms === 0) return { scoreCenti: null, colour: null, rooms: 0, compounds: scored.length };
  const sum = scored.reduce((s, c) => s + BigInt(c.scoreCenti!) * BigInt(c.rooms), 0n);
  const scoreCenti = roundHalfUp(sum, BigInt(rooms));
  return { scoreCenti, colour: colourOf(scoreCenti, bands), rooms, compounds: scored.length };
}
