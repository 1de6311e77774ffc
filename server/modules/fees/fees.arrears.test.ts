import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { STAFF_ROLES, type StaffRole, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { buildWorld, PASSWORD, type World } from '../../test/fixture.ts';
import { countRows, type Session, signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { arrearsTotal, collectionRate, collectionRateAll } from './fees.arrears.figures.ts';
import { read, write } from './fees.db.ts';
import { openBill } from './fees.test-support.ts';
import { bandOf, monthsOverdue, yuanInCapitals } from './use-cases/arrears-rules.ts';
import { bookPayment } from './use-cases/book-payment.ts';
import { ReceiptsSort } from './use-cases/list-receipts.ts';
import { expectSorts } from '../../test/sorting.ts';

/**
 * The arrears part's rules (issue 18 items 5–7): receipts keep their numbers when voided and a void needs a
 * second person; the public check shows the masked payer and 已作废; ageing bands at their exact boundaries;
 * reminder batches with per-recipient status, stopped by payment; collection rates counted by hand; access.
 * The clock stands at 2027-06-15 10:00 (Shanghai) — the day arrears are aged on.
 */
let env: TestEnv;
let w: World;
let system: Ctx;
const s = new Map<StaffRole | 'resident', Session>();
const TODAY = '2027-06-15';

const pay = (roomBills: string[], amountFen: number, voucherNo: string, payerAccountId: string | null = null) =>
  write(system, (tx) =>
    bookPayment(tx, system, { streetId: w.places.S, channel: 'cash', voucherNo, amountFen, billIds: roomBills, payerAccountId, payerNameMasked: '王*', bookedBy: null }),
  );

before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  env.clock.advance(Date.parse(`${TODAY}T10:00:00+08:00`) - env.clock.now().getTime());
  for (const role of STAFF_ROLES) s.set(role, await signIn(env.app, role, PASSWORD));
  s.set('resident', await signIn(env.app, '13800000001', PASSWORD));
});
after(() => env.close());

describe('ageing and amounts, by hand', () => {
  test('whole months overdue and the bands at their exact boundaries', () => {
    // [due on, whole months on 2027-06-15, band]
    const cases: [string, number, string][] = [
      ['2027-06-14', 0, 'upTo3'], // a day late
      ['2027-03-15', 3, 'upTo3'], // exactly 3 whole months: still ≤ 3
      ['2027-02-16', 3, 'upTo3'], // a day short of 4
      ['2027-02-15', 4, 'from3To6'], // 4 whole months: the next band
      ['2026-12-15', 6, 'from3To6'],
      ['2026-12-14', 6, 'from3To6'],
      ['2026-11-15', 7, 'from6To12'],
      ['2026-06-15', 12, 'from6To12'],
      ['2026-06-16', 11, 'from6To12'],
      ['2026-05-15', 13, 'over12'],
    ];
    for (const [due, months, band] of cases) {
      assert.equal(monthsOverdue(due, TODAY), months, `${due}`);
      assert.equal(bandOf(months), band, `${due}`);
    }
    assert.equal(monthsOverdue('2027-01-31', '2027-02-28'), 0, 'the end of a month is a day like any other');
    assert.equal(monthsOverdue('2027-01-31', '2027-03-31'), 2);
  });

  test('amounts in capitals (大写)', () => {
    assert.equal(yuanInCapitals(1234560), '壹万贰仟叁佰肆拾伍元陆角整');
    assert.equal(yuanInCapitals(10000105), '壹拾万零壹元零伍分');
    assert.equal(yuanInCapitals(100500), '壹仟零伍元整');
    assert.equal(yuanInCapitals(45), '肆角伍分');
    assert.equal(yuanInCapitals(0), '零元整');
    assert.equal(yuanInCapitals(1000000000), '壹仟万元整');
  });

  test('the bands per compound and building, as the SQL ages them', async () => {
    // Room B101, compound B (no company): one bill per case, each a distinct power of two of yuan.
    const dues = ['2027-06-14', '2027-06-15', '2027-03-15', '2027-02-16', '2027-02-15', '2026-12-15', '2026-11-15', '2026-06-15', '2026-05-15'];
    for (const [i, due] of dues.entries()) {
      await openBill(env.kernel, { roomId: w.rooms.B101, compoundId: w.places.B, companyId: null, amountFen: 100 * 2 ** i, periodLabel: `B-${i}`, periodStart: due, periodEnd: '2027-12-31', dueOn: due });
    }
    const r = await s.get('street_official')!.request('GET', `/api/fees/arrears/bands?placeId=${w.places.B}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const bands = r.body.total.bands;
    // due today (i = 1) is not overdue yet.
    assert.deepEqual(bands.upTo3, { owedFen: 100 * (1 + 4 + 8), bills: 3 });
    assert.deepEqual(bands.from3To6, { owedFen: 100 * (16 + 32), bills: 2 });
    assert.deepEqual(bands.from6To12, { owedFen: 100 * (64 + 128), bills: 2 });
    assert.deepEqual(bands.over12, { owedFen: 100 * 256, bills: 1 });
    assert.equal(r.body.total.rooms, 1);
    assert.equal(r.body.compounds[0].placeId, w.places.B);
    assert.equal(r.body.buildings[0].placeId, w.places.B1.building);
    const rooms = await s.get('street_official')!.request('GET', `/api/fees/arrears/rooms?placeId=${w.places.B}&band=over12`);
    assert.equal(rooms.status, 200);
    assert.equal(rooms.body.items[0].months, 13);
    assert.equal(rooms.body.items[0].owedFen, 100 * (1 + 4 + 8 + 16 + 32 + 64 + 128 + 256));
    assert.deepEqual(rooms.body.items[0].owners, ['李波'], 'the street sees the owner in full');
  });
});

describe('receipts', () => {
  test('a voided receipt keeps its number, the next takes the next, and the void needs a second person', async () => {
    const b1 = await openBill(env.kernel, { roomId: w.rooms.A103, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen: 12345 });
    const first = await pay([b1], 12345, 'V-A103-1');
    const manager = s.get('property_manager')!;
    const asked = await manager.request('POST', `/api/fees/receipts/${first.receiptId}/void`, { reason: '金额录入错误' });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    const again = await manager.request('POST', `/api/fees/receipts/${first.receiptId}/void`, { reason: '再来一次' });
    assert.equal(again.status, 409, 'one pending request at a time');
    const self = await manager.request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {});
    assert.equal(self.status, 403, 'the requester cannot approve');
    assert.equal(self.body.error.code, 'APPROVAL_SELF');
    const staffTry = await s.get('property_staff')!.request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {});
    assert.equal(staffTry.status, 403, 'property staff do not approve');
    const ok = await s.get('street_official')!.request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {});
    assert.equal(ok.status < 300, true, JSON.stringify(ok.body));
    const voided = await manager.request('GET', `/api/fees/receipts/${first.receiptId}`);
    assert.equal(voided.body.status, 'voided');
    assert.equal(voided.body.no, first.receiptNo, 'the number stays');
    const b2 = await openBill(env.kernel, { roomId: w.rooms.A103, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen: 500, periodLabel: '2026-12', periodEnd: '2027-01-01' });
    const second = await pay([b2], 500, 'V-A103-2');
    const seq = (no: string) => Number(no.split('-')[1]);
    assert.equal(seq(second.receiptNo), seq(first.receiptNo) + 1, 'the next receipt takes the next number');
    assert.equal((await manager.request('POST', `/api/fees/receipts/${first.receiptId}/void`, { reason: '已作废再作废' })).status, 409);
  });

  test('the public check shows the masked payer, no room, and 已作废 once voided', async () => {
    const b = await openBill(env.kernel, { roomId: w.rooms.A103, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen: 8800, periodLabel: '2027-01', periodEnd: '2027-02-01' });
    const paid = await pay([b], 8800, 'V-A103-3');
    const page = async () => (await env.app.inject({ method: 'GET', url: `/api/public/fees.receipt/${paid.receiptId}` })).json();
    const valid = await page();
    const facts = Object.fromEntries(valid.sections[0].facts.map((f: { label: string; value: string }) => [f.label, f.value]));
    assert.equal(valid.sections[1].items[0].by, '王*', 'the payer, masked');
    assert.equal(facts['状态'], '有效');
    assert.equal(facts['收据号'], paid.receiptNo);
    assert.match(facts['金额'], /¥88\.00（捌拾捌元整）/);
    assert.doesNotMatch(JSON.stringify(valid), /103|王丽/);
    const asked = await s.get('property_staff')!.request('POST', `/api/fees/receipts/${paid.receiptId}/void`, { reason: '重复开具' });
    assert.equal(asked.status, 202);
    assert.equal((await s.get('property_manager')!.request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {})).status < 300, true);
    env.clock.advance(61_000); // past the page's cache
    const after = await page();
    assert.equal(after.subtitle, '已作废');
    assert.ok(after.sections[0].facts.some((f: { value: string }) => f.value === '已作废'));
    const pdf = await s.get('property_manager')!.request('GET', `/api/fees/receipts/${paid.receiptId}/receipt.pdf`);
    assert.equal(pdf.status, 200);
  });

  test('invoice requests: the payer asks, staff issue or reject, the payer sees it', async () => {
    const b = await openBill(env.kernel, { roomId: w.rooms.A101, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen: 30000, periodLabel: '2027-02', periodEnd: '2027-03-01', dueOn: '2027-02-01' });
    const paid = await pay([b], 30000, 'V-A101-1');
    const resident = s.get('resident')!;
    const asked = await resident.request('POST', `/api/me/fees/receipts/${paid.receiptId}/invoice`, { title: '王丽', email: 'wangli@example.com' });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    assert.equal((await resident.request('POST', `/api/me/fees/receipts/${paid.receiptId}/invoice`, { title: '王丽', email: 'wangli@example.com' })).status, 409);
    const issued = await s.get('property_staff')!.request('POST', `/api/fees/invoices/${asked.body.id}/issue`, { invoiceNo: 'No.33020001', invoiceDate: TODAY });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    const mine = await resident.request('GET', `/api/me/fees/receipts/${paid.receiptId}`);
    assert.equal(mine.body.invoices[0].status, 'issued');
    assert.equal(mine.body.invoices[0].invoiceNo, 'No.33020001');
    assert.equal((await s.get('property_staff')!.request('POST', `/api/fees/invoices/${asked.body.id}/reject`, { reason: 'x' })).status, 409, 'decided once');
  });
});

describe('reminders', () => {
  test('a batch reaches the owners with per-recipient status; a payment stops the queued messages', async () => {
    const bill = await openBill(env.kernel, { roomId: w.rooms.A101, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen: 25000, periodLabel: '2027-03', periodStart: '2027-03-01', periodEnd: '2027-04-01', dueOn: '2027-03-10' });
    const staff = s.get('property_staff')!;
    const refused = await staff.request('POST', '/api/fees/arrears/reminders', { placeId: w.places.B, minBand: 'upTo3', channels: ['sms'] });
    assert.equal(refused.status, 404, 'not their compound');
    const before = await countRows(env.kernel, ['fee_reminder_batches', 'notify_messages']);
    assert.equal((await staff.request('POST', '/api/fees/arrears/reminders', { placeId: w.places.A, minBand: 'over12', channels: ['sms'] })).status, 409, 'nobody that old');
    assert.deepEqual(await countRows(env.kernel, ['fee_reminder_batches', 'notify_messages']), before, 'a refusal writes nothing');
    const sent = await staff.request('POST', '/api/fees/arrears/reminders', { placeId: w.places.A, minBand: 'upTo3', channels: ['inbox', 'sms'] });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const batch = await staff.request('GET', `/api/fees/arrears/reminders/${sent.body.id}`);
    assert.equal(batch.status, 200);
    const a101 = batch.body.reminders.find((r: { roomId: string }) => r.roomId === w.rooms.A101);
    assert.equal(a101.amountFen, 25000);
    assert.equal(a101.months, 3, '2027-03-10 → 2027-06-15: 3 whole months');
    assert.equal(a101.recipients.length, 1);
    assert.equal(a101.recipients[0].name, '王*');
    assert.deepEqual(
      a101.recipients[0].channels.map((c: { channel: string; status: string }) => `${c.channel}:${c.status}`),
      ['inbox:sent', 'sms:queued'],
    );
    const inbox = await s.get('resident')!.request('GET', '/api/notify/inbox');
    assert.ok(JSON.stringify(inbox.body).includes('250.00'), 'the owner reads the amount');

    await pay([bill], 25000, 'V-A101-2');
    const stopped = await staff.request('GET', `/api/fees/arrears/reminders/${sent.body.id}`);
    const after = stopped.body.reminders.find((r: { roomId: string }) => r.roomId === w.rooms.A101);
    assert.equal(after.status, 'stopped');
    assert.deepEqual(
      after.recipients[0].channels.map((c: { channel: string; status: string }) => `${c.channel}:${c.status}`),
      ['inbox:sent', 'sms:cancelled'],
    );
  });
});

describe('collection rates, by hand', () => {
  test('a bill paid after its period does not count in the first rate; the second counts old arrears', async () => {
    const Z = { compoundId: w.places.Z, companyId: w.organisations.pcZ };
    const jan1 = await openBill(env.kernel, { roomId: w.rooms.Z101, ...Z, amountFen: 10000, periodLabel: '2027-01', periodStart: '2027-01-01', periodEnd: '2027-02-01', dueOn: '2027-01-15' });
    const jan3 = await openBill(env.kernel, { roomId: w.rooms.Z103, ...Z, amountFen: 20000, periodLabel: '2027-01', periodStart: '2027-01-01', periodEnd: '2027-02-01', dueOn: '2027-01-15' });
    await openBill(env.kernel, { roomId: w.rooms.Z101, ...Z, amountFen: 5000, periodLabel: '2026-12', periodStart: '2026-12-01', periodEnd: '2027-01-01', dueOn: '2026-12-15' });
    const streetZ = w.places.S2;
    const payAt = async (billId: string, fen: number, voucher: string, at: string) => {
      const p = await write(system, (tx) =>
        bookPayment(tx, system, { streetId: streetZ, channel: 'cash', voucherNo: voucher, amountFen: fen, billIds: [billId], payerAccountId: null, payerNameMasked: null, bookedBy: null }),
      );
      // The payment as it happened on that day (the clock only runs forward in a test).
      await read(env.kernel).updateTable('fee_payment_allocations').set({ at: new Date(at) }).where('payment_id', '=', p.paymentId).execute();
    };
    await payAt(jan1, 10000, 'Z-1', '2027-01-20T10:00:00+08:00');
    await payAt(jan3, 20000, 'Z-2', '2027-02-03T10:00:00+08:00'); // after January's end
    const month = (m: string, n: string) => ({ streetId: streetZ, from: new Date(`${m}-01T00:00:00+08:00`), to: new Date(`${n}-01T00:00:00+08:00`), placeKinds: ['compound'] as const });
    const at = (rows: { placeId: string; numerator: number; denominator: number | null }[]) => rows.find((r) => r.placeId === w.places.Z);
    // January: the January bills billed 30000; 10000 was paid before 1 February.
    assert.deepEqual(at(await collectionRate(env.kernel.db, month('2027-01', '2027-02'))), { placeId: w.places.Z, numerator: 10000, denominator: 30000 });
    // February, including old arrears: owed on 1 February — Z103's January 20000 and Z101's December 5000;
    // paid in February 20000.
    assert.deepEqual(at(await collectionRateAll(env.kernel.db, month('2027-02', '2027-03'))), { placeId: w.places.Z, numerator: 20000, denominator: 25000 });
    // January including old arrears: owed on 1 January — December's 5000 only (the January bills fall due on the
    // 15th: by the month's end, so they count with what they owed at its start, 30000); paid in January 10000.
    assert.deepEqual(at(await collectionRateAll(env.kernel.db, month('2027-01', '2027-02'))), { placeId: w.places.Z, numerator: 10000, denominator: 35000 });
    // Arrears at February's end: December's 5000.
    assert.deepEqual(at(await arrearsTotal(env.kernel.db, month('2027-02', '2027-03'))), { placeId: w.places.Z, numerator: 5000, denominator: null });
    // At January's end: December's 5000 and Z103's 20000 (due 15 January, paid in February).
    assert.deepEqual(at(await arrearsTotal(env.kernel.db, month('2027-01', '2027-02'))), { placeId: w.places.Z, numerator: 25000, denominator: null });
  });
});

describe('access', () => {
  test('owners see their own receipts only; the company its compounds; strangers 404', async () => {
    const b = await openBill(env.kernel, { roomId: w.rooms.A102, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen: 700, periodLabel: '2027-04', periodEnd: '2027-05-01' });
    const other = await pay([b], 700, 'V-A102-1');
    const resident = s.get('resident')!;
    const mine = await resident.request('GET', '/api/me/fees/receipts');
    assert.equal(mine.status, 200);
    assert.ok(mine.body.items.length >= 1);
    assert.ok(mine.body.items.every((r: { roomLabel: string }) => r.roomLabel.includes('101')), 'only A101');
    assert.equal((await resident.request('GET', `/api/me/fees/receipts/${other.receiptId}`)).status, 404);
    assert.equal((await resident.request('GET', `/api/me/fees/receipts/${other.receiptId}/receipt.pdf`)).status, 404);
    assert.equal((await resident.request('GET', `/api/fees/receipts/${other.receiptId}`)).status, 404, 'no staff view for a resident');

    const READ: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'property_manager', 'property_staff'];
    for (const role of STAFF_ROLES) {
      const r = await s.get(role)!.request('GET', `/api/fees/receipts/${other.receiptId}`);
      assert.equal(r.status, READ.includes(role) ? 200 : 404, `${role} reads a receipt at A`);
      const list = await s.get(role)!.request('GET', '/api/fees/receipts?pageSize=200');
      assert.equal(list.status, 200);
      assert.equal(list.body.items.some((x: { id: string }) => x.id === other.receiptId), READ.includes(role), `${role} lists it`);
    }
    // Z is another street's: nobody of this street sees its receipts.
    const zReceipt = await read(env.kernel).selectFrom('fee_receipts').select('id').where('compound_id', '=', w.places.Z).executeTakeFirstOrThrow();
    for (const role of STAFF_ROLES) assert.equal((await s.get(role)!.request('GET', `/api/fees/receipts/${zReceipt.id}`)).status, 404, `${role} at Z`);

    // Figures: the street reads the collection rates; property staff hold no figures permission.
    const FIGURES: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'property_manager'];
    for (const role of STAFF_ROLES) {
      const r = await s.get(role)!.request('GET', `/api/fees/collection?placeId=${w.places.A}&from=2027-01&to=2027-03`);
      assert.equal(r.status, FIGURES.includes(role) ? 200 : 404, `${role} collection rates at A`);
    }
    const street = await s.get('street_official')!.request('GET', `/api/fees/collection?placeId=${w.places.S}&from=2027-01&to=2027-02`);
    assert.equal(street.body.compounds.length, 2 * 2, 'two compounds × two months');

    // Sending reminders takes the bill role: the owners' committee reads but does not send.
    const committee = await s.get('property_committee_member')!.request('POST', '/api/fees/arrears/reminders', { placeId: w.places.A, minBand: 'upTo3', channels: ['inbox'] });
    assert.equal(committee.status, 403);
  });

  test('arrears cases: open, hand to a visit, record it through the hook, then mediation', async () => {
    await openBill(env.kernel, { roomId: w.rooms.A201, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen: 9900, periodLabel: '2026-10', periodEnd: '2026-11-01', dueOn: '2026-10-15' });
    const manager = s.get('property_manager')!;
    const opened = await manager.request('POST', '/api/fees/arrears/cases', { roomId: w.rooms.A201, note: '多次电话未接' });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    assert.equal((await manager.request('POST', '/api/fees/arrears/cases', { roomId: w.rooms.A201 })).status, 409, 'one live case per room');
    assert.equal((await manager.request('POST', `/api/fees/arrears/cases/${opened.body.id}/visit`, { note: '请网格员上门' })).status, 200);
    const { arrearsCasesForVisit, recordArrearsVisit, arrearsCasesForMediation } = await import('./index.ts');
    const forVisit = await arrearsCasesForVisit(env.kernel.db, { streetId: w.places.S });
    assert.deepEqual(forVisit.map((c) => c.id), [opened.body.id]);
    assert.equal(forVisit[0]!.amountFen, 9900);
    const { write: kernelWrite } = await import('../../kernel/context.ts');
    await kernelWrite(system, (tx) => recordArrearsVisit(tx, system, opened.body.id, { outcome: 'refused', note: '业主对服务有异议' }));
    assert.equal((await manager.request('POST', `/api/fees/arrears/cases/${opened.body.id}/mediation`, {})).status, 200);
    assert.deepEqual((await arrearsCasesForMediation(env.kernel.db, { streetId: w.places.S })).map((c) => c.id), [opened.body.id]);
    const got = await manager.request('GET', `/api/fees/arrears/cases/${opened.body.id}`);
    assert.deepEqual(got.body.notes.map((n: { step: string }) => n.step), ['opened', 'to_visit', 'visited', 'to_mediation']);
    assert.equal((await s.get('grid_worker')!.request('GET', `/api/fees/arrears/cases/${opened.body.id}`)).status, 404, 'a stranger sees nothing');
  });
});

describe('lists', () => {
  test('the receipts list sorts by each declared key', async () => {
    const ids: string[] = [];
    for (const [i, fen] of [300, 100, 200].entries()) {
      const bill = await openBill(env.kernel, { roomId: w.rooms.B103, compoundId: w.places.B, companyId: null, amountFen: fen, periodLabel: `S-${i}`, periodStart: '2027-01-01', periodEnd: '2027-02-01' });
      ids.push((await pay([bill], fen, `SORT-${i}`)).receiptId);
      env.clock.advance(60_000);
    }
    const [r1, r2, r3] = ids as [string, string, string];
    // r2 voided (as the approval would leave it), so the status key has a tie to break by id.
    await read(env.kernel).updateTable('fee_receipts').set({ status: 'voided', void_reason: '测试', voided_at: env.kernel.clock.now() }).where('id', '=', r2).execute();
    await expectSorts(env.kernel, s.get('street_official')!, `/api/fees/receipts?placeId=${w.places.B}`, ReceiptsSort, {
      issuedAt: [r1, r2, r3],
      no: [r1, r2, r3],
      amount: [r2, r3, r1],
      status: [r1, r3, r2],
    });
  });
});
