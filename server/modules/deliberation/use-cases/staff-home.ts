import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice, StaffToDo } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../deliberation.policy.ts';
import { ItemsQuery } from '../items.schemas.ts';
import { listItems } from './list-items.ts';

/**
 * The workbench home: items on the stage-2 list for those who accept, merge or reject them, and accepted items
 * waiting for a joint meeting for those who hold meetings — counted by the list their link opens.
 */
export async function deliberationStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
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
