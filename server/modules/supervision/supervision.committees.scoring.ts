import { COMMITTEE_DIMENSIONS, type CommitteeDimension, type CommitteeWeights, type StarMins } from './supervision.committees.constants.ts';

/** Weights are valid when each is a whole number 0–100, there is one per dimension, and they add up to exactly 100. */
export function committeeWeightsValid(w: Record<string, number>): w is CommitteeWeights {
  if (Object.keys(w).length !== COMMITTEE_DIMENSIONS.length) return false;
  let sum = 0;
  for (const d of COMMITTEE_DIMENSIONS) {
    const v = w[d];
    if (v === undefined || !Number.isInteger(v) || v < 0 || v > 100) return false;
    sum += v;
  }
  return sum === 100;
}

/** Star thresholds are valid when 0 < ★2 < ★3 < ★4 < ★5 ≤ 10000 (hundredths), all whole numbers. */
export function starMinsValid(m: StarMins): boolean {
  const seq = [0, m['2'], m['3'], m['4'], m['5']];
  for (let i = 1; i < seq.length; i++) if (!Number.isInteger(seq[i]) || seq[i]! <= seq[i - 1]!) return false;
  return m['5'] <= 10000;
}

/**
 * The weighted score in hundredths: Σ score_centi × weight is exact in integers (at most 10000 × 100), divided by
 * 100 (the weights' total) with ONE half-up rounding at the end (scores are never negative, so floor((x + 50) / 100)).
 */
export function weightedScore(scores: Record<CommitteeDimension, number>, weights: CommitteeWeights): number {
  let sum = 0;
  for (const d of COMMITTEE_DIMENSIONS) sum += scores[d] * weights[d];
  return Math.floor((sum + 50) / 100);
}

/** The stars of a weighted score: the highest star whose lowest score it reaches; below ★2 it is ★1. */
export function starsOf(scoreCenti: number, mins: StarMins): 1 | 2 | 3 | 4 | 5 {
  for (const s of [5, 4, 3, 2] as const) if (scoreCenti >= mins[String(s) as keyof StarMins]) return s;
  return 1;
}
