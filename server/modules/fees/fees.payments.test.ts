import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { write as kernelWrite } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import { appDb } from '../../app.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { countRows, type Session, signIn } from '../../test/harness.ts';
import { openBill } from './fees.test-support.ts';
import { deliverSandboxNotifications, type Post } from './gateway/sandbox-delivery.ts';
import { parseStatement, SIGNATURE_HEADERS, signBody } from './gateway/provider.ts';
import { reversalOf } from './use-cases/refund-payment.ts';
import { compareStatement } from './use-cases/reconcile-day.ts';
import { settlementPeriod } from './use-cases/settle-company.ts';
import { SANDBOX_MERCHANT_KEY } from '../../kernel/config.ts';

/**
 * The payments part against the rules of issue 18: a forged or wrongly signed notification books nothing; a
 * duplicate (and ten at once) books once; an amount mismatch is flagged, never booked; an older notification
 * changes nothing; refunds full and partial reverse exactly (hand-computed); reconciliation lists planted
 * differences; the same counter voucher twice books once; settlement matches the sandbox's split statement;
 * and the access matrix of the routes.
 */
const { env, w, afterSetUp } = useWorld();
const db = () => appDb(env.kernel);
const s: Record<string, Session> = {};
let tomAccount = '';

/** The sandbox's delivery posts into the app under test (the same handler as over HTTP). */
const inject: Post = async (url, body, headers) => {
  const res = await env.app.inject({ method: 'POST', url: new URL(url).pathname, payload: body, headers });
  return { status: res.statusCode, body: res.body };
};
const deliver = () => deliverSandboxNotifications(env.kernel, inject);
const bill = (roomId: string, amountFen: number, periodLabel = '2026-11', compound: 'A' | 'Z' = 'A') =>
  openBill(env.kernel, {
    roomId,
    compoundId: compound === 'A' ? w.places.A : w.places.Z,
    companyId: compound === 'A' ? w.organisations.pc1 : w.organisations.pcZ,
    amountFen,
    periodLabel,
    periodStart: `${periodLabel}-01`,
    periodEnd: periodLabel === '2026-11' ? '2026-12-01' : periodLabel === '2026-10' ? '2026-11-01' : '2027-01-01',
  });
const billRow = (id: string) => db().selectFrom('fee_bills').select(['paid_fen', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
const paymentsOfTxn = async (txn: string) => (await db().selectFrom('fee_payments').select('id').where('provider_txn_id', '=', txn).execute()).length;
const tick = (ms = 1000) => env.clock.advance(ms);

/** A resident's order for the bills, paid at the sandbox cashier in `mode`: the order id, sandbox number and txn. */
async function payInSandbox(who: Session, billIds: string[], mode = 'normal') {
  const order = await who.request('POST', '/api/me/fees/pay-orders', { billIds });
  assert.equal(order.status, 201, JSON.stringify(order.body));
  const orderNo = order.body.payUrl.split('/').pop();
  const cashier = await env.app.inject({ method: 'GET', url: `/api/fees/sandbox/orders/${orderNo}` });
  assert.equal(cashier.json().amountFen, order.body.amountFen);
  const paid = await env.app.inject({ method: 'POST', url: `/api/fees/sandbox/orders/${orderNo}/pay`, payload: { mode } });
  assert.equal(paid.statusCode, 200, paid.body);
  return { orderId: order.body.id as string, orderNo: order.body.no as string, sbx: orderNo as string, txnId: paid.json().txnId as string, amountFen: order.body.amountFen as number };
}

afterSetUp(async () => {
  for (const login of ['13800000001', 'property_manager', 'property_staff', 'street_official', 'building_leader', 'platform_admin']) s[login] = await signIn(env.app, login);
  const ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  await kernelWrite(ctx, async (tx) => {
    tomAccount = await createAccount(tx, env.kernel.pii, { phone: '13800000009', displayName: '陈涛', password: PASSWORD, personId: w.persons.tom });
    await createAccount(tx, env.kernel.pii, { phone: '13800000008', displayName: '李波', password: PASSWORD, personId: w.persons.bob });
  });
  s.tom = await signIn(env.app, '13800000009');
  s.bob = await signIn(env.app, '13800000008');
});

describe('gateway notifications', () => {
  test('a sandbox payment is notified, verified and booked once: the bill paid, a receipt, the order polled as paid', async () => {
    const b = await bill(w.rooms.A101, 12_345);
    const o = await payInSandbox(s['13800000001']!, [b]);
    assert.equal(o.amountFen, 12_345);
    assert.equal((await s['13800000001']!.request('GET', `/api/me/fees/pay-orders/${o.orderId}`)).body.status, 'created');
    assert.equal(await deliver(), 1);
    const mine = await s['13800000001']!.request('GET', `/api/me/fees/pay-orders/${o.orderId}`);
    assert.equal(mine.body.status, 'paid');
    assert.match(mine.body.receiptNo, /^SJ2026-\d{6}$/);
    assert.deepEqual(await billRow(b), { paid_fen: 12_345, status: 'paid' });
    assert.equal(await paymentsOfTxn(o.txnId), 1);
    // Someone else's order answers 404.
    assert.equal((await s.bob!.request('GET', `/api/me/fees/pay-orders/${o.orderId}`)).status, 404);
  });

  test('a forged notification (signed with another key) is refused, books nothing, and leaves a placeless audit entry; the genuine one books', async () => {
    const b = await bill(w.rooms.A101, 5_000);
    const o = await payInSandbox(s['13800000001']!, [b], 'forged');
    await deliver();
    const events = await db().selectFrom('fee_gateway_events').select(['outcome']).where('out_trade_no', 'is', null).where('received_at', '=', env.clock.now()).execute();
    assert.ok(events.some((e) => e.outcome === 'refused_signature'));
    const refused = await db().selectFrom('audit_log').select(['place_id']).where('action', '=', 'fees.gateway.refused').execute();
    assert.ok(refused.length >= 1 && refused.every((r) => r.place_id === null));
    assert.equal(await paymentsOfTxn(o.txnId), 1, 'the genuine notification books, once');
    // The forged notification (claiming 100× the amount) is retried by the sandbox and refused each time.
    const forged = await db().selectFrom('fee_sbx_notifications').select(['attempts', 'delivered_at']).where('body', 'like', `%${o.orderNo}%`).orderBy('id').executeTakeFirstOrThrow();
    assert.equal(forged.delivered_at, null);
  });

  test('a tampered body with the genuine signature, a stale timestamp and missing headers are refused and write nothing but the event and its audit entry', async () => {
    const b = await bill(w.rooms.A101, 7_000);
    const o = await payInSandbox(s['13800000001']!, [b], 'normal');
    const queued = await db().selectFrom('fee_sbx_notifications').select(['body', 'headers']).where('body', 'like', `%${o.orderNo}%`).executeTakeFirstOrThrow();
    const tables = ['fee_payments', 'fee_payment_allocations', 'fee_receipts', 'fee_pay_orders', 'fee_bills'];
    const before = await countRows(env.kernel, tables);
    const tampered = queued.body.replace('"amount_fen":7000', '"amount_fen":1');
    const stale = String(Math.floor(env.clock.now().getTime() / 1000) - 3600);
    const staleHeaders = { ...queued.headers, [SIGNATURE_HEADERS.timestamp]: stale, [SIGNATURE_HEADERS.signature]: signBody(SANDBOX_MERCHANT_KEY, stale, 'n', queued.body), [SIGNATURE_HEADERS.nonce]: 'n' };
    for (const [body, headers] of [[tampered, queued.headers], [queued.body, staleHeaders], [queued.body, { 'content-type': 'application/json' }], ['not json', queued.headers]] as const) {
      const r = await inject('http://x/api/fees/gateway/sandbox/notify', body, headers);
      assert.equal(r.status, 401, r.body);
      assert.equal(JSON.parse(r.body).error.code, 'GATEWAY_SIGNATURE');
    }
    assert.deepEqual(await countRows(env.kernel, tables), before);
    assert.deepEqual(await billRow(b), { paid_fen: 0, status: 'open' });
    // A correctly signed notification for an order nobody made: refused too.
    const ts = String(Math.floor(env.clock.now().getTime() / 1000));
    const unknown = queued.body.replace(o.orderNo, 'PO20261122FFFFFFFFFFFF');
    const r = await inject('http://x/api/fees/gateway/sandbox/notify', unknown, { 'content-type': 'application/json', [SIGNATURE_HEADERS.timestamp]: ts, [SIGNATURE_HEADERS.nonce]: 'n2', [SIGNATURE_HEADERS.signature]: signBody(SANDBOX_MERCHANT_KEY, ts, 'n2', unknown) });
    assert.equal(r.status, 404);
    assert.deepEqual(await countRows(env.kernel, tables), before);
    await deliver();
    assert.equal(await paymentsOfTxn(o.txnId), 1);
  });

  test('a notification sent twice books once; ten of it at once book one payment', async () => {
    const b = await bill(w.rooms.A101, 8_800);
    const o = await payInSandbox(s['13800000001']!, [b], 'twice');
    assert.equal(await deliver(), 2, 'both acknowledged');
    assert.equal(await paymentsOfTxn(o.txnId), 1);
    const outcomes = (await db().selectFrom('fee_gateway_events').select('outcome').where('order_id', '=', o.orderId).execute()).map((e) => e.outcome).sort();
    assert.deepEqual(outcomes, ['booked', 'duplicate']);

    const b2 = await bill(w.rooms.A101, 9_900);
    const o2 = await payInSandbox(s['13800000001']!, [b2], 'normal');
    const queued = await db().selectFrom('fee_sbx_notifications').select(['body', 'headers']).where('body', 'like', `%${o2.orderNo}%`).executeTakeFirstOrThrow();
    const answers = await Promise.all(Array.from({ length: 10 }, () => inject('http://x/api/fees/gateway/sandbox/notify', queued.body, queued.headers)));
    assert.deepEqual(answers.map((a) => a.status), Array(10).fill(200));
    assert.equal(await paymentsOfTxn(o2.txnId), 1);
    assert.deepEqual(await billRow(b2), { paid_fen: 9_900, status: 'paid' });
    const receipts = await db().selectFrom('fee_receipts as r').innerJoin('fee_payments as p', 'p.id', 'r.payment_id').select('r.no').where('p.provider_txn_id', '=', o2.txnId).execute();
    assert.equal(receipts.length, 1);
  });

  test('an amount that is not the order’s is flagged with the difference, never booked; staff see and close it', async () => {
    const b = await bill(w.rooms.A101, 4_321);
    const o = await payInSandbox(s['13800000001']!, [b], 'wrong_amount');
    await deliver();
    const order = await db().selectFrom('fee_pay_orders').select(['status', 'flag_diff_fen', 'payment_id']).where('id', '=', o.orderId).executeTakeFirstOrThrow();
    assert.deepEqual(order, { status: 'flagged', flag_diff_fen: -1, payment_id: null });
    assert.equal(await paymentsOfTxn(o.txnId), 0);
    assert.deepEqual(await billRow(b), { paid_fen: 0, status: 'open' });
    const list = await s.property_staff!.request('GET', '/api/fees/flagged-orders?q=' + o.orderNo);
    assert.equal(list.body.total, 1);
    assert.equal(list.body.items[0].diffFen, -1);
    assert.equal((await s.building_leader!.request('POST', `/api/fees/flagged-orders/${o.orderId}/resolve`, { note: 'x' })).status, 404);
    const closed = await s.property_staff!.request('POST', `/api/fees/flagged-orders/${o.orderId}/resolve`, { note: '已在渠道退回 43.20 元，请业主重新缴费' });
    assert.equal(closed.status, 200);
    assert.equal((await s.property_staff!.request('POST', `/api/fees/flagged-orders/${o.orderId}/resolve`, { note: 'again' })).status, 409);
  });

  test("an older notification arriving after the order's newer state (the payment after its refund) is acknowledged and changes nothing", async () => {
    const b = await bill(w.rooms.A101, 6_000);
    const o = await payInSandbox(s['13800000001']!, [b], 'out_of_order');
    await deliver();
    tick();
    const payment = await db().selectFrom('fee_payments').select('id').where('provider_txn_id', '=', o.txnId).executeTakeFirstOrThrow();
    const refund = await s.property_manager!.request('POST', `/api/fees/payments/${payment.id}/refunds`, { amountFen: 2_000, reason: '多收电梯费' });
    assert.equal(refund.status, 201, JSON.stringify(refund.body));
    tick();
    const before = await billRow(b);
    assert.equal(await deliver(), 2);
    const events = await db().selectFrom('fee_gateway_events').select(['kind', 'outcome']).where('order_id', '=', o.orderId).orderBy('received_at').execute();
    assert.deepEqual(events.map((e) => `${e.kind}:${e.outcome}`), ['pay:booked', 'refund:refund_confirmed', 'pay:stale']);
    assert.deepEqual(await billRow(b), before);
    assert.deepEqual(before, { paid_fen: 4_000, status: 'open' });
    assert.equal(await paymentsOfTxn(o.txnId), 1);
    const confirmed = await db().selectFrom('fee_refunds').select('confirmed_at').where('id', '=', refund.body.id).executeTakeFirstOrThrow();
    assert.ok(confirmed.confirmed_at);
  });
});

describe('refunds and counter payments', () => {
  test('the reversal rule, hand-computed: the most recent bill first, each giving back at most what the payment put on it', () => {
    const onBills = [
      { billId: 'a', periodStart: '2026-10-01', netFen: 10_000 },
      { billId: 'b', periodStart: '2026-11-01', netFen: 5_001 },
      { billId: 'c', periodStart: '2026-09-01', netFen: 0 },
    ];
    assert.deepEqual(reversalOf(onBills, 6_000), [{ billId: 'b', fen: 5_001 }, { billId: 'a', fen: 999 }]);
    assert.deepEqual(reversalOf(onBills, 5_001), [{ billId: 'b', fen: 5_001 }]);
    assert.deepEqual(reversalOf(onBills, 1), [{ billId: 'b', fen: 1 }]);
    assert.deepEqual(reversalOf(onBills, 15_001), [{ billId: 'b', fen: 5_001 }, { billId: 'a', fen: 10_000 }]);
    assert.throws(() => reversalOf(onBills, 15_002));
  });

  test('a counter payment, the same voucher twice booked once; partial then full refunds reverse it exactly; never more than paid', async () => {
    const oct = await bill(w.rooms.A103, 10_000, '2026-10');
    const nov = await bill(w.rooms.A103, 5_001, '2026-11');
    const body = { roomId: w.rooms.A103, billIds: [oct, nov], channel: 'cash', voucherNo: 'XJ-20261122-001', amountFen: 15_001, payerName: '周大伟' };
    const first = await s.property_staff!.request('POST', '/api/fees/counter-payments', body);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.duplicate, false);
    const again = await s.property_staff!.request('POST', '/api/fees/counter-payments', body);
    assert.equal(again.status, 201);
    assert.equal(again.body.duplicate, true);
    assert.equal(again.body.paymentId, first.body.paymentId);
    assert.equal((await db().selectFrom('fee_payments').select('id').where('voucher_no', '=', 'XJ-20261122-001').execute()).length, 1);
    const pay = first.body.paymentId as string;

    // A counter refund needs the voucher of the cash paid out.
    assert.equal((await s.property_staff!.request('POST', `/api/fees/payments/${pay}/refunds`, { amountFen: 6_000, reason: '退多缴' })).status, 400);
    tick();
    const partial = await s.property_staff!.request('POST', `/api/fees/payments/${pay}/refunds`, { amountFen: 6_000, reason: '退多缴', voucherNo: 'TK-001' });
    assert.equal(partial.status, 201, JSON.stringify(partial.body));
    assert.deepEqual(await billRow(nov), { paid_fen: 0, status: 'open' });
    assert.deepEqual(await billRow(oct), { paid_fen: 9_001, status: 'open' });
    const allocations = await db().selectFrom('fee_payment_allocations').select(['bill_id', 'amount_fen']).where('payment_id', '=', pay).orderBy('at').orderBy('amount_fen').execute();
    assert.deepEqual(allocations.map((a) => [a.bill_id, a.amount_fen]).sort(), [[nov, -5_001], [nov, 5_001], [oct, -999], [oct, 10_000]].sort());

    const before = await countRows(env.kernel, ['fee_refunds', 'fee_payment_allocations', 'audit_log']);
    const tooMuch = await s.property_staff!.request('POST', `/api/fees/payments/${pay}/refunds`, { amountFen: 9_002, reason: '全部退', voucherNo: 'TK-002' });
    assert.equal(tooMuch.status, 409);
    assert.deepEqual(await countRows(env.kernel, ['fee_refunds', 'fee_payment_allocations', 'audit_log']), before);

    const full = await s.property_staff!.request('POST', `/api/fees/payments/${pay}/refunds`, { amountFen: 9_001, reason: '全部退', voucherNo: 'TK-002' });
    assert.equal(full.status, 201);
    assert.deepEqual(await billRow(oct), { paid_fen: 0, status: 'open' });
    const p = await db().selectFrom('fee_payments').select(['amount_fen', 'refunded_fen']).where('id', '=', pay).executeTakeFirstOrThrow();
    assert.deepEqual(p, { amount_fen: 15_001, refunded_fen: 15_001 });
    const net = await db().selectFrom('fee_payment_allocations').select(sql<number>`sum(amount_fen)::int`.as('n')).where('payment_id', '=', pay).executeTakeFirstOrThrow();
    assert.equal(net.n, 0);
    const detail = await s.property_manager!.request('GET', `/api/fees/payments/${pay}`);
    assert.equal(detail.body.refunds.length, 2);
    assert.equal(detail.body.canRefund, false);
  });

  test('a gateway refund goes through the provider, partial and then the rest, and is confirmed by its notification', async () => {
    const b = await bill(w.rooms.A101, 3_003);
    const o = await payInSandbox(s['13800000001']!, [b]);
    await deliver();
    const payment = await db().selectFrom('fee_payments').select('id').where('provider_txn_id', '=', o.txnId).executeTakeFirstOrThrow();
    tick();
    assert.equal((await s.property_manager!.request('POST', `/api/fees/payments/${payment.id}/refunds`, { amountFen: 1_001, reason: '部分退款' })).status, 201);
    tick();
    assert.equal((await s.property_manager!.request('POST', `/api/fees/payments/${payment.id}/refunds`, { amountFen: 2_002, reason: '余款退回' })).status, 201);
    assert.equal(await deliver(), 2);
    const sbx = await db().selectFrom('fee_sbx_orders').select('refunded_fen').where('order_no', '=', o.sbx).executeTakeFirstOrThrow();
    assert.equal(sbx.refunded_fen, 3_003);
    assert.deepEqual(await billRow(b), { paid_fen: 0, status: 'open' });
    const refunds = await db().selectFrom('fee_refunds').select('confirmed_at').where('payment_id', '=', payment.id).execute();
    assert.ok(refunds.length === 2 && refunds.every((r) => r.confirmed_at));
  });
});

describe('reconciliation and settlement', () => {
  test('the comparison finds each kind of difference (pure)', () => {
    const statement = parseStatement('txn_id,out_trade_no,type,amount_fen,time\nT1,PO1,pay,100,2026-11-22T01:00:00Z\nT2,PO2,pay,200,2026-11-22T01:00:00Z\nR1,PO1,refund,50,2026-11-22T02:00:00Z\n')!;
    const book = [
      { txnId: 'T1', type: 'pay' as const, amountFen: 100, outTradeNo: 'PO1', compoundId: 'c' },
      { txnId: 'T2', type: 'pay' as const, amountFen: 201, outTradeNo: 'PO2', compoundId: 'c' },
      { txnId: 'T3', type: 'pay' as const, amountFen: 300, outTradeNo: 'PO3', compoundId: 'c' },
    ];
    assert.deepEqual(compareStatement(statement, book).map((d) => `${d.kind}:${d.txnId}`), ['amount_differs:T2', 'missing_in_book:R1', 'missing_in_statement:T3']);
    assert.equal(parseStatement('a,b\n1,2'), null);
    assert.equal(parseStatement('txn_id,out_trade_no,type,amount_fen,time\nT1,PO1,gift,100,2026-11-22T01:00:00Z'), null);
  });

  test("a day's statement against the book lists a planted difference, and staff resolve it with a note", async () => {
    const b = await bill(w.rooms.A101, 2_500);
    await payInSandbox(s['13800000001']!, [b]);
    await deliver();
    // Planted: a payment the provider took that never reached the book (its notification lost).
    await db().insertInto('fee_sbx_orders').values({ order_no: 'SBX00000000000000000001', merchant_id: w.places.S, sub_merchant_id: w.organisations.pc1, out_trade_no: 'PO20261122LOST00000001', amount_fen: 777, subject: 'planted', notify_url: 'http://127.0.0.1:1/none', status: 'paid', txn_id: 'TPLANTED0001', paid_at: env.clock.now(), created_at: env.clock.now() }).execute();
    assert.equal((await s.property_manager!.request('POST', '/api/fees/reconciliations', { streetId: w.places.S, day: '2026-11-22' })).status, 404, 'the merchant account is the street’s');
    const run = await s.street_official!.request('POST', '/api/fees/reconciliations', { streetId: w.places.S, day: '2026-11-22' });
    assert.equal(run.status, 201, JSON.stringify(run.body));
    // The planted one, and the wrong-amount order flagged above (the provider took its money; the book never did).
    const flagged = await db().selectFrom('fee_pay_orders').select('provider_txn_id').where('status', 'in', ['flagged', 'closed']).execute();
    assert.deepEqual(
      run.body.diffs.map((d: { kind: string; txnId: string }) => `${d.kind}:${d.txnId}`).sort(),
      ['missing_in_book:TPLANTED0001', ...flagged.map((f) => `missing_in_book:${f.provider_txn_id}`)].sort(),
    );
    // An uploaded statement with an amount changed lists that too.
    const fetched = (await db().selectFrom('fee_recon_runs').select('statement_csv').where('id', '=', run.body.id).executeTakeFirstOrThrow()).statement_csv;
    const line = fetched.split('\n').find((l) => l.includes(',pay,2500,'))!;
    const uploaded = await s.street_official!.request('POST', '/api/fees/reconciliations', { streetId: w.places.S, day: '2026-11-22', csv: fetched.replace(line, line.replace(',pay,2500,', ',pay,2600,')) });
    assert.ok(uploaded.body.diffs.some((d: { kind: string; statementFen: number; bookFen: number }) => d.kind === 'amount_differs' && d.statementFen === 2600 && d.bookFen === 2500));
    assert.equal((await s.street_official!.request('POST', '/api/fees/reconciliations', { streetId: w.places.S, day: '2026-11-22', csv: 'hello' })).status, 400);

    const open = await s.street_official!.request('GET', '/api/fees/reconciliation-diffs?status=open&q=TPLANTED0001');
    assert.ok(open.body.total >= 1);
    const diffId = open.body.items[0].id as string;
    // The planted order names no order of ours: a street-level difference, which compound staff do not see.
    assert.equal((await s.property_staff!.request('POST', `/api/fees/reconciliation-diffs/${diffId}/resolve`, { note: 'x' })).status, 404);
    const resolved = await s.street_official!.request('POST', `/api/fees/reconciliation-diffs/${diffId}/resolve`, { note: '渠道补发通知后已入账' });
    assert.equal(resolved.status, 200);
    assert.equal((await s.street_official!.request('POST', `/api/fees/reconciliation-diffs/${diffId}/resolve`, { note: 'again' })).status, 409);
  });

  test('settlement: the street batches a company’s net gateway money of the month and matches it against the split statement; bank batches against the bank’s amount', async () => {
    assert.deepEqual(settlementPeriod('2026-11'), { kind: 'month', start: '2026-11-01', end: '2026-12-01' });
    assert.deepEqual(settlementPeriod('2026-12-31'), { kind: 'day', start: '2026-12-31', end: '2027-01-01' });
    assert.equal(settlementPeriod('2026-02-30'), null);
    const companies = await s.street_official!.request('GET', '/api/fees/settlement-companies');
    assert.ok(companies.body.items.some((c: { id: string }) => c.id === w.organisations.pc1));
    assert.equal((await s.property_manager!.request('POST', '/api/fees/settlements', { companyId: w.organisations.pc1, channel: 'split', period: '2026-11' })).status, 404);
    const split = await s.street_official!.request('POST', '/api/fees/settlements', { companyId: w.organisations.pc1, channel: 'split', period: '2026-11' });
    assert.equal(split.status, 201, JSON.stringify(split.body));
    const expected = await db()
      .selectFrom('fee_payments')
      .select(sql<number>`(sum(amount_fen) - sum(refunded_fen))::int`.as('n'))
      .where('company_id', '=', w.organisations.pc1)
      .where('channel', '=', 'gateway')
      .executeTakeFirstOrThrow();
    assert.equal(split.body.netFen, expected.n);
    assert.equal((await s.street_official!.request('POST', '/api/fees/settlements', { companyId: w.organisations.pc1, channel: 'split', period: '2026-11' })).status, 409);
    assert.equal((await s.street_official!.request('POST', `/api/fees/settlements/${split.body.id}/match`, {})).status, 409, 'a draft is sent first');
    assert.equal((await s.street_official!.request('POST', `/api/fees/settlements/${split.body.id}/send`)).status, 200);
    const matched = await s.street_official!.request('POST', `/api/fees/settlements/${split.body.id}/match`, {});
    // The planted payment the book never had (777 fen) and the flagged wrong-amount order (4,321 fen at the
    // provider) are in the provider's split and not in the book: a mismatch of exactly 5,098 fen.
    assert.equal(matched.body.status, 'mismatch');
    assert.equal(matched.body.diffFen, 777 + 4_321);

    const bank = await s.street_official!.request('POST', '/api/fees/settlements', { companyId: w.organisations.pc1, channel: 'bank', period: '2026-11-22' });
    assert.equal(bank.status, 201);
    await s.street_official!.request('POST', `/api/fees/settlements/${bank.body.id}/send`);
    assert.equal((await s.street_official!.request('POST', `/api/fees/settlements/${bank.body.id}/match`, {})).status, 400);
    const ok = await s.street_official!.request('POST', `/api/fees/settlements/${bank.body.id}/match`, { statementFen: bank.body.netFen, statementRef: 'BANK-0001' });
    assert.equal(ok.body.status, 'matched');
    const xlsx = await env.app.inject({ method: 'GET', url: `/api/fees/settlements/${bank.body.id}/export.xlsx`, headers: { cookie: (await cookieOf('street_official')) } });
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
    const list = await s.street_official!.request('GET', '/api/fees/settlements?sort=net&order=asc');
    assert.ok(list.body.total >= 2);
  });
});

async function cookieOf(login: string) {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
  return `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
}

describe('access matrix', () => {
  let a101: string;
  let a102: string;
  let z101: string;
  before(async () => {
    a101 = await bill(w.rooms.A101, 1_111);
    a102 = await bill(w.rooms.A102, 2_222);
    z101 = await bill(w.rooms.Z101, 3_333, '2026-11', 'Z');
  });

  test('residents: the owner pays their own room; a tenant only once authorised; a stranger sees no bill (404)', async () => {
    assert.equal((await s['13800000001']!.request('POST', '/api/me/fees/pay-orders', { billIds: [a101] })).status, 201);
    assert.equal((await s['13800000001']!.request('POST', '/api/me/fees/pay-orders', { billIds: [a102] })).status, 404);
    assert.equal((await s.bob!.request('POST', '/api/me/fees/pay-orders', { billIds: [a101] })).status, 404);
    assert.equal((await s.bob!.request('GET', `/api/me/fees/pay-preview?bills=${a101}`)).status, 404);
    assert.equal((await s.tom!.request('POST', '/api/me/fees/pay-orders', { billIds: [a102] })).status, 404, 'a tenant without authorisation');
    const street = (await db().selectFrom('street_places').select('street_id').where('id', '=', w.rooms.A102).executeTakeFirstOrThrow()).street_id;
    await db().insertInto('fee_tenant_payers').values({ street_id: street, id: newId(), room_id: w.rooms.A102, person_id: w.persons.tom, granted_by: null }).execute();
    const preview = await s.tom!.request('GET', `/api/me/fees/pay-preview?bills=${a102}`);
    assert.equal(preview.body.totalFen, 2_222);
    const tom = await s.tom!.request('POST', '/api/me/fees/pay-orders', { billIds: [a102] });
    assert.equal(tom.status, 201);
    assert.ok(tomAccount);
    assert.equal((await s['13800000001']!.request('POST', '/api/me/fees/pay-orders', { billIds: [a101, a102] })).status, 404, 'not her room');
    assert.equal((await s.property_manager!.request('POST', '/api/me/fees/pay-orders', { billIds: [a101] })).status, 404, 'staff are no payers');
  });

  test('staff: counter payments at their compounds only; the payments list filtered to their places; refunds need the bill role', async () => {
    const counter = (who: string, roomId: string, billId: string, amountFen: number, voucherNo: string) =>
      s[who]!.request('POST', '/api/fees/counter-payments', { roomId, billIds: [billId], channel: 'pos', voucherNo, amountFen });
    assert.equal((await counter('property_staff', w.rooms.Z101, z101, 3_333, 'POS-Z-1')).status, 404);
    assert.equal((await counter('building_leader', w.rooms.A101, a101, 1_111, 'POS-A-0')).status, 404);
    assert.equal((await counter('property_staff', w.rooms.A101, a101, 1_000, 'POS-A-1')).status, 409, 'the amount due, exactly');
    const ok = await counter('property_staff', w.rooms.A101, a101, 1_111, 'POS-A-1');
    assert.equal(ok.status, 201);
    assert.equal((await counter('platform_admin', w.rooms.Z101, z101, 3_333, 'POS-Z-1')).status, 404, "the admin's grant is at street S");

    const list = await s.property_staff!.request('GET', '/api/fees/payments?sort=amount&order=desc&pageSize=200');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.every((p: { compound: string }) => p.compound === '阳光花园'));
    const found = await s.property_staff!.request('GET', '/api/fees/payments?q=POS-A-1');
    assert.equal(found.body.total, 1);
    assert.equal((await s.building_leader!.request('GET', `/api/fees/payments/${ok.body.paymentId}`)).status, 404);
    assert.equal((await s.building_leader!.request('POST', `/api/fees/payments/${ok.body.paymentId}/refunds`, { amountFen: 1, reason: 'x', voucherNo: 'V' })).status, 404);
    assert.equal((await s.street_official!.request('GET', `/api/fees/payments/${ok.body.paymentId}`)).status, 200);
    assert.equal((await s.property_staff!.request('GET', '/api/fees/settlements')).body.total, 0, 'settlement is the street’s');
  });
});
