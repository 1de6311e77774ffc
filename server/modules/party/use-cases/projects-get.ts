import { sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../party.db.ts';
import { allows } from '../party.policy.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import { projectsFilter } from './projects-access.ts';
import { liaisonOrgs, reportingFilter, yearOf } from './reporting-access.ts';

/**
 * A project with its posts (this year's active claims against the slots), the organisations that claimed it by year
 * and this year's member claims (a liaison: only its own organisations' claims and members).
 */
export async function getProject(ctx: Ctx, id: string) {
  const db = read(ctx);
  const orgIds = (await liaisonOrgs(db, ctx)).map((o) => o.id);
  const year = yearOf(chinaDay(ctx.kernel.clock.now()));
  const project = await db
    .selectFrom('pty_projects as p')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.id', '=', 'p.community_id'))
    .innerJoin('street_places as pl', (j) => j.onRef('pl.street_id', '=', 'p.street_id').onRef('pl.id', '=', 'p.place_id'))
    .select([
      'p.street_id as streetId',
      'p.id',
      'p.community_id as communityId',
      'c.name as communityName',
      'c.path as communityPath',
      'p.place_id as placeId',
      'pl.name as placeName',
      'p.title',
      'p.description',
      'p.status',
      'p.created_at as createdAt',
    ])
    .where('p.id', '=', id)
    .where(projectsFilter(ctx.actor, 'c.path', 'p.community_id', orgIds))
    .executeTakeFirst();
  if (!project) throw ReportingErrors.PROJECT_NOT_FOUND();
  const posts = await db
    .selectFrom('pty_posts as t')
    .select([
      't.id',
      't.title',
      't.description',
      't.slots',
      't.points_per_hour as pointsPerHour',
      't.status',
      sql<number>`(select count(*)::int from pty_member_claims mc where mc.street_id = t.street_id and mc.post_id = t.id and mc.year = ${year} and mc.status = 'active')`.as('claimed'),
    ])
    .where('t.street_id', '=', project.streetId)
    .where('t.project_id', '=', id)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
  const orgClaims = await db
    .selectFrom('pty_org_claims as oc')
    .leftJoin('pty_org_reports as r', (j) =>
      j.onRef('r.street_id', '=', 'oc.street_id').onRef('r.organisation_id', '=', 'oc.organisation_id').on('r.community_id', '=', project.communityId).on('r.status', '=', 'confirmed'),
    )
    .select(['oc.id', 'oc.organisation_id as organisationId', 'r.organisation_name as organisationName', 'oc.year', 'oc.claimed_at as claimedAt'])
    .where('oc.street_id', '=', project.streetId)
    .where('oc.project_id', '=', id)
    .$if(!allows(ctx.actor, 'reportingManage', project.communityPath) && orgIds.length > 0, (q) => q.where('oc.organisation_id', 'in', orgIds))
    .orderBy('oc.year', 'desc')
    .orderBy('oc.claimed_at')
    .execute();
  const memberClaims = await db
    .selectFrom('pty_member_claims as mc')
    .innerJoin('pty_members as m', (j) => j.onRef('m.street_id', '=', 'mc.street_id').onRef('m.id', '=', 'mc.member_id'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'mc.street_id').on('c.id', '=', project.communityId))
    .leftJoin('pty_posts as t', (j) => j.onRef('t.street_id', '=', 'mc.street_id').onRef('t.id', '=', 'mc.post_id'))
    .select(['mc.id', 'mc.member_id as memberId', 'm.person_name as memberName', 'mc.post_id as postId', 't.title as postTitle', 'mc.claimed_at as claimedAt'])
    .where('mc.street_id', '=', project.streetId)
    .where('mc.project_id', '=', id)
    .where('mc.year', '=', year)
    .where('mc.status', '=', 'active')
    .where(reportingFilter(ctx.actor, 'c.path', 'm.workplace_org_id', orgIds))
    .orderBy('mc.claimed_at')
    .execute();
  const { streetId: _s, communityPath, ...rest } = project;
  return { ...rest, year, canManage: allows(ctx.actor, 'reportingManage', communityPath), posts, orgClaims, memberClaims };
}
