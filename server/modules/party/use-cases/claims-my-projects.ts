import { sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../party.db.ts';
import { yearOf } from './reporting-access.ts';
import { confirmedCommunityOf, myMember } from './reporting-my-member.ts';

/**
 * The H5's 社区服务项目: the open projects and posts of the community the member's report was confirmed at, each post
 * with its slots taken this year and the member's own claim. Not confirmed: no projects (and why).
 */
export async function myProjects(ctx: Ctx) {
  const db = read(ctx);
  const member = await myMember(db, ctx);
  const communityId = await confirmedCommunityOf(db, member);
  const year = yearOf(chinaDay(ctx.kernel.clock.now()));
  if (!communityId) return { confirmed: false, communityName: null, year, projects: [] };
  const community = await db.selectFrom('street_places').select('name').where('street_id', '=', member.streetId).where('id', '=', communityId).executeTakeFirstOrThrow();
  const projects = await db
    .selectFrom('pty_projects as p')
    .innerJoin('street_places as pl', (j) => j.onRef('pl.street_id', '=', 'p.street_id').onRef('pl.id', '=', 'p.place_id'))
    .select(['p.id', 'p.title', 'p.description', 'pl.name as placeName'])
    .where('p.street_id', '=', member.streetId)
    .where('p.community_id', '=', communityId)
    .where('p.status', '=', 'open')
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
  const posts = projects.length
    ? await db
        .selectFrom('pty_posts as t')
        .select([
          't.id',
          't.project_id as projectId',
          't.title',
          't.description',
          't.slots',
          't.points_per_hour as pointsPerHour',
          sql<number>`(select count(*)::int from pty_member_claims mc where mc.street_id = t.street_id and mc.post_id = t.id and mc.year = ${year} and mc.status = 'active')`.as('claimed'),
          sql<string | null>`(select mc.id::text from pty_member_claims mc where mc.street_id = t.street_id and mc.post_id = t.id and mc.year = ${year} and mc.status = 'active' and mc.member_id = ${member.id})`.as('myClaimId'),
        ])
        .where('t.street_id', '=', member.streetId)
        .where(
          't.project_id',
          'in',
          projects.map((p) => p.id),
        )
        .where('t.status', '=', 'open')
        .orderBy('t.created_at')
        .orderBy('t.id')
        .execute()
    : [];
  return {
    confirmed: true,
    communityName: community.name,
    year,
    projects: projects.map((p) => ({ ...p, posts: posts.filter((t) => t.projectId === p.id).map(({ projectId: _p, ...t }) => t) })),
  };
}
