import { audit, type Ctx } from '../../../kernel/context.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { bookPayment } from './book-payment.ts';
import { staffPlace } from './staff-scope.ts';

/**
 * A counter payment (柜台收款) by the property company's staff: cash or POS, with the voucher's number, for open
 * bills of one room — booked through bookPayment, so the same voucher entered twice is booked once (the second
 * time answers the first booking, `duplicate: true`, and leaves an audit entry of the repeat).
 */
export async function takeCounterPayment(ctx: Ctx, input: { roomId: string; billIds: readonly string[]; channel: 'cash' | 'pos'; voucherNo: string; amountFen: number; payerName?: string | undefined }) {
  const room = await staffPlace(ctx, read(ctx), input.roomId, 'bill');
  if (room.kind !== 'room') throw FeesErrors.PLACE_NOT_FOUND();
  const bills = await read(ctx).selectFrom('fee_bills').select(['id', 'room_id', 'compound_id']).where('street_id', '=', room.street_id!).where('id', 'in', [...new Set(input.billIds)]).execute();
  if (bills.length !== new Set(input.billIds).size || bills.some((b) => b.room_id !== room.id)) throw FeesErrors.BILL_NOT_FOUND();
  return write(ctx, async (tx) => {
    const booked = await bookPayment(tx, ctx, {
      streetId: room.street_id!,
      channel: input.channel,
      voucherNo: input.voucherNo,
      amountFen: input.amountFen,
      billIds: bills.map((b) => b.id),
      payerAccountId: null,
      payerNameMasked: input.payerName ? maskName(input.payerName) : null,
      bookedBy: ctx.actor.accountId,
    });
    if (booked.duplicate) {
      await audit(tx, ctx, { action: 'fees.counter.repeated', placeId: bills[0]!.compound_id, subjectType: 'fee_payment', subjectId: booked.paymentId, detail: { channel: input.channel, voucherNo: input.voucherNo } });
    }
    return booked;
  });
}

