import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { type Ctx, type Kernel, audit } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { DELIBERATION_ROLES } from '../deliberation.constants.ts';
import { read, write } from '../deliberation.db.ts';
import { insertEvent, lockItem } from '../deliberation.repository.ts';
import { todayOf } from '../execution.repository.ts';

/** Tasks handled per run; the next run takes the rest. */
const BATCH = 500;

/**
 * Stage 5 (监督反馈): every task not done whose deadline (a day in China) is past and that has not been sent yet
 * goes to the street — the escalation roles covering its item's place hear of it — once per task and deadline
 * (a later deadline clears the mark, so a new lapse escalates again). Each task is its own transaction with its
 * timeline event and audit entry. "Now" is the kernel's clock, so tests drive it.
 */
export async function escalateOverdue(kernel: Kernel): Promise<{ escalated: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const today = todayOf(ctx);
  const due = await read(kernel)
    .selectFrom('dlb_tasks')
    .select(['id', 'item_id'])
    .where('done_at', 'is', null)
    .where('escalated_at', 'is', null)
    .where('deadline', '<', today)
    .orderBy('deadline')
    .orderBy('id')
    .limit(BATCH)
    .execute();
  let escalated = 0;
  for (const d of due) {
    escalated += await write(ctx, async (tx) => {
      const item = await lockItem(tx, d.item_id);
      if (!item) return 0;
      const task = await tx.selectFrom('dlb_tasks').selectAll().where('street_id', '=', item.street_id).where('id', '=', d.id).forUpdate().executeTakeFirst();
      if (!task || task.done_at || task.escalated_at || !(task.deadline < today)) return 0;
      const now = kernel.clock.now();
      await tx.updateTable('dlb_tasks').set({ escalated_at: now }).where('street_id', '=', task.street_id).where('id', '=', task.id).execute();
      const detail = { taskId: task.id, no: task.no, deadline: task.deadline, percent: task.progress_percent };
      await insertEvent(tx, { streetId: item.street_id, itemId: item.id, at: now, actorId: null, actorName: '系统', kind: 'task_overdue', note: task.title, detail });
      await audit(tx, ctx, { action: 'deliberation.task.overdue', placeId: item.place_id, subjectType: 'deliberation_task', subjectId: task.id, after: detail });
      await notify(tx, ctx, {
        template: 'deliberation.task_overdue',
        placeId: item.place_id,
        to: { roles: DELIBERATION_ROLES.escalation },
        data: { itemId: item.id, code: item.code, title: item.title, taskTitle: task.title, organisation: task.organisation_name, deadline: task.deadline, percent: String(task.progress_percent) },
        subject: { type: 'deliberation_task', id: task.id },
      });
      return 1;
    });
  }
  return { escalated };
}

export const escalateOverdueJob: Job = { name: 'deliberation.escalate_overdue', everyMs: 10 * 60_000, run: escalateOverdue };
