/** The subsidy part's vocabulary (达标补贴), free of dependencies: the web reads it through contract.ts. */

/** The payout kind the subsidy is paid through (kernel payout statements), one line per compound and quarter. */
export const STANDARD_SUBSIDY_KIND = 'supervision.standard_subsidy';

/**
 * Why a listed compound does or does not earn the subsidy for a quarter, checked in this order:
 * - no_policy: the street has no policy version applying to the quarter;
 * - unpublished: the street's assessment of the quarter is not published (a draft or waiting for approval);
 * - not_assessed: the compound has no result in the published assessment (it had no property company);
 * - no_score: its result has no score (no input had data);
 * - below: its score is below the threshold;
 * - meets: its score is at least the threshold — it earns rooms × rate, at most the cap.
 */
export const SUBSIDY_OUTCOMES = ['no_policy', 'unpublished', 'not_assessed', 'no_score', 'below', 'meets'] as const;
export type SubsidyOutcome = (typeof SUBSIDY_OUTCOMES)[number];

export const SUBSIDY_NOTE_MAX = 200;
/** Limits of a policy: the rate per room per quarter and the cap per compound per quarter, in fen. */
export const SUBSIDY_RATE_MAX_FEN = 100_000_000;
export const SUBSIDY_CAP_MAX_FEN = 1_000_000_000;
