import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { meetingFor } from './meeting-access.ts';

/** Removes a meeting's file while the meeting is open (the file stays in the store: the audit entry names it). */
export async function removeMeetingAttachment(ctx: Ctx, id: string, attachmentId: string) {
  return write(ctx, async (tx) => {
    const m = await meetingFor(tx, ctx.actor, id, 'manage', { forUpdate: true, open: true });
    const removed = m.attachments.find((a) => a.id === attachmentId);
    if (!removed) throw MeetingsErrors.ATTACHMENT_NOT_FOUND();
    await tx
      .updateTable('dlb_meetings')
      .set({ attachments: JSON.stringify(m.attachments.filter((a) => a.id !== attachmentId)), updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', m.street_id)
      .where('id', '=', m.id)
      .execute();
    await audit(tx, ctx, { action: 'deliberation.meeting.attachment_removed', placeId: m.place_id, subjectType: 'deliberation_meeting', subjectId: m.id, detail: { name: removed.name } });
    return { removed: attachmentId };
  });
}
