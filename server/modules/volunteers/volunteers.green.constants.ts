/** The green part's vocabulary (认栽认养), free of dependencies: the web reads it through contract.ts. */

/** A plot as shown: closed by staff, adopted (an active adoption covers today) or available. */
export const GREEN_PLOT_STATUSES = ['available', 'adopted', 'closed'] as const;
export const GREEN_ADOPTION_STATUSES = ['pending', 'active', 'rejected', 'withdrawn', 'ended'] as const;
/** What an adopter does for the plot. */
export const GREEN_CARE_KINDS = ['watering', 'weeding', 'planting', 'fertilising', 'pruning', 'cleaning'] as const;
/** An adoption runs at most two years: to_day < from_day + 2 years. */
export const GREEN_MAX_YEARS = 2;
export const GREEN_REASON_MAX = 200;

/** Hundredths of a square metre as text: 12050 → '120.50'. */
export const areaText = (centi: number): string => `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;

/** A YYYY-MM-DD day plus whole years, as PostgreSQL adds an interval: 2028-02-29 + 2 years = 2030-02-28. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(2000, m, 0));
  probe.setUTCFullYear(y + years, m, 0);
  const last = probe.getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day an adoption starting on `from` may run to (two years less a day). */
export function latestToDay(from: string): string {
  const end = new Date(`${addYears(from, GREEN_MAX_YEARS)}T00:00:00Z`).getTime() - 86_400_000;
  return new Date(end).toISOString().slice(0, 10);
}

/** A share of two integers in basis points of a percent, rounded half up: 8020 → 80.20%. */
export const rateBasisPoints = (numerator: number, denominator: number): number | null => (denominator > 0 ? Math.floor((numerator * 10000 * 2 + denominator) / (2 * denominator)) : null);
