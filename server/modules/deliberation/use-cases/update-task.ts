import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../deliberation.db.ts';
import { insertEvent } from '../deliberation.repository.ts';
import { ExecutionErrors } from '../execution.errors.ts';
import { lockTaskAndItem, requireExecuting } from '../execution.repository.ts';
import type { TaskPatch } from '../execution.schemas.ts';
import { actorIdOf, actorName, organisationOf } from './plan-tasks.ts';

/**
 * Changes a task that is not done yet (its title, organisation, person, deadline, budget). A later deadline
 * clears the task's escalation, so missing the new deadline escalates it again.
 */
export async function updateTask(ctx: Ctx, taskId: string, patch: TaskPatch) {
  return write(ctx, async (tx) => {
    const { item, task } = await lockTaskAndItem(tx, ctx.actor, taskId, 'plan');
    requireExecuting(item);
    if (task.done_at) throw ExecutionErrors.TASK_DONE();
    const orgChanged = patch.organisationId !== undefined || patch.organisationName !== undefined;
    const org = orgChanged
      ? await organisationOf(tx, patch.organisationId === undefined ? task.organisation_id : patch.organisationId, patch.organisationName ?? (patch.organisationId === undefined ? task.organisation_name : null))
      : { id: task.organisation_id, name: task.organisation_name };
    const deadline = patch.deadline ?? task.deadline;
    const later = deadline > task.deadline;
    const now = ctx.kernel.clock.now();
    const after = {
      title: patch.title ?? task.title,
      organisation_id: org.id,
      organisation_name: org.name,
      responsible_name: patch.responsibleName ?? task.responsible_name,
      responsible_person_id: patch.responsiblePersonId === undefined ? task.responsible_person_id : patch.responsiblePersonId,
      deadline,
      budget_fen: patch.budgetFen ?? Number(task.budget_fen),
    };
    await tx
      .updateTable('dlb_tasks')
      .set({ ...after, ...(later ? { escalated_at: null } : {}), updated_at: now })
      .where('street_id', '=', task.street_id)
      .where('id', '=', task.id)
      .execute();
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => String(after[k] ?? '') !== String(task[k] ?? ''));
    await insertEvent(tx, { streetId: item.street_id, itemId: item.id, at: now, actorId: actorIdOf(ctx), actorName: actorName(ctx), kind: 'task_changed', note: after.title, detail: { taskId: task.id, no: task.no, changed } });
    await audit(tx, ctx, {
      action: 'deliberation.task.updated',
      placeId: item.place_id,
      subjectType: 'deliberation_task',
      subjectId: task.id,
      before: { title: task.title, organisation: task.organisation_name, deadline: task.deadline, budgetFen: Number(task.budget_fen) },
      after: { title: after.title, organisation: after.organisation_name, deadline: after.deadline, budgetFen: after.budget_fen },
      detail: { changed },
    });
    return { id: task.id, changed };
  });
}
