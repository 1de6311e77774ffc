import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { pathLabel } from '../../../kernel/access/index.ts';
import { type Executor, read } from '../deliberation.db.ts';
import { MEETING_OPEN } from '../meetings.constants.ts';
import { placeFilter } from '../meetings.policy.ts';
import { type WaitingItemsQuery, WaitingItemsSort } from '../meetings.schemas.ts';
import type { Actor } from '../../../kernel/access/index.ts';
import { CONSULTING } from './change-meeting-agenda.ts';

/** Items in consultation in the places the actor manages meetings for, that no open meeting has on its agenda. */
export function waitingItems(db: Executor, actor: Actor) {
  return db
    .selectFrom('dlb_items as i')
    .innerJoin('places as p', 'p.id', 'i.place_id')
    .where(placeFilter(actor, 'manage', 'i.place_id', 'p.path'))
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
    );
}

/** 待上会议题: the staff home's "items waiting for a meeting", as a paged list (the same rows its count counts). */
export async function listMeetingWaitingItems(ctx: Ctx, q: WaitingItemsQuery) {
  const db = read(ctx);
  const base = waitingItems(db, ctx.actor).$if(!!q.q, (qb) => qb.where('i.title', 'ilike', containing(q.q!)));
  return paginate(
    q,
    WaitingItemsSort.orderBy(base, q)
      .select(['i.id', 'i.code', 'i.title', 'i.place_id as placeId', 'p.name as placeName', 'i.listed_at as listedAt', 'i.supporter_count as supporters'])
      .select(pathLabel('p.path', ['community', 'compound']).as('placeLabel'))
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}
