import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../volunteers.policy.ts';
import { listTasks } from './tasks-list.ts';

/** The workbench home's to-do: finished tasks waiting for confirmation, counted by the board's own list (its 待确认 filter). */
export async function tasksStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'tasksManage')) return {};
  const { total } = await listTasks(ctx, { page: 1, pageSize: 1, status: 'done', sort: 'createdAt', order: 'desc' });
  return total ? { todos: [{ key: 'volTasksToConfirm', count: total, link: '/volunteers/tasks?status=done' }] } : {};
}
