import type { FeeCycle, FeeKind, PayerKind } from '../fees.constants.ts';

/**
 * The billing rules, as pure integer arithmetic (no I/O: generate-bills.ts feeds them; the tests compute by hand).
 *
 * 1. A period is half-open [start, end) in calendar days: a month ('2026-11'), a quarter ('2026-Q4') or a year ('2026').
 * 2. The period is cut into segments wherever something changes: a calendar month begins, a price takes effect,
 *    the room is delivered, a registered vacancy begins or ends.
 * 3. A segment is billed to the developer while the room is undelivered (delivered_on after the day) or when the
 *    developer still owns it; otherwise to the owners of record. Billing the owners starts at delivery.
 * 4. Months are counted per calendar month: a whole month is 1, a part of one is days ÷ days in that month.
 *    Whole months in a row with the same price, payer and vacancy share one line ("× 3 月"); a part month
 *    is its own line ("× 15/30 月").
 * 5. A line's amount: area items 面积 × 单价 × 月数 (area in 0.01 m², price in fen per m² per month), fixed items
 *    单价 × 月数, parking items 单价 × 月数 for a parking space; × (1 − discount) for a registered vacancy where the
 *    item allows one. Computed exactly as a fraction, then rounded once per line, half up to the fen.
 * 6. A segment with no approved price in effect bills nothing for that item.
 */

export interface BillingRoom {
  roomId: string;
  /** Exclusive area in hundredths of a m² (the registry's area_centi). */
  areaCenti: number;
  use: 'residential' | 'commercial' | 'parking';
  /** The day it was delivered to its buyer; null: delivered before the registry kept the date. */
  deliveredOn: string | null;
  /** Its owner of record is still the developer (建设单位): unsold. */
  developerHeld: boolean;
}
export interface BillingPrice {
  unitFen: number;
  effectiveFrom: string;
}
export interface BillingItem {
  itemId: string;
  kind: FeeKind;
  name: string;
  vacancyDiscountBp: number;
  /** Approved prices, any order. */
  prices: readonly BillingPrice[];
}
export interface Vacancy {
  startsOn: string;
  /** Exclusive; null: still vacant. */
  endsOn: string | null;
}
export interface Period {
  label: string;
  start: string;
  /** Exclusive. */
  end: string;
}
export interface BillLineDraft {
  itemId: string;
  label: string;
  formula: string;
  amountFen: number;
}
export interface BillDraft {
  payerKind: PayerKind;
  /** The days this payer is billed for: the first and the day after the last. */
  start: string;
  end: string;
  lines: BillLineDraft[];
  amountFen: number;
}

const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => toDay(toMs(d) + n * DAY);
const daysBetween = (a: string, b: string) => Math.round((toMs(b) - toMs(a)) / DAY);
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
function nextMonth(d: string): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
const daysInMonth = (d: string) => daysBetween(monthStart(d), nextMonth(d));

/** The period a label names for a cycle: '2026-11' (month), '2026-Q4' (quarter), '2026' (year); null if malformed. */
export function periodOf(cycle: Exclude<FeeCycle, 'once'>, label: string): Period | null {
  if (cycle === 'month') {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
    if (!m) return null;
    const start = `${label}-01`;
    return { label, start, end: nextMonth(start) };
  }
  if (cycle === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/.exec(label);
    if (!m) return null;
    const first = (Number(m[2]) - 1) * 3 + 1;
    const start = `${m[1]}-${String(first).padStart(2, '0')}-01`;
    return { label, start, end: nextMonth(nextMonth(nextMonth(start))) };
  }
  const m = /^(\d{4})$/.exec(label);
  if (!m) return null;
  return { label, start: `${label}-01-01`, end: `${Number(label) + 1}-01-01` };
}

/** The period of a cycle that holds a day ('2026-11-15', quarter → '2026-Q4'). */
export function periodContaining(cycle: Exclude<FeeCycle, 'once'>, day: string): Period {
  const y = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  const label = cycle === 'month' ? day.slice(0, 7) : cycle === 'quarter' ? `${y}-Q${Math.ceil(month / 3)}` : y;
  return periodOf(cycle, label)!;
}

/** n × num ÷ den rounded half up, exactly (BigInt), for n, num ≥ 0 and den > 0. */
export function roundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** Whether an item charges a room at all: parking items charge parking spaces, the others homes and shops. */
export const itemApplies = (kind: FeeKind, use: BillingRoom['use']) =>
  kind === 'one_off' ? true : kind === 'parking' ? use === 'parking' : use !== 'parking';

const yuan = (fen: number) => (fen / 100).toFixed(2);
const area = (centi: number) => (centi / 100).toFixed(2);

/**
 * One line's amount and formula for `months = num/den` of an item's price over a room (rule 5).
 */
export function lineAmount(
  item: Pick<BillingItem, 'kind' | 'vacancyDiscountBp'>,
  room: Pick<BillingRoom, 'areaCenti'>,
  unitFen: number,
  num: number,
  den: number,
  vacant: boolean,
): { amountFen: number; formula: string } {
  const keepBp = vacant ? 10_000 - item.vacancyDiscountBp : 10_000;
  const monthsText = den === 1 ? `${num} 月` : `${num}/${den} 月`;
  const vacancyText = vacant && item.vacancyDiscountBp > 0 ? ` × ${keepBp / 100}%（空置）` : '';
  let numerator: bigint;
  let denominator: bigint;
  let text: string;
  if (item.kind === 'area') {
    numerator = BigInt(room.areaCenti) * BigInt(unitFen) * BigInt(num) * BigInt(keepBp);
    denominator = 100n * BigInt(den) * 10_000n;
    text = `${area(room.areaCenti)} m² × ${yuan(unitFen)} 元/m²·月 × ${monthsText}${vacancyText}`;
  } else {
    numerator = BigInt(unitFen) * BigInt(num) * BigInt(keepBp);
    denominator = BigInt(den) * 10_000n;
    text = `${yuan(unitFen)} 元/${item.kind === 'parking' ? '车位·' : ''}月 × ${monthsText}${vacancyText}`;
  }
  const amountFen = roundHalfUp(numerator, denominator);
  return { amountFen, formula: `${text} = ${yuan(amountFen)} 元` };
}

interface Segment {
  start: string;
  end: string;
  payer: PayerKind;
  vacant: boolean;
}

/** Rule 2–3: the period cut at every change of month, delivery and vacancy (prices cut per item later). */
function segments(room: BillingRoom, period: Period, vacancies: readonly Vacancy[]): Segment[] {
  const cuts = new Set<string>([period.start, period.end]);
  for (let m = nextMonth(period.start); m < period.end; m = nextMonth(m)) cuts.add(m);
  if (room.deliveredOn && room.deliveredOn > period.start && room.deliveredOn < period.end) cuts.add(room.deliveredOn);
  for (const v of vacancies) {
    for (const d of [v.startsOn, v.endsOn]) if (d && d > period.start && d < period.end) cuts.add(d);
  }
  const days = [...cuts].sort();
  const out: Segment[] = [];
  for (let i = 0; i + 1 < days.length; i++) {
    const start = days[i]!;
    const delivered = room.deliveredOn === null || room.deliveredOn <= start;
    const vacant = vacancies.some((v) => v.startsOn <= start && (v.endsOn === null || v.endsOn > start));
    out.push({ start, end: days[i + 1]!, payer: delivered && !room.developerHeld ? 'owners' : 'developer', vacant });
  }
  return out;
}

/** The price of an item in effect on a day: the approved one with the latest effective date on or before it. */
export function priceOn(prices: readonly BillingPrice[], day: string): BillingPrice | null {
  let best: BillingPrice | null = null;
  for (const p of prices) if (p.effectiveFrom <= day && (!best || p.effectiveFrom > best.effectiveFrom)) best = p;
  return best;
}

/**
 * The bills of one room for one period of periodic items: at most one per payer (the developer before delivery,
 * the owners after), each with its lines in item order. Items that do not apply to the room, and stretches
 * without a price, bill nothing; a payer with nothing to bill gets no bill.
 */
export function billsForRoom(room: BillingRoom, items: readonly BillingItem[], period: Period, vacancies: readonly Vacancy[] = []): BillDraft[] {
  const segs = segments(room, period, vacancies);
  const byPayer = new Map<PayerKind, BillDraft>();
  for (const item of items) {
    if (item.kind === 'one_off' || !itemApplies(item.kind, room.use)) continue;
    // The item's own cuts: its price changes inside the period.
    const pieces: (Segment & { unitFen: number })[] = [];
    for (const s of segs) {
      const cuts = [s.start, ...item.prices.map((p) => p.effectiveFrom).filter((d) => d > s.start && d < s.end).sort(), s.end];
      for (let i = 0; i + 1 < cuts.length; i++) {
        const price = priceOn(item.prices, cuts[i]!);
        if (price) pieces.push({ ...s, start: cuts[i]!, end: cuts[i + 1]!, unitFen: price.unitFen });
      }
    }
    // Rule 4: whole months in a row with the same price, payer and vacancy make one line; part months their own.
    let run: { payer: PayerKind; unitFen: number; vacant: boolean; months: number; start: string; end: string } | null = null;
    const flush = () => {
      if (!run) return;
      add(run.payer, run.start, run.end, item, lineAmount(item, room, run.unitFen, run.months, 1, run.vacant));
      run = null;
    };
    const add = (payer: PayerKind, start: string, end: string, it: BillingItem, line: { amountFen: number; formula: string }) => {
      const bill = byPayer.get(payer) ?? { payerKind: payer, start, end, lines: [], amountFen: 0 };
      if (start < bill.start) bill.start = start;
      if (end > bill.end) bill.end = end;
      bill.lines.push({ itemId: it.itemId, label: it.name, formula: line.formula, amountFen: line.amountFen });
      bill.amountFen += line.amountFen;
      byPayer.set(payer, bill);
    };
    for (const p of pieces) {
      const whole = p.start === monthStart(p.start) && p.end === nextMonth(p.start);
      if (whole && run && run.payer === p.payer && run.unitFen === p.unitFen && run.vacant === p.vacant && run.end === p.start) {
        run.months += 1;
        run.end = p.end;
        continue;
      }
      flush();
      if (whole) run = { payer: p.payer, unitFen: p.unitFen, vacant: p.vacant, months: 1, start: p.start, end: p.end };
      else add(p.payer, p.start, p.end, item, lineAmount(item, room, p.unitFen, daysBetween(p.start, p.end), daysInMonth(p.start), p.vacant));
    }
    flush();
  }
  return [...byPayer.values()].filter((b) => b.lines.length > 0);
}
