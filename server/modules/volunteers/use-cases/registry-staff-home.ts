import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../volunteers.policy.ts';
import { VolunteersQuery } from '../volunteers.registry.schemas.ts';
import { listVolunteers } from './registry-list.ts';

/** The community's to-do on the workbench home: volunteer registrations waiting for review (counted by the list the link opens). */
export async function registryStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'volunteersManage')) return {};
  const pending = await listVolunteers(ctx, VolunteersQuery.parse({ status: 'pending', pageSize: 1 }));
  return { todos: [{ key: 'volunteerRegistrationsToReview', count: pending.total, link: '/volunteers/registry?status=pending' }] };
}
