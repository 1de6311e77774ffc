import { sql } from 'kysely';
import { newId } from '../../../kernel/ids.ts';
import type { Tx } from '../fees.db.ts';

/** A receipt's printed number: 'SJ' + year + '-' + its sequence in the issuer's year, six digits. */
export const receiptNo = (year: number, seq: number) => `SJ${year}-${String(seq).padStart(6, '0')}`;

/**
 * Issues the receipt of a booked payment, in the booking's transaction. Numbers run per issuer (the property
 * company serving the compound, else the street's centre) and year without gaps: the counter row is taken with
 * an upsert, which holds its row lock until the transaction ends, so concurrent bookings get consecutive numbers
 * and a rolled-back one gives its number back. A voided receipt keeps its number (void-receipt.ts).
 */
export async function issueReceipt(
  tx: Tx,
  input: {
    streetId: string;
    paymentId: string;
    issuerId: string;
    compoundId: string;
    amountFen: number;
    payerNameMasked: string | null;
    roomLabel: string;
    itemsLabel: string;
    at: Date;
  },
): Promise<{ id: string; no: string }> {
  // The receipt's year is the Shanghai calendar year of the booking.
  const year = Number(new Date(input.at.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const counter = await tx
    .insertInto('fee_receipt_counters')
    .values({ street_id: input.streetId, issuer_id: input.issuerId, year, last_seq: 1 })
    .onConflict((oc) => oc.columns(['street_id', 'issuer_id', 'year']).doUpdateSet({ last_seq: sql`fee_receipt_counters.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const id = newId();
  const no = receiptNo(year, counter.last_seq);
  await tx
    .insertInto('fee_receipts')
    .values({
      street_id: input.streetId,
      id,
      issuer_id: input.issuerId,
      year,
      seq: counter.last_seq,
      no,
      payment_id: input.paymentId,
      compound_id: input.compoundId,
      amount_fen: input.amountFen,
      payer_name_masked: input.payerNameMasked,
      room_label: input.roomLabel,
      items_label: input.itemsLabel,
      issued_at: input.at,
    })
    .execute();
  return { id, no };
}
