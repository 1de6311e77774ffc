import type { SubsidyMode } from '../fees.constants.ts';
import { roundHalfUp } from './bill-rules.ts';

/** A policy version as the arithmetic needs it. */
export interface SubsidyTerms {
  mode: SubsidyMode;
  shareBp: number | null;
  perAreaFen: number | null;
  capFen: number;
}

/** The months a bill's period spans (its end is the day after its last): a month begun counts, at least one. */
export function monthsBilled(periodStart: string, periodEnd: string): number {
  const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const lastDay = new Date(Date.parse(`${periodEnd}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return Math.max(1, index(lastDay) - index(periodStart) + 1);
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * The subsidy of one paid bill, in integer fen with one half-up rounding (the cap applied after it):
 * - `share`: paid × share_bp ÷ 10000;
 * - `per_area`: fen per m² per month × area (hundredths of a m²) × months ÷ 100.
 * `grantedBefore`: what the household's lines of the same bill period already got; the cap is per household and
 * period, so this bill gets at most cap − grantedBefore. Pure: hand-checked in the tests.
 */
export function subsidyFor(terms: SubsidyTerms, bill: { paidFen: number; areaCenti: number; months: number }, grantedBefore: number): { amountFen: number; rawFen: number; formula: string } {
  const raw =
    terms.mode === 'share'
      ? roundHalfUp(BigInt(bill.paidFen) * BigInt(terms.shareBp!), 10_000n)
      : roundHalfUp(BigInt(terms.perAreaFen!) * BigInt(bill.areaCenti) * BigInt(bill.months), 100n);
  const room = Math.max(0, terms.capFen - grantedBefore);
  const amountFen = Math.min(raw, room);
  const how =
    terms.mode === 'share'
      ? `已缴 ${yuan(bill.paidFen)} 元 × ${(terms.shareBp! / 100).toFixed(2).replace(/\.?0+$/, '')}% = ${yuan(raw)} 元`
      : `${yuan(terms.perAreaFen!)} 元/㎡/月 × ${(bill.areaCenti / 100).toFixed(2)} ㎡ × ${bill.months} 个月 = ${yuan(raw)} 元`;
  const capped = amountFen < raw ? `；每户每期上限 ${yuan(terms.capFen)} 元${grantedBefore > 0 ? `，本期已补 ${yuan(grantedBefore)} 元` : ''}，补 ${yuan(amountFen)} 元` : '';
  return { amountFen, rawFen: raw, formula: `${how}${capped}` };
}
