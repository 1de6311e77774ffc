import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../volunteers.db.ts';
import type { VolunteerStatus } from '../volunteers.tables.ts';
import { photoIdsOf } from './photos.ts';
import { compoundsOfResident } from './resident-compounds.ts';
import { type ShownStatus, shownStatus, type TaskRow, taskRows } from './tasks-access.ts';
import { volunteersOfPerson } from './volunteer-of-person.ts';

/** A task as a volunteer sees it on the phone (the grabber's name is not shown to others). */
export interface MyTaskRow {
  id: string;
  title: string;
  description: string;
  target: string;
  placeName: string;
  points: number;
  minutes: number;
  deadline: Date;
  status: ShownStatus;
  grabbedAt: Date | null;
  doneAt: Date | null;
  doneNote: string | null;
  returnReason: string | null;
  cancelReason: string | null;
  photos: string[];
}
export interface MyTasks {
  /** The person's volunteer registration in the street of their home (null: not registered). */
  volunteer: { status: VolunteerStatus } | null;
  /** Open tasks (deadline still ahead) at my compounds and the communities above them, soonest deadline first. */
  open: MyTaskRow[];
  /** Tasks I took: in progress and waiting first, then the last 20 confirmed. */
  mine: MyTaskRow[];
}

const OPEN_LIMIT = 50;

const present = (r: TaskRow, now: Date, photos: string[] = []): MyTaskRow => ({
  id: r.id,
  title: r.title,
  description: r.description,
  target: r.target,
  placeName: r.placeName,
  points: r.points,
  minutes: r.minutes,
  deadline: r.deadline,
  status: shownStatus(r, now),
  grabbedAt: r.grabbedAt,
  doneAt: r.doneAt,
  doneNote: r.doneNote,
  returnReason: r.returnReason,
  cancelReason: r.cancelReason,
  photos,
});

/**
 * The H5's 任务抢单: open tasks of the resident's compounds (and the communities and grids above them, and the place
 * they registered as a volunteer at) with points and deadline; and the tasks they took, with status.
 */
export async function myTasks(ctx: Ctx): Promise<MyTasks> {
  const personId = ctx.actor.personId;
  if (!personId) return { volunteer: null, open: [], mine: [] };
  const db = read(ctx);
  const now = ctx.kernel.clock.now();
  const [compounds, registrations] = await Promise.all([compoundsOfResident(db, ctx), volunteersOfPerson(db, personId)]);
  const registered = registrations.length
    ? await db
        .selectFrom('street_places')
        .select('path')
        .where('id', 'in', registrations.map((r) => r.placeId))
        .execute()
    : [];
  const paths = [...new Set([...compounds.map((c) => c.compoundPath), ...registered.map((r) => r.path)])];
  const streetOfHome = compounds[0]?.streetId;
  const volunteer = registrations.find((r) => r.streetId === streetOfHome) ?? registrations[0];
  const open = paths.length
    ? ((await taskRows(db)
        .where('t.status', '=', 'open')
        .where('t.deadline', '>', now)
        .where((eb) => eb.or(paths.map((path) => sql<boolean>`starts_with(${path}, p.path)`)))
        .orderBy('t.deadline')
        .orderBy('t.id')
        .limit(OPEN_LIMIT)
        .execute()) as TaskRow[])
    : [];
  const taken = (await taskRows(db)
    .where('t.grabbed_person_id', '=', personId)
    .orderBy(sql`case t.status when 'grabbed' then 0 when 'done' then 1 else 2 end`)
    .orderBy('t.grabbed_at', 'desc')
    .orderBy('t.id')
    .limit(40)
    .execute()) as TaskRow[];
  const photosByStreet = new Map<string, Map<string, string[]>>();
  for (const streetId of new Set(taken.map((t) => t.streetId))) {
    photosByStreet.set(streetId, await photoIdsOf(db, streetId, 'task', taken.filter((t) => t.streetId === streetId).map((t) => t.id)));
  }
  return {
    volunteer: volunteer ? { status: volunteer.status } : null,
    open: open.map((r) => present(r, now)),
    mine: taken.map((r) => present(r, now, photosByStreet.get(r.streetId)?.get(r.id) ?? [])),
  };
}

/** The resident home's 我抢到的任务: the tasks I took that are not yet confirmed (nothing when there are none). */
export async function myTasksHome(ctx: Ctx): Promise<{ volunteerTasks?: { mine: MyTaskRow[] } }> {
  const personId = ctx.actor.personId;
  if (!personId) return {};
  const now = ctx.kernel.clock.now();
  const rows = (await taskRows(read(ctx))
    .where('t.grabbed_person_id', '=', personId)
    .where('t.status', 'in', ['grabbed', 'done'])
    .orderBy('t.grabbed_at', 'desc')
    .orderBy('t.id')
    .limit(5)
    .execute()) as TaskRow[];
  return rows.length ? { volunteerTasks: { mine: rows.map((r) => present(r, now)) } } : {};
}
