import { type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { listMyOrders as queryMine } from '../repairs.repository.ts';
import type { MyOrdersQuery } from '../repairs.schemas.ts';
import { read } from '../repairs.db.ts';

/**
 * "My repairs" in the resident H5: the orders made for me as a resident or by my own account,
 * and never the ones I can see only through a staff grant.
 */
export async function listMyOrders(ctx: Ctx, q: MyOrdersQuery) {
  const { personId, accountId } = ctx.actor;
  const own = personId
    ? sql<SqlBool>`(o.resident_person_id = ${personId} or (o.reported_by = ${accountId} and o.channel = 'app'))`
    : sql<SqlBool>`(o.reported_by = ${accountId} and o.channel = 'app')`;
  return queryMine(read(ctx), q, own);
}
