import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { VolActivitiesErrors } from '../volunteers.activities.errors.ts';
import type { Executor } from '../volunteers.db.ts';
import { allows, holdsAnywhere } from '../volunteers.policy.ts';
import type { VolActivityStatus } from '../volunteers.tables.ts';

export interface ActivityRow {
  id: string;
  streetId: string;
  placeId: string;
  placePath: string;
  placeName: string;
  title: string;
  description: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  signedUp: number;
  pointsPerHour: number;
  skills: string[];
  status: VolActivityStatus;
  cancelReason: string | null;
}

/** Activities with their place (the caller filters and checks). The code secret is never selected here. */
export function activityRows(db: Executor) {
  return db
    .selectFrom('vol_activities as a')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'a.street_id').onRef('p.id', '=', 'a.place_id'))
    .select([
      'a.id',
      'a.street_id as streetId',
      'a.place_id as placeId',
      'p.path as placePath',
      'p.name as placeName',
      'a.title',
      'a.description',
      'a.venue',
      'a.starts_at as startsAt',
      'a.ends_at as endsAt',
      'a.capacity',
      'a.signed_up as signedUp',
      'a.points_per_hour as pointsPerHour',
      'a.skills',
      'a.status',
      'a.cancel_reason as cancelReason',
    ]);
}

export type ActivityPermission = 'activitiesRead' | 'activitiesManage';

/** Whether the actor may read activities anywhere (reading or managing). */
export const readsActivities = (ctx: Ctx) => holdsAnywhere(ctx.actor, 'activitiesRead') || holdsAnywhere(ctx.actor, 'activitiesManage');

/** An activity the staff actor may read (or manage): 404 when unseen, 403 when readable but not theirs to manage. */
export async function activityFor(db: Executor, ctx: Ctx, id: string, permission: ActivityPermission, forUpdate = false): Promise<ActivityRow> {
  const row = (await activityRows(db)
    .where('a.id', '=', id)
    .$if(forUpdate, (q) => q.forUpdate('a'))
    .executeTakeFirst()) as ActivityRow | undefined;
  if (!row || !(allows(ctx.actor, 'activitiesRead', row.placePath) || allows(ctx.actor, 'activitiesManage', row.placePath))) throw VolActivitiesErrors.ACTIVITY_NOT_FOUND();
  if (permission === 'activitiesManage' && !allows(ctx.actor, 'activitiesManage', row.placePath)) throw CommonErrors.FORBIDDEN();
  return row;
}

/** The minutes a sign-in and sign-out earn: whole minutes between them, capped at the activity's length. */
export function serviceMinutes(a: { startsAt: Date; endsAt: Date }, signedInAt: Date, signedOutAt: Date): number {
  const served = Math.floor((signedOutAt.getTime() - signedInAt.getTime()) / 60_000);
  const length = Math.floor((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);
  return Math.max(0, Math.min(served, length));
}

/** The points minutes earn: ⌊minutes × points per hour / 60⌋. */
export const servicePoints = (minutes: number, pointsPerHour: number) => Math.floor((minutes * pointsPerHour) / 60);

/** Shanghai time as notices and sheets print it: 2026-11-22 09:00. */
export const shanghaiTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
