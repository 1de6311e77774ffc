import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../deliberation.db.ts';
import { insertEvent } from '../deliberation.repository.ts';
import { ExecutionErrors } from '../execution.errors.ts';
import { lockTaskAndItem, refreshRollUp, requireExecuting } from '../execution.repository.ts';
import type { ReopenTaskBody } from '../execution.schemas.ts';
import { actorIdOf, actorName } from './plan-tasks.ts';

/**
 * After the residents' verdict reopened an item, officials reopen a done task that was not done well: it is open
 * again at the percentage they set, with their reason as its progress report (the record keeps the earlier 100 %).
 */
export async function reopenTask(ctx: Ctx, taskId: string, body: ReopenTaskBody) {
  return write(ctx, async (tx) => {
    const { item, task } = await lockTaskAndItem(tx, ctx.actor, taskId, 'plan');
    requireExecuting(item);
    if (!task.done_at) throw ExecutionErrors.TASK_NOT_DONE();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('dlb_task_updates')
      .values({ street_id: task.street_id, id: newId(), task_id: task.id, item_id: item.id, progress_percent: body.percent, note: body.note, photo_ids: [], by_account: actorIdOf(ctx), by_name: actorName(ctx), at: now })
      .execute();
    await tx.updateTable('dlb_tasks').set({ progress_percent: body.percent, done_at: null, escalated_at: null, updated_at: now }).where('street_id', '=', task.street_id).where('id', '=', task.id).execute();
    await insertEvent(tx, { streetId: item.street_id, itemId: item.id, at: now, actorId: actorIdOf(ctx), actorName: actorName(ctx), kind: 'task_reopened', note: body.note, detail: { taskId: task.id, no: task.no, percent: body.percent } });
    await audit(tx, ctx, { action: 'deliberation.task.reopened', placeId: item.place_id, subjectType: 'deliberation_task', subjectId: task.id, before: { percent: task.progress_percent }, after: { percent: body.percent } });
    await refreshRollUp(tx, ctx, item);
    return { id: task.id, percent: body.percent };
  });
}
