import { timingSafeEqual } from 'node:crypto';
import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { read, type Tx, write } from '../deliberation.db.ts';
import { MEETING_OPEN } from '../meetings.constants.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { meetingRow } from '../meetings.repository.ts';
import { meetingFor } from './meeting-access.ts';

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Signs the caller in by the meeting room's QR code: the code must be the meeting's (else 403
 * SIGN_IN_CODE_WRONG, before anything about the meeting's attendance is told), the meeting open, and the caller's
 * account matched to an invited person (else 403 NOT_INVITED). Signing in twice answers as the first time and
 * writes nothing. The first sign-in starts the meeting's sign-in (scheduled → signing_in).
 */
export async function signInByQr(ctx: Ctx, id: string, token: string) {
  const found = await meetingRow(read(ctx), id);
  if (!found) throw MeetingsErrors.MEETING_NOT_FOUND();
  if (!sameToken(found.sign_in_token, token)) throw MeetingsErrors.SIGN_IN_CODE_WRONG();
  const personId = ctx.actor.personId;
  return write(ctx, async (tx) => {
    const m = (await meetingRow(tx, id, true))!;
    if (!MEETING_OPEN.includes(m.status)) throw MeetingsErrors.MEETING_NOT_OPEN();
    const attendee = personId
      ? await tx.selectFrom('dlb_meeting_attendees').select(['id', 'signed_in_at']).where('street_id', '=', m.street_id).where('meeting_id', '=', m.id).where('person_id', '=', personId).executeTakeFirst()
      : undefined;
    if (!attendee) throw MeetingsErrors.NOT_INVITED();
    if (attendee.signed_in_at) return { meetingId: m.id, title: m.title, signedInAt: attendee.signed_in_at, already: true };
    const at = ctx.kernel.clock.now();
    await markSignedIn(tx, m, attendee.id, at, 'qr', null);
    await audit(tx, ctx, { action: 'deliberation.meeting.signed_in', placeId: m.place_id, subjectType: 'deliberation_meeting', subjectId: m.id, detail: { attendee: attendee.id, via: 'qr' } });
    return { meetingId: m.id, title: m.title, signedInAt: at, already: false };
  });
}

/** Staff sign an attendee in by hand (someone without a phone, a guest); twice answers as the first time. */
export async function signInByStaff(ctx: Ctx, id: string, attendeeId: string) {
  return write(ctx, async (tx) => {
    const m = await meetingFor(tx, ctx.actor, id, 'manage', { forUpdate: true, open: true });
    const attendee = await tx.selectFrom('dlb_meeting_attendees').select(['id', 'signed_in_at']).where('street_id', '=', m.street_id).where('meeting_id', '=', m.id).where('id', '=', attendeeId).executeTakeFirst();
    if (!attendee) throw MeetingsErrors.ATTENDEE_NOT_FOUND();
    if (attendee.signed_in_at) return { attendeeId, signedInAt: attendee.signed_in_at, already: true };
    const at = ctx.kernel.clock.now();
    await markSignedIn(tx, m, attendee.id, at, 'staff', isSystem(ctx.actor) ? null : ctx.actor.accountId);
    await audit(tx, ctx, { action: 'deliberation.meeting.signed_in', placeId: m.place_id, subjectType: 'deliberation_meeting', subjectId: m.id, detail: { attendee: attendee.id, via: 'staff' } });
    return { attendeeId, signedInAt: at, already: false };
  });
}

async function markSignedIn(
  tx: Tx,
  m: { street_id: string; id: string; status: string },
  attendeeId: string,
  at: Date,
  via: 'qr' | 'staff',
  by: string | null,
) {
  await tx.updateTable('dlb_meeting_attendees').set({ signed_in_at: at, signed_in_via: via, signed_in_by: by }).where('street_id', '=', m.street_id).where('id', '=', attendeeId).execute();
  if (m.status === 'scheduled') await tx.updateTable('dlb_meetings').set({ status: 'signing_in', updated_at: at }).where('street_id', '=', m.street_id).where('id', '=', m.id).execute();
}
