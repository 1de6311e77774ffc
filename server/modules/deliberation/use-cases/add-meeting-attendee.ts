import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { personNames } from '../../registry/index.ts';
import { write } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { sendMeetingNotice } from '../meetings.notifications.ts';
import type { AddAttendeeBody } from '../meetings.schemas.ts';
import { meetingFor } from './meeting-access.ts';

/**
 * Adds a person to the attendance by hand (a department's representative, a resident asked to speak): a registry
 * person (who then gets the notice and can sign in with their account), or a guest by name (signed in by staff).
 */
export async function addMeetingAttendee(ctx: Ctx, id: string, body: AddAttendeeBody) {
  return write(ctx, async (tx) => {
    const m = await meetingFor(tx, ctx.actor, id, 'manage', { forUpdate: true, open: true });
    let personId: string | null = null;
    let name: string;
    if ('personId' in body) {
      const found = (await personNames(tx, [body.personId])).get(body.personId);
      if (!found) throw MeetingsErrors.PERSON_NOT_FOUND();
      const on = await tx.selectFrom('dlb_meeting_attendees').select('id').where('street_id', '=', m.street_id).where('meeting_id', '=', m.id).where('person_id', '=', body.personId).executeTakeFirst();
      if (on) throw MeetingsErrors.ATTENDEE_EXISTS();
      personId = body.personId;
      name = found;
    } else {
      name = body.name;
    }
    const attendeeId = newId();
    const positions = body.note ? [{ bodyKey: '', organisationName: body.note, title: '' }] : [];
    await tx
      .insertInto('dlb_meeting_attendees')
      .values({ street_id: m.street_id, id: attendeeId, meeting_id: m.id, person_id: personId, name, positions: JSON.stringify(positions), added_by_hand: true })
      .execute();
    // A registered person added by hand is told like the others (and can then sign in with their account).
    if (personId) await sendMeetingNotice(tx, ctx, m, false, [personId]);
    await audit(tx, ctx, {
      action: 'deliberation.meeting.attendee_added',
      placeId: m.place_id,
      subjectType: 'deliberation_meeting',
      subjectId: m.id,
      detail: { attendee: attendeeId, registered: personId !== null, by: isSystem(ctx.actor) ? 'system' : 'staff' },
    });
    return { id: attendeeId };
  });
}
