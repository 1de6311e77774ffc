import { sql } from 'kysely';
import { pathLabel } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import type { PaymentChannel } from '../fees.constants.ts';
import type { Tx } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { issueReceipt } from './issue-receipt.ts';
import { stopReminders } from './send-reminders.ts';
import { grantSubsidiesForPaidBills } from './grant-subsidies.ts';

export interface BookPaymentInput {
  streetId: string;
  channel: PaymentChannel;
  /** Gateway payments: the provider and its transaction id — the key that books a payment once. */
  provider?: string;
  providerTxnId?: string;
  /** Counter payments: the cash or POS voucher's number — once per channel. */
  voucherNo?: string;
  amountFen: number;
  /** The bills paid: all of one compound, each paid in full (what is due is amount + adjustments − paid). */
  billIds: readonly string[];
  payerAccountId: string | null;
  payerNameMasked: string | null;
  /** The staff member at the counter; null for the gateway. */
  bookedBy: string | null;
}

export interface Booked {
  paymentId: string;
  paymentNo: string;
  receiptId: string;
  receiptNo: string;
  /** The same transaction (or voucher) was booked before: nothing was written this time. */
  duplicate: boolean;
}

/** What a payer quotes: 'JF' + the Shanghai date + the id's last eight characters. */
const paymentNo = (at: Date, id: string) => `JF${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')}${id.slice(-8).toUpperCase()}`;

async function existing(tx: Tx, input: BookPaymentInput) {
  const q = tx
    .selectFrom('fee_payments as p')
    .innerJoin('fee_receipts as r', (j) => j.onRef('r.street_id', '=', 'p.street_id').onRef('r.payment_id', '=', 'p.id'))
    .select(['p.id', 'p.no', 'p.amount_fen', 'r.id as receiptId', 'r.no as receiptNo'])
    .where('p.street_id', '=', input.streetId);
  return input.channel === 'gateway'
    ? q.where('p.channel', '=', 'gateway').where('p.provider', '=', input.provider!).where('p.provider_txn_id', '=', input.providerTxnId!).executeTakeFirst()
    : q.where('p.channel', '=', input.channel).where('p.voucher_no', '=', input.voucherNo!).executeTakeFirst();
}

/**
 * Books one payment exactly once, in the caller's transaction: the payment, its allocation to each bill, the
 * bills' paid amounts and status, the receipt (issue-receipt.ts), the audit entry and the payer's message.
 *
 * Exactly once, whatever a gateway repeats: the payment is looked up by its provider transaction (or voucher)
 * before and again after the bills are locked — a concurrent duplicate waits on the bills' row locks and then
 * finds the first booking committed — and the unique indexes on fee_payments stop anything that slips through.
 * An amount that differs from what the bills owe books nothing (409 PAYMENT_AMOUNT_MISMATCH; the gateway flags it).
 */
export async function bookPayment(tx: Tx, ctx: Ctx, input: BookPaymentInput): Promise<Booked> {
  if (input.channel === 'gateway' ? !input.provider || !input.providerTxnId : !input.voucherNo) throw new Error('bookPayment: a gateway payment needs its transaction, a counter payment its voucher');
  const before = await existing(tx, input);
  if (before) return { paymentId: before.id, paymentNo: before.no, receiptId: before.receiptId, receiptNo: before.receiptNo, duplicate: true };
  if (input.billIds.length === 0) throw FeesErrors.BILL_NOT_FOUND();

  const bills = await tx
    .selectFrom('fee_bills as b')
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'b.street_id').onRef('room.id', '=', 'b.room_id'))
    .select(['b.id', 'b.compound_id', 'b.company_id', 'b.status', 'b.amount_fen', 'b.adjusted_fen', 'b.paid_fen', 'b.period_label', 'b.room_id'])
    .select(pathLabel('room.path', ['building', 'unit', 'room']).as('roomLabel'))
    .where('b.street_id', '=', input.streetId)
    .where('b.id', 'in', [...input.billIds])
    .orderBy('b.id')
    .forUpdate('b')
    .execute();
  const again = await existing(tx, input);
  if (again) return { paymentId: again.id, paymentNo: again.no, receiptId: again.receiptId, receiptNo: again.receiptNo, duplicate: true };
  if (bills.length !== new Set(input.billIds).size) throw FeesErrors.BILL_NOT_FOUND();
  if (new Set(bills.map((b) => b.compound_id)).size > 1) throw FeesErrors.BILLS_MIXED();
  if (bills.some((b) => b.status !== 'open')) throw FeesErrors.BILL_NOT_OPEN();
  const owed = bills.map((b) => ({ ...b, due: b.amount_fen + b.adjusted_fen - b.paid_fen }));
  const dueFen = owed.reduce((s, b) => s + b.due, 0);
  if (dueFen !== input.amountFen) {
    throw FeesErrors.PAYMENT_AMOUNT_MISMATCH({ paid: (input.amountFen / 100).toFixed(2), due: (dueFen / 100).toFixed(2) });
  }

  const at = ctx.kernel.clock.now();
  const id = newId();
  const no = paymentNo(at, id);
  const first = bills[0]!;
  await tx
    .insertInto('fee_payments')
    .values({
      street_id: input.streetId,
      id,
      no,
      compound_id: first.compound_id,
      company_id: first.company_id,
      channel: input.channel,
      provider: input.channel === 'gateway' ? input.provider! : null,
      provider_txn_id: input.channel === 'gateway' ? input.providerTxnId! : null,
      voucher_no: input.channel === 'gateway' ? null : input.voucherNo!,
      amount_fen: input.amountFen,
      payer_account_id: input.payerAccountId,
      payer_name_masked: input.payerNameMasked,
      booked_at: at,
      booked_by: input.bookedBy,
    })
    .execute();
  await tx
    .insertInto('fee_payment_allocations')
    .values(owed.map((b) => ({ street_id: input.streetId, id: newId(), payment_id: id, bill_id: b.id, amount_fen: b.due, at })))
    .execute();
  await tx
    .updateTable('fee_bills')
    .set({ paid_fen: sql`paid_fen + (case ${sql.join(owed.map((b) => sql`when id = ${b.id} then ${b.due}::bigint`), sql` `)} end)`, status: 'paid' })
    .where('street_id', '=', input.streetId)
    .where('id', 'in', owed.map((b) => b.id))
    .execute();
  // 先缴后补: a paid bill of an eligible household earns its subsidy line now (the subsidies part).
  await grantSubsidiesForPaidBills(tx, ctx, owed.map((b) => b.id), input.payerAccountId);
  // A payment stops the queued reminders of the rooms it paid for (the arrears part).
  await stopReminders(tx, ctx, { streetId: input.streetId, roomIds: [...new Set(bills.map((b) => b.room_id))] });

  const rooms = [...new Set(bills.map((b) => b.roomLabel))];
  const periods = [...new Set(bills.map((b) => b.period_label))].sort();
  const receipt = await issueReceipt(tx, {
    streetId: input.streetId,
    paymentId: id,
    issuerId: first.company_id ?? input.streetId,
    compoundId: first.compound_id,
    amountFen: input.amountFen,
    payerNameMasked: input.payerNameMasked,
    roomLabel: rooms.join('、'),
    itemsLabel: periods.join('、'),
    at,
  });
  await audit(tx, ctx, {
    action: 'fees.payment.booked',
    placeId: first.compound_id,
    subjectType: 'fee_payment',
    subjectId: id,
    detail: { no, channel: input.channel, amountFen: input.amountFen, bills: owed.length, receipt: receipt.no, ...(input.voucherNo ? { voucherNo: input.voucherNo } : {}) },
  });
  if (input.payerAccountId) {
    await notify(tx, ctx, {
      template: 'fees.payment_booked',
      placeId: first.compound_id,
      to: { accounts: [input.payerAccountId] },
      data: { amount: (input.amountFen / 100).toFixed(2), receiptNo: receipt.no, room: rooms.join('、') },
      subject: { type: 'fee_payment', id },
    });
  }
  return { paymentId: id, paymentNo: no, receiptId: receipt.id, receiptNo: receipt.no, duplicate: false };
}
