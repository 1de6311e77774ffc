import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../deliberation.db.ts';
import { insertEvent } from '../deliberation.repository.ts';
import { ExecutionErrors } from '../execution.errors.ts';
import { lockTaskAndItem, refreshRollUp, requireExecuting } from '../execution.repository.ts';
import { actorIdOf, actorName } from './plan-tasks.ts';
import { checkPhotos, storePhotos, type Upload, withPhotos } from './task-photos.ts';

/**
 * Stage 4: a body carrying a task out reports its progress (0–100 %, never below the last report) with a note
 * and photos. 100 % marks the task done; the item's progress is the mean of its tasks', and when the last task
 * is done the item goes to the residents for rating (refreshRollUp).
 */
export async function reportProgress(ctx: Ctx, taskId: string, body: { percent: number; note?: string }, uploads: Upload[] = []) {
  const photos = checkPhotos(uploads);
  return withPhotos(ctx, (written) =>
    write(ctx, async (tx) => {
      const { item, task } = await lockTaskAndItem(tx, ctx.actor, taskId, 'report');
      requireExecuting(item);
      if (task.done_at) throw ExecutionErrors.TASK_DONE();
      if (body.percent < task.progress_percent) throw ExecutionErrors.PROGRESS_BACKWARDS({ last: task.progress_percent });
      const now = ctx.kernel.clock.now();
      const photoIds = await storePhotos(tx, ctx, { streetId: task.street_id, itemId: item.id, taskId: task.id, at: now }, photos, written);
      const id = newId();
      await tx
        .insertInto('dlb_task_updates')
        .values({ street_id: task.street_id, id, task_id: task.id, item_id: item.id, progress_percent: body.percent, note: body.note ?? '', photo_ids: photoIds, by_account: actorIdOf(ctx), by_name: actorName(ctx), at: now })
        .execute();
      const done = body.percent === 100;
      await tx
        .updateTable('dlb_tasks')
        .set({ progress_percent: body.percent, ...(done ? { done_at: now } : {}), updated_at: now })
        .where('street_id', '=', task.street_id)
        .where('id', '=', task.id)
        .execute();
      await insertEvent(tx, {
        streetId: item.street_id,
        itemId: item.id,
        at: now,
        actorId: actorIdOf(ctx),
        actorName: actorName(ctx),
        kind: done ? 'task_done' : 'task_progress',
        note: body.note ?? '',
        detail: { taskId: task.id, no: task.no, percent: body.percent, photos: photoIds.length },
      });
      await audit(tx, ctx, {
        action: 'deliberation.task.progress',
        placeId: item.place_id,
        subjectType: 'deliberation_task',
        subjectId: task.id,
        before: { percent: task.progress_percent },
        after: { percent: body.percent, done, photos: photoIds.length },
      });
      const roll = await refreshRollUp(tx, ctx, item);
      return { id, taskPercent: body.percent, done, itemPercent: roll.percent, evaluating: roll.opened, photoIds };
    }),
  );
}
