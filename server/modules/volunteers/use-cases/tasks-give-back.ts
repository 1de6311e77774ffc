import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../volunteers.db.ts';
import { ownTask, recordEvent, requireStatus } from './tasks-access.ts';

/** The grabber gives a task back before finishing it: open again for others (expired if its deadline has passed). Audited. */
export async function giveBackTask(ctx: Ctx, id: string): Promise<{ id: string; status: 'open' }> {
  return write(ctx, async (tx) => {
    const task = await ownTask(tx, ctx, id);
    const now = ctx.kernel.clock.now();
    requireStatus(task, now, ['grabbed']);
    await tx
      .updateTable('vol_tasks')
      .set({ status: 'open', grabbed_person_id: null, grabbed_name: null, grabbed_account_id: null, grabbed_at: null, return_reason: null, updated_at: now })
      .where('street_id', '=', task.streetId)
      .where('id', '=', id)
      .where('status', '=', 'grabbed')
      .execute();
    await recordEvent(tx, ctx, task, 'given_back');
    await audit(tx, ctx, { action: 'volunteers.tasks.given_back', placeId: task.placeId, subjectType: 'vol_task', subjectId: id, detail: { title: task.title } });
    return { id, status: 'open' as const };
  });
}
