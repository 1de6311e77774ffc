import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../supervision.policy.ts';
import { ApplicationsQuery } from '../supervision.stars.schemas.ts';
import { listStarApplications } from './list-star-applications.ts';

/**
 * The workbench home's to-dos, counted by the list each link opens: for the street, applications waiting for an
 * assessor; for an assessor, the applications assigned to them not yet scored.
 */
export async function starsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  const todos: NonNullable<StaffHomeSlice['todos']> = [];
  if (holdsAnywhere(ctx.actor, 'starsManage')) {
    const { total } = await listStarApplications(ctx, ApplicationsQuery.parse({ status: 'applied', pageSize: 1 }));
    todos.push({ key: 'supervisionStarsToAssign', count: total, link: '/supervision/stars/applications?status=applied' });
  }
  if (holdsAnywhere(ctx.actor, 'starsAssess')) {
    const assigned = await listStarApplications(ctx, ApplicationsQuery.parse({ status: 'assigned', pageSize: 1 }));
    todos.push({ key: 'supervisionStarsToAssess', count: assigned.total, link: '/supervision/stars/applications?status=assigned' });
  }
  return { todos };
}
