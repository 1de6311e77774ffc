import type { Ctx } from '../../../kernel/context.ts';
import { qrPng } from '../../../kernel/pdf/document.ts';
import { read } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { meetingFor } from './meeting-access.ts';

/** The H5 sign-in address of a meeting, with its secret: what the QR code in the room encodes. */
export const signInPath = (id: string, token: string) => `/h5/deliberation/meetings/${id}/sign-in?t=${encodeURIComponent(token)}`;

/** The sign-in QR code (PNG) for the screen or the door, for those who manage the meeting, while it is open. */
export async function meetingSignInQr(ctx: Ctx, id: string, origin: string): Promise<Buffer> {
  const m = await meetingFor(read(ctx), ctx.actor, id, 'manage');
  if (m.status !== 'scheduled' && m.status !== 'signing_in') throw MeetingsErrors.MEETING_NOT_OPEN();
  return qrPng(`${origin}${signInPath(m.id, m.sign_in_token)}`, 480);
}
