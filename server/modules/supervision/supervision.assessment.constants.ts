/** The assessment part's vocabulary, free of dependencies: the web reads it through contract.ts. */

/**
 * The inputs of a compound's assessment, each a 0–100 score computed exactly from the period's records:
 * - ownerRatings: owners' ratings after payment (fees), the mean of all five dimensions (1–5) → (mean − 1) / 4 × 100;
 * - repairSatisfaction: the mean rating (1–5) of repair orders rated in the period, mapped the same way;
 * - repairService: equal thirds of the on-time response share, the completion share and (1 − the overdue share) of
 *   the orders reported in the period;
 * - residentVerdicts: the mean of residents' verdicts (1–5) on deliberation items, mapped the same way;
 * - streetEvaluation / partyEvaluation: the street's and the community party organisation's evaluation (0–100);
 * - inspections: the mean score of the period's submitted inspections on the indicator sheet.
 */
export const ASSESSMENT_INPUTS = ['ownerRatings', 'repairSatisfaction', 'repairService', 'residentVerdicts', 'streetEvaluation', 'partyEvaluation', 'inspections'] as const;
export type AssessmentInput = (typeof ASSESSMENT_INPUTS)[number];
export type AssessmentWeights = Record<AssessmentInput, number>;

export const DEFAULT_WEIGHTS: AssessmentWeights = {
  ownerRatings: 20,
  repairSatisfaction: 10,
  repairService: 15,
  residentVerdicts: 10,
  streetEvaluation: 15,
  partyEvaluation: 10,
  inspections: 20,
};

export const COLOURS = ['green', 'blue', 'yellow', 'red'] as const;
export type Colour = (typeof COLOURS)[number];

/** A colour band: score_centi in [from, to); the band whose `to` is 10000 includes 10000 (a perfect score). */
export interface ColourBand {
  colour: Colour;
  from: number;
  to: number;
}

/** Score in hundredths: 10000 is 100.00. */
export const SCORE_MAX_CENTI = 10000;

/** Green ≥ 90, blue [80, 90), yellow [60, 80), red < 60. */
export const DEFAULT_BANDS: ColourBand[] = [
  { colour: 'green', from: 9000, to: 10000 },
  { colour: 'blue', from: 8000, to: 9000 },
  { colour: 'yellow', from: 6000, to: 8000 },
  { colour: 'red', from: 0, to: 6000 },
];

/** Who evaluates a compound for a period: the street (evaluateStreet) or the community party organisation (evaluateParty). */
export const EVALUATION_KINDS = ['street', 'party'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/** draft: computed, may be recomputed; pending: publication waits for a second approver; published: frozen. */
export const ASSESSMENT_PERIOD_STATUSES = ['draft', 'pending', 'published'] as const;
export type AssessmentPeriodStatus = (typeof ASSESSMENT_PERIOD_STATUSES)[number];

export const EVALUATION_COMMENT_MAX = 1000;
/** How many periods the company trend looks back over. */
export const TREND_PERIODS = 6;
