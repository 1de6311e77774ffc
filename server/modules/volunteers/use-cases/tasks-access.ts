import { sql } from 'kysely';
import { holdsAny, isSystem } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { VOLUNTEERS_ROLES } from '../volunteers.constants.ts';
import type { Executor, Tx } from '../volunteers.db.ts';
import { allows } from '../volunteers.policy.ts';
import { TasksErrors } from '../volunteers.tasks.errors.ts';
import type { TaskEventKind, TaskStatus } from '../volunteers.tables.ts';
import type { TASK_STATUSES } from '../volunteers.tasks.constants.ts';

export type ShownStatus = (typeof TASK_STATUSES)[number];

export interface TaskRow {
  id: string;
  streetId: string;
  placeId: string;
  placePath: string;
  placeName: string;
  placeKind: string;
  title: string;
  description: string;
  target: string;
  points: number;
  minutes: number;
  deadline: Date;
  status: TaskStatus;
  grabbedPersonId: string | null;
  grabbedName: string | null;
  grabbedAt: Date | null;
  doneAt: Date | null;
  doneNote: string | null;
  confirmedAt: Date | null;
  returnReason: string | null;
  cancelReason: string | null;
  createdByName: string;
  createdAt: Date;
}

/** Tasks with their place (the caller filters and checks). */
export function taskRows(db: Executor) {
  return db
    .selectFrom('vol_tasks as t')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 't.street_id').onRef('p.id', '=', 't.place_id'))
    .select([
      't.id',
      't.street_id as streetId',
      't.place_id as placeId',
      'p.path as placePath',
      'p.name as placeName',
      'p.kind as placeKind',
      't.title',
      't.description',
      't.target',
      't.points',
      't.minutes',
      't.deadline',
      't.status',
      't.grabbed_person_id as grabbedPersonId',
      't.grabbed_name as grabbedName',
      't.grabbed_at as grabbedAt',
      't.done_at as doneAt',
      't.done_note as doneNote',
      't.confirmed_at as confirmedAt',
      't.return_reason as returnReason',
      't.cancel_reason as cancelReason',
      't.created_by_name as createdByName',
      't.created_at as createdAt',
    ]);
}

/** The status a person sees: an open task whose deadline has come is `expired` (at the deadline instant already). */
export const shownStatus = (t: { status: TaskStatus; deadline: Date }, now: Date): ShownStatus => (t.status === 'open' && t.deadline <= now ? 'expired' : t.status);

const mayRead = (ctx: Ctx, path: string) => allows(ctx.actor, 'tasksRead', path) || allows(ctx.actor, 'tasksManage', path);
export const holdsTasks = (ctx: Ctx) => holdsAny(ctx.actor, [...VOLUNTEERS_ROLES.tasksRead, ...VOLUNTEERS_ROLES.tasksManage]);

/** A task staff may read (or manage): 404 when outside their places, 403 when readable but not theirs to manage. */
export async function taskFor(db: Executor, ctx: Ctx, id: string, permission: 'tasksRead' | 'tasksManage', forUpdate = false): Promise<TaskRow> {
  const row = (await taskRows(db)
    .where('t.id', '=', id)
    .$if(forUpdate, (q) => q.forUpdate('t'))
    .executeTakeFirst()) as TaskRow | undefined;
  if (!row || !mayRead(ctx, row.placePath)) throw TasksErrors.TASK_NOT_FOUND();
  if (permission === 'tasksManage' && !allows(ctx.actor, 'tasksManage', row.placePath)) throw CommonErrors.FORBIDDEN();
  return row;
}

/** The volunteer's own task (grabbed by the acting person), locked for the change: 404 unknown, 403 someone else's. */
export async function ownTask(tx: Tx, ctx: Ctx, id: string): Promise<TaskRow> {
  const row = (await taskRows(tx).where('t.id', '=', id).forUpdate('t').executeTakeFirst()) as TaskRow | undefined;
  if (!row) throw TasksErrors.TASK_NOT_FOUND();
  if (!ctx.actor.personId || row.grabbedPersonId !== ctx.actor.personId) throw TasksErrors.TASK_NOT_YOURS();
  return row;
}

/** One line of the task's timeline, in the transaction of the change it records. */
export async function recordEvent(tx: Tx, ctx: Ctx, task: { streetId: string; id: string }, kind: TaskEventKind, note: string | null = null): Promise<void> {
  await tx
    .insertInto('vol_task_events')
    .values({ street_id: task.streetId, id: newId(), task_id: task.id, kind, actor_name: isSystem(ctx.actor) && !ctx.actor.personId ? '系统' : ctx.actor.name, note, at: ctx.kernel.clock.now() })
    .execute();
}

/** Refuses a change the task's status does not allow (named as the person sees it). */
export function requireStatus(task: TaskRow, now: Date, allowed: readonly ShownStatus[]): void {
  if (!allowed.includes(shownStatus(task, now))) throw TasksErrors.TASK_STATE();
}

/** The place paths of the approved volunteers to tell of a task at `placePath`: registered under it, or above it. */
export function volunteersAround(db: Executor, streetId: string, placePath: string) {
  return db
    .selectFrom('vol_volunteers as v')
    .innerJoin('street_places as vp', (j) => j.onRef('vp.street_id', '=', 'v.street_id').onRef('vp.id', '=', 'v.place_id'))
    .select('v.person_id')
    .where('v.street_id', '=', streetId)
    .where('v.status', '=', 'approved')
    .where((eb) => eb.or([sql<boolean>`starts_with(vp.path, ${placePath})`, sql<boolean>`starts_with(${placePath}, vp.path)`]));
}
