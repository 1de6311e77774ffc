import { type RawBuilder, sql } from 'kysely';
import type { AgeingBand } from '../fees.constants.ts';

/**
 * Ageing of arrears, the one rule both the SQL and the tests read.
 *
 * A bill is overdue on the days after its due date (`due_on` is the last day to pay). Its age is the number of
 * WHOLE calendar months from `due_on` to the day: (years × 12 + months between the two dates), less one when the
 * day of the month has not yet come round (due 01-15: 04-14 is 2 months, 04-15 is 3). The end of a month counts
 * like any other day (due 01-31: 02-28 is 0 months, 03-31 is 2 months).
 *
 * Bands, by that whole-month age m (AGEING_BANDS): upTo3 — 0 ≤ m ≤ 3 (a bill a day late is in it); from3To6 —
 * 3 < m ≤ 6; from6To12 — 6 < m ≤ 12; over12 — m > 12. So exactly 3 months is still "≤ 3", and 3 months and one
 * day later than a whole 3 is still 3 (whole months), the next band starting at 4 whole months.
 */
export function monthsOverdue(dueOn: string, day: string): number {
  const [uy, um, ud] = dueOn.split('-').map(Number) as [number, number, number];
  const [dy, dm, dd] = day.split('-').map(Number) as [number, number, number];
  return (dy - uy) * 12 + (dm - um) - (dd < ud ? 1 : 0);
}

export function bandOf(months: number): AgeingBand {
  if (months <= 3) return 'upTo3';
  if (months <= 6) return 'from3To6';
  if (months <= 12) return 'from6To12';
  return 'over12';
}

/** The smallest whole-month age of a band: a batch "from band X on" reminds rooms at least this old. */
export const BAND_MIN_MONTHS: Record<AgeingBand, number> = { upTo3: 0, from3To6: 4, from6To12: 7, over12: 13 };

/** `monthsOverdue` in SQL, for a date column and a day (the same arithmetic, so lists and tests agree). */
export function monthsOverdueSql(dueRef: string, day: string): RawBuilder<number> {
  const u = sql.ref(dueRef);
  const d = sql`${day}::date`;
  return sql<number>`((extract(year from ${d}) - extract(year from ${u})) * 12 + extract(month from ${d}) - extract(month from ${u}) - case when extract(day from ${d}) < extract(day from ${u}) then 1 else 0 end)::int`;
}

/** The band of a whole-month age, in SQL. */
export function bandSql(months: RawBuilder<number>): RawBuilder<AgeingBand> {
  return sql<AgeingBand>`case when ${months} <= 3 then 'upTo3' when ${months} <= 6 then 'from3To6' when ${months} <= 12 then 'from6To12' else 'over12' end`;
}

/** Yuan with two decimals from integer fen (no floating point on the way). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿'];

/** An amount in Chinese capitals (大写), as printed on receipts: 12345.60 → 壹万贰仟叁佰肆拾伍元陆角整. */
export function yuanInCapitals(fen: number): string {
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const cents = fen % 10;
  let out = '';
  const digits = String(whole);
  let zero = false;
  let groupHas = false;
  for (let k = 0; k < digits.length && whole > 0; k++) {
    const d = Number(digits[k]);
    const pos = digits.length - 1 - k;
    if (d === 0) zero = true;
    else {
      if (zero && out) out += '零';
      zero = false;
      out += DIGITS[d]! + UNITS[pos % 4]!;
      groupHas = true;
    }
    if (pos % 4 === 0) {
      if (groupHas && pos > 0) out += SECTIONS[pos / 4]!;
      groupHas = false;
    }
  }
  if (whole > 0) out += '元';
  if (jiao === 0 && cents === 0) return whole > 0 ? `${out}整` : '零元整';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (whole > 0) out += '零';
  return cents > 0 ? `${out}${DIGITS[cents]}分` : `${out}整`;
}
