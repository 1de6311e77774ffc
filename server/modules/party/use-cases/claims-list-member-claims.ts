import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { sql } from 'kysely';
import { read } from '../party.db.ts';
import type { MemberClaimsQuery } from '../party.reporting.schemas.ts';
import { communityAt, holdsAnywhere, liaisonOrgs, reportingFilter } from './reporting-access.ts';
import { containing } from '../../../kernel/db/like.ts';

/** Member claims sort by when claimed (newest first), member, project or year. */
export const MemberClaimsSort = sortable(
  { claimedAt: 'mc.claimed_at', member: 'm.person_name', project: 'p.title', year: 'mc.year' },
  { sort: 'claimedAt', order: 'desc' },
  'mc.id',
);

function filtered(ctx: Ctx, q: MemberClaimsQuery, orgIds: string[], communityPath: string | undefined) {
  return read(ctx)
    .selectFrom('pty_member_claims as mc')
    .innerJoin('pty_members as m', (j) => j.onRef('m.street_id', '=', 'mc.street_id').onRef('m.id', '=', 'mc.member_id'))
    .innerJoin('pty_projects as p', (j) => j.onRef('p.street_id', '=', 'mc.street_id').onRef('p.id', '=', 'mc.project_id'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.id', '=', 'p.community_id'))
    .leftJoin('pty_posts as t', (j) => j.onRef('t.street_id', '=', 'mc.street_id').onRef('t.id', '=', 'mc.post_id'))
    .select([
      'mc.id',
      'mc.member_id as memberId',
      'm.person_name as memberName',
      'mc.project_id as projectId',
      'p.title as projectTitle',
      'mc.post_id as postId',
      't.title as postTitle',
      't.points_per_hour as pointsPerHour',
      'c.name as communityName',
      'mc.year',
      'mc.status',
      'mc.claimed_at as claimedAt',
      sql<number>`(select coalesce(sum(s.minutes), 0)::int from pty_services s where s.street_id = mc.street_id and s.claim_id = mc.id)`.as('minutes'),
      sql<number>`(select coalesce(sum(s.points), 0)::int from pty_services s where s.street_id = mc.street_id and s.claim_id = mc.id)`.as('points'),
    ])
    .where(reportingFilter(ctx.actor, 'c.path', 'm.workplace_org_id', orgIds))
    .$if(!!communityPath, (x) => x.where('c.path', 'like', `${communityPath}%`))
    .$if(!!q.projectId, (x) => x.where('mc.project_id', '=', q.projectId!))
    .$if(!!q.year, (x) => x.where('mc.year', '=', q.year!))
    .$if(!!q.status, (x) => x.where('mc.status', '=', q.status!))
    .$if(!!q.q, (x) => x.where((eb) => eb.or([eb('m.person_name', 'ilike', containing(q.q!)), eb('p.title', 'ilike', containing(q.q!)), eb('t.title', 'ilike', containing(q.q!))])));
}

export interface MemberClaimRow {
  id: string;
  memberId: string;
  memberName: string;
  projectId: string;
  projectTitle: string;
  postId: string | null;
  postTitle: string | null;
  pointsPerHour: number | null;
  communityName: string;
  year: number;
  status: 'active' | 'withdrawn';
  claimedAt: Date;
  minutes: number;
  points: number;
}

/** 党员认领: members' claims of posts with the service recorded on each (a liaison: its own organisations' members'). */
export async function listMemberClaims(ctx: Ctx, q: MemberClaimsQuery): Promise<Page<MemberClaimRow>> {
  if (!holdsAnywhere(ctx.actor, 'reportingRead')) throw CommonErrors.FORBIDDEN();
  const orgIds = (await liaisonOrgs(read(ctx), ctx)).map((o) => o.id);
  const path = q.communityId ? (await communityAt(read(ctx), ctx, q.communityId)).path : undefined;
  const items = MemberClaimsSort.orderBy(filtered(ctx, q, orgIds, path), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, orgIds, path)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count) as Promise<Page<MemberClaimRow>>;
}
