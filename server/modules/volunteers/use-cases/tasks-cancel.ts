import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../volunteers.db.ts';
import { recordEvent, requireStatus, taskFor } from './tasks-access.ts';

/**
 * 取消任务: staff with tasksManage cancel a task not yet done (open, expired or grabbed) with a reason; a grabber is
 * told. A done or confirmed task stays (the work was done). Audited.
 */
export async function cancelTask(ctx: Ctx, id: string, reason: string): Promise<{ id: string; status: 'cancelled' }> {
  return write(ctx, async (tx) => {
    const task = await taskFor(tx, ctx, id, 'tasksManage', true);
    const now = ctx.kernel.clock.now();
    requireStatus(task, now, ['open', 'expired', 'grabbed']);
    await tx
      .updateTable('vol_tasks')
      .set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason, grabbed_person_id: null, grabbed_name: null, grabbed_account_id: null, grabbed_at: null, updated_at: now })
      .where('street_id', '=', task.streetId)
      .where('id', '=', id)
      .where('status', 'in', ['open', 'grabbed'])
      .execute();
    await recordEvent(tx, ctx, task, 'cancelled', reason);
    if (task.grabbedPersonId) {
      await notify(tx, ctx, { template: 'volunteers.tasks.cancelled', placeId: task.placeId, to: { persons: [task.grabbedPersonId] }, data: { title: task.title, reason }, subject: { type: 'vol_task', id } });
    }
    await audit(tx, ctx, { action: 'volunteers.tasks.cancelled', placeId: task.placeId, subjectType: 'vol_task', subjectId: id, detail: { reason, grabbed: task.grabbedName } });
    return { id, status: 'cancelled' as const };
  });
}
