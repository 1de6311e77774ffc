import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice, StaffToDo } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../grid.policy.ts';
import { listEvents } from './events-list.ts';
import { readsEvents } from './events-access.ts';

/**
 * The workbench home's to-dos, counted by the events list's own filters: events waiting for my dispatch, events
 * dispatched to me (my body), and open events past their due time in my places.
 */
export async function eventsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!readsEvents(ctx)) return {};
  const base = { page: 1, pageSize: 1, sort: 'createdAt', order: 'desc' } as const;
  const todos: StaffToDo[] = [];
  if (holdsAnywhere(ctx.actor, 'eventsDispatch')) {
    const { total } = await listEvents(ctx, { ...base, mine: 'dispatch' });
    if (total) todos.push({ key: 'gridEventsToDispatch', count: total, link: '/grid/events?mine=dispatch' });
  }
  if (holdsAnywhere(ctx.actor, 'eventsHandleProperty') || holdsAnywhere(ctx.actor, 'eventsHandleCommittee') || holdsAnywhere(ctx.actor, 'liaisonsManage')) {
    const { total } = await listEvents(ctx, { ...base, mine: 'handle' });
    if (total) todos.push({ key: 'gridEventsToHandle', count: total, link: '/grid/events?mine=handle' });
  }
  const { total: overdue } = await listEvents(ctx, { ...base, overdue: 'true' });
  if (overdue) todos.push({ key: 'gridEventsOverdue', count: overdue, link: '/grid/events?overdue=true' });
  return todos.length ? { todos } : {};
}
