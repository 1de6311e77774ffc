import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { CONSULTING } from './change-meeting-agenda.ts';
import { meetingFor } from './meeting-access.ts';
import { applyMeetingOutcome } from './record-meeting-outcome.ts';

/**
 * Closes a meeting: it needs its minutes (409 MINUTES_REQUIRED) and at least one signed-in attendee (409
 * ATTENDANCE_REQUIRED). Agenda items still in consultation without an outcome are carried to the next meeting
 * (outcome next_meeting), in the same transaction as the close.
 */
export async function closeMeeting(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const m = await meetingFor(tx, ctx.actor, id, 'manage', { forUpdate: true, open: true });
    if (!m.minutes || m.minutes.trim() === '') throw MeetingsErrors.MINUTES_REQUIRED();
    const signedIn = await tx
      .selectFrom('dlb_meeting_attendees')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('street_id', '=', m.street_id)
      .where('meeting_id', '=', m.id)
      .where('signed_in_at', 'is not', null)
      .executeTakeFirstOrThrow();
    if (Number(signedIn.n) === 0) throw MeetingsErrors.ATTENDANCE_REQUIRED();
    const open = await tx
      .selectFrom('dlb_meeting_agenda as g')
      .innerJoin('dlb_items as i', (j) => j.onRef('i.street_id', '=', 'g.street_id').onRef('i.id', '=', 'g.item_id'))
      .select(['g.item_id', 'i.stage'])
      .where('g.street_id', '=', m.street_id)
      .where('g.meeting_id', '=', m.id)
      .where('g.outcome_kind', 'is', null)
      .orderBy('g.seq')
      .execute();
    const carried: string[] = [];
    for (const g of open) {
      // An item that left consultation some other way (withdrawn) has nothing to carry on.
      if (g.stage !== CONSULTING) continue;
      await applyMeetingOutcome(tx, ctx, m, g.item_id, { kind: 'next_meeting' });
      carried.push(g.item_id);
    }
    const now = ctx.kernel.clock.now();
    await tx.updateTable('dlb_meetings').set({ status: 'closed', closed_at: now, updated_at: now }).where('street_id', '=', m.street_id).where('id', '=', m.id).execute();
    await audit(tx, ctx, {
      action: 'deliberation.meeting.closed',
      placeId: m.place_id,
      subjectType: 'deliberation_meeting',
      subjectId: m.id,
      detail: { signedIn: Number(signedIn.n), carried: carried.length },
    });
    return { ok: true, carried };
  });
}
