import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../volunteers.db.ts';
import { allows } from '../volunteers.policy.ts';
import type { TaskEventKind } from '../volunteers.tables.ts';
import { photoIdsOf } from './photos.ts';
import { type ShownStatus, shownStatus, type TaskRow, taskFor } from './tasks-access.ts';

export interface TaskEvent {
  kind: TaskEventKind;
  actorName: string;
  note: string | null;
  at: Date;
}
export interface TaskView extends Omit<TaskRow, 'placePath' | 'streetId' | 'grabbedPersonId' | 'status'> {
  status: ShownStatus;
  canManage: boolean;
  /** The photos of the finished work (/api/volunteers/photos/:id). */
  photos: string[];
  timeline: TaskEvent[];
}

/** A task for staff: its details, who took it, the photos of the work and its timeline (who did what, when). */
export async function getTask(ctx: Ctx, id: string): Promise<TaskView> {
  const db = read(ctx);
  const row = await taskFor(db, ctx, id, 'tasksRead');
  const { placePath, streetId, grabbedPersonId: _p, status: _s, ...t } = row;
  const timeline = await db
    .selectFrom('vol_task_events')
    .select(['kind', 'actor_name as actorName', 'note', 'at'])
    .where('street_id', '=', streetId)
    .where('task_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const photos = (await photoIdsOf(db, streetId, 'task', [id])).get(id) ?? [];
  return { ...t, status: shownStatus(row, ctx.kernel.clock.now()), canManage: allows(ctx.actor, 'tasksManage', placePath), photos, timeline };
}
