import { sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../party.db.ts';
import { yearOf } from './reporting-access.ts';
import { myMember } from './reporting-my-member.ts';
import { memberServiceTotals } from './services-totals.ts';

/**
 * 我的服务 (H5): the member's claims of a year (default this year) with the service recorded on each, the year's
 * records, and the totals (hours, points, posts) of every year they served.
 */
export async function myService(ctx: Ctx, year?: number) {
  const db = read(ctx);
  const member = await myMember(db, ctx);
  const y = year ?? yearOf(chinaDay(ctx.kernel.clock.now()));
  const claims = await db
    .selectFrom('pty_member_claims as mc')
    .innerJoin('pty_projects as p', (j) => j.onRef('p.street_id', '=', 'mc.street_id').onRef('p.id', '=', 'mc.project_id'))
    .leftJoin('pty_posts as t', (j) => j.onRef('t.street_id', '=', 'mc.street_id').onRef('t.id', '=', 'mc.post_id'))
    .select(['mc.id', 'p.title as projectTitle', 't.title as postTitle', 't.points_per_hour as pointsPerHour', 'mc.status', 'mc.claimed_at as claimedAt', 'mc.year'])
    .where('mc.street_id', '=', member.streetId)
    .where('mc.member_id', '=', member.id)
    .where('mc.year', '=', y)
    .orderBy('mc.status')
    .orderBy('mc.claimed_at', 'desc')
    .execute();
  const records = await db
    .selectFrom('pty_services as s')
    .innerJoin('pty_member_claims as mc', (j) => j.onRef('mc.street_id', '=', 's.street_id').onRef('mc.id', '=', 's.claim_id'))
    .innerJoin('pty_projects as p', (j) => j.onRef('p.street_id', '=', 'mc.street_id').onRef('p.id', '=', 'mc.project_id'))
    .leftJoin('pty_posts as t', (j) => j.onRef('t.street_id', '=', 'mc.street_id').onRef('t.id', '=', 'mc.post_id'))
    .select(['s.id', 's.served_on as servedOn', 's.minutes', 's.points', 's.note', 'p.title as projectTitle', 't.title as postTitle'])
    .where('s.street_id', '=', member.streetId)
    .where('s.member_id', '=', member.id)
    .where('s.served_on', '>=', `${y}-01-01`)
    .where('s.served_on', '<=', `${y}-12-31`)
    .orderBy('s.served_on', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  const years = await db
    .selectFrom('pty_services')
    .select(sql<number>`distinct extract(year from served_on)::int`.as('year'))
    .where('street_id', '=', member.streetId)
    .where('member_id', '=', member.id)
    .execute();
  const totals = [];
  for (const { year: ty } of years.sort((a, b) => b.year - a.year)) {
    const [t] = await memberServiceTotals(db, member.streetId, [member.id], ty);
    if (t) totals.push({ year: ty, minutes: t.minutes, points: t.points, posts: t.posts });
  }
  return { year: y, claims, records, totals };
}
