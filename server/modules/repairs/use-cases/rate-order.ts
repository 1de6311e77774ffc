import type { Ctx } from '../../../kernel/context.ts';
import { limitsFor, updateOrder } from '../repairs.repository.ts';
import { type RateBody, reopens } from '../repairs.schemas.ts';
import { getOrder } from './get-order.ts';
import { changeOrder } from './order-access.ts';

const MINUTE = 60_000;

/**
 * The resident rates the finished work (1–5 with a comment). 3–5 closes the order; 1–2 reopens it
 * for the company's manager to answer, with a fresh completion deadline.
 */
export async function rateOrder(ctx: Ctx, id: string, input: RateBody) {
  await changeOrder(ctx, id, 'rate', async (tx, order, now) => {
    const rating = { rating: input.rating, rating_comment: input.comment ?? null, rated_at: now, updated_at: now };
    if (reopens(input.rating)) {
      const limit = (await limitsFor(tx, order.compound_id))[order.category];
      await updateOrder(tx, id, { ...rating, status: 'reopened', complete_by: new Date(now.getTime() + limit.completionMinutes * MINUTE) });
      return { to: 'reopened', note: input.comment ?? null, detail: { rating: input.rating } };
    }
    await updateOrder(tx, id, { ...rating, status: 'closed', closed_at: now, close_reason: 'rated' });
    return { to: 'closed', note: input.comment ?? null, detail: { rating: input.rating } };
  });
  return getOrder(ctx, id);
}
