/** The credit part's vocabulary, free of dependencies: the web reads it through contract.ts. */

/** Credit grades, best first (as city credit rules publish them, e.g. Yantai). */
export const CREDIT_GRADES = ['AAA', 'AA', 'A', 'B', 'C'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

/**
 * A grade's band over the score in hundredths: the half-open interval [from, to); the band whose `to` is the top
 * score (base + cap) includes it. The bands must tile [0, base + cap] with no gap or overlap.
 */
export interface CreditBand {
  grade: CreditGrade;
  from: number;
  to: number;
}

/**
 * The kinds of record: automatic ones from the published assessment (a compound's colour → its company), from
 * rectification notices (overdue, reissued), and entered ones (a complaint upheld, an award with points chosen
 * within the settings' range).
 */
export const CREDIT_RECORD_KINDS = [
  'assessment_green',
  'assessment_blue',
  'assessment_yellow',
  'assessment_red',
  'notice_overdue',
  'notice_reissued',
  'complaint_upheld',
  'award',
] as const;
export type CreditRecordKind = (typeof CREDIT_RECORD_KINDS)[number];
/** The kinds a street official enters by hand (the others come from the sync). */
export const MANUAL_CREDIT_KINDS = ['complaint_upheld', 'award'] as const satisfies readonly CreditRecordKind[];
export type ManualCreditKind = (typeof MANUAL_CREDIT_KINDS)[number];
/** Kinds whose points are chosen per record within [min, max] (signed hundredths); the others have fixed points. */
export const RANGED_CREDIT_KINDS = ['award'] as const satisfies readonly CreditRecordKind[];

/** Fixed points (signed hundredths) or a range, and the rule clause a record of the kind is made under. */
export interface CreditKindRule {
  points?: number;
  min?: number;
  max?: number;
  basis: string;
}
export type CreditKindRules = Record<CreditRecordKind, CreditKindRule>;

/** A street's credit formula. */
export interface CreditSettings {
  /** 0: the defaults, never saved. */
  version: number;
  baseCenti: number;
  capCenti: number;
  validityMonths: number;
  bands: CreditBand[];
  kinds: CreditKindRules;
}

export const DEFAULT_CREDIT_BANDS: CreditBand[] = [
  { grade: 'AAA', from: 11000, to: 12000 },
  { grade: 'AA', from: 10000, to: 11000 },
  { grade: 'A', from: 8000, to: 10000 },
  { grade: 'B', from: 6000, to: 8000 },
  { grade: 'C', from: 0, to: 6000 },
];

const RULES = '《物业服务企业信用评价办法》';
export const DEFAULT_CREDIT_KINDS: CreditKindRules = {
  assessment_green: { points: 500, basis: `${RULES}第八条第（一）项` },
  assessment_blue: { points: 200, basis: `${RULES}第八条第（二）项` },
  assessment_yellow: { points: -300, basis: `${RULES}第九条第（一）项` },
  assessment_red: { points: -1000, basis: `${RULES}第九条第（二）项` },
  notice_overdue: { points: -500, basis: `${RULES}第九条第（三）项` },
  notice_reissued: { points: -300, basis: `${RULES}第九条第（四）项` },
  complaint_upheld: { points: -200, basis: `${RULES}第九条第（五）项` },
  award: { min: 200, max: 1000, basis: `${RULES}第八条第（三）项` },
};

/** Base 80.00, good records up to +40.00, records count for 12 months (Yantai's published rules). */
export const DEFAULT_CREDIT_SETTINGS: CreditSettings = {
  version: 0,
  baseCenti: 8000,
  capCenti: 4000,
  validityMonths: 12,
  bands: DEFAULT_CREDIT_BANDS,
  kinds: DEFAULT_CREDIT_KINDS,
};

export const CREDIT_REPAIR_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type CreditRepairStatus = (typeof CREDIT_REPAIR_STATUSES)[number];

/** Where a record came from. */
export const CREDIT_SOURCE_TYPES = ['assessment', 'notice', 'manual'] as const;
export type CreditSourceType = (typeof CREDIT_SOURCE_TYPES)[number];

/** A record's state at an instant: counting, expired (or not yet in force), or repaired. */
export const CREDIT_RECORD_STATES = ['counting', 'expired', 'repaired'] as const;
export type CreditRecordState = (typeof CREDIT_RECORD_STATES)[number];

export const CREDIT_BASIS_MAX = 200;
export const CREDIT_STATEMENT_MAX = 2000;
/** The highest base or cap a street may set: 1000.00 points. */
export const CREDIT_POINTS_MAX = 100000;
export const CREDIT_FILES_MAX = 9;
export const CREDIT_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** Good kinds add points; every other kind deducts. */
export const GOOD_CREDIT_KINDS: readonly CreditRecordKind[] = ['assessment_green', 'assessment_blue', 'award'];

/** Points in hundredths as a reader sees them: 100 → "1", 10050 → "100.5", -250 → "-2.5" (no trailing zeros). */
export function formatPoints(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** A band exactly as the rules publish it: "[100, 110)", and the top band closed: "[110, 120]". */
export function formatCreditBand(band: { from: number; to: number }, topCenti: number): string {
  return `[${formatPoints(band.from)}, ${formatPoints(band.to)}${band.to === topCenti ? ']' : ')'}`;
}
