import type { Ctx } from '../../../kernel/context.ts';
import { RepairErrors } from '../repairs.errors.ts';
import { compoundStaff, updateOrder } from '../repairs.repository.ts';
import { getOrder } from './get-order.ts';
import { changeOrder } from './order-access.ts';

/** The path of the order's compound: its place path up to and including the compound's id. */
export const compoundPathOf = (order: { place_path: string; compound_id: string }) =>
  order.place_path.slice(0, order.place_path.indexOf(order.compound_id) + order.compound_id.length + 1);

/**
 * Dispatches (派单) an order to a member of the property company's staff of the compound, accepting
 * it on the way if need be. Dispatching again reassigns it; a reopened order goes back to work.
 */
export async function dispatchOrder(ctx: Ctx, id: string, input: { assigneeId: string; note?: string }) {
  await changeOrder(ctx, id, 'dispatch', async (tx, order, now) => {
    const staff = await compoundStaff(tx, compoundPathOf(order));
    const assignee = staff.find((s) => s.id === input.assigneeId);
    if (!assignee) throw RepairErrors.ASSIGNEE_INVALID();
    const late = !order.accepted_at && now > order.respond_by;
    await updateOrder(tx, id, {
      status: 'dispatched',
      accepted_at: order.accepted_at ?? now,
      assignee_id: assignee.id,
      assignee_name: assignee.name,
      dispatched_at: now,
      overdue: order.overdue || late,
      updated_at: now,
    });
    return { to: 'dispatched', note: input.note ?? null, detail: { assignee: assignee.name, ...(order.assignee_id ? { reassigned: true } : {}) } };
  });
  return getOrder(ctx, id);
}
