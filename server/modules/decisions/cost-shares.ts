/**
 * An elevator retrofit's cost shared among the rooms of one stairwell (加装电梯费用分摊), in integer fen. Pure and
 * free of dependencies: the server computes the shares the owners vote on with it, and the workbench previews them
 * with the very same function (through contract.ts), so both always agree to the fen.
 *
 * - a floor's coefficient is in permille (‰), ground floor 0 … top floor the highest, non-decreasing by floor;
 * - a room's weight is its floor's coefficient, times its exclusive area (hundredths of m²) when shared by area;
 * - a room's share is ⌊cost × weight ÷ Σweight⌋ fen, computed in BigInt so no product is ever rounded;
 * - the fen left over (cost − Σ shares, fewer than the rooms that pay) go one each to the rooms with the largest
 *   remainders (cost × weight mod Σweight, compared as integers), ties to the higher floor, then the room label
 *   in ascending order — "largest remainder, ties to the higher floor then the room label";
 * - a room of weight 0 (the ground floor) pays 0; the shares always add up to the cost exactly.
 */

export interface ShareRoom {
  roomId: string;
  /** "2栋 / 1单元 / 301". */
  label: string;
  floor: number;
  areaCenti: number;
}
export interface CostShare extends ShareRoom {
  coefficientPermille: number;
  weight: number;
  shareFen: number;
}
/** Floor (as a string key, JSON's way) → coefficient in permille. */
export type Coefficients = Readonly<Record<string, number>>;

export const COEFFICIENT_MAX = 10000;
/** The dearest retrofit the form takes: ¥100,000,000.00. */
export const COST_FEN_MAX = 10_000_000_000;
/** How the works affect an owner's own part. */
export const AFFECTED_IMPACTS = ['light', 'access', 'noise', 'other'] as const;

/** Every room weighs 0: nobody would pay. */
export class CostWeightsZeroError extends Error {
  readonly code = 'COST_WEIGHTS_ZERO';
  constructor() {
    super('cost shares: every weight is 0');
  }
}

const byLabel = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The floors of the rooms, lowest first, each once. */
export const floorsOf = (rooms: readonly Pick<ShareRoom, 'floor'>[]): number[] => [...new Set(rooms.map((r) => r.floor))].sort((a, b) => a - b);

/**
 * What is wrong with a coefficient table for these floors, if anything: 'floors' — a floor without a coefficient or a
 * coefficient for a floor with no room; 'range' — not an integer 0…10000; 'not_rising' — a higher floor has a
 * smaller coefficient than a lower one.
 */
export function coefficientsProblem(floors: readonly number[], coefficients: Coefficients): 'floors' | 'range' | 'not_rising' | null {
  const keys = Object.keys(coefficients);
  if (keys.length !== floors.length || floors.some((f) => !(String(f) in coefficients))) return 'floors';
  if (keys.some((k) => !Number.isInteger(coefficients[k]) || coefficients[k]! < 0 || coefficients[k]! > COEFFICIENT_MAX)) return 'range';
  const sorted = [...floors].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) if (coefficients[String(sorted[i])]! < coefficients[String(sorted[i - 1])]!) return 'not_rising';
  return null;
}

/** The table the workbench proposes: the lowest floor 0, the next 600‰, then 200‰ more per floor (at most 10000‰). */
export function defaultCoefficients(floors: readonly number[]): Record<string, number> {
  const sorted = [...new Set(floors)].sort((a, b) => a - b);
  return Object.fromEntries(sorted.map((f, i) => [String(f), i === 0 ? 0 : Math.min(COEFFICIENT_MAX, 600 + (i - 1) * 200)]));
}

/** Shares every fen of `costFen` among `rooms` (see the module comment for the rule). Throws CostWeightsZeroError when Σweight is 0. */
export function costShares(costFen: number, rooms: readonly ShareRoom[], coefficients: Coefficients, byArea: boolean): CostShare[] {
  if (!Number.isSafeInteger(costFen) || costFen <= 0) throw new RangeError(`cost shares: the cost must be a positive integer of fen, not ${costFen}`);
  const weighed = rooms.map((r) => {
    const coefficient = coefficients[String(r.floor)];
    if (coefficient === undefined || !Number.isInteger(coefficient) || coefficient < 0) throw new RangeError(`cost shares: no coefficient for floor ${r.floor}`);
    if (!Number.isSafeInteger(r.areaCenti) || r.areaCenti < 0) throw new RangeError(`cost shares: bad area for ${r.label}`);
    return { room: r, coefficient, weight: BigInt(coefficient) * (byArea ? BigInt(r.areaCenti) : 1n) };
  });
  const total = weighed.reduce((s, w) => s + w.weight, 0n);
  if (total === 0n) throw new CostWeightsZeroError();
  const cost = BigInt(costFen);
  const shares = weighed.map((w) => ({ ...w, share: (cost * w.weight) / total, remainder: (cost * w.weight) % total }));
  let left = cost - shares.reduce((s, x) => s + x.share, 0n);
  // Fewer fen are left than rooms with a remainder: each such room gets at most one.
  const order = shares
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.remainder > b.s.remainder ? -1 : a.s.remainder < b.s.remainder ? 1 : b.s.room.floor - a.s.room.floor || byLabel(a.s.room.label, b.s.room.label)));
  for (const { s } of order) {
    if (left === 0n) break;
    s.share += 1n;
    left -= 1n;
  }
  return shares.map((s) => ({ ...s.room, coefficientPermille: s.coefficient, weight: Number(s.weight), shareFen: Number(s.share) }));
}

/** Fen as yuan with thousands separators: 123456789 → "1,234,567.89". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(abs % 100).padStart(2, '0')}`;
}
/** A coefficient in permille as the decimal people read: 1200 → "1.2", 0 → "0", 650 → "0.65". */
export function formatCoefficient(permille: number): string {
  const frac = String(permille % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${Math.floor(permille / 1000)}.${frac}` : String(Math.floor(permille / 1000));
}
/** Yuan typed into a form ("1234.5", "1,234.56") as fen, exactly (no floats); null when it is not an amount. */
export function yuanToFen(text: string): number | null {
  const m = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/,/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
