import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { Executor } from '../party.db.ts';
import { allows } from '../party.policy.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import { ByPlace, readsByPlace } from './reporting-access.ts';

/**
 * Who reads a community's service projects: its staff by place, and a liaison those of the communities where one of
 * its organisations' reports is confirmed (to claim one). `pathRef` is the community's path, `communityRef` its id.
 */
export function projectsFilter(actor: Actor, pathRef: string, communityRef: string, orgIds: readonly string[]): Expression<SqlBool> {
  const byPlace = ByPlace.placeFilter(actor, 'reportingReadByPlace', '', pathRef);
  if (orgIds.length === 0) return byPlace;
  return sql<SqlBool>`(${byPlace} or ${sql.ref(communityRef)} in (select r.community_id from pty_org_reports r where r.organisation_id = any(${[...orgIds]}::uuid[]) and r.status = 'confirmed'))`;
}

export interface ProjectRow {
  street_id: string;
  id: string;
  community_id: string;
  place_id: string;
  title: string;
  description: string;
  status: 'open' | 'closed';
  communityName: string;
  communityPath: string;
}

/** A project the actor manages (reportingManage at its community): 404 when it does not read it, 403 when it reads but may not manage. */
export async function managedProject(db: Executor, ctx: Ctx, id: string, lock = false): Promise<ProjectRow> {
  const row = await db
    .selectFrom('pty_projects as p')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.id', '=', 'p.community_id'))
    .select(['p.street_id', 'p.id', 'p.community_id', 'p.place_id', 'p.title', 'p.description', 'p.status', 'c.name as communityName', 'c.path as communityPath'])
    .where('p.id', '=', id)
    .$if(lock, (q) => q.forUpdate('p'))
    .executeTakeFirst();
  if (!row || !(readsByPlace(ctx.actor, row.communityPath) || allows(ctx.actor, 'reportingManage', row.communityPath))) throw ReportingErrors.PROJECT_NOT_FOUND();
  if (!allows(ctx.actor, 'reportingManage', row.communityPath)) throw CommonErrors.FORBIDDEN();
  return row;
}

/** The place of a project: the community itself or a compound under it (400 otherwise). */
export async function projectPlace(db: Executor, community: { street_id: string; id: string; path: string }, placeId: string | undefined) {
  if (!placeId || placeId === community.id) return { id: community.id };
  const place = await db.selectFrom('street_places').select(['id', 'kind', 'path']).where('street_id', '=', community.street_id).where('id', '=', placeId).executeTakeFirst();
  if (!place || place.kind !== 'compound' || !place.path.startsWith(community.path)) throw ReportingErrors.PLACE_OUTSIDE_COMMUNITY();
  return { id: place.id };
}
