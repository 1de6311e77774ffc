import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import type { PositionsBody } from '../meetings.schemas.ts';
import { meetingFor } from './meeting-access.ts';

/**
 * Records each invited body's position on an agenda item (support / oppose / abstain / conditional, with a note),
 * replacing what was recorded for the item. Bodies not invited to the meeting answer 400.
 */
export async function setMeetingPositions(ctx: Ctx, id: string, itemId: string, body: PositionsBody) {
  return write(ctx, async (tx) => {
    const m = await meetingFor(tx, ctx.actor, id, 'manage', { forUpdate: true, open: true });
    const on = await tx.selectFrom('dlb_meeting_agenda').select('item_id').where('street_id', '=', m.street_id).where('meeting_id', '=', m.id).where('item_id', '=', itemId).executeTakeFirst();
    if (!on) throw MeetingsErrors.ITEM_NOT_ON_AGENDA();
    const invited = new Set((await tx.selectFrom('dlb_meeting_bodies').select('body_key').where('street_id', '=', m.street_id).where('meeting_id', '=', m.id).execute()).map((b) => b.body_key));
    if (!body.positions.every((p) => invited.has(p.bodyKey))) throw MeetingsErrors.BODY_NOT_FOUND();
    await tx.deleteFrom('dlb_meeting_positions').where('street_id', '=', m.street_id).where('meeting_id', '=', m.id).where('item_id', '=', itemId).execute();
    if (body.positions.length > 0) {
      await tx
        .insertInto('dlb_meeting_positions')
        .values(body.positions.map((p) => ({ street_id: m.street_id, meeting_id: m.id, item_id: itemId, body_key: p.bodyKey, stance: p.stance, note: p.note ? p.note : null })))
        .execute();
    }
    await audit(tx, ctx, {
      action: 'deliberation.meeting.positions_recorded',
      placeId: m.place_id,
      subjectType: 'deliberation_meeting',
      subjectId: m.id,
      detail: { item: itemId, positions: Object.fromEntries(body.positions.map((p) => [p.bodyKey, p.stance])) },
    });
    return { ok: true };
  });
}
