import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { sendMeetingNotice } from '../meetings.notifications.ts';
import type { UpdateMeetingBody } from '../meetings.schemas.ts';
import { meetingFor } from './meeting-access.ts';

/** Changes a meeting's title, time or place while it is open; a new time or place sends the notice again. */
export async function updateMeeting(ctx: Ctx, id: string, body: UpdateMeetingBody) {
  const now = ctx.kernel.clock.now();
  return write(ctx, async (tx) => {
    const m = await meetingFor(tx, ctx.actor, id, 'manage', { forUpdate: true, open: true });
    const startsAt = body.startsAt !== undefined ? new Date(body.startsAt) : m.starts_at;
    if (body.startsAt !== undefined && startsAt.getTime() !== m.starts_at.getTime() && startsAt.getTime() < now.getTime()) throw MeetingsErrors.STARTS_IN_PAST();
    const next = { title: body.title ?? m.title, starts_at: startsAt, location: body.location ?? m.location };
    await tx.updateTable('dlb_meetings').set({ ...next, updated_at: now }).where('street_id', '=', m.street_id).where('id', '=', m.id).execute();
    const moved = next.starts_at.getTime() !== m.starts_at.getTime() || next.location !== m.location;
    const notified = moved ? await sendMeetingNotice(tx, ctx, { ...m, ...next }, true) : 0;
    await audit(tx, ctx, {
      action: 'deliberation.meeting.updated',
      placeId: m.place_id,
      subjectType: 'deliberation_meeting',
      subjectId: m.id,
      before: { title: m.title, startsAt: m.starts_at.toISOString(), location: m.location },
      after: { title: next.title, startsAt: next.starts_at.toISOString(), location: next.location },
      detail: { notified },
    });
    return { ok: true, notified };
  });
}
