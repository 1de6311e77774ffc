/**
 * Quiet hours: a span of the day, in minutes after midnight in Asia/Shanghai (China has no daylight
 * saving, so UTC+8 all year), during which a person gets no non-urgent SMS or WeChat message; the
 * inbox keeps everything. A span may cross midnight (22:00–07:00); equal ends or a missing end: none.
 */
export interface QuietHours {
  start: number | null;
  end: number | null;
}

const SHANGHAI_OFFSET_MIN = 8 * 60;
const DAY_MIN = 24 * 60;

/** Minutes after midnight in Shanghai. */
export const shanghaiMinuteOfDay = (at: Date): number => (Math.floor(at.getTime() / 60_000) + SHANGHAI_OFFSET_MIN) % DAY_MIN;

export function inQuietHours(at: Date, quiet: QuietHours): boolean {
  const { start, end } = quiet;
  if (start === null || end === null || start === end) return false;
  const m = shanghaiMinuteOfDay(at);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** The first instant after `at` when quiet hours are over (the start of their end minute). */
export function quietHoursEnd(at: Date, quiet: QuietHours): Date {
  const m = shanghaiMinuteOfDay(at);
  const minutesLeft = ((quiet.end ?? m) - m + DAY_MIN) % DAY_MIN || DAY_MIN;
  const minuteStart = Math.floor(at.getTime() / 60_000) * 60_000;
  return new Date(minuteStart + minutesLeft * 60_000);
}
