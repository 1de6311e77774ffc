import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../fees.policy.ts';
import { DiffsQuery, FlaggedQuery } from '../fees.payments.schemas.ts';
import { listReconDiffs } from './list-reconciliation.ts';
import { listFlaggedOrders } from './resolve-flagged-order.ts';

/** The workbench home: flagged pay orders and open reconciliation differences, counted by the lists they open. */
export async function paymentsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'bill')) return {};
  const [flagged, diffs] = await Promise.all([listFlaggedOrders(ctx, FlaggedQuery.parse({ pageSize: 1 })), listReconDiffs(ctx, DiffsQuery.parse({ status: 'open', pageSize: 1 }))]);
  return {
    todos: [
      { key: 'feesFlaggedOrders', count: flagged.total, link: '/fees/flagged-orders' },
      { key: 'feesReconDiffs', count: diffs.total, link: '/fees/reconciliation-diffs?status=open' },
    ],
  };
}
