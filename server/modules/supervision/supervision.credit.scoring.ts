import { CREDIT_GRADES, type CreditBand, type CreditGrade, type CreditRecordState } from './supervision.credit.constants.ts';

/** What the formula needs of a record. */
export interface ScoredRecord {
  pointsCenti: number;
  occurredAt: Date;
  expiresAt: Date;
  repairedAt: Date | null;
}

/** What the formula needs of the settings. */
export interface CreditFormula {
  baseCenti: number;
  capCenti: number;
  bands: CreditBand[];
}

export interface CreditScore {
  scoreCenti: number;
  grade: CreditGrade;
  /** Σ points of the counting good records (before the cap). */
  goodCenti: number;
  /** Σ |points| of the counting bad records. */
  badCenti: number;
  /** How many records count. */
  records: number;
}

/**
 * A record's state at `at`: it counts from occurred_at (inclusive) until expires_at (exclusive), and a repaired
 * record stops counting at its repair (inclusive) — not before, so a grade of an earlier instant is unchanged.
 */
export function recordState(r: ScoredRecord, at: Date): CreditRecordState | 'not_yet' {
  const t = at.getTime();
  if (t < r.occurredAt.getTime()) return 'not_yet';
  if (r.repairedAt && r.repairedAt.getTime() <= t) return 'repaired';
  if (t >= r.expiresAt.getTime()) return 'expired';
  return 'counting';
}

/** The top score: base + cap (the top band includes it). */
export const topOf = (f: { baseCenti: number; capCenti: number }) => f.baseCenti + f.capCenti;

/**
 * The grade of a score: the band with from ≤ score < to, or the top band when the score is the top score.
 * The bands are held to tile [0, top] (checkCreditBands), so exactly one answers.
 */
export function gradeOf(scoreCenti: number, bands: CreditBand[], topCenti: number): CreditGrade {
  const band = bands.find((b) => b.from <= scoreCenti && (scoreCenti < b.to || (b.to === topCenti && scoreCenti === topCenti)));
  if (!band) throw new Error(`no credit band holds ${scoreCenti} (top ${topCenti})`);
  return band.grade;
}

/**
 * The street's formula at `at`: score = base + min(Σ good, cap) − Σ |bad| over the records counting at `at`,
 * clamped to [0, base + cap] (no floor on the deductions before the clamp), in exact integer hundredths; the grade
 * from the bands.
 */
export function creditScore(records: readonly ScoredRecord[], formula: CreditFormula, at: Date): CreditScore {
  let good = 0;
  let bad = 0;
  let count = 0;
  for (const r of records) {
    if (recordState(r, at) !== 'counting') continue;
    count++;
    if (r.pointsCenti > 0) good += r.pointsCenti;
    else bad += -r.pointsCenti;
  }
  const top = topOf(formula);
  const raw = formula.baseCenti + Math.min(good, formula.capCenti) - bad;
  const scoreCenti = Math.max(0, Math.min(top, raw));
  return { scoreCenti, grade: gradeOf(scoreCenti, formula.bands, top), goodCenti: good, badCenti: bad, records: count };
}

/**
 * Why a set of bands cannot be the street's grades, or null when they can: every grade exactly once, each band
 * non-empty, and together they tile [0, top] with no gap or overlap, better grades higher.
 */
export function checkCreditBands(bands: readonly CreditBand[], topCenti: number): string | null {
  if (bands.length !== CREDIT_GRADES.length || new Set(bands.map((b) => b.grade)).size !== CREDIT_GRADES.length) return 'every_grade_once';
  if (bands.some((b) => !Number.isInteger(b.from) || !Number.isInteger(b.to) || b.from >= b.to)) return 'empty_band';
  const byGrade = CREDIT_GRADES.map((g) => bands.find((b) => b.grade === g)!).reverse(); // C first: lowest scores
  if (byGrade[0]!.from !== 0) return 'not_from_zero';
  for (let i = 1; i < byGrade.length; i++) if (byGrade[i]!.from !== byGrade[i - 1]!.to) return 'gap_or_overlap';
  if (byGrade.at(-1)!.to !== topCenti) return 'not_to_top';
  return null;
}

/**
 * `months` calendar months after an instant, on China's calendar (UTC+8 all year): the same time of day on the
 * same day of the month, or the month's last day when it is shorter (31 Jan + 1 month = 28/29 Feb).
 */
export function addMonthsChina(at: Date, months: number): Date {
  const shifted = new Date(at.getTime() + 8 * 3_600_000);
  const y = shifted.getUTCFullYear();
  const m = shifted.getUTCMonth() + months;
  const day = shifted.getUTCDate();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(Date.UTC(y, m, Math.min(day, lastDay), shifted.getUTCHours(), shifted.getUTCMinutes(), shifted.getUTCSeconds(), shifted.getUTCMilliseconds()));
  return new Date(out.getTime() - 8 * 3_600_000);
}
