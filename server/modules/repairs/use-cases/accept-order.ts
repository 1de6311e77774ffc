import type { Ctx } from '../../../kernel/context.ts';
import { updateOrder } from '../repairs.repository.ts';
import { getOrder } from './get-order.ts';
import { changeOrder } from './order-access.ts';

/** The property company accepts (受理) a reported order; accepting after the response deadline flags it overdue. */
export async function acceptOrder(ctx: Ctx, id: string, input: { note?: string }) {
  await changeOrder(ctx, id, 'accept', async (tx, order, now) => {
    const late = now > order.respond_by;
    await updateOrder(tx, id, { status: 'accepted', accepted_at: now, overdue: order.overdue || late, updated_at: now });
    return { to: 'accepted', note: input.note ?? null, detail: late ? { late: true } : undefined };
  });
  return getOrder(ctx, id);
}
