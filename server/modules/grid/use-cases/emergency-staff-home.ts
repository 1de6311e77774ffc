import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../grid.policy.ts';
import { myVisits } from './emergency-visits-mine.ts';

/** The workbench to-do of a staff visitor: households still to visit (pending, or nobody home) in the buildings assigned to them. */
export async function emergencyStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'emergencyScreen')) return {};
  const { buildings } = await myVisits(ctx);
  if (!buildings.length) return {};
  const open = buildings.reduce((n, b) => n + b.households.filter((h) => h.status === 'pending' || h.status === 'nobody_home').length, 0);
  return { todos: [{ key: 'gridEmergencyVisits', count: open, link: '/grid/emergency/visits' }] };
}
