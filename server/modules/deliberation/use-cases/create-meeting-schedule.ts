import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../deliberation.db.ts';
import type { CreateScheduleBody } from '../meetings.schemas.ts';
import { meetingPlaceFor } from './meeting-access.ts';
import { inviteesOf } from './meeting-invitees.ts';

/**
 * A recurring meeting (例会): monthly on day N or weekly on weekday W at HH:MM, with its convener and bodies
 * (checked as a meeting's would be). The schedule job puts each occurrence on the calendar a week ahead.
 */
export async function createMeetingSchedule(ctx: Ctx, input: CreateScheduleBody) {
  const place = await meetingPlaceFor(read(ctx), ctx.actor, input.placeId);
  return write(ctx, async (tx) => {
    const { bodies } = await inviteesOf(tx, place, input.bodies, { kind: input.convenerKind, orgId: input.convenerOrgId }, ctx.kernel.clock.now());
    const id = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('dlb_meeting_schedules')
      .values({
        street_id: place.street_id,
        id,
        place_id: place.id,
        title: input.title,
        kind: input.kind,
        convener_kind: input.convenerKind,
        convener_org_id: input.convenerOrgId,
        bodies: bodies.map((b) => b.key),
        frequency: input.frequency,
        day: input.day,
        at_time: input.atTime,
        location: input.location,
        created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(tx, ctx, {
      action: 'deliberation.meeting_schedule.created',
      placeId: place.id,
      subjectType: 'deliberation_meeting_schedule',
      subjectId: id,
      after: { title: input.title, kind: input.kind, frequency: input.frequency, day: input.day, atTime: input.atTime, bodies: bodies.length },
    });
    return { id };
  });
}
