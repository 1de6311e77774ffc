import type { Ctx } from '../../../kernel/context.ts';
import { updateOrder } from '../repairs.repository.ts';
import { getOrder } from './get-order.ts';
import { changeOrder } from './order-access.ts';

/** The company's manager answers a low rating (差评回复), which closes the reopened order. */
export async function answerOrder(ctx: Ctx, id: string, input: { note: string }) {
  await changeOrder(ctx, id, 'answer', async (tx, _order, now) => {
    await updateOrder(tx, id, { status: 'closed', closed_at: now, close_reason: 'answered', updated_at: now });
    return { to: 'closed', note: input.note };
  });
  return getOrder(ctx, id);
}
