import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { AdoptionsQuery } from '../volunteers.green.schemas.ts';
import { holdsAnywhere } from '../volunteers.policy.ts';
import { listAdoptions } from './green-adoptions-list.ts';

/** The workbench to-do of those who review adoptions: applications waiting (counted by the list its link opens). */
export async function greenStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'greenManage')) return {};
  const pending = await listAdoptions(ctx, AdoptionsQuery.parse({ status: 'pending', pageSize: 1 }));
  return { todos: [{ key: 'greenAdoptionsToReview', count: pending.total, link: '/volunteers/green/adoptions?status=pending' }] };
}
