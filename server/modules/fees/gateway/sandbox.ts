import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Kernel } from '../../../kernel/context.ts';
import { read } from '../fees.db.ts';
import {
  type CreateOrder,
  type Notification,
  type PaymentProvider,
  type RefundRequest,
  SIGNATURE_HEADERS,
  type StatementRow,
  signBody,
  signatureValid,
  statementCsv,
} from './provider.ts';

/**
 * The built-in sandbox: a payment provider that behaves like a real one, in the app's own database (fee_sbx_*).
 * An order gets a cashier page (/h5/fees/sandbox/:orderNo); paying it gives a transaction id and queues an
 * asynchronous notification signed with the merchant key, delivered by a job (sandbox-delivery.ts) with retries
 * and backoff until the merchant answers success. Refunds, full or partial, are notified the same way; daily
 * statements and split-payment (settlement) statements are read from what it recorded.
 *
 * Test switches (SANDBOX_MODES), chosen when paying: the notification sent twice, out of order (on a refund the
 * old payment notification comes again after the refund's), with a wrong amount, or preceded by a forged one.
 */
import type { SandboxMode } from './sandbox-modes.ts';
export { SANDBOX_MODES, type SandboxMode } from './sandbox-modes.ts';

/** The key a forged notification is signed with: anything but the merchant's. */
const FORGER_KEY = 'not-the-merchant-key-at-all';

const PayBody = z.strictObject({
  type: z.literal('pay'),
  merchant_id: z.string().min(1).max(64),
  out_trade_no: z.string().min(1).max(64),
  order_no: z.string().min(1).max(64),
  txn_id: z.string().min(1).max(64),
  amount_fen: z.number().int().min(0).max(1e12),
  time: z.iso.datetime(),
});
const RefundBody = z.strictObject({
  type: z.literal('refund'),
  merchant_id: z.string().min(1).max(64),
  out_trade_no: z.string().min(1).max(64),
  txn_id: z.string().min(1).max(64),
  out_refund_no: z.string().min(1).max(64),
  refund_txn_id: z.string().min(1).max(64),
  amount_fen: z.number().int().min(0).max(1e12),
  time: z.iso.datetime(),
});
const NotificationBody = z.discriminatedUnion('type', [PayBody, RefundBody]);

const token = (prefix: string) => `${prefix}${randomBytes(10).toString('hex').toUpperCase()}`;
/** The Shanghai calendar day [start, end) of 'YYYY-MM-DD' as instants. */
export const shanghaiDay = (day: string) => {
  const start = new Date(`${day}T00:00:00+08:00`);
  return { start, end: new Date(start.getTime() + 86_400_000) };
};

export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox';
  private readonly kernel: Kernel;
  private readonly key: string;
  constructor(kernel: Kernel, key: string) {
    this.kernel = kernel;
    this.key = key;
  }

  private get db() {
    return read(this.kernel);
  }

  async createOrder(o: CreateOrder) {
    const orderNo = token('SBX');
    await this.db
      .insertInto('fee_sbx_orders')
      .values({
        order_no: orderNo,
        merchant_id: o.merchantId,
        sub_merchant_id: o.subMerchantId,
        out_trade_no: o.outTradeNo,
        amount_fen: o.amountFen,
        subject: o.subject,
        notify_url: o.notifyUrl,
        return_url: o.returnUrl,
        created_at: this.kernel.clock.now(),
      })
      .execute();
    return { providerOrderNo: orderNo, payUrl: `/h5/fees/sandbox/${orderNo}` };
  }

  /** The cashier's view of an order (its page shows amount, merchant and subject). */
  async cashier(orderNo: string) {
    return this.db
      .selectFrom('fee_sbx_orders')
      .select(['order_no as orderNo', 'merchant_id as merchantId', 'subject', 'amount_fen as amountFen', 'status', 'return_url as returnUrl', 'txn_id as txnId'])
      .where('order_no', '=', orderNo)
      .executeTakeFirst();
  }

  /** The payer confirms at the cashier: the order is paid once, and its notification queued per the mode. */
  async pay(orderNo: string, mode: SandboxMode = 'normal'): Promise<{ txnId: string } | null> {
    return this.db.transaction().execute(async (tx) => {
      const at = this.kernel.clock.now();
      const txnId = token('T');
      const order = await tx
        .updateTable('fee_sbx_orders')
        .set({ status: 'paid', txn_id: txnId, paid_at: at, mode })
        .where('order_no', '=', orderNo)
        .where('status', '=', 'created')
        .returningAll()
        .executeTakeFirst();
      if (!order) return null;
      const body = {
        type: 'pay' as const,
        merchant_id: order.merchant_id,
        out_trade_no: order.out_trade_no,
        order_no: order.order_no,
        txn_id: txnId,
        amount_fen: mode === 'wrong_amount' ? order.amount_fen - 1 : order.amount_fen,
        time: at.toISOString(),
      };
      if (mode === 'forged') await this.queue(tx, order.notify_url, { ...body, amount_fen: order.amount_fen * 100 }, FORGER_KEY);
      await this.queue(tx, order.notify_url, body);
      if (mode === 'twice') await this.queue(tx, order.notify_url, body);
      return { txnId };
    });
  }

  async cancel(orderNo: string): Promise<boolean> {
    const r = await this.db.updateTable('fee_sbx_orders').set({ status: 'cancelled' }).where('order_no', '=', orderNo).where('status', '=', 'created').executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async refund(r: RefundRequest) {
    return this.db.transaction().execute(async (tx) => {
      const order = await tx.selectFrom('fee_sbx_orders').selectAll().where('merchant_id', '=', r.merchantId).where('out_trade_no', '=', r.outTradeNo).forUpdate().executeTakeFirst();
      if (!order || order.status !== 'paid' || order.txn_id !== r.txnId) throw new Error(`sandbox: no paid order ${r.outTradeNo} with transaction ${r.txnId}`);
      const same = await tx.selectFrom('fee_sbx_refunds').select('refund_txn_id').where('order_no', '=', order.order_no).where('out_refund_no', '=', r.outRefundNo).executeTakeFirst();
      if (same) return { refundTxnId: same.refund_txn_id };
      if (order.refunded_fen + r.amountFen > order.amount_fen || r.amountFen <= 0) throw new Error(`sandbox: refund of ${r.amountFen} exceeds what is left of ${order.amount_fen}`);
      const at = this.kernel.clock.now();
      const refundTxnId = token('R');
      await tx.insertInto('fee_sbx_refunds').values({ refund_txn_id: refundTxnId, order_no: order.order_no, out_refund_no: r.outRefundNo, amount_fen: r.amountFen, refunded_at: at }).execute();
      await tx.updateTable('fee_sbx_orders').set({ refunded_fen: sql`refunded_fen + ${r.amountFen}` }).where('order_no', '=', order.order_no).execute();
      await this.queue(tx, r.notifyUrl, {
        type: 'refund',
        merchant_id: order.merchant_id,
        out_trade_no: order.out_trade_no,
        txn_id: r.txnId,
        out_refund_no: r.outRefundNo,
        refund_txn_id: refundTxnId,
        amount_fen: r.amountFen,
        time: at.toISOString(),
      });
      if (order.mode === 'out_of_order') {
        // The payment's notification again, after the refund's: older than what the merchant last recorded.
        await this.queue(tx, order.notify_url, {
          type: 'pay',
          merchant_id: order.merchant_id,
          out_trade_no: order.out_trade_no,
          order_no: order.order_no,
          txn_id: order.txn_id,
          amount_fen: order.amount_fen,
          time: order.paid_at!.toISOString(),
        });
      }
      return { refundTxnId };
    });
  }

  verifyNotification(rawBody: string, headers: Record<string, string | string[] | undefined>): Notification | null {
    if (!signatureValid(this.key, rawBody, headers, this.kernel.clock.now())) return null;
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return null;
    }
    const parsed = NotificationBody.safeParse(json);
    if (!parsed.success) return null;
    const b = parsed.data;
    return b.type === 'pay'
      ? { type: 'pay', merchantId: b.merchant_id, outTradeNo: b.out_trade_no, providerOrderNo: b.order_no, txnId: b.txn_id, amountFen: b.amount_fen, time: new Date(b.time) }
      : { type: 'refund', merchantId: b.merchant_id, outTradeNo: b.out_trade_no, txnId: b.txn_id, outRefundNo: b.out_refund_no, refundTxnId: b.refund_txn_id, amountFen: b.amount_fen, time: new Date(b.time) };
  }

  async dailyStatement(merchantId: string, day: string): Promise<string> {
    const { start, end } = shanghaiDay(day);
    const pays = await this.db
      .selectFrom('fee_sbx_orders')
      .select(['txn_id', 'out_trade_no', 'amount_fen', 'paid_at'])
      .where('merchant_id', '=', merchantId)
      .where('paid_at', '>=', start)
      .where('paid_at', '<', end)
      .execute();
    const refunds = await this.db
      .selectFrom('fee_sbx_refunds as r')
      .innerJoin('fee_sbx_orders as o', 'o.order_no', 'r.order_no')
      .select(['r.refund_txn_id', 'o.out_trade_no', 'r.amount_fen', 'r.refunded_at'])
      .where('o.merchant_id', '=', merchantId)
      .where('r.refunded_at', '>=', start)
      .where('r.refunded_at', '<', end)
      .execute();
    const rows: StatementRow[] = [
      ...pays.map((p) => ({ txnId: p.txn_id!, outTradeNo: p.out_trade_no, type: 'pay' as const, amountFen: p.amount_fen, time: p.paid_at!.toISOString() })),
      ...refunds.map((r) => ({ txnId: r.refund_txn_id, outTradeNo: r.out_trade_no, type: 'refund' as const, amountFen: r.amount_fen, time: r.refunded_at.toISOString() })),
    ].sort((a, b) => a.time.localeCompare(b.time) || a.txnId.localeCompare(b.txnId));
    return statementCsv(rows);
  }

  async settlementStatement(subMerchantId: string, from: string, to: string) {
    const start = shanghaiDay(from).start;
    const end = shanghaiDay(to).start;
    const paid = await this.db
      .selectFrom('fee_sbx_orders')
      .select(sql<number>`coalesce(sum(amount_fen), 0)::bigint`.as('n'))
      .where('sub_merchant_id', '=', subMerchantId)
      .where('paid_at', '>=', start)
      .where('paid_at', '<', end)
      .executeTakeFirstOrThrow();
    const refunded = await this.db
      .selectFrom('fee_sbx_refunds as r')
      .innerJoin('fee_sbx_orders as o', 'o.order_no', 'r.order_no')
      .select(sql<number>`coalesce(sum(r.amount_fen), 0)::bigint`.as('n'))
      .where('o.sub_merchant_id', '=', subMerchantId)
      .where('r.refunded_at', '>=', start)
      .where('r.refunded_at', '<', end)
      .executeTakeFirstOrThrow();
    return { totalFen: Number(paid.n) - Number(refunded.n), ref: `SBX-STL-${subMerchantId.slice(0, 8)}-${from}-${to}` };
  }

  /** Queues a signed notification for the delivery job (sandbox-delivery.ts). */
  private async queue(tx: ReturnType<typeof read>, url: string, body: object, key = this.key) {
    const raw = JSON.stringify(body);
    const timestamp = String(Math.floor(this.kernel.clock.now().getTime() / 1000));
    const nonce = randomBytes(12).toString('hex');
    const headers = { 'content-type': 'application/json', [SIGNATURE_HEADERS.timestamp]: timestamp, [SIGNATURE_HEADERS.nonce]: nonce, [SIGNATURE_HEADERS.signature]: signBody(key, timestamp, nonce, raw) };
    await tx.insertInto('fee_sbx_notifications').values({ url, body: raw, headers: JSON.stringify(headers), next_at: this.kernel.clock.now() }).execute();
  }
}
