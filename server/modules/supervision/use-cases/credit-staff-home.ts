import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../supervision.policy.ts';
import { listCreditRepairs } from './list-credit-repairs.ts';

/** The workbench home's to-do for the street: repair applications waiting for its decision (the list they open). */
export async function creditStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'creditDecide')) return {};
  const { total } = await listCreditRepairs(ctx, { status: 'pending', page: 1, pageSize: 1, sort: 'appliedAt', order: 'desc' });
  return { todos: [{ key: 'supervisionCreditRepairsToReview', count: total, link: '/supervision/credit/repairs?status=pending' }] };
}
