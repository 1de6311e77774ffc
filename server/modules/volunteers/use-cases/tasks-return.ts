import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../volunteers.db.ts';
import { recordEvent, requireStatus, taskFor } from './tasks-access.ts';

/** 退回: staff with tasksManage send a done task back to its grabber with a reason (grabbed again); the grabber is told. Audited. */
export async function returnTask(ctx: Ctx, id: string, reason: string): Promise<{ id: string; status: 'grabbed' }> {
  return write(ctx, async (tx) => {
    const task = await taskFor(tx, ctx, id, 'tasksManage', true);
    const now = ctx.kernel.clock.now();
    requireStatus(task, now, ['done']);
    await tx
      .updateTable('vol_tasks')
      .set({ status: 'grabbed', done_at: null, done_note: null, return_reason: reason, updated_at: now })
      .where('street_id', '=', task.streetId)
      .where('id', '=', id)
      .where('status', '=', 'done')
      .execute();
    await recordEvent(tx, ctx, task, 'returned', reason);
    await notify(tx, ctx, { template: 'volunteers.tasks.returned', placeId: task.placeId, to: { persons: [task.grabbedPersonId!] }, data: { title: task.title, reason }, subject: { type: 'vol_task', id } });
    await audit(tx, ctx, { action: 'volunteers.tasks.returned', placeId: task.placeId, subjectType: 'vol_task', subjectId: id, detail: { reason } });
    return { id, status: 'grabbed' as const };
  });
}
