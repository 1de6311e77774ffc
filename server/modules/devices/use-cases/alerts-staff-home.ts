import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../devices.policy.ts';
import { countOpenAlerts } from './alerts-list.ts';

/** The workbench to-do of the duty staff: open alerts at their compounds (the count is the list's total with status=open). */
export async function parkingStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'handleAlerts')) return {};
  const count = await countOpenAlerts(ctx);
  return { todos: [{ key: 'devicesParkingAlerts', count, link: '/devices/parking/alerts?status=open' }] };
}
