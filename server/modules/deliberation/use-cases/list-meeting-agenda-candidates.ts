import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../deliberation.db.ts';
import { MEETING_OPEN } from '../meetings.constants.ts';
import { CONSULTING } from './change-meeting-agenda.ts';
import { meetingPlaceFor } from './meeting-access.ts';

/**
 * The items a meeting at a place may take up: in consultation at the place or below, and not waiting on an open
 * meeting's agenda already (the create dialog and the agenda's "add"). At most 100, oldest listed first.
 */
export async function listMeetingAgendaCandidates(ctx: Ctx, placeId: string) {
  const db = read(ctx);
  const place = await meetingPlaceFor(db, ctx.actor, placeId, 'read');
  return db
    .selectFrom('dlb_items as i')
    .innerJoin('places as p', 'p.id', 'i.place_id')
    .select(['i.id', 'i.code', 'i.title', 'p.name as placeName', 'i.listed_at as listedAt'])
    .where('i.street_id', '=', place.street_id)
    .where('p.path', 'like', `${place.path}%`)
    .where('i.stage', '=', CONSULTING)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('dlb_meeting_agenda as g')
            .innerJoin('dlb_meetings as m', (j) => j.onRef('m.street_id', '=', 'g.street_id').onRef('m.id', '=', 'g.meeting_id'))
            .select('g.item_id')
            .whereRef('g.street_id', '=', 'i.street_id')
            .whereRef('g.item_id', '=', 'i.id')
            .where('m.status', 'in', [...MEETING_OPEN])
            .where('g.outcome_kind', 'is', null),
        ),
      ),
    )
    .orderBy('i.listed_at')
    .orderBy('i.id')
    .limit(100)
    .execute();
}
