import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../deliberation.db.ts';
import { bodiesAvailableAt, inviteesOf } from './meeting-invitees.ts';
import { meetingPlaceFor } from './meeting-access.ts';

/**
 * What the create-meeting dialog shows: the bodies one may invite at the place and, for the chosen ones, who would
 * be invited today — one row per person with every position they hold (交叉任职). Reads only.
 */
export async function previewMeetingAttendees(ctx: Ctx, q: { placeId: string; bodies: string[] }) {
  const db = read(ctx);
  const place = await meetingPlaceFor(db, ctx.actor, q.placeId);
  const bodies = await bodiesAvailableAt(db, place);
  const { invitees } = q.bodies.length > 0 ? await inviteesOf(db, place, q.bodies, null, ctx.kernel.clock.now()) : { invitees: [] };
  return { bodies, invitees };
}
