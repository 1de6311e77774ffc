import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../deliberation.db.ts';
import type { MinutesBody } from '../meetings.schemas.ts';
import { meetingFor } from './meeting-access.ts';

/**
 * Writes the minutes and whether they are public (default internal: only staff and the PDF see them; public, they
 * show on the meeting's public page). Open meetings only. The audit entry keeps the length, not the text.
 */
export async function saveMeetingMinutes(ctx: Ctx, id: string, body: MinutesBody) {
  return write(ctx, async (tx) => {
    const m = await meetingFor(tx, ctx.actor, id, 'manage', { forUpdate: true, open: true });
    const minutes = body.minutes === '' ? null : body.minutes;
    await tx.updateTable('dlb_meetings').set({ minutes, minutes_public: body.minutesPublic, updated_at: ctx.kernel.clock.now() }).where('street_id', '=', m.street_id).where('id', '=', m.id).execute();
    await audit(tx, ctx, {
      action: 'deliberation.meeting.minutes_saved',
      placeId: m.place_id,
      subjectType: 'deliberation_meeting',
      subjectId: m.id,
      detail: { length: minutes?.length ?? 0, public: body.minutesPublic, wasPublic: m.minutes_public },
    });
    return { ok: true };
  });
}
