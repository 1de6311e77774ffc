import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { read } from '../supervision.db.ts';
import { holdsAnywhere } from '../supervision.policy.ts';

/** The inspector's to-do on the workbench home: their own inspections started and not yet submitted. */
export async function sheetsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'inspect')) return {};
  const { n } = await read(ctx)
    .selectFrom('sup_inspections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('inspector_id', '=', ctx.actor.accountId)
    .where('status', '=', 'draft')
    .executeTakeFirstOrThrow();
  return Number(n) > 0 ? { todos: [{ key: 'supervisionDraftInspections', count: Number(n), link: '/supervision/inspections?status=draft' }] } : {};
}
