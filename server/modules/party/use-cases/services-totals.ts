import { sql } from 'kysely';
import type { Executor } from '../party.db.ts';

/**
 * A year of members' service, for the annual letter (the letters part) and the member's own record: per member, the
 * minutes and points recorded on days of `year`, and the distinct titles of the posts (a claim without a post: its
 * project's title) they served on, sorted. Members with no service that year are left out. No access check: the
 * calling use case decides whose totals it reads.
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
    .innerJoin('pty_member_claims as mc', (j) => j.onRef('mc.street_id', '=', 's.street_id').onRef('mc.id', '=', 's.claim_id'))
    .innerJoin('pty_projects as p', (j) => j.onRef('p.street_id', '=', 'mc.street_id').onRef('p.id', '=', 'mc.project_id'))
    .leftJoin('pty_posts as t', (j) => j.onRef('t.street_id', '=', 'mc.street_id').onRef('t.id', '=', 'mc.post_id'))
    .select([
      's.member_id as memberId',
      sql<string>`sum(s.minutes)`.as('minutes'),
      sql<string>`sum(s.points)`.as('points'),
      sql<string[]>`array_agg(distinct coalesce(t.title, p.title))`.as('posts'),
    ])
    .where('s.street_id', '=', streetId)
    .where('s.member_id', 'in', [...memberIds])
    .where('s.served_on', '>=', `${year}-01-01`)
    .where('s.served_on', '<=', `${year}-12-31`)
    .groupBy('s.member_id')
    .orderBy('s.member_id')
    .execute();
  return rows.map((r) => ({ memberId: r.memberId, minutes: Number(r.minutes), points: Number(r.points), posts: [...r.posts].sort((a, b) => a.localeCompare(b, 'zh-CN')) }));
}
