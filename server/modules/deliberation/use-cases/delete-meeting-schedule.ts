import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../deliberation.db.ts';
import { meetingScheduleFor } from './meeting-schedule-access.ts';

/**
 * Deletes a schedule. Meetings it generated stay (they are records of their own); they keep the schedule's id
 * as null, since the schedule is gone.
 */
export async function deleteMeetingSchedule(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const s = await meetingScheduleFor(tx, ctx.actor, id, 'manage', true);
    await tx.updateTable('dlb_meetings').set({ schedule_id: null, occurrence: null }).where('street_id', '=', s.street_id).where('schedule_id', '=', s.id).execute();
    await tx.deleteFrom('dlb_meeting_schedules').where('street_id', '=', s.street_id).where('id', '=', s.id).execute();
    await audit(tx, ctx, { action: 'deliberation.meeting_schedule.deleted', placeId: s.place_id, subjectType: 'deliberation_meeting_schedule', subjectId: s.id, before: { title: s.title } });
    return { removed: s.id };
  });
}
