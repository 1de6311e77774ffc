import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { read } from '../deliberation.db.ts';
import { MEETING_OPEN } from '../meetings.constants.ts';
import { holdsAnywhere, placeFilter } from '../meetings.policy.ts';
import { waitingItems } from './list-meeting-waiting-items.ts';
import { meetingWindow } from './list-meetings.ts';

/**
 * The convener's to-dos on the workbench home (for those who manage meetings): open meetings in their places today
 * and in the coming week — counted as the meetings list counts them — and items in consultation that no open
 * meeting has on its agenda yet (they wait for a meeting: 待上会议题).
 */
export async function meetingsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'manage')) return {};
  const db = read(ctx);
  const now = ctx.kernel.clock.now();
  const meetings = ([from, to]: [Date, Date]) =>
    db
      .selectFrom('dlb_meetings as m')
      .innerJoin('places as p', 'p.id', 'm.place_id')
      .where(placeFilter(ctx.actor, 'read', 'm.place_id', 'p.path'))
      .where('m.status', 'in', [...MEETING_OPEN])
      .where('m.starts_at', '>=', from)
      .where('m.starts_at', '<', to)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
  const [todayN, weekN, waiting] = await Promise.all([
    meetings(meetingWindow(now, 'today')),
    meetings(meetingWindow(now, 'week')),
    waitingItems(db, ctx.actor).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const todos = [
    { key: 'meetingsToday', count: Number(todayN.n), link: '/deliberation/meetings?when=today' },
    { key: 'meetingsThisWeek', count: Number(weekN.n), link: '/deliberation/meetings?when=week' },
    { key: 'itemsAwaitingMeeting', count: Number(waiting.n), link: '/deliberation/meetings/waiting-items' },
  ].filter((t) => t.count > 0);
  return { todos };
}
