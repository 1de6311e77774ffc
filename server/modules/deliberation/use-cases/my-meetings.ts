import type { Ctx } from '../../../kernel/context.ts';
import { pageWithTotal, totalInRow } from '../../../kernel/pagination.ts';
import type { PageQuery } from '../../../kernel/pagination.ts';
import { pathLabel } from '../../../kernel/access/index.ts';
import { read, type Executor } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';

/**
 * A person's own meetings (the H5's 会议通知): those they are invited to, through their account's registry person —
 * the notice (title, time, place, convener, agenda titles), their own positions and whether they signed in. Never
 * the minutes, the other attendees nor the sign-in code.
 */
function mine(db: Executor, personId: string) {
  return db
    .selectFrom('dlb_meeting_attendees as a')
    .innerJoin('dlb_meetings as m', (j) => j.onRef('m.street_id', '=', 'a.street_id').onRef('m.id', '=', 'a.meeting_id'))
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .where('a.person_id', '=', personId)
    .select(['m.id', 'm.title', 'm.kind', 'm.status', 'm.starts_at as startsAt', 'm.location', 'm.convener_name as convenerName', 'a.positions', 'a.signed_in_at as signedInAt'])
    .select(pathLabel('p.path', ['community', 'compound']).as('placeLabel'));
}

export async function listMyMeetings(ctx: Ctx, q: PageQuery & { upcoming?: boolean }) {
  const personId = ctx.actor.personId;
  if (!personId) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  // Upcoming: still open, and not more than half a day past its start (a meeting running late is still "now").
  const since = new Date(ctx.kernel.clock.now().getTime() - 12 * 3_600_000);
  const base = () => mine(read(ctx), personId).$if(!!q.upcoming, (qb) => qb.where('m.status', 'in', ['scheduled', 'signing_in']).where('m.starts_at', '>=', since));
  const page = await pageWithTotal(
    q,
    base().select(totalInRow()).orderBy('m.starts_at', q.upcoming ? 'asc' : 'desc').orderBy('m.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    () => base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
  return { ...page, items: page.items.map(strip) };
}

const strip = <T extends { positions: { organisationName: string; title: string }[] }>(r: T) => ({
  ...r,
  positions: r.positions.map((p) => [p.organisationName, p.title].filter(Boolean).join(' ')),
});

/** One of my meetings: its notice and the agenda's titles (404 for a meeting I am not invited to). */
export async function getMyMeeting(ctx: Ctx, id: string) {
  const personId = ctx.actor.personId;
  const db = read(ctx);
  const m = personId ? await mine(db, personId).select(['m.street_id']).where('m.id', '=', id).executeTakeFirst() : undefined;
  if (!m) throw MeetingsErrors.MEETING_NOT_FOUND();
  const agenda = await db
    .selectFrom('dlb_meeting_agenda as g')
    .innerJoin('dlb_items as i', (j) => j.onRef('i.street_id', '=', 'g.street_id').onRef('i.id', '=', 'g.item_id'))
    .select(['i.title', 'g.outcome_kind as outcomeKind'])
    .where('g.street_id', '=', m.street_id)
    .where('g.meeting_id', '=', m.id)
    .orderBy('g.seq')
    .execute();
  const { street_id: _, ...notice } = strip(m);
  return { ...notice, agenda };
}
