import { ancestorOfKind, findPlace, holdsAny, isSystem, streetOf } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { organisationsOfKind } from '../../registry/index.ts';
import { PARTY_ROLES } from '../party.constants.ts';
import type { Executor } from '../party.db.ts';
import { ActivitiesErrors } from '../party.activities.errors.ts';
import { allows } from '../party.policy.ts';
import type { ActivityKind } from '../party.tables.ts';

export interface ActivityRow {
  id: string;
  streetId: string;
  branchId: string;
  branchName: string;
  placeId: string;
  placePath: string;
  communityId: string;
  communityName: string;
  kind: ActivityKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  agenda: string;
  includeReported: boolean;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  code: string | null;
  codeExpiresAt: Date | null;
}

/** Activities with the branch's place and community (the caller filters and checks). */
export function activityRows(db: Executor) {
  return db
    .selectFrom('pty_activities as a')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'a.street_id').onRef('p.id', '=', 'a.place_id'))
    .innerJoin('street_places as cm', (j) => j.onRef('cm.street_id', '=', 'a.street_id').onRef('cm.id', '=', 'a.community_id'))
    .select([
      'a.id',
      'a.street_id as streetId',
      'a.branch_id as branchId',
      'a.branch_name as branchName',
      'a.place_id as placeId',
      'p.path as placePath',
      'a.community_id as communityId',
      'cm.name as communityName',
      'a.kind',
      'a.title',
      'a.starts_at as startsAt',
      'a.ends_at as endsAt',
      'a.venue',
      'a.agenda',
      'a.include_reported as includeReported',
      'a.status',
      'a.cancel_reason as cancelReason',
      'a.code',
      'a.code_expires_at as codeExpiresAt',
    ]);
}

/** An activity the actor may read (or manage): 404 when unseen, 403 when readable but not the actor's to manage. */
export async function activityFor(db: Executor, ctx: Ctx, id: string, permission: 'activitiesRead' | 'activitiesManage', forUpdate = false): Promise<ActivityRow> {
  const row = (await activityRows(db)
    .where('a.id', '=', id)
    .$if(forUpdate, (q) => q.forUpdate('a'))
    .executeTakeFirst()) as ActivityRow | undefined;
  if (!row || !(allows(ctx.actor, 'activitiesRead', row.placePath) || allows(ctx.actor, 'activitiesManage', row.placePath))) throw ActivitiesErrors.ACTIVITY_NOT_FOUND();
  if (permission === 'activitiesManage' && !allows(ctx.actor, 'activitiesManage', row.placePath)) throw CommonErrors.FORBIDDEN();
  return row;
}

export const holdsActivities = (ctx: Ctx, permission: 'activitiesRead' | 'activitiesManage') => holdsAny(ctx.actor, PARTY_ROLES[permission]);

export interface BranchOption {
  id: string;
  name: string;
  streetId: string;
  placeId: string;
  placePath: string;
  communityId: string;
  communityName: string;
  /** A community's own organisation (its 党委/党总支): the form's default. */
  isCommunityOrg: boolean;
}

/** The party organisation's community: its place if a community, else the community above it. */
async function communityOfPlace(db: Executor, placeId: string) {
  const place = await findPlace(db, placeId);
  if (!place) return undefined;
  return place.kind === 'community' ? place : ancestorOfKind(db, place, 'community');
}

/**
 * The party organisations of the street the actor may organise activities for: those registered at or under a place
 * where the actor holds activitiesManage, within a community (workplace organisations are not the community's).
 */
export async function branchesFor(db: Executor, ctx: Ctx): Promise<BranchOption[]> {
  const grants = isSystem(ctx.actor) ? [] : ctx.actor.grants.filter((g) => (PARTY_ROLES.activitiesManage as readonly string[]).includes(g.role));
  const out = new Map<string, BranchOption>();
  for (const g of grants) {
    const place = await findPlace(db, g.placeId);
    if (!place?.street_id) continue;
    const orgs = await organisationsOfKind(db, 'party_org', { streetId: streetOf(place), placePath: g.placePath });
    for (const o of orgs) {
      if (o.partyLevel === 'workplace' || out.has(o.id)) continue;
      const community = await communityOfPlace(db, o.placeId);
      if (!community) continue;
      out.set(o.id, { id: o.id, name: o.name, streetId: o.streetId, placeId: o.placeId, placePath: o.placePath, communityId: community.id, communityName: community.name, isCommunityOrg: o.placeId === community.id });
    }
  }
  return [...out.values()];
}

/** One party organisation as an activity's organiser: the actor must manage activities at its place. */
export async function branchFor(db: Executor, ctx: Ctx, branchId: string): Promise<BranchOption> {
  const [o] = await organisationsOfKind(db, 'party_org', { ids: [branchId] });
  if (!o || o.partyLevel === 'workplace' || !(isSystem(ctx.actor) || ctx.actor.grants.some((g) => o.placePath.startsWith(g.placePath) || g.placePath.startsWith(o.placePath)))) {
    throw ActivitiesErrors.BRANCH_NOT_FOUND();
  }
  if (!allows(ctx.actor, 'activitiesManage', o.placePath)) throw CommonErrors.FORBIDDEN();
  const community = await communityOfPlace(db, o.placeId);
  if (!community) throw ActivitiesErrors.BRANCH_NOT_IN_COMMUNITY();
  return { id: o.id, name: o.name, streetId: o.streetId, placeId: o.placeId, placePath: o.placePath, communityId: community.id, communityName: community.name, isCommunityOrg: o.placeId === community.id };
}
