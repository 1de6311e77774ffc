import { type Ctx, audit } from '../../../kernel/context.ts';
import { type Upload, checkAttachment } from '../../../kernel/files/attachment-check.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../deliberation.db.ts';
import { MEETING_ATTACHMENT_MAX_BYTES, MEETING_ATTACHMENTS_MAX } from '../meetings.constants.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { meetingFor } from './meeting-access.ts';

/**
 * Attaches a file to a meeting (the signed paper attendance sheet, photos, a plan discussed): permission and status
 * are checked before the upload is read, its content (JPG, PNG, WebP or a PDF without active content; size) before
 * anything is stored; the meeting's row and the audit entry commit together. Closed meetings may still receive
 * their scans: only a cancelled one refuses.
 */
export async function addMeetingAttachment(ctx: Ctx, id: string, readUpload: () => Promise<Upload>) {
  const first = await meetingFor(read(ctx), ctx.actor, id, 'manage');
  if (first.status === 'cancelled') throw MeetingsErrors.MEETING_NOT_OPEN();
  const upload = await readUpload();
  const { name, mime } = checkAttachment(upload, MEETING_ATTACHMENT_MAX_BYTES);
  const key = await ctx.kernel.files.put(upload.content);
  return write(ctx, async (tx) => {
    const m = await meetingFor(tx, ctx.actor, id, 'manage', { forUpdate: true });
    if (m.status === 'cancelled') throw MeetingsErrors.MEETING_NOT_OPEN();
    if (m.attachments.length >= MEETING_ATTACHMENTS_MAX) throw MeetingsErrors.TOO_MANY_ATTACHMENTS({ max: MEETING_ATTACHMENTS_MAX });
    const attachment = { id: newId(), key, name, mime, size: upload.content.length };
    await tx.updateTable('dlb_meetings').set({ attachments: JSON.stringify([...m.attachments, attachment]), updated_at: ctx.kernel.clock.now() }).where('street_id', '=', m.street_id).where('id', '=', m.id).execute();
    await audit(tx, ctx, { action: 'deliberation.meeting.attachment_added', placeId: m.place_id, subjectType: 'deliberation_meeting', subjectId: m.id, detail: { name, size: attachment.size } });
    return { id: attachment.id, name, mime, size: attachment.size };
  });
}
