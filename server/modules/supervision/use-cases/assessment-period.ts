import { parsePeriod, type PayoutPeriod } from '../../../kernel/payouts/payouts.ts';
import { SupervisionErrors } from '../supervision.errors.ts';

/** A quarter label ('2026-Q4') as its instants and days in China time; PERIOD_INVALID otherwise. */
export function quarter(label: string): PayoutPeriod {
  const p = parsePeriod('quarter', label);
  if (!p) throw SupervisionErrors.PERIOD_INVALID();
  return p;
}

/** The months of a quarter as the fees module counts ratings: 'YYYY-MM' from and to, both included. */
export const monthsOf = (p: PayoutPeriod) => ({ from: p.firstDay.slice(0, 7), to: p.lastDay.slice(0, 7) });

/** The quarter `n` quarters before `label` (n ≥ 0). */
export function quarterBack(label: string, n: number): string {
  const [y, q] = [Number(label.slice(0, 4)), Number(label.slice(6))];
  const i = y * 4 + (q - 1) - n;
  return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
}
