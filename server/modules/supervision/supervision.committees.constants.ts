/** The committees part's vocabulary (红色业委会), free of dependencies: the web reads it through contract.ts. */

/**
 * The five fixed dimensions an owners' committee is rated on (Xianxia's): party leadership 党建引领, rules and
 * procedures 规范运行, work effectiveness 履职成效, social evaluation 社会评价, innovation 创新特色.
 */
export const COMMITTEE_DIMENSIONS = ['party', 'rules', 'effectiveness', 'evaluation', 'innovation'] as const;
export type CommitteeDimension = (typeof COMMITTEE_DIMENSIONS)[number];
export type CommitteeWeights = Record<CommitteeDimension, number>;

export const COMMITTEE_DIMENSION_ZH: Record<CommitteeDimension, string> = {
  party: '党建引领',
  rules: '规范运行',
  effectiveness: '履职成效',
  evaluation: '社会评价',
  innovation: '创新特色',
};

export const DEFAULT_COMMITTEE_WEIGHTS: CommitteeWeights = { party: 25, rules: 20, effectiveness: 25, evaluation: 20, innovation: 10 };

/**
 * The lowest weighted score (hundredths) of each star from two to five; ★1 is everything below ★2. The bands are
 * half-open: ★5 [90, 100], ★4 [80, 90), ★3 [70, 80), ★2 [60, 70), ★1 [0, 60).
 */
export type StarMins = Record<'2' | '3' | '4' | '5', number>;
export const DEFAULT_STAR_MINS: StarMins = { '2': 6000, '3': 7000, '4': 8000, '5': 9000 };

/** Committees are rated once a year (Xianxia rates yearly): the period is a year, e.g. 2026. */
export const COMMITTEE_PERIOD_PATTERN = /^\d{4}$/;

export const COMMITTEE_RATING_STATUSES = ['draft', 'submitted'] as const;
export type CommitteeRatingStatus = (typeof COMMITTEE_RATING_STATUSES)[number];

/** A dimension's evidence: at most this many files of at most this size (photos, scanned minutes, PDFs). */
export const COMMITTEE_FILES_PER_DIMENSION = 6;
export const COMMITTEE_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const COMMITTEE_NOTE_MAX = 1000;
