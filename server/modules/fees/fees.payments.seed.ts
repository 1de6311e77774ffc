import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read, write } from './fees.db.ts';
import { bookPayment } from './use-cases/book-payment.ts';
import { notifyUrl } from './use-cases/create-pay-order.ts';
import { reconcileDay } from './use-cases/reconcile-day.ts';
import { refundPayment } from './use-cases/refund-payment.ts';
import { createSettlement, matchSettlement, sendSettlement } from './use-cases/settle-company.ts';

const DAY = 86_400_000;
const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The payments part of the demo, after the bills part's: most of the older open bills (those due before this
 * month) paid — about 88 % — through bookPayment, at the counter (cash, POS) and through the sandbox gateway, one
 * payment per room: six in ten paid ahead on the first bill's due date, the rest a few days after the last fell due; some rooms left owing several months (the arrears part's list), some
 * owing the last one. Then one partial refund, a day's reconciliation with one difference left open (a payment
 * whose notification "was lost"), and a settlement batch of last month for 阳光花园's company, sent and matched.
 * Does nothing when there are no bills (the bills part not seeded).
 */
export async function seedPayments(kernel: Kernel, demo: DemoSeedContext): Promise<{ paid: number; payments: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { paid: 0, payments: 0 };
  const monthStart = `${shanghaiDate(demo.now).slice(0, 7)}-01`;
  const bills = await read(kernel)
    .selectFrom('fee_bills')
    .select(['id', 'room_id', 'compound_id', 'company_id', 'due_on', 'period_start', 'amount_fen', 'adjusted_fen', 'paid_fen'])
    .where('street_id', '=', street.street.id)
    .where('status', '=', 'open')
    .where('payer_kind', '=', 'owners')
    .where('due_on', '<', monthStart)
    .orderBy('room_id')
    .orderBy('period_start')
    .execute();
  if (bills.length === 0) return { paid: 0, payments: 0 };

  const rng = demo.random(1845);
  const byRoom = new Map<string, typeof bills>();
  for (const b of bills) byRoom.set(b.room_id, [...(byRoom.get(b.room_id) ?? []), b]);
  const wuye = demo.account('wuye')?.id ?? null;
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  /** bookPayment reads "now" from the kernel's clock: each payment is booked on its own day. */
  const at = (when: Date): Ctx => ({ kernel: { ...kernel, clock: { now: () => when } } as Kernel, actor: SYSTEM_ACTOR });
  let paid = 0;
  let payments = 0;
  let seq = 0;
  const gateway: { paymentId: string; compoundId: string; day: string }[] = [];

  await write(system, async (tx) => {
    for (const [, roomBills] of byRoom) {
      const draw = rng.next();
      // About 8 % of rooms owe every older month; 6 % owe the latest of them; the rest are paid up.
      const toPay = draw < 0.08 ? [] : draw < 0.14 ? roomBills.slice(0, -1) : roomBills;
      if (toPay.length === 0) continue;
      const last = toPay[toPay.length - 1]!;
      // Six in ten pay the half-year ahead (预交), on or before the first bill's due date, so every month's own bills
      // are mostly paid within their month (the collection rate); the rest settle everything a little after the last.
      const prepaid = rng.chance(0.6);
      const when = prepaid
        ? new Date(Date.parse(`${toPay[0]!.due_on}T10:00:00+08:00`) - rng.int(0, 14) * DAY + rng.int(0, 8 * 3_600_000))
        : new Date(Math.min(Date.parse(`${last.due_on}T10:00:00+08:00`) + rng.int(0, 20) * DAY + rng.int(0, 8 * 3_600_000), demo.now.getTime() - DAY));
      const amountFen = toPay.reduce((s, b) => s + b.amount_fen + b.adjusted_fen - b.paid_fen, 0);
      if (amountFen <= 0) continue;
      const channel = rng.chance(0.35) ? 'gateway' : rng.chance(0.7) ? 'cash' : 'pos';
      seq++;
      if (channel === 'gateway') {
        const orderId = newId();
        const no = `PO${shanghaiDate(when).replaceAll('-', '')}${randomBytes(6).toString('hex').toUpperCase()}`;
        const txn = `T${randomBytes(10).toString('hex').toUpperCase()}`;
        const sbxNo = `SBX${randomBytes(10).toString('hex').toUpperCase()}`;
        await tx
          .insertInto('fee_sbx_orders')
          .values({ order_no: sbxNo, merchant_id: street.street.id, sub_merchant_id: last.company_id, out_trade_no: no, amount_fen: amountFen, subject: '物业费', notify_url: notifyUrl(kernel, 'sandbox'), status: 'paid', txn_id: txn, paid_at: when, created_at: when })
          .execute();
        await tx
          .insertInto('fee_pay_orders')
          .values({ street_id: street.street.id, id: orderId, no, provider: 'sandbox', room_id: last.room_id, compound_id: last.compound_id, company_id: last.company_id, payer_account_id: null, payer_name_masked: null, amount_fen: amountFen, provider_order_no: sbxNo, created_at: when })
          .execute();
        await tx.insertInto('fee_pay_order_bills').values(toPay.map((b) => ({ street_id: street.street.id, order_id: orderId, bill_id: b.id, due_fen: b.amount_fen + b.adjusted_fen - b.paid_fen }))).execute();
        const booked = await bookPayment(tx, at(when), { streetId: street.street.id, channel: 'gateway', provider: 'sandbox', providerTxnId: txn, amountFen, billIds: toPay.map((b) => b.id), payerAccountId: null, payerNameMasked: null, bookedBy: null });
        await tx.updateTable('fee_pay_orders').set({ status: 'paid', provider_txn_id: txn, payment_id: booked.paymentId, paid_at: when, last_event_at: when }).where('street_id', '=', street.street.id).where('id', '=', orderId).execute();
        gateway.push({ paymentId: booked.paymentId, compoundId: last.compound_id, day: shanghaiDate(when) });
      } else {
        await bookPayment(tx, at(when), { streetId: street.street.id, channel, voucherNo: `${channel === 'cash' ? 'XJ' : 'POS'}${shanghaiDate(when).replaceAll('-', '')}-${String(seq).padStart(5, '0')}`, amountFen, billIds: toPay.map((b) => b.id), payerAccountId: null, payerNameMasked: null, bookedBy: wuye });
      }
      paid += toPay.length;
      payments++;
    }
  });

  const home = street.compounds[0]!;
  const manager = await demo.as('wuye');
  const official = (await demo.as('street')) ?? system;
  // One partial refund: a gateway payment of 阳光花园, a third back (an elevator charge billed by mistake).
  const toRefund = gateway.find((g) => g.compoundId === home.id);
  if (toRefund && manager) {
    const p = await read(kernel).selectFrom('fee_payments').select('amount_fen').where('id', '=', toRefund.paymentId).executeTakeFirstOrThrow();
    await refundPayment(manager, toRefund.paymentId, { amountFen: Math.max(1, Math.floor(p.amount_fen / 3)), reason: '电梯运行费误收，按业主大会决议退回' });
  }
  // A day's reconciliation with one difference left open: the provider took a payment whose notification never came.
  const lastDay = gateway.map((g) => g.day).sort().at(-1);
  if (lastDay) {
    const when = new Date(`${lastDay}T21:30:00+08:00`);
    await write(system, (tx) =>
      tx
        .insertInto('fee_sbx_orders')
        .values({ order_no: `SBX${randomBytes(10).toString('hex').toUpperCase()}`, merchant_id: street.street.id, sub_merchant_id: null, out_trade_no: `PO${lastDay.replaceAll('-', '')}LOSTNOTICE01`, amount_fen: 25_680, subject: '物业费', notify_url: notifyUrl(kernel, 'sandbox'), status: 'paid', txn_id: `T${randomBytes(10).toString('hex').toUpperCase()}`, paid_at: when, created_at: when })
        .execute(),
    );
    await reconcileDay(official, { streetId: street.street.id, day: lastDay });
  }
  // Last month's settlement for 阳光花园's property company, by the provider's split: sent and matched.
  const lastMonth = shanghaiDate(new Date(Date.parse(`${monthStart}T00:00:00+08:00`) - DAY)).slice(0, 7);
  if (home.propertyCompanyId) {
    const batch = await createSettlement(official, { companyId: home.propertyCompanyId, channel: 'split', period: lastMonth });
    await sendSettlement(official, batch.id);
    await matchSettlement(official, batch.id, {});
  }
  demo.notes.push('物业费缴费：业主 13800000001 在 H5 账单页选择账单去支付，进入沙箱收银台确认支付；工作台「柜台收款」「缴费记录」「支付异常」「对账」「清分结算」。');
  return { paid, payments };
}
