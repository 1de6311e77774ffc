import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx, Kernel } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { read, write } from '../deliberation.db.ts';
import { SCHEDULE_LEAD_DAYS } from '../meetings.constants.ts';
import type { DlbMeetingSchedulesTable } from '../meetings.tables.ts';
import { insertMeeting } from './create-meeting.ts';
import { bodiesAvailableAt } from './meeting-invitees.ts';

const DAY_MS = 86_400_000;

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar day. */
const weekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * The occurrences of a schedule that start in [from, from + lead days]: their calendar day (China) and instant.
 * Monthly on day N (1–28: every month has it), weekly on ISO weekday W, at HH:MM China time.
 */
export function occurrencesBetween(s: Pick<DlbMeetingSchedulesTable, 'frequency' | 'day' | 'at_time'>, from: Date, leadDays = SCHEDULE_LEAD_DAYS): { day: string; startsAt: Date }[] {
  const until = from.getTime() + leadDays * DAY_MS;
  const out: { day: string; startsAt: Date }[] = [];
  for (let t = from.getTime() - DAY_MS; t <= until + DAY_MS; t += DAY_MS) {
    const day = chinaDay(new Date(t));
    const matches = s.frequency === 'monthly' ? Number(day.slice(8, 10)) === s.day : weekday(day) === s.day;
    if (!matches) continue;
    const startsAt = new Date(`${day}T${s.at_time}:00+08:00`);
    if (startsAt.getTime() >= from.getTime() && startsAt.getTime() <= until && !out.some((o) => o.day === day)) out.push({ day, startsAt });
  }
  return out;
}

/**
 * Puts each active schedule's occurrences of the coming week on the calendar, as the system: the meeting with its
 * bodies, attendees and notice. Exactly once per occurrence, however often it runs and on however many processes:
 * the meeting's unique key (street, schedule, occurrence day) lets only the first insert through. A body the
 * registry no longer has is left out; a schedule whose convener is gone generates nothing.
 */
export async function generateScheduledMeetings(kernel: Kernel): Promise<{ created: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  const schedules = await read(kernel)
    .selectFrom('dlb_meeting_schedules as s')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .selectAll('s')
    .select('p.path as place_path')
    .where('s.active', '=', true)
    .execute();
  let created = 0;
  for (const s of schedules) {
    const place = { id: s.place_id, path: s.place_path, street_id: s.street_id };
    for (const occurrence of occurrencesBetween(s, now)) {
      const exists = await read(kernel)
        .selectFrom('dlb_meetings')
        .select('id')
        .where('street_id', '=', s.street_id)
        .where('schedule_id', '=', s.id)
        .where('occurrence', '=', occurrence.day)
        .executeTakeFirst();
      if (exists) continue;
      const made = await write(ctx, async (tx) => {
        const available = new Set((await bodiesAvailableAt(tx, place)).map((b) => b.key));
        if (!available.has(s.convener_org_id)) return null;
        return insertMeeting(tx, ctx, {
          place,
          title: s.title,
          kind: s.kind,
          convenerKind: s.convener_kind,
          convenerOrgId: s.convener_org_id,
          startsAt: occurrence.startsAt,
          location: s.location,
          bodies: s.bodies.filter((b) => available.has(b)),
          schedule: { id: s.id, occurrence: occurrence.day },
        });
      });
      if (made) created++;
    }
  }
  return { created };
}

export const meetingScheduleJob: Job = { name: 'deliberation.meeting-schedules', everyMs: 60 * 60_000, run: generateScheduledMeetings };
