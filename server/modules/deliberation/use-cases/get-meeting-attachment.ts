import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { meetingFor } from './meeting-access.ts';

/** A meeting's file, for the staff who see the meeting. */
export async function getMeetingAttachment(ctx: Ctx, id: string, attachmentId: string) {
  const m = await meetingFor(read(ctx), ctx.actor, id, 'read');
  const attachment = m.attachments.find((a) => a.id === attachmentId);
  const content = attachment && (await ctx.kernel.files.get(attachment.key));
  if (!attachment || !content) throw MeetingsErrors.ATTACHMENT_NOT_FOUND();
  return { name: attachment.name, mime: attachment.mime, content };
}
