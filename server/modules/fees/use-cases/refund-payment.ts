import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, type Tx, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { providerNamed } from '../gateway/providers.ts';
import { notifyUrl } from './create-pay-order.ts';
import { staffPlace } from './staff-scope.ts';
import { reverseSubsidiesForBills } from './grant-subsidies.ts';

/** 'TK' + the Shanghai date + random: the out_refund_no the provider knows the refund by. */
const refundNo = (at: Date) => `TK${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')}${randomBytes(6).toString('hex').toUpperCase()}`;

/**
 * How a refund is spread back over the bills a payment paid — the reversal rule: the most recent bill first (the
 * latest period start, then the later bill id), each bill giving back at most what this payment still has on it,
 * until the refund is spent. So a partial refund reopens the newest months and leaves the oldest paid, which keeps
 * the arrears' ageing honest (the oldest debt is the one settled). Pure: hand-checked in the tests.
 */
export function reversalOf(onBills: readonly { billId: string; periodStart: string; netFen: number }[], refundFen: number): { billId: string; fen: number }[] {
  const order = [...onBills].filter((b) => b.netFen > 0).sort((a, b) => b.periodStart.localeCompare(a.periodStart) || b.billId.localeCompare(a.billId));
  const out: { billId: string; fen: number }[] = [];
  let left = refundFen;
  for (const b of order) {
    if (left === 0) break;
    const fen = Math.min(left, b.netFen);
    out.push({ billId: b.billId, fen });
    left -= fen;
  }
  if (left !== 0) throw new Error(`reversalOf: ${left} fen of the refund have no bill to come back from`);
  return out;
}

/**
 * Staff (bill role at the payment's compound) refund a payment fully or partly, with a reason: a gateway payment
 * through its provider, a counter payment as cash paid out against a voucher. In one transaction with the payment
 * locked: never more than what is left (amount − refunded), negative allocations to the bills (reversalOf), the
 * bills' paid_fen lowered and the bills reopened, the payment's refunded_fen raised, audited. The provider is asked
 * inside the transaction, so a provider refusal books nothing; its notification later confirms the refund.
 */
export async function refundPayment(ctx: Ctx, paymentId: string, input: { amountFen: number; reason: string; voucherNo?: string | undefined }) {
  const db = read(ctx);
  const found = await db.selectFrom('fee_payments').select(['street_id', 'compound_id']).where('id', '=', paymentId).executeTakeFirst();
  if (!found) throw FeesErrors.PAYMENT_NOT_FOUND();
  await staffPlace(ctx, db, found.compound_id, 'bill', () => FeesErrors.PAYMENT_NOT_FOUND());
  return write(ctx, async (tx) => {
    const p = await tx.selectFrom('fee_payments').selectAll().where('street_id', '=', found.street_id).where('id', '=', paymentId).forUpdate().executeTakeFirstOrThrow();
    const left = p.amount_fen - p.refunded_fen;
    if (input.amountFen > left) throw FeesErrors.REFUND_TOO_MUCH({ amount: (input.amountFen / 100).toFixed(2), left: (left / 100).toFixed(2) });
    if (p.channel !== 'gateway' && !input.voucherNo) throw FeesErrors.REFUND_VOUCHER_REQUIRED();
    const at = ctx.kernel.clock.now();
    const id = newId();
    const no = refundNo(at);
    let providerRefundTxn: string | null = null;
    if (p.channel === 'gateway') {
      const provider = providerNamed(ctx.kernel, p.provider!);
      if (!provider) throw FeesErrors.GATEWAY_UNKNOWN_PROVIDER();
      const order = await tx.selectFrom('fee_pay_orders').select('no').where('street_id', '=', p.street_id).where('payment_id', '=', p.id).executeTakeFirst();
      try {
        providerRefundTxn = (
          await provider.refund({ merchantId: p.street_id, outTradeNo: order?.no ?? p.no, txnId: p.provider_txn_id!, outRefundNo: no, amountFen: input.amountFen, notifyUrl: notifyUrl(ctx.kernel, provider.name) })
        ).refundTxnId;
      } catch {
        throw FeesErrors.GATEWAY_FAILED();
      }
    }
    const reversal = await reverse(tx, p.street_id, p.id, input.amountFen, at);
    await tx
      .insertInto('fee_refunds')
      .values({
        street_id: p.street_id,
        id,
        no,
        payment_id: p.id,
        compound_id: p.compound_id,
        amount_fen: input.amountFen,
        reason: input.reason,
        provider_refund_txn: providerRefundTxn,
        voucher_no: p.channel === 'gateway' ? null : input.voucherNo!,
        refunded_at: at,
        refunded_by: ctx.actor.accountId,
      })
      .execute();
    // A bill the refund reopened no longer earns its subsidy (the subsidies part).
    await reverseSubsidiesForBills(tx, ctx, reversal.map((r) => r.billId), input.reason);
    await tx.updateTable('fee_payments').set({ refunded_fen: sql`refunded_fen + ${input.amountFen}` }).where('street_id', '=', p.street_id).where('id', '=', p.id).execute();
    await audit(tx, ctx, {
      action: 'fees.payment.refunded',
      placeId: p.compound_id,
      subjectType: 'fee_payment',
      subjectId: p.id,
      detail: { refundNo: no, amountFen: input.amountFen, full: input.amountFen === left, reason: input.reason, bills: reversal.length },
    });
    return { id, no, amountFen: input.amountFen, refundedFen: p.refunded_fen + input.amountFen, bills: reversal };
  });
}

/** The negative allocations of a refund, and the bills' paid amounts lowered and reopened. */
async function reverse(tx: Tx, streetId: string, paymentId: string, refundFen: number, at: Date) {
  const onBills = await tx
    .selectFrom('fee_payment_allocations as a')
    .innerJoin('fee_bills as b', (j) => j.onRef('b.street_id', '=', 'a.street_id').onRef('b.id', '=', 'a.bill_id'))
    .select(['a.bill_id as billId', 'b.period_start as periodStart', sql<number>`sum(a.amount_fen)::bigint`.as('netFen')])
    .where('a.street_id', '=', streetId)
    .where('a.payment_id', '=', paymentId)
    .groupBy(['a.bill_id', 'b.period_start'])
    .execute();
  const reversal = reversalOf(onBills.map((b) => ({ ...b, netFen: Number(b.netFen) })), refundFen);
  for (const r of reversal) {
    await tx.insertInto('fee_payment_allocations').values({ street_id: streetId, id: newId(), payment_id: paymentId, bill_id: r.billId, amount_fen: -r.fen, at }).execute();
    await tx
      .updateTable('fee_bills')
      .set({ paid_fen: sql`paid_fen - ${r.fen}`, status: sql`case when status = 'paid' then 'open' else status end` })
      .where('street_id', '=', streetId)
      .where('id', '=', r.billId)
      .execute();
  }
  return reversal;
}
