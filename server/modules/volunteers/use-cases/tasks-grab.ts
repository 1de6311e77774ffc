import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../volunteers.db.ts';
import { TasksErrors } from '../volunteers.tasks.errors.ts';
import { recordEvent } from './tasks-access.ts';
import { approvedVolunteer } from './volunteer-of-person.ts';

/**
 * 抢单: an approved volunteer of the task's street takes an open task before its deadline. First come, exactly one
 * winner, decided by ONE conditional update in the database (`… where status = 'open' and deadline > now`): however
 * many processes run it at once, PostgreSQL lets one row version match; every other grab finds the task taken and is
 * refused with TASK_ALREADY_TAKEN (or TASK_EXPIRED at or after the deadline instant, TASK_CANCELLED), writing nothing.
 * The winner's grab is audited and put on the timeline.
 */
export async function grabTask(ctx: Ctx, id: string): Promise<{ id: string; status: 'grabbed'; grabbedAt: Date }> {
  return write(ctx, async (tx) => {
    const task = await tx.selectFrom('vol_tasks').select(['street_id', 'place_id']).where('id', '=', id).executeTakeFirst();
    if (!task) throw TasksErrors.TASK_NOT_FOUND();
    const volunteer = await approvedVolunteer(tx, ctx, task.street_id);
    const now = ctx.kernel.clock.now();
    const won = await tx
      .updateTable('vol_tasks')
      .set({ status: 'grabbed', grabbed_person_id: volunteer.personId, grabbed_name: volunteer.personName, grabbed_account_id: isSystem(ctx.actor) ? null : ctx.actor.accountId, grabbed_at: now, return_reason: null, updated_at: now })
      .where('street_id', '=', task.street_id)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('deadline', '>', now)
      .returning(['title'])
      .executeTakeFirst();
    if (!won) {
      const current = await tx.selectFrom('vol_tasks').select(['status']).where('street_id', '=', task.street_id).where('id', '=', id).executeTakeFirstOrThrow();
      if (current.status === 'cancelled') throw TasksErrors.TASK_CANCELLED();
      if (current.status === 'open') throw TasksErrors.TASK_EXPIRED();
      throw TasksErrors.TASK_ALREADY_TAKEN();
    }
    await recordEvent(tx, ctx, { streetId: task.street_id, id }, 'grabbed');
    await audit(tx, ctx, { action: 'volunteers.tasks.grabbed', placeId: task.place_id, subjectType: 'vol_task', subjectId: id, detail: { title: won.title, volunteerId: volunteer.id } });
    return { id, status: 'grabbed' as const, grabbedAt: now };
  });
}
