import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../deliberation.db.ts';
import type { CancelBody } from '../meetings.schemas.ts';
import { meetingFor } from './meeting-access.ts';

/** Cancels an open meeting, with the reason (kept on the meeting and in the audit entry). */
export async function cancelMeeting(ctx: Ctx, id: string, body: CancelBody) {
  return write(ctx, async (tx) => {
    const m = await meetingFor(tx, ctx.actor, id, 'manage', { forUpdate: true, open: true });
    const now = ctx.kernel.clock.now();
    await tx.updateTable('dlb_meetings').set({ status: 'cancelled', cancelled_at: now, cancel_reason: body.reason, updated_at: now }).where('street_id', '=', m.street_id).where('id', '=', m.id).execute();
    await audit(tx, ctx, { action: 'deliberation.meeting.cancelled', placeId: m.place_id, subjectType: 'deliberation_meeting', subjectId: m.id, detail: { reason: body.reason } });
    return { ok: true };
  });
}
