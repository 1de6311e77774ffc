import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { allows, placeFilter } from '../meetings.policy.ts';
import { listSchedules } from '../meetings.repository.ts';
import type { SchedulesQuery } from '../meetings.schemas.ts';

/** The meeting schedules in the actor's places, paged and sorted. */
export async function listMeetingSchedules(ctx: Ctx, q: SchedulesQuery) {
  let underPath: string | undefined;
  if (q.placeId) {
    const place = await findPlace(read(ctx), q.placeId);
    if (!place || !allows(ctx.actor, 'read', place.path)) throw MeetingsErrors.PLACE_NOT_FOUND();
    underPath = place.path;
  }
  return listSchedules(read(ctx), { ...q, underPath }, placeFilter(ctx.actor, 'read', 's.place_id', 'p.path'));
}
