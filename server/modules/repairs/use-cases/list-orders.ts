import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { RepairErrors } from '../repairs.errors.ts';
import { orderFilter } from '../repairs.policy.ts';
import { listOrders as queryOrders } from '../repairs.repository.ts';
import type { OrdersQuery } from '../repairs.schemas.ts';
import { read } from '../repairs.db.ts';

/** Orders the actor may see (filtered in SQL), searchable and filterable, newest first. */
export async function listOrders(ctx: Ctx, q: OrdersQuery) {
  const db = read(ctx);
  const under = q.placeId ? await findPlace(db, q.placeId) : undefined;
  if (q.placeId && !under) throw RepairErrors.PLACE_NOT_FOUND();
  return queryOrders(db, { ...q, underPath: under?.path, assigneeId: q.mine ? ctx.actor.accountId : undefined }, orderFilter(ctx.actor));
}
export type OrderListItem = Awaited<ReturnType<typeof listOrders>>['items'][number];
