import type { Ctx } from '../../../kernel/context.ts';
import { fenToYuan } from '../repairs.constants.ts';
import { updateOrder } from '../repairs.repository.ts';
import type { PriceBody } from '../repairs.schemas.ts';
import { getOrder } from './get-order.ts';
import { changeOrder } from './order-access.ts';

/**
 * Marks the order as a paid service (有偿服务, e.g. work inside a home beyond the common parts) with
 * its price in fen, or back to free. The status does not change.
 */
export async function priceOrder(ctx: Ctx, id: string, input: PriceBody) {
  await changeOrder(ctx, id, 'price', async (tx, _order, now) => {
    const priceFen = input.paid ? input.priceFen! : null;
    await updateOrder(tx, id, { paid_service: input.paid, price_fen: priceFen, updated_at: now });
    return { note: input.note ?? null, detail: { paid: input.paid, priceFen, ...(priceFen ? { yuan: fenToYuan(priceFen) } : {}) } };
  });
  return getOrder(ctx, id);
}
