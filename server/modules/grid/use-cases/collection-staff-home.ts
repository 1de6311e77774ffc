import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../grid.policy.ts';
import { listRecords } from './collection-records-list.ts';

/** The workbench home's to-do: records waiting for my check, counted by the records table's own 待核实 filter. */
export async function collectionStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'collectionVerify')) return {};
  const { total } = await listRecords(ctx, { page: 1, pageSize: 1, status: 'submitted', sort: 'submittedAt', order: 'desc' });
  return total ? { todos: [{ key: 'gridRecordsToCheck', count: total, link: '/grid/collection?status=submitted' }] } : {};
}
