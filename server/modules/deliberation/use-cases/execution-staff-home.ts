import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice, StaffToDo } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../deliberation.policy.ts';
import { EscalationsQuery, TasksQuery } from '../execution.schemas.ts';
import { listEscalations } from './list-escalations.ts';
import { listTasks } from './list-tasks.ts';

/** The workbench home: overdue tasks in my places (for those who read items), and the street's escalations — counted by the lists they open. */
export async function executionStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  const todos: StaffToDo[] = [];
  if (holdsAnywhere(ctx.actor, 'read')) {
    const overdue = await listTasks(ctx, TasksQuery.parse({ overdue: 'true', pageSize: 1 }));
    todos.push({ key: 'deliberationOverdueTasks', count: overdue.total, link: '/deliberation/tasks?overdue=true' });
  }
  if (holdsAnywhere(ctx.actor, 'escalation')) {
    const escalated = await listEscalations(ctx, EscalationsQuery.parse({ pageSize: 1 }));
    todos.push({ key: 'deliberationEscalations', count: escalated.total, link: '/deliberation/escalations' });
  }
  return todos.length ? { todos } : {};
}
