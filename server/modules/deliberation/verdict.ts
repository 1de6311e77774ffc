/**
 * Stage 6's verdict (居民评价): what the households' ratings of a round say of an item, in integers only.
 *
 * - fewer ratings than `minRatings`: too few to overturn anything — the outcome stands ('stands', the item closes);
 * - otherwise the item is reopened when the mean is below reopenBelowCenti / 100 (sum·100 < reopenBelowCenti·count)
 *   or when the poor ratings (score ≤ poorScoreMax) are more than poorSharePercent % of them
 *   (poor·100 > poorSharePercent·count) — reopened back to execution while it has been reopened fewer than
 *   `maxReopens` times ('reopen'), else sent to the street ('escalate');
 * - else the outcome is accepted ('closed').
 */
export interface VerdictSettings {
  minRatings: number;
  reopenBelowCenti: number;
  poorSharePercent: number;
  poorScoreMax: number;
  maxReopens: number;
}

export type VerdictOutcome = 'stands' | 'closed' | 'reopen' | 'escalate';

export interface Verdict {
  outcome: VerdictOutcome;
  count: number;
  sum: number;
  /** The mean × 100, rounded down (for display: 2.99 → 299). */
  meanCenti: number;
  poor: number;
  /** The poor ratings' share in whole percent, rounded down (for display). */
  poorPercent: number;
  /** Which rule asked for reopening (both may). */
  lowMean: boolean;
  poorShare: boolean;
}

export function verdict(scores: readonly number[], s: VerdictSettings, reopenCount: number): Verdict {
  const count = scores.length;
  const sum = scores.reduce((a, b) => a + b, 0);
  const poor = scores.filter((x) => x <= s.poorScoreMax).length;
  const meanCenti = count ? Math.floor((sum * 100) / count) : 0;
  const poorPercent = count ? Math.floor((poor * 100) / count) : 0;
  const base = { count, sum, meanCenti, poor, poorPercent };
  if (count < s.minRatings) return { ...base, outcome: 'stands', lowMean: false, poorShare: false };
  const lowMean = sum * 100 < s.reopenBelowCenti * count;
  const poorShare = poor * 100 > s.poorSharePercent * count;
  if (!lowMean && !poorShare) return { ...base, outcome: 'closed', lowMean, poorShare };
  return { ...base, outcome: reopenCount < s.maxReopens ? 'reopen' : 'escalate', lowMean, poorShare };
}
