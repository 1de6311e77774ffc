import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { organisationNames } from '../../registry/index.ts';
import { type Executor, write } from '../deliberation.db.ts';
import { insertEvent, lockItem } from '../deliberation.repository.ts';
import { ExecutionErrors } from '../execution.errors.ts';
import { checkItem, refreshRollUp, requireExecuting } from '../execution.repository.ts';
import type { TaskBody } from '../execution.schemas.ts';
import { isSystem } from '../../../kernel/access/index.ts';

/** The responsible organisation's name: the registry's for its id (which must exist), else the free text given. */
export async function organisationOf(db: Executor, id: string | null | undefined, name: string | null | undefined): Promise<{ id: string | null; name: string }> {
  if (id) {
    const found = (await organisationNames(db, [id])).get(id);
    if (!found) throw ExecutionErrors.ORGANISATION_NOT_FOUND();
    return { id, name: found };
  }
  if (!name) throw ExecutionErrors.ORGANISATION_REQUIRED();
  return { id: null, name };
}

export const actorName = (ctx: Ctx) => (isSystem(ctx.actor) ? '系统' : ctx.actor.name);
/** The account behind a step, or none for the system (jobs, the demo seed). */
export const actorIdOf = (ctx: Ctx) => (isSystem(ctx.actor) ? null : ctx.actor.accountId);

/**
 * Stage 4 (执行决策): one task of the decision — what, by which organisation and person, by when, at what
 * budget. Only while the item is executing (after a reopen too: officials add tasks for what the residents found
 * wanting); the item's progress is rolled up again, since a new task starts at 0 %.
 */
export async function planTask(ctx: Ctx, itemId: string, body: TaskBody) {
  return write(ctx, async (tx) => {
    const item = checkItem(ctx.actor, await lockItem(tx, itemId), 'plan');
    requireExecuting(item);
    const org = await organisationOf(tx, body.organisationId, body.organisationName);
    const now = ctx.kernel.clock.now();
    const last = await tx.selectFrom('dlb_tasks').select((eb) => eb.fn.max('no').as('no')).where('street_id', '=', item.street_id).where('item_id', '=', item.id).executeTakeFirst();
    const no = Number(last?.no ?? 0) + 1;
    const id = newId();
    await tx
      .insertInto('dlb_tasks')
      .values({
        street_id: item.street_id,
        id,
        item_id: item.id,
        no,
        title: body.title,
        organisation_id: org.id,
        organisation_name: org.name,
        responsible_person_id: body.responsiblePersonId ?? null,
        responsible_name: body.responsibleName,
        deadline: body.deadline,
        budget_fen: body.budgetFen,
        done_at: null,
        escalated_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await insertEvent(tx, { streetId: item.street_id, itemId: item.id, at: now, actorId: actorIdOf(ctx), actorName: actorName(ctx), kind: 'task_planned', note: body.title, detail: { taskId: id, no, deadline: body.deadline } });
    await audit(tx, ctx, {
      action: 'deliberation.task.planned',
      placeId: item.place_id,
      subjectType: 'deliberation_task',
      subjectId: id,
      after: { itemId: item.id, no, title: body.title, organisation: org.name, deadline: body.deadline, budgetFen: body.budgetFen },
    });
    await refreshRollUp(tx, ctx, item);
    return { id, no };
  });
}
