import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../deliberation.db.ts';
import { insertEvent } from '../deliberation.repository.ts';
import { ExecutionErrors } from '../execution.errors.ts';
import { lockTaskAndItem, refreshRollUp, requireExecuting } from '../execution.repository.ts';
import { actorIdOf, actorName } from './plan-tasks.ts';

/**
 * Removes a task that is not done (entered by mistake, or no longer needed), with its progress reports; the
 * item's timeline keeps that it existed. The item's progress is rolled up again — and if the tasks left are
 * all done, the item goes to the residents.
 */
export async function removeTask(ctx: Ctx, taskId: string) {
  return write(ctx, async (tx) => {
    const { item, task } = await lockTaskAndItem(tx, ctx.actor, taskId, 'plan');
    requireExecuting(item);
    if (task.done_at) throw ExecutionErrors.TASK_DONE();
    const now = ctx.kernel.clock.now();
    const photos = await tx.selectFrom('dlb_task_photos').select('id').where('street_id', '=', task.street_id).where('task_id', '=', task.id).execute();
    await tx.deleteFrom('dlb_task_photos').where('street_id', '=', task.street_id).where('task_id', '=', task.id).execute();
    await tx.deleteFrom('dlb_task_updates').where('street_id', '=', task.street_id).where('task_id', '=', task.id).execute();
    await tx.deleteFrom('dlb_tasks').where('street_id', '=', task.street_id).where('id', '=', task.id).execute();
    await insertEvent(tx, { streetId: item.street_id, itemId: item.id, at: now, actorId: actorIdOf(ctx), actorName: actorName(ctx), kind: 'task_removed', note: task.title, detail: { taskId: task.id, no: task.no } });
    await audit(tx, ctx, {
      action: 'deliberation.task.removed',
      placeId: item.place_id,
      subjectType: 'deliberation_task',
      subjectId: task.id,
      before: { title: task.title, organisation: task.organisation_name, deadline: task.deadline, progress: task.progress_percent, photos: photos.length },
    });
    const { opened } = await refreshRollUp(tx, ctx, item);
    return { removed: true, evaluating: opened };
  });
}
