import { findPlace } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { allows, placeFilter } from '../meetings.policy.ts';
import { listMeetings as queryMeetings } from '../meetings.repository.ts';
import type { MeetingsQuery } from '../meetings.schemas.ts';

/** The meetings in the actor's places, filtered (place, status, title), sorted (latest first) and paged in SQL. */
export async function listMeetings(ctx: Ctx, q: MeetingsQuery) {
  let underPath: string | undefined;
  if (q.placeId) {
    const place = await findPlace(read(ctx), q.placeId);
    if (!place || !allows(ctx.actor, 'read', place.path)) throw MeetingsErrors.PLACE_NOT_FOUND();
    underPath = place.path;
  }
  return queryMeetings(read(ctx), { ...q, underPath, ...(q.when ? { between: meetingWindow(ctx.kernel.clock.now(), q.when) } : {}) }, placeFilter(ctx.actor, 'read', 'm.place_id', 'p.path'));
}

/** Today (China time), or the seven days from today's start: the staff home's "meetings today / this week". */
export function meetingWindow(now: Date, when: 'today' | 'week'): [Date, Date] {
  const start = new Date(`${chinaDay(now)}T00:00:00+08:00`);
  return [start, new Date(start.getTime() + (when === 'today' ? 1 : 7) * 86_400_000)];
}
