import type { Actor } from '../../../kernel/access/index.ts';
import type { Executor } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { allows, authorize } from '../meetings.policy.ts';

/** A meeting schedule for an official: outside their places 404, seen but not managed 403. */
export async function meetingScheduleFor(db: Executor, actor: Actor, id: string, permission: 'read' | 'manage', forUpdate = false) {
  const s = await db
    .selectFrom('dlb_meeting_schedules as s')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .selectAll('s')
    .select(['p.path as place_path'])
    .where('s.id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate('s'))
    .executeTakeFirst();
  if (!s || !(allows(actor, 'read', s.place_path) || allows(actor, 'manage', s.place_path))) throw MeetingsErrors.SCHEDULE_NOT_FOUND();
  authorize(actor, permission, s.place_path);
  return s;
}
