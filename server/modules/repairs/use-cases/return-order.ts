import type { Ctx } from '../../../kernel/context.ts';
import { updateOrder } from '../repairs.repository.ts';
import { getOrder } from './get-order.ts';
import { changeOrder } from './order-access.ts';

/** The property company returns (退回) an order it will not handle, with its reason for the resident. */
export async function returnOrder(ctx: Ctx, id: string, input: { reason: string }) {
  await changeOrder(ctx, id, 'return', async (tx, _order, now) => {
    await updateOrder(tx, id, { status: 'returned', return_reason: input.reason, closed_at: now, updated_at: now });
    return { to: 'returned', note: input.reason };
  });
  return getOrder(ctx, id);
}
