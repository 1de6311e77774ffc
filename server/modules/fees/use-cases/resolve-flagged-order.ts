import { pathLabel } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { placeFilter } from '../fees.policy.ts';
import { FlaggedSort, type FlaggedQuery } from '../fees.payments.schemas.ts';
import { staffPlace } from './staff-scope.ts';

/** 支付异常: pay orders the gateway reported with another amount (or for bills that changed), never booked. */
export async function listFlaggedOrders(ctx: Ctx, q: FlaggedQuery) {
  const db = read(ctx);
  const base = db
    .selectFrom('fee_pay_orders as o')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'o.street_id').onRef('c.id', '=', 'o.compound_id'))
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'o.street_id').onRef('room.id', '=', 'o.room_id'))
    .where(placeFilter(ctx.actor, 'read', 'o.compound_id', 'c.path'))
    .where('o.status', '=', q.status)
    .$if(q.status === 'closed', (qb) => qb.where('o.flag_note', 'is not', null))
    .$if(!!q.q, (qb) => qb.where((eb) => eb.or([eb('o.no', 'ilike', containing(q.q!)), eb('o.provider_txn_id', 'ilike', containing(q.q!))])));
  return paginate(
    q,
    FlaggedSort.orderBy(base, q)
      .select(['o.id', 'o.no', 'o.provider', 'o.provider_txn_id as providerTxnId', 'o.amount_fen as amountFen', 'o.flag_diff_fen as diffFen', 'o.flag_note as flagNote', 'o.resolved_note as resolvedNote', 'o.payer_name_masked as payerName', 'o.created_at as createdAt', 'o.last_event_at as notifiedAt', 'c.name as compound'])
      .select(pathLabel('room.path', ['building', 'unit', 'room']).as('roomLabel'))
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

/**
 * Staff (bill role at the order's compound) close a flagged order with a note — what was done (the money refunded
 * at the provider, the payer asked to pay again). Closing books nothing: the order was never booked.
 */
export async function resolveFlaggedOrder(ctx: Ctx, id: string, input: { note: string }) {
  const db = read(ctx);
  const o = await db.selectFrom('fee_pay_orders').select(['street_id', 'id', 'no', 'compound_id', 'status', 'flag_diff_fen']).where('id', '=', id).executeTakeFirst();
  if (!o) throw FeesErrors.PAY_ORDER_NOT_FOUND();
  await staffPlace(ctx, db, o.compound_id, 'bill', () => FeesErrors.PAY_ORDER_NOT_FOUND());
  if (o.status !== 'flagged') throw FeesErrors.ORDER_NOT_FLAGGED();
  return write(ctx, async (tx) => {
    const r = await tx
      .updateTable('fee_pay_orders')
      .set({ status: 'closed', resolved_note: input.note, resolved_by: ctx.actor.accountId })
      .where('street_id', '=', o.street_id)
      .where('id', '=', o.id)
      .where('status', '=', 'flagged')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw FeesErrors.ORDER_NOT_FLAGGED();
    await audit(tx, ctx, { action: 'fees.pay_order.resolved', placeId: o.compound_id, subjectType: 'fee_pay_order', subjectId: o.id, detail: { no: o.no, diffFen: o.flag_diff_fen, note: input.note } });
    return { id: o.id, status: 'closed' as const };
  });
}
