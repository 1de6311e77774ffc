import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import type { UpdateScheduleBody } from '../meetings.schemas.ts';
import { inviteesOf } from './meeting-invitees.ts';
import { meetingScheduleFor } from './meeting-schedule-access.ts';

/** Changes a schedule (its rhythm, time, bodies, or pauses it); meetings already generated keep what they had. */
export async function updateMeetingSchedule(ctx: Ctx, id: string, body: UpdateScheduleBody) {
  return write(ctx, async (tx) => {
    const s = await meetingScheduleFor(tx, ctx.actor, id, 'manage', true);
    const frequency = body.frequency ?? s.frequency;
    const day = body.day ?? s.day;
    if (frequency === 'weekly' && day > 7) throw MeetingsErrors.SCHEDULE_DAY();
    let bodies = s.bodies;
    if (body.bodies) {
      const checked = await inviteesOf(tx, { path: s.place_path, street_id: s.street_id }, body.bodies, { kind: s.convener_kind, orgId: s.convener_org_id }, ctx.kernel.clock.now());
      bodies = checked.bodies.map((b) => b.key);
    }
    const next = { title: body.title ?? s.title, frequency, day, at_time: body.atTime ?? s.at_time, location: body.location ?? s.location, active: body.active ?? s.active, bodies };
    await tx.updateTable('dlb_meeting_schedules').set({ ...next, updated_at: ctx.kernel.clock.now() }).where('street_id', '=', s.street_id).where('id', '=', s.id).execute();
    await audit(tx, ctx, {
      action: 'deliberation.meeting_schedule.updated',
      placeId: s.place_id,
      subjectType: 'deliberation_meeting_schedule',
      subjectId: s.id,
      before: { title: s.title, frequency: s.frequency, day: s.day, atTime: s.at_time, location: s.location, active: s.active, bodies: s.bodies.length },
      after: { title: next.title, frequency, day, atTime: next.at_time, location: next.location, active: next.active, bodies: bodies.length },
    });
    return { ok: true };
  });
}
