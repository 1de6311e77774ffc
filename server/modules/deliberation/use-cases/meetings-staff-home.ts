import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { read } from '../deliberation.db.ts';
import { MEETING_OPEN } from '../meetings.constants.ts';
import { holdsAnywhere, placeFilter } from '../meetings.policy.ts';
import { CONSULTING } from './change-meeting-agenda.ts';
import { meetingWindow } from './list-meetings.ts';

/**
 * The convener's to-dos on the workbench home: open meetings in the places they manage today and in the coming
 * week, and items in consultation that no open meeting has on its agenda yet (they wait for a meeting).
 */
export async function meetingsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'manage')) return {};
  const db = read(ctx);
  const now = ctx.kernel.clock.now();
  const meetings = ([from, to]: [Date, Date]) =>
    db
      .selectFrom('dlb_meetings as m')
      .innerJoin('places as p', 'p.id', 'm.place_id')
      .where(placeFilter(ctx.actor, 'manage', 'm.place_id', 'p.path'))
      .where('m.status', 'in', [...MEETING_OPEN])
      .where('m.starts_at', '>=', from)
      .where('m.starts_at', '<', to)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
  const [todayN, weekN, waiting] = await Promise.all([
    meetings(meetingWindow(now, 'today')),
    meetings(meetingWindow(now, 'week')),
    db
      .selectFrom('dlb_items as i')
      .innerJoin('places as p', 'p.id', 'i.place_id')
      .where(placeFilter(ctx.actor, 'manage', 'i.place_id', 'p.path'))
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
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const todos = [
    { key: 'meetingsToday', count: Number(todayN.n), link: '/deliberation/meetings?when=today' },
    { key: 'meetingsThisWeek', count: Number(weekN.n), link: '/deliberation/meetings?when=week' },
    { key: 'itemsAwaitingMeeting', count: Number(waiting.n), link: '/deliberation/meetings' },
  ].filter((t) => t.count > 0);
  return { todos };
}
