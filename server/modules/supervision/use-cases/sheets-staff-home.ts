import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../supervision.policy.ts';
import { InspectionsQuery } from '../supervision.sheets.schemas.ts';
import { listInspections } from './list-inspections.ts';

/**
 * The inspector's to-do on the workbench home: the inspections started in their places and not yet submitted, counted
 * by the list its link opens (检查记录, status 检查中), so the number and the rows always agree.
 */
export async function sheetsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'inspect')) return {};
  const { total } = await listInspections(ctx, InspectionsQuery.parse({ status: 'draft', pageSize: 1 }));
  return { todos: [{ key: 'supervisionDraftInspections', count: total, link: '/supervision/inspections?status=draft' }] };
}
