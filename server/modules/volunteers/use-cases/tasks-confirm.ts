import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../volunteers.db.ts';
import { TasksErrors } from '../volunteers.tasks.errors.ts';
import { creditService } from './points-ledger.ts';
import { recordEvent, requireStatus, taskFor } from './tasks-access.ts';

/**
 * 确认完成: staff with tasksManage over the task's place confirm a done task; the grabber is credited its points and
 * service minutes once (creditService, source `task`: a second confirm is refused, and the ledger's unique source
 * holds even against a racing one) and told. Audited.
 */
export async function confirmTask(ctx: Ctx, id: string): Promise<{ id: string; status: 'confirmed'; balance: number }> {
  return write(ctx, async (tx) => {
    const task = await taskFor(tx, ctx, id, 'tasksManage', true);
    const now = ctx.kernel.clock.now();
    requireStatus(task, now, ['done']);
    const updated = await tx
      .updateTable('vol_tasks')
      .set({ status: 'confirmed', confirmed_at: now, confirmed_by: ctx.actor.accountId, updated_at: now })
      .where('street_id', '=', task.streetId)
      .where('id', '=', id)
      .where('status', '=', 'done')
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw TasksErrors.TASK_STATE();
    const balance = await creditService(tx, ctx, {
      streetId: task.streetId,
      personId: task.grabbedPersonId!,
      placeId: task.placeId,
      minutes: task.minutes,
      points: task.points,
      source: { kind: 'task', id },
      note: task.title.slice(0, 200),
    });
    await recordEvent(tx, ctx, task, 'confirmed');
    await notify(tx, ctx, {
      template: 'volunteers.tasks.confirmed',
      placeId: task.placeId,
      to: { persons: [task.grabbedPersonId!] },
      data: { title: task.title, points: task.points, minutes: task.minutes },
      subject: { type: 'vol_task', id },
    });
    await audit(tx, ctx, { action: 'volunteers.tasks.confirmed', placeId: task.placeId, subjectType: 'vol_task', subjectId: id, detail: { points: task.points, minutes: task.minutes, volunteer: task.grabbedName } });
    return { id, status: 'confirmed' as const, balance };
  });
}
