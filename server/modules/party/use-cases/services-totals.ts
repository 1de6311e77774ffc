import { sql } from 'kysely';
import type { Executor } from '../party.db.ts';

/**
 * Each member's service in a year (the annual letter's lines): the sums of their pty_services rows whose day falls
 * in the year (served_on, a China date: 12-31 counts in its year, 01-01 in the next), and the distinct titles of the
 * posts served on (a claim with no post: its project's title), sorted. Members with no service are left out.
 */
export async function memberServiceTotals(
  db: Executor,
  streetId: string,
  memberIds: readonly string[],
  year: number,
): Promise<{ memberId: string; minutes: number; points: number; posts: string[] }[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .selectFrom('pty_services as s')
    .innerJoin('pty_member_claims as c', (j) => j.onRef('c.street_id', '=', 's.street_id').onRef('c.id', '=', 's.claim_id'))
    .innerJoin('pty_projects as pr', (j) => j.onRef('pr.street_id', '=', 'c.street_id').onRef('pr.id', '=', 'c.project_id'))
    .leftJoin('pty_posts as p', (j) => j.onRef('p.street_id', '=', 'c.street_id').onRef('p.id', '=', 'c.post_id'))
    .select([
      's.member_id as memberId',
      sql<string>`sum(s.minutes)`.as('minutes'),
      sql<string>`sum(s.points)`.as('points'),
      sql<string[]>`array_agg(distinct coalesce(p.title, pr.title) order by coalesce(p.title, pr.title))`.as('posts'),
    ])
    .where('s.street_id', '=', streetId)
    .where('s.member_id', 'in', [...memberIds])
    .where('s.served_on', '>=', `${year}-01-01`)
    .where('s.served_on', '<', `${year + 1}-01-01`)
    .groupBy('s.member_id')
    .execute();
  return rows.map((r) => ({ memberId: r.memberId, minutes: Number(r.minutes), points: Number(r.points), posts: [...r.posts] }));
}
