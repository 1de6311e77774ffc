import { type Expression, type SqlBool, sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { VolActivitiesErrors } from '../volunteers.activities.errors.ts';
import { read } from '../volunteers.db.ts';
import { type ActivityRow, activityRows } from './activities-access.ts';
import { compoundsOfResident } from './resident-compounds.ts';

/** An activity as a resident sees it: the staff row without its street and path, and my sign-up. */
export interface OpenActivity extends Omit<ActivityRow, 'streetId' | 'placeId' | 'placePath'> {
  /** My sign-up, when I have a live one. */
  mine: { signedInAt: Date | null; signedOutAt: Date | null; minutes: number | null; points: number | null; confirmedAt: Date | null } | null;
}

/** My compounds' paths: an activity of my compound or of the community above it is mine to see. */
async function myPaths(ctx: Ctx) {
  return (await compoundsOfResident(read(ctx), ctx)).map((c) => c.compoundPath);
}

function withMine(ctx: Ctx) {
  const personId = ctx.actor.personId ?? '00000000-0000-0000-0000-000000000000';
  return activityRows(read(ctx))
    .leftJoin('vol_activity_signups as s', (j) =>
      j.onRef('s.street_id', '=', 'a.street_id').onRef('s.activity_id', '=', 'a.id').on('s.person_id', '=', personId).on('s.status', '=', 'signed_up'),
    )
    .select(['s.id as signupId', 's.signed_in_at as signedInAt', 's.signed_out_at as signedOutAt', 's.minutes', 's.points', 's.confirmed_at as confirmedAt']);
}

type Joined = Awaited<ReturnType<ReturnType<typeof withMine>['execute']>>[number];

const present = (r: Joined): OpenActivity => ({
  id: r.id,
  placeName: r.placeName,
  title: r.title,
  description: r.description,
  venue: r.venue,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  capacity: r.capacity,
  signedUp: r.signedUp,
  pointsPerHour: r.pointsPerHour,
  skills: r.skills,
  status: r.status,
  cancelReason: r.cancelReason,
  mine: r.signupId ? { signedInAt: r.signedInAt, signedOutAt: r.signedOutAt, minutes: r.minutes, points: r.points, confirmedAt: r.confirmedAt } : null,
});

const inMyPlaces = (paths: string[]): Expression<SqlBool> =>
  paths.length ? sql<SqlBool>`p.path = any(select left(x, length(p.path)) from unnest(${paths}::text[]) as x)` : sql<SqlBool>`false`;

/** The published activities of my compounds and their communities that have not ended, soonest first, with my sign-up. */
export async function openActivities(ctx: Ctx): Promise<OpenActivity[]> {
  const paths = await myPaths(ctx);
  const rows = await withMine(ctx)
    .where(inMyPlaces(paths))
    .where('a.status', '=', 'published')
    .where('a.ends_at', '>', ctx.kernel.clock.now())
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .limit(100)
    .execute();
  return rows.map(present);
}

/** One activity for a resident: of my compound or community, or one I signed up for; else ACTIVITY_NOT_FOUND. */
export async function residentActivity(ctx: Ctx, id: string): Promise<OpenActivity> {
  const paths = await myPaths(ctx);
  const row = await withMine(ctx).where('a.id', '=', id).executeTakeFirst();
  if (!row || !(row.signupId || paths.some((p) => p.startsWith(row.placePath)))) throw VolActivitiesErrors.ACTIVITY_NOT_FOUND();
  return present(row);
}

/** The activities I signed up for (live sign-ups), newest first, with my attendance, minutes and points. */
export async function myActivities(ctx: Ctx): Promise<{ items: OpenActivity[]; confirmedMinutes: number; confirmedPoints: number }> {
  if (!ctx.actor.personId) return { items: [], confirmedMinutes: 0, confirmedPoints: 0 };
  const rows = await withMine(ctx).where('s.id', 'is not', null).orderBy('a.starts_at', 'desc').orderBy('a.id').limit(200).execute();
  const items = rows.map(present);
  const confirmed = items.filter((i) => i.mine?.confirmedAt);
  return { items, confirmedMinutes: confirmed.reduce((n, i) => n + (i.mine!.minutes ?? 0), 0), confirmedPoints: confirmed.reduce((n, i) => n + (i.mine!.points ?? 0), 0) };
}

/** The home section: my published activities today or tomorrow (Shanghai days); empty otherwise. */
export async function myActivitiesSoon(ctx: Ctx): Promise<OpenActivity[]> {
  if (!ctx.actor.personId) return [];
  const now = ctx.kernel.clock.now();
  const today = chinaDay(now);
  const from = new Date(`${today}T00:00:00+08:00`);
  const to = new Date(from.getTime() + 2 * 86_400_000);
  const rows = await withMine(ctx)
    .where('s.id', 'is not', null)
    .where('a.status', '=', 'published')
    .where('a.starts_at', '<', to)
    .where('a.ends_at', '>=', from)
    .where('a.ends_at', '>', now)
    .orderBy('a.starts_at')
    .limit(5)
    .execute();
  return rows.map(present);
}
