import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../party.db.ts';
import type { OrgClaimsQuery } from '../party.reporting.schemas.ts';
import { communityAt, holdsAnywhere, liaisonOrgs, reportingFilter } from './reporting-access.ts';
import { containing } from '../../../kernel/db/like.ts';

/** Organisations' claims sort by when claimed (newest first), organisation, project or year. */
export const OrgClaimsSort = sortable(
  { claimedAt: 'oc.claimed_at', organisation: 'r.organisation_name', project: 'p.title', year: 'oc.year' },
  { sort: 'claimedAt', order: 'desc' },
  'oc.id',
);

function filtered(ctx: Ctx, q: OrgClaimsQuery, orgIds: string[], communityPath: string | undefined) {
  return read(ctx)
    .selectFrom('pty_org_claims as oc')
    .innerJoin('pty_projects as p', (j) => j.onRef('p.street_id', '=', 'oc.street_id').onRef('p.id', '=', 'oc.project_id'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.id', '=', 'p.community_id'))
    .innerJoin('pty_org_reports as r', (j) =>
      j.onRef('r.street_id', '=', 'oc.street_id').onRef('r.organisation_id', '=', 'oc.organisation_id').onRef('r.community_id', '=', 'p.community_id').on('r.status', '=', 'confirmed'),
    )
    .select([
      'oc.id',
      'oc.organisation_id as organisationId',
      'r.organisation_name as organisationName',
      'oc.project_id as projectId',
      'p.title as projectTitle',
      'c.name as communityName',
      'oc.year',
      'oc.claimed_at as claimedAt',
    ])
    .where(reportingFilter(ctx.actor, 'c.path', 'oc.organisation_id', orgIds))
    .$if(!!communityPath, (x) => x.where('c.path', 'like', `${communityPath}%`))
    .$if(!!q.year, (x) => x.where('oc.year', '=', q.year!))
    .$if(!!q.q, (x) => x.where((eb) => eb.or([eb('r.organisation_name', 'ilike', containing(q.q!)), eb('p.title', 'ilike', containing(q.q!))])));
}

export interface OrgClaimRow {
  id: string;
  organisationId: string;
  organisationName: string;
  projectId: string;
  projectTitle: string;
  communityName: string;
  year: number;
  claimedAt: Date;
}

/** 单位认领: the projects workplace organisations claimed, by year (a liaison: its own organisations'). */
export async function listOrgClaims(ctx: Ctx, q: OrgClaimsQuery): Promise<Page<OrgClaimRow>> {
  if (!holdsAnywhere(ctx.actor, 'reportingRead')) throw CommonErrors.FORBIDDEN();
  const orgIds = (await liaisonOrgs(read(ctx), ctx)).map((o) => o.id);
  const path = q.communityId ? (await communityAt(read(ctx), ctx, q.communityId)).path : undefined;
  const items = OrgClaimsSort.orderBy(filtered(ctx, q, orgIds, path), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, orgIds, path)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count) as Promise<Page<OrgClaimRow>>;
}
