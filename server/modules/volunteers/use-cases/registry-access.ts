import { ancestorOfKind, findPlace, type PlaceRow } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { Executor } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { allows, holdsAnywhere } from '../volunteers.policy.ts';
import { RegistryErrors } from '../volunteers.registry.errors.ts';
import type { VolunteerStatus } from '../volunteers.tables.ts';

export type RegistryPermission = 'volunteersRead' | 'volunteersManage';

/** Whether the actor sees the registry anywhere (read or manage). */
export const seesRegistry = (ctx: Ctx) => holdsAnywhere(ctx.actor, 'volunteersRead') || holdsAnywhere(ctx.actor, 'volunteersManage');
/** Whether the actor may read or manage records at a place. */
export const seesAt = (ctx: Ctx, path: string) => allows(ctx.actor, 'volunteersRead', path) || allows(ctx.actor, 'volunteersManage', path);

/** The path of a list's place filter, when one is given: 404 when the actor does not see it. */
export async function underPath(db: Executor, ctx: Ctx, placeId: string | undefined): Promise<string | undefined> {
  if (!placeId) return undefined;
  const place = await findPlace(db, placeId);
  if (!place || !seesAt(ctx, place.path)) throw VolunteersErrors.PLACE_NOT_FOUND();
  return place.path;
}

export interface VolunteerRecord {
  id: string;
  streetId: string;
  personId: string;
  personName: string;
  placeId: string;
  placePath: string;
  placeName: string;
  status: VolunteerStatus;
  skills: string[];
}

/** A volunteer the actor may read (404 otherwise); 403 when readable but the permission asked is not held there. */
export async function volunteerFor(db: Executor, ctx: Ctx, id: string, permission: RegistryPermission, forUpdate = false): Promise<VolunteerRecord> {
  const row = await db
    .selectFrom('vol_volunteers as v')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'v.street_id').onRef('p.id', '=', 'v.place_id'))
    .select(['v.id', 'v.street_id as streetId', 'v.person_id as personId', 'v.person_name as personName', 'v.place_id as placeId', 'p.path as placePath', 'p.name as placeName', 'v.status', 'v.skills'])
    .where('v.id', '=', id)
    .$if(forUpdate, (q) => q.forUpdate('v'))
    .executeTakeFirst();
  if (!row || !seesAt(ctx, row.placePath)) throw RegistryErrors.VOLUNTEER_NOT_FOUND();
  if (!allows(ctx.actor, permission, row.placePath)) throw CommonErrors.FORBIDDEN();
  return row;
}

/** A place for a team or a reward: a community or a compound the actor manages (404 unseen, 403 read-only, 400 other kinds). */
export async function managedPlace(db: Executor, ctx: Ctx, placeId: string): Promise<PlaceRow & { street_id: string }> {
  const place = await findPlace(db, placeId);
  if (!place || !place.street_id || !seesAt(ctx, place.path)) throw VolunteersErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'community' && place.kind !== 'compound') throw RegistryErrors.TEAM_PLACE_KIND();
  if (!allows(ctx.actor, 'volunteersManage', place.path)) throw CommonErrors.FORBIDDEN();
  return place as PlaceRow & { street_id: string };
}

/** The community a place belongs to (itself when a community); a compound hung under a street answers itself. */
export async function communityOf(db: Executor, place: PlaceRow): Promise<PlaceRow> {
  if (place.kind === 'community') return place;
  return (await ancestorOfKind(db, place, 'community')) ?? place;
}
