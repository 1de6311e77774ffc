import type { Ctx } from '../../../kernel/context.ts';
import { updateOrder } from '../repairs.repository.ts';
import { getOrder } from './get-order.ts';
import { changeOrder } from './order-access.ts';

/** The resident (or whoever reported it) withdraws (撤回) an order the company has not accepted yet. */
export async function cancelOrder(ctx: Ctx, id: string, input: { reason?: string }) {
  await changeOrder(ctx, id, 'cancel', async (tx, _order, now) => {
    await updateOrder(tx, id, { status: 'cancelled', closed_at: now, updated_at: now });
    return { to: 'cancelled', note: input.reason ?? null };
  });
  return getOrder(ctx, id);
}
