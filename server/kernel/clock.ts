/**
 * The one source of "now" for rules that depend on time (idle sessions, lockouts, deadlines), so
 * tests can drive time instead of sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests move by hand. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start = Date.parse('2026-11-22T09:00:00+08:00')) {
    this.t = start;
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/**
 * The calendar day (YYYY-MM-DD) in China of an instant: dates that rules compare (a notice's validity,
 * an order's number) are days there. China keeps UTC+8 all year (no daylight saving since 1991), so
 * this is arithmetic — an `Intl.DateTimeFormat` built per call cost the resident home measurable time.
 */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
