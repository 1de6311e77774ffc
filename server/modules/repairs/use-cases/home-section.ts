import type { Ctx } from '../../../kernel/context.ts';
import { MyOrdersQuery } from '../repairs.schemas.ts';
import { listMyOrders } from './list-my-orders.ts';

/** The query of the web's home section (OpenRepairsSection), which the home primes. */
export const HOME_REPAIRS_QUERY = { pageSize: 3, open: 'true' } as const;

/** For the resident's home (GET /api/me/home): my repair orders still in progress. */
export async function repairsHomeSection(ctx: Ctx) {
  return { openRepairs: await listMyOrders(ctx, MyOrdersQuery.parse(HOME_REPAIRS_QUERY)) };
}
