import type { Ctx } from '../../../kernel/context.ts';
import { updateOrder } from '../repairs.repository.ts';
import { getOrder } from './get-order.ts';
import { changeOrder } from './order-access.ts';

/** The assigned staff member (or the manager) starts the work (开始处理). */
export async function startOrder(ctx: Ctx, id: string, input: { note?: string }) {
  await changeOrder(ctx, id, 'start', async (tx, _order, now) => {
    await updateOrder(tx, id, { status: 'in_progress', started_at: now, updated_at: now });
    return { to: 'in_progress', note: input.note ?? null };
  });
  return getOrder(ctx, id);
}
