import { RATING_DIMENSIONS, type RatingDimension } from '../fees.ratings.constants.ts';
import { addDays } from './bill-rules.ts';

/**
 * The ratings part's pure rules (the owner's right to rate, issue 19 §1): which months are open for rating on a
 * day, and averages as exact fractions shown with two decimals — integer arithmetic only.
 */

/** The month `n` months after `period` ('YYYY-MM'; n may be negative). */
export function shiftMonth(period: string, n: number): string {
  const i = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** A month's days, half-open: [its 1st, the next month's 1st) — the way bills' periods are kept. */
export const monthDays = (period: string) => ({ start: `${period}-01`, end: `${shiftMonth(period, 1)}-01` });

/**
 * When month M may be rated: from its 1st (it has begun) to the last day of M+1 (it ended no more than a month
 * ago), both days included.
 */
export const ratingWindow = (period: string) => ({ opensOn: `${period}-01`, closesOn: addDays(`${shiftMonth(period, 2)}-01`, -1) });

export function isRatingOpen(period: string, day: string): boolean {
  const { opensOn, closesOn } = ratingWindow(period);
  return opensOn <= day && day <= closesOn;
}

/** The months open for rating on a day: the one before and the day's own, newest first. */
export function openMonths(day: string): string[] {
  const month = day.slice(0, 7);
  return [month, shiftMonth(month, -1)].filter((m) => isRatingOpen(m, day));
}

/** The months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1200; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

/** sum / count in hundredths, rounded half up (4.125 → 413); null when nothing was counted. */
export function hundredths(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.floor((sum * 200 + count) / (2 * count));
}

/** An average as it is shown: '4.13', or '—' when nothing was counted. */
export function average2(sum: number, count: number): string {
  const h = hundredths(sum, count);
  return h === null ? '—' : `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
}

/** A rating's five scores as one record. */
export type Scores = Record<RatingDimension, number>;
export const totalOf = (s: Scores) => RATING_DIMENSIONS.reduce((sum, d) => sum + s[d], 0);
