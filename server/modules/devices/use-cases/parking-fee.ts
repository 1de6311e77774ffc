/** The tariff of a compound's temporary parking (dev_car_parks). */
export interface Tariff {
  freeMinutes: number;
  hourlyFen: number;
  dailyCapFen: number;
}

/**
 * The fee of a temporary parking stay, in fen:
 * - minutes = ceil((exit − entry) / 60 000): a started minute counts;
 * - minutes ≤ free minutes → 0 (the session is 'free');
 * - else hours = ceil(minutes / 60) (a started hour counts), days = ceil(minutes / 1440), and
 *   fee = min(hours × hourly fen, daily cap × days): each started day costs at most the daily cap.
 * E.g. free 30, 5 元/h, cap 50 元: 30 min → 0; 31 min → 5 元; 60 min → 5 元; 61 min → 10 元; 24 h → 50 元 (cap);
 * 24 h 1 min → min(25 × 5, 2 × 50) = 100 元.
 */
export function parkingFee(enteredAt: Date, exitedAt: Date, tariff: Tariff): { minutes: number; feeFen: number } {
  const minutes = Math.max(0, Math.ceil((exitedAt.getTime() - enteredAt.getTime()) / 60_000));
  return { minutes, feeFen: feeOfMinutes(minutes, tariff) };
}

export function feeOfMinutes(minutes: number, tariff: Tariff): number {
  if (minutes <= tariff.freeMinutes) return 0;
  const hours = Math.ceil(minutes / 60);
  const days = Math.ceil(minutes / 1440);
  return Math.min(hours * tariff.hourlyFen, tariff.dailyCapFen * days);
}
