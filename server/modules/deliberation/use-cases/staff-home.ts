import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice, StaffToDo } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../deliberation.policy.ts';
import { ItemsQuery } from '../items.schemas.ts';
import { listItems } from './list-items.ts';
import { executionStaffHome } from './execution-staff-home.ts';
import { meetingsStaffHome } from './meetings-staff-home.ts';

/**
 * The workbench home: items on the stage-2 list for those who accept, merge or reject them, and accepted items
 * waiting for a joint meeting for those who hold meetings — counted by the list their link opens.
 */
async function itemsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  const todos: StaffToDo[] = [];
  if (holdsAnywhere(ctx.actor, 'setAgenda')) {
    const page = await listItems(ctx, ItemsQuery.parse({ stage: 'agenda', pageSize: 1 }));
    todos.push({ key: 'deliberationAgenda', count: page.total, link: '/deliberation/items?stage=agenda' });
  }
  if (holdsAnywhere(ctx.actor, 'consult')) {
    const page = await listItems(ctx, ItemsQuery.parse({ stage: 'consulting', pageSize: 1 }));
    todos.push({ key: 'deliberationConsulting', count: page.total, link: '/deliberation/items?stage=consulting' });
  }
  return { todos };
}

/** The module's slice of the workbench home: every part's to-dos (items, execution, meetings), each counted by its list. */
export async function deliberationStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  const parts = await Promise.all([itemsStaffHome(ctx), meetingsStaffHome(ctx), executionStaffHome(ctx)]);
  return { todos: parts.flatMap((p) => p.todos ?? []), figures: parts.flatMap((p) => p.figures ?? []) };
}
