import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { buildWorld, type World } from '../../test/fixture.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { read, write } from './fees.db.ts';
import { openBill } from './fees.test-support.ts';
import { bookPayment, type BookPaymentInput } from './use-cases/book-payment.ts';

/**
 * The core rule of money in: a payment is booked exactly once — whatever the gateway repeats, however many
 * arrive at once — only for exactly what the bills owe, and every booking gets the next receipt number of its
 * issuer's year, with no gaps left by refusals.
 */
let env: TestEnv;
let w: World;
before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
});
after(() => env.close());

const system = () => ({ kernel: env.kernel, actor: SYSTEM_ACTOR });
const streetOf = async (placeId: string) => (await read(env.kernel).selectFrom('street_places').select('street_id').where('id', '=', placeId).executeTakeFirstOrThrow()).street_id;
const book = (input: BookPaymentInput) => write(system(), (tx) => bookPayment(tx, system(), input));
const gateway = (streetId: string, billIds: string[], amountFen: number, txn: string): BookPaymentInput => ({
  streetId, channel: 'gateway', provider: 'sandbox', providerTxnId: txn, amountFen, billIds, payerAccountId: null, payerNameMasked: '王*', bookedBy: null,
});
const bill = (amountFen: number, roomId = w.rooms.A101) => openBill(env.kernel, { roomId, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen });

describe('booking a payment', () => {
  test('books the bills paid, allocates each in full and issues receipt numbers in order', async () => {
    const streetId = await streetOf(w.places.A);
    const [b1, b2] = [await bill(23162), await bill(1000)];
    const first = await book(gateway(streetId, [b1, b2], 24162, 'T-1'));
    assert.equal(first.duplicate, false);
    const bills = await read(env.kernel).selectFrom('fee_bills').select(['id', 'paid_fen', 'status']).where('id', 'in', [b1, b2]).orderBy('paid_fen').execute();
    assert.deepEqual(bills.map((b) => [b.paid_fen, b.status]), [[1000, 'paid'], [23162, 'paid']]);
    const allocated = await read(env.kernel).selectFrom('fee_payment_allocations').select((eb) => eb.fn.sum<number>('amount_fen').as('s')).where('payment_id', '=', first.paymentId).executeTakeFirstOrThrow();
    assert.equal(Number(allocated.s), 24162);
    const second = await book({ ...gateway(streetId, [await bill(500)], 500, 'T-2') });
    const year = first.receiptNo.slice(2, 6);
    assert.equal(Number(second.receiptNo.slice(7)), Number(first.receiptNo.slice(7)) + 1, 'the next number of the same issuer and year');
    assert.match(first.receiptNo, new RegExp(`^SJ${year}-\\d{6}$`));
  });

  test('the same gateway transaction twice books once, and answers the first booking', async () => {
    const streetId = await streetOf(w.places.A);
    const b = await bill(8800);
    const once = await book(gateway(streetId, [b], 8800, 'T-dup'));
    const again = await book(gateway(streetId, [b], 8800, 'T-dup'));
    assert.equal(again.duplicate, true);
    assert.equal(again.paymentId, once.paymentId);
    assert.equal(again.receiptNo, once.receiptNo);
    const n = await read(env.kernel).selectFrom('fee_payments').select((eb) => eb.fn.countAll<number>().as('n')).where('provider_txn_id', '=', 'T-dup').executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 1);
  });

  test('ten copies of one notification at once book one payment', async () => {
    const streetId = await streetOf(w.places.A);
    const b = await bill(12345);
    const results = await Promise.all(Array.from({ length: 10 }, () => book(gateway(streetId, [b], 12345, 'T-burst'))));
    assert.equal(new Set(results.map((r) => r.paymentId)).size, 1);
    assert.equal(results.filter((r) => !r.duplicate).length, 1);
    const paid = await read(env.kernel).selectFrom('fee_bills').select('paid_fen').where('id', '=', b).executeTakeFirstOrThrow();
    assert.equal(paid.paid_fen, 12345);
  });

  test('an amount that is not what the bills owe books nothing, and uses no receipt number', async () => {
    const streetId = await streetOf(w.places.A);
    const b = await bill(10000);
    const before = await read(env.kernel).selectFrom('fee_receipts').select((eb) => eb.fn.max('seq').as('seq')).where('issuer_id', '=', w.organisations.pc1).executeTakeFirstOrThrow();
    for (const amount of [9999, 10001]) {
      await assert.rejects(book(gateway(streetId, [b], amount, `T-wrong-${amount}`)), (e: Error & { code?: string }) => e.code === 'PAYMENT_AMOUNT_MISMATCH');
    }
    const bills = await read(env.kernel).selectFrom('fee_bills').select(['paid_fen', 'status']).where('id', '=', b).executeTakeFirstOrThrow();
    assert.deepEqual(bills, { paid_fen: 0, status: 'open' });
    const next = await book(gateway(streetId, [b], 10000, 'T-right'));
    assert.equal(Number(next.receiptNo.slice(7)), Number(before.seq) + 1, 'no number lost to the refusals');
  });

  test('a paid bill cannot be paid again; bills of two compounds are not one payment', async () => {
    const streetId = await streetOf(w.places.A);
    const b = await bill(700);
    await book({ ...gateway(streetId, [b], 700, 'T-a'), channel: 'cash', provider: undefined, providerTxnId: undefined, voucherNo: 'V-1' });
    await assert.rejects(book({ ...gateway(streetId, [b], 700, 'T-b') }), (e: Error & { code?: string }) => e.code === 'BILL_NOT_OPEN');
    const other = await openBill(env.kernel, { roomId: w.rooms.B101, compoundId: w.places.B, companyId: null, amountFen: 100 });
    await assert.rejects(book(gateway(streetId, [await bill(100), other], 200, 'T-mixed')), (e: Error & { code?: string }) => e.code === 'BILLS_MIXED');
    // The same cash voucher again is the same payment.
    const again = await book({ ...gateway(streetId, [b], 700, 'T-c'), channel: 'cash', provider: undefined, providerTxnId: undefined, voucherNo: 'V-1' });
    assert.equal(again.duplicate, true);
  });
});
