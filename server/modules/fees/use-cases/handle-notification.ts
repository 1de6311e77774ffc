import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { audit, type Ctx, type Kernel } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { type Tx, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import type { GatewayOutcome } from '../fees.tables.ts';
import type { Notification } from '../gateway/provider.ts';
import { providerNamed } from '../gateway/providers.ts';
import { bookPayment } from './book-payment.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the gateway is answered when the notification was taken (whatever became of it): it stops resending. */
export const GATEWAY_ACK = { code: 'SUCCESS', message: 'OK' } as const;

/** The gateway acting: for the audit log (it holds no grant and is never asked for one). */
const gatewayCtx = (kernel: Kernel, provider: string, requestId: string | null): Ctx => ({
  kernel,
  actor: { ...SYSTEM_ACTOR, name: `支付渠道 ${provider}`, requestId },
});

/**
 * A gateway's notification, from its raw body and headers. Every notification is kept (fee_gateway_events) with
 * what became of it:
 * - not signed with the merchant key (or not a notification at all): refused (401), nothing booked, and a
 *   placeless audit entry `fees.gateway.refused` — committed before the refusal, on purpose;
 * - naming no known order: refused (404), the same way;
 * - a payment whose amount is not the order's: the order is `flagged` with the difference, never booked;
 * - a payment of bills that meanwhile changed (paid at the counter, adjusted): flagged too, for a refund;
 * - a payment already booked (a duplicate): acknowledged; bookPayment finds the transaction and books nothing;
 * - older than what the order last recorded (a 'paid' arriving after its refund): acknowledged, changes nothing;
 * - a refund we requested: its confirmation is recorded (the reversal was booked when it was requested).
 * The order's row is locked first, so concurrent duplicates queue behind the first and find it booked.
 */
export async function handleNotification(kernel: Kernel, providerName: string, rawBody: string, headers: Record<string, string | string[] | undefined>, requestId: string | null) {
  const provider = providerNamed(kernel, providerName);
  if (!provider) throw FeesErrors.GATEWAY_UNKNOWN_PROVIDER();
  const ctx = gatewayCtx(kernel, provider.name, requestId);
  const at = kernel.clock.now();
  const body = rawBody.slice(0, 10_000);
  const note = (tx: Tx, e: { outcome: GatewayOutcome; n?: Notification; streetId?: string | null; orderId?: string | null; detail?: string }) =>
    tx
      .insertInto('fee_gateway_events')
      .values({
        id: newId(),
        provider: provider.name,
        street_id: e.streetId ?? null,
        order_id: e.orderId ?? null,
        kind: e.n?.type ?? 'unknown',
        out_trade_no: e.n?.outTradeNo ?? null,
        txn_id: e.n ? (e.n.type === 'pay' ? e.n.txnId : e.n.refundTxnId) : null,
        amount_fen: e.n?.amountFen ?? null,
        outcome: e.outcome,
        detail: e.detail ?? '',
        body,
        received_at: at,
      })
      .execute();
  const refuse = async (outcome: GatewayOutcome, n: Notification | undefined, error: AppError): Promise<never> => {
    await write(ctx, async (tx) => {
      await note(tx, { outcome, ...(n ? { n } : {}) });
      await audit(tx, ctx, { action: 'fees.gateway.refused', placeId: null, detail: { provider: provider.name, outcome, outTradeNo: n?.outTradeNo ?? null } });
    });
    throw error;
  };

  const n = provider.verifyNotification(rawBody, headers);
  if (!n) return refuse('refused_signature', undefined, FeesErrors.GATEWAY_SIGNATURE());

  const result = await write(ctx, async (tx) => {
    // The merchant account is the street's: the order is looked up within it (its number is unique per street).
    const order = await tx
      .selectFrom('fee_pay_orders')
      .selectAll()
      .where('no', '=', n.outTradeNo)
      .where('provider', '=', provider.name)
      .where('street_id', '=', UUID.test(n.merchantId) ? n.merchantId : '00000000-0000-0000-0000-000000000000')
      .forUpdate()
      .executeTakeFirst();
    if (!order) return null;
    const ev = (outcome: GatewayOutcome, detail = '') => note(tx, { outcome, n, streetId: order.street_id, orderId: order.id, detail });
    if (order.last_event_at && n.time < order.last_event_at) {
      await ev('stale', `older than the order's last recorded state (${order.last_event_at.toISOString()})`);
      await audit(tx, ctx, { action: 'fees.gateway.stale', placeId: order.compound_id, subjectType: 'fee_pay_order', subjectId: order.id, detail: { type: n.type } });
      return 'stale' as const;
    }

    if (n.type === 'refund') {
      const refund = await tx.selectFrom('fee_refunds').select(['id', 'confirmed_at', 'amount_fen']).where('street_id', '=', order.street_id).where('no', '=', n.outRefundNo).executeTakeFirst();
      if (refund && refund.amount_fen === n.amountFen) {
        if (!refund.confirmed_at) {
          await tx.updateTable('fee_refunds').set({ confirmed_at: n.time, provider_refund_txn: n.refundTxnId }).where('street_id', '=', order.street_id).where('id', '=', refund.id).execute();
        }
        await tx.updateTable('fee_pay_orders').set({ last_event_at: n.time }).where('street_id', '=', order.street_id).where('id', '=', order.id).execute();
        await ev(refund.confirmed_at ? 'duplicate' : 'refund_confirmed');
      } else {
        // A refund we did not request, or of another amount: reconciliation will list it too.
        await ev('flagged', refund ? `refund ${n.outRefundNo}: ${n.amountFen} fen notified, ${refund.amount_fen} requested` : `unknown refund ${n.outRefundNo}`);
      }
      await audit(tx, ctx, { action: 'fees.gateway.refund_notified', placeId: order.compound_id, subjectType: 'fee_pay_order', subjectId: order.id, detail: { refundNo: n.outRefundNo, amountFen: n.amountFen } });
      return 'refund' as const;
    }

    if (order.status === 'paid' && order.provider_txn_id === n.txnId) {
      await ev('duplicate');
      await audit(tx, ctx, { action: 'fees.gateway.duplicate', placeId: order.compound_id, subjectType: 'fee_pay_order', subjectId: order.id, detail: { txnId: n.txnId } });
      return 'duplicate' as const;
    }
    const flag = async (diffFen: number, why: string) => {
      await tx
        .updateTable('fee_pay_orders')
        .set({ status: 'flagged', flag_diff_fen: diffFen, flag_note: why, provider_txn_id: n.txnId, last_event_at: n.time })
        .where('street_id', '=', order.street_id)
        .where('id', '=', order.id)
        .execute();
      await ev('flagged', why);
      await audit(tx, ctx, { action: 'fees.pay_order.flagged', placeId: order.compound_id, subjectType: 'fee_pay_order', subjectId: order.id, detail: { no: order.no, diffFen, why } });
      return 'flagged' as const;
    };
    if (order.status !== 'created') {
      // A second transaction for an order already settled one way or another: kept and listed, the order unchanged.
      await ev('flagged', `a payment ${n.txnId} for an order already ${order.status}`);
      await audit(tx, ctx, { action: 'fees.pay_order.flagged', placeId: order.compound_id, subjectType: 'fee_pay_order', subjectId: order.id, detail: { no: order.no, txnId: n.txnId, status: order.status } });
      return 'flagged' as const;
    }
    if (n.amountFen !== order.amount_fen) return flag(n.amountFen - order.amount_fen, `notified ${n.amountFen} fen, the order is ${order.amount_fen} fen`);

    const bills = await tx.selectFrom('fee_pay_order_bills').select('bill_id').where('street_id', '=', order.street_id).where('order_id', '=', order.id).execute();
    let booked;
    try {
      booked = await bookPayment(tx, ctx, {
        streetId: order.street_id,
        channel: 'gateway',
        provider: provider.name,
        providerTxnId: n.txnId,
        amountFen: n.amountFen,
        billIds: bills.map((b) => b.bill_id),
        payerAccountId: order.payer_account_id,
        payerNameMasked: order.payer_name_masked,
        bookedBy: null,
      });
    } catch (err) {
      // bookPayment checks everything before it writes: a refusal leaves the transaction clean to flag in.
      if (err instanceof AppError && err.status < 500) return flag(0, `the bills changed since the order was made: ${err.code}`);
      throw err;
    }
    await tx
      .updateTable('fee_pay_orders')
      .set({ status: 'paid', provider_txn_id: n.txnId, payment_id: booked.paymentId, paid_at: n.time, last_event_at: n.time })
      .where('street_id', '=', order.street_id)
      .where('id', '=', order.id)
      .execute();
    await ev(booked.duplicate ? 'duplicate' : 'booked', booked.paymentNo);
    if (booked.duplicate) await audit(tx, ctx, { action: 'fees.gateway.duplicate', placeId: order.compound_id, subjectType: 'fee_pay_order', subjectId: order.id, detail: { txnId: n.txnId } });
    return booked.duplicate ? ('duplicate' as const) : ('booked' as const);
  });
  if (result === null) return refuse('refused_unknown_order', n, FeesErrors.GATEWAY_UNKNOWN_ORDER());
  return { ...GATEWAY_ACK, outcome: result };
}
