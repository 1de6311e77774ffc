import { holdsAny } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice, StaffToDo } from '../../../kernel/module.ts';
import { RepairsPolicy } from '../repairs.policy.ts';
import { EscalationsQuery, OrdersQuery } from '../repairs.schemas.ts';
import { listEscalations } from './list-escalations.ts';
import { listOrders } from './list-orders.ts';

/** Each to-do is its list's filter: the count is that list's total, and the link opens it. */
const TODOS = {
  toAccept: { roles: RepairsPolicy.handle, filter: { status: 'submitted' } },
  overdue: { roles: RepairsPolicy.readOrders, filter: { overdue: 'true' } },
} as const;

/** The workbench home: orders waiting to be accepted, overdue orders, escalations nobody has looked into. */
export async function repairsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  const todos: Promise<StaffToDo>[] = [];
  for (const [key, { roles, filter }] of Object.entries(TODOS)) {
    if (!holdsAny(ctx.actor, roles)) continue;
    todos.push(
      listOrders(ctx, OrdersQuery.parse({ ...filter, pageSize: 1 })).then((page) => ({ key, count: page.total, link: `/repairs/orders?${new URLSearchParams(filter)}` })),
    );
  }
  if (holdsAny(ctx.actor, RepairsPolicy.readEscalated)) {
    todos.push(
      listEscalations(ctx, EscalationsQuery.parse({ supervised: 'false', pageSize: 1 })).then((page) => ({
        key: 'escalations',
        count: page.total,
        link: '/repairs/escalations?supervised=false',
      })),
    );
  }
  return { todos: await Promise.all(todos) };
}
