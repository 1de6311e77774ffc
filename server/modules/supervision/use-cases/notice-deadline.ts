import { chinaDay } from '../../../kernel/clock.ts';
import { RectificationErrors } from '../supervision.rectification.errors.ts';

/**
 * A deadline is a China day: the company has the whole day. It has passed at 00:00 China time the day after, the
 * instant stored as `due_at` (the overdue job compares the clock with it). A deadline before today is refused.
 */
export function checkDeadline(deadline: string, now: Date): { deadline: string; dueAt: Date } {
  const start = new Date(`${deadline}T00:00:00+08:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline) || Number.isNaN(start.getTime()) || chinaDay(start) !== deadline) throw RectificationErrors.DEADLINE_INVALID();
  const today = chinaDay(now);
  if (deadline < today) throw RectificationErrors.DEADLINE_PAST({ today });
  return { deadline, dueAt: dueAtOf(deadline) };
}

/** 00:00 China time of the day after `deadline`. */
export const dueAtOf = (deadline: string): Date => new Date(new Date(`${deadline}T00:00:00+08:00`).getTime() + 24 * 3_600_000);

/** The China calendar year of an instant (a notice's number runs per street and year). */
export const chinaYear = (at: Date): number => Number(chinaDay(at).slice(0, 4));
