import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { decideApproval } from '../../kernel/approvals/approvals.ts';
import type { Ctx } from '../../kernel/context.ts';
import { expectRefused, signIn, useTestEnv } from '../../test/harness.ts';
import { read } from './fees.db.ts';
import { buildBillsWorld, ctxFor, itemWithPrice } from './fees.bills.test-support.ts';
import { createFeeItem } from './use-cases/create-fee-item.ts';
import { generateBills } from './use-cases/generate-bills.ts';
import { billOneOff } from './use-cases/bill-one-off.ts';
import { endVacancy, registerVacancy } from './use-cases/register-vacancy.ts';
import { runBillingJob } from './use-cases/run-billing-jobs.ts';
import { requestAdjustment } from './use-cases/request-adjustment.ts';
import { requestPriceChange } from './use-cases/request-price-change.ts';

/**
 * Bill generation against hand-computed cases on the real database (the clock reads 2026-11-22), the second
 * approver of prices, adjustments and write-offs, and who sees which bill.
 *
 * Compound A bills December 2026 (31 days) with 物业服务费 2.35 元/m²·月 (30 % off a registered vacancy) and
 * 垃圾清运费 10 元/月, 车位管理费 150 元/车位·月. By hand:
 * - 1栋101 (89.50 m²): 8950 × 235 / 100 = 21 032.5 fen — the half-fen boundary — rounds up to 21 033 (210.33 元).
 * - 9栋901 (89.57 m², two decimals): 8957 × 235 / 100 = 21 048.95 → 21 049; + 1 000 = 22 049.
 * - 9栋902 (100.00 m², delivered 12-16): developer 15/31 month: 10000 × 235 × 15 / 3100 = 11 370.97 → 11 371,
 *   garbage 1000 × 15/31 = 483.87 → 484; owners 16/31: 12 129.03 → 12 129, garbage 516.13 → 516.
 * - 9栋903 (120.33 m², vacant all month, 30 % off): 12033 × 235 × 0.7 / 100 = 19 794.285 → 19 794; + 1 000.
 * - 9栋904 (80.00 m², the developer's): developer bill 18 800 + 1 000.
 * - P1 (parking space): 15 000, and no property or garbage fee.
 */
const { env, w, afterSetUp } = useTestEnv((e) => buildBillsWorld(e.kernel));
const c = {} as Record<'pm' | 'pm2' | 'staff' | 'street' | 'zmanager' | 'owner', Ctx>;
let items: { area: string; garbage: string; parking: string };

afterSetUp(async () => {
  c.pm = await ctxFor(env.kernel, w.accounts.property_manager);
  c.pm2 = await ctxFor(env.kernel, w.accounts.pm2);
  c.staff = await ctxFor(env.kernel, w.accounts.property_staff);
  c.street = await ctxFor(env.kernel, w.accounts.street_official);
  c.zmanager = await ctxFor(env.kernel, w.accounts.zmanager);
  c.owner = await ctxFor(env.kernel, w.accounts.owner);
});

const billsOf = (roomId: string, period = '2026-12') =>
  read(env.kernel).selectFrom('fee_bills').selectAll().where('room_id', '=', roomId).where('period_label', '=', period).orderBy('payer_kind', 'desc').execute();
const linesOf = (billId: string) => read(env.kernel).selectFrom('fee_bill_lines').selectAll().where('bill_id', '=', billId).orderBy('line_no').execute();
const countBills = async () => Number((await read(env.kernel).selectFrom('fee_bills').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('prices count only once a second person approves them', () => {
  test('a pending price bills nothing; the requester cannot approve it; another manager can', async () => {
    const id = (await createFeeItem(c.pm, { compoundId: w.places.A, name: '物业服务费', kind: 'area', cycle: 'month', vacancyDiscountBp: 3000 })).id;
    const price = await requestPriceChange(c.pm, id, { unitFen: 235, effectiveFrom: '2026-12-01', basisKind: 'contract', basisRef: 'YG-WY-2026-018' });
    const pending = await generateBills(c.pm, { compoundId: w.places.A, cycle: 'month', periodLabel: '2026-12' });
    assert.equal(pending.created, 0, 'no approved price: nothing billed');
    await assert.rejects(decideApproval(c.pm, price.approvalId, 'approve'), { code: 'APPROVAL_SELF' });
    await assert.rejects(decideApproval(c.staff, price.approvalId, 'approve'), { code: 'FORBIDDEN' });
    await decideApproval(c.pm2, price.approvalId, 'approve');
    const row = await read(env.kernel).selectFrom('fee_prices').selectAll().where('id', '=', price.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'approved');
    assert.equal(row.decided_by, w.accounts.pm2);
    const garbage = await itemWithPrice(c.pm, c.street, { compoundId: w.places.A, name: '垃圾清运费', kind: 'fixed', cycle: 'month', unitFen: 1000, effectiveFrom: '2026-11-22' });
    const parking = await itemWithPrice(c.pm, c.street, { compoundId: w.places.A, name: '车位管理费', kind: 'parking', cycle: 'month', unitFen: 15000, effectiveFrom: '2026-12-01' });
    items = { area: id, garbage, parking };
  });

  test('a price takes effect today or later: issued bills never change', async () => {
    await assert.rejects(requestPriceChange(c.pm, items.area, { unitFen: 240, effectiveFrom: '2026-11-21', basisKind: 'contract', basisRef: 'X' }), { code: 'PRICE_IN_PAST' });
    await assert.rejects(requestPriceChange(c.pm, items.area, { unitFen: 240, effectiveFrom: '2026-12-01', basisKind: 'owners_decision', basisRef: w.places.A }), { code: 'PRICE_DECISION_NOT_FOUND' });
  });
});

describe('generation against hand-computed bills', () => {
  test('December 2026 at compound A', async () => {
    await registerVacancy(c.staff, { roomId: w.r.R903, startsOn: '2026-11-01', note: '业主出国' });
    const run = await generateBills(c.staff, { compoundId: w.places.A, cycle: 'month', periodLabel: '2026-12' });
    // 4 rooms of the fixture + 901, 903, 904, P1 one bill each, 902 two (developer and owners).
    assert.equal(run.created, 10);
    assert.equal(run.existing, 0);

    const [a101] = await billsOf(w.rooms.A101);
    assert.equal(a101!.amount_fen, 21033 + 1000, 'half a fen rounds up');
    assert.equal(a101!.payer_kind, 'owners');
    assert.equal(a101!.due_on, '2026-12-16');
    const l101 = await linesOf(a101!.id);
    assert.deepEqual(
      l101.map((l) => [l.label, l.formula, l.amount_fen]),
      [
        ['物业服务费', '89.50 m² × 2.35 元/m²·月 × 1 月 = 210.33 元', 21033],
        ['垃圾清运费', '10.00 元/月 × 1 月 = 10.00 元', 1000],
      ],
    );

    const [r901] = await billsOf(w.r.R901);
    assert.equal(r901!.amount_fen, 21049 + 1000, 'an area with two decimals');

    const r902 = await billsOf(w.r.R902);
    assert.deepEqual(
      r902.map((b) => [b.payer_kind, b.period_start, b.period_end, b.amount_fen]),
      [
        ['owners', '2026-12-16', '2027-01-01', 12129 + 516],
        ['developer', '2026-12-01', '2026-12-16', 11371 + 484],
      ],
      'delivered mid-month: the developer pays until delivery, the owners from it',
    );
    assert.deepEqual(
      (await linesOf(r902[1]!.id)).map((l) => l.formula),
      ['100.00 m² × 2.35 元/m²·月 × 15/31 月 = 113.71 元', '10.00 元/月 × 15/31 月 = 4.84 元'],
    );

    const [r903] = await billsOf(w.r.R903);
    assert.equal(r903!.amount_fen, 19794 + 1000, 'the vacancy discount on the property fee only');
    assert.match((await linesOf(r903!.id))[0]!.formula, /× 70%（空置） = 197\.94 元$/);

    const [r904] = await billsOf(w.r.R904);
    assert.equal(r904!.payer_kind, 'developer', 'a developer-held room');
    assert.equal(r904!.amount_fen, 18800 + 1000);

    const [p1] = await billsOf(w.r.P1);
    assert.equal(p1!.amount_fen, 15000);
    assert.deepEqual((await linesOf(p1!.id)).map((l) => l.label), ['车位管理费']);
    assert.equal(p1!.company_id, w.organisations.pc1, "the compound's property company");

    const audits = await read(env.kernel).selectFrom('audit_log').select(['detail']).where('action', '=', 'fees.bills.generated').where('place_id', '=', w.places.A).execute();
    assert.equal(audits.length, 2, 'one entry per run (the pending-price run too)');
  });

  test('generation twice bills once', async () => {
    const before = await countBills();
    const again = await generateBills(c.pm, { compoundId: w.places.A, cycle: 'month', periodLabel: '2026-12' });
    assert.equal(again.created, 0);
    assert.equal(again.existing, 10);
    assert.equal(await countBills(), before);
  });

  test('two concurrent runs bill once', async () => {
    const before = await countBills();
    const runs = await Promise.all([
      generateBills(c.pm, { compoundId: w.places.A, cycle: 'month', periodLabel: '2027-01' }),
      generateBills(c.staff, { compoundId: w.places.A, cycle: 'month', periodLabel: '2027-01' }),
    ]);
    // January: 902 is delivered now (one owners bill), so nine bills.
    assert.equal(runs[0].created + runs[1].created, 9);
    assert.deepEqual(runs.map((r) => r.created).sort(), [0, 9]);
    assert.equal(await countBills(), before + 9);
  });

  test('a malformed period, a place that is not a compound, and a compound out of reach are refused', async () => {
    await assert.rejects(generateBills(c.pm, { compoundId: w.places.A, cycle: 'month', periodLabel: '2026-13' }), { code: 'BAD_PERIOD' });
    await assert.rejects(generateBills(c.street, { compoundId: w.places.C1, cycle: 'month', periodLabel: '2026-12' }), { code: 'NOT_A_COMPOUND' });
    await assert.rejects(generateBills(c.zmanager, { compoundId: w.places.A, cycle: 'month', periodLabel: '2026-12' }), { code: 'PLACE_NOT_FOUND' });
  });
});

describe('the hourly job', () => {
  test('bills the current month of every compound with items, from the day a price takes effect; again: nothing', async () => {
    const first = await runBillingJob(env.kernel);
    // November 2026: only 垃圾清运费 has a price, from the 22nd: 1000 × 9/30 = 300 fen, to the owners of each home.
    assert.equal(first.created, 8, 'the eight homes of A, one bill each (902 and 904 to the developer); the parking space has no price in November');
    const [a101] = await billsOf(w.rooms.A101, '2026-11');
    assert.equal(a101!.amount_fen, 300);
    assert.equal(a101!.period_start, '2026-11-22');
    assert.equal((await linesOf(a101!.id))[0]!.formula, '10.00 元/月 × 9/30 月 = 3.00 元');
    const entries = async () => Number((await read(env.kernel).selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'fees.bills.generated').executeTakeFirstOrThrow()).n);
    const before = await entries();
    assert.equal((await runBillingJob(env.kernel)).created, 0);
    assert.equal(await entries(), before, 'a run of the job that bills nothing leaves no entry');
  });
});

describe('one-off bills and vacancies', () => {
  test('a one-off charge to every room of a building bills each once', async () => {
    const item = await itemWithPrice(c.pm, c.street, { compoundId: w.places.A, name: '外墙清洗', kind: 'one_off', cycle: 'once', unitFen: 5000, effectiveFrom: '2026-11-22' });
    const r = await billOneOff(c.staff, { itemId: item, label: '2026年外墙清洗', placeIds: [w.places.A1.building] });
    assert.deepEqual([r.created, r.amountFen], [3, 15000], '1栋 101–103 at 50.00 元');
    const again = await billOneOff(c.staff, { itemId: item, label: '2026年外墙清洗', roomIds: [w.rooms.A101, w.rooms.A201] });
    assert.deepEqual([again.created, again.existing], [1, 1], '101 was billed already; 201 is new');
    const bill = await read(env.kernel).selectFrom('fee_bills').selectAll().where('room_id', '=', w.rooms.A101).where('source', '=', 'one_off').executeTakeFirstOrThrow();
    assert.equal(bill.bill_key, `once:${item}:2026年外墙清洗`);
    await assert.rejects(billOneOff(c.staff, { itemId: items.garbage, label: 'x', roomIds: [w.rooms.A101] }), { code: 'NOT_ONE_OFF' });
    await assert.rejects(billOneOff(c.staff, { itemId: item, label: 'x', roomIds: [w.rooms.Z101] }), { code: 'ROOM_NOT_FOUND' });
  });

  test('vacancies of a room may not overlap; an open one ends on a day', async () => {
    await assert.rejects(registerVacancy(c.staff, { roomId: w.r.R903, startsOn: '2027-03-01' }), { code: 'VACANCY_OVERLAPS' });
    const v = await read(env.kernel).selectFrom('fee_vacancies').select('id').where('room_id', '=', w.r.R903).executeTakeFirstOrThrow();
    await assert.rejects(endVacancy(c.zmanager, v.id, '2027-02-01'), { code: 'VACANCY_NOT_FOUND' });
    await endVacancy(c.staff, v.id, '2027-02-01');
    await assert.rejects(endVacancy(c.staff, v.id, '2027-03-01'), { code: 'VACANCY_ENDED' });
    assert.ok(await registerVacancy(c.staff, { roomId: w.r.R903, startsOn: '2027-03-01', endsOn: '2027-06-01' }));
  });
});

describe('adjustments and write-offs need a second person and leave the original visible', () => {
  test('an adjustment', async () => {
    const [bill] = await billsOf(w.rooms.A101);
    const lines = await linesOf(bill!.id);
    const req = await requestAdjustment(c.pm, bill!.id, { kind: 'adjust', deltaFen: -1000, reason: '垃圾清运费本月减免' });
    await assert.rejects(decideApproval(c.pm, req.approvalId, 'approve'), { code: 'APPROVAL_SELF' });
    await assert.rejects(requestAdjustment(c.staff, bill!.id, { kind: 'adjust', deltaFen: 500, reason: '再调' }), { code: 'ADJUSTMENT_PENDING' });
    const untouched = (await billsOf(w.rooms.A101))[0]!;
    assert.equal(untouched.adjusted_fen, 0, 'nothing changes before the approval');
    await decideApproval(c.street, req.approvalId, 'approve');
    const after = (await billsOf(w.rooms.A101))[0]!;
    assert.equal(after.amount_fen, 22033, 'the billed amount stays');
    assert.equal(after.adjusted_fen, -1000);
    assert.deepEqual(await linesOf(bill!.id), lines, 'the lines never change');
    await assert.rejects(requestAdjustment(c.pm, bill!.id, { kind: 'adjust', deltaFen: -30000, reason: '过多' }), { code: 'ADJUSTMENT_NEGATIVE' });
  });

  test('a write-off', async () => {
    const [bill] = await billsOf(w.r.R904);
    const req = await requestAdjustment(c.staff, bill!.id, { kind: 'write_off', reason: '开发商已破产清算' });
    await assert.rejects(decideApproval(c.staff, req.approvalId, 'approve'), { code: 'FORBIDDEN' });
    await decideApproval(c.pm, req.approvalId, 'approve');
    const after = (await billsOf(w.r.R904))[0]!;
    assert.equal(after.status, 'written_off');
    assert.equal(after.amount_fen, 19800);
    assert.equal(after.adjusted_fen, -19800);
    const adj = await read(env.kernel).selectFrom('fee_adjustments').selectAll().where('bill_id', '=', bill!.id).execute();
    assert.deepEqual(adj.map((a) => [a.kind, a.delta_fen, a.status, a.requested_by, a.decided_by]), [['write_off', -19800, 'approved', w.accounts.property_staff, w.accounts.property_manager]]);
    await assert.rejects(requestAdjustment(c.pm, bill!.id, { kind: 'write_off', reason: '再核销' }), { code: 'BILL_NOT_OPEN' });
  });
});

describe('who sees which bill', () => {
  test('owners see their own rooms only; the co-owner the same bill; developer bills never', async () => {
    const owner = await signIn(env.app, '13900000901');
    const coOwner = await signIn(env.app, '13900000902');
    const mine = (await owner.request('GET', '/api/me/fees/bills')).body;
    const theirs = (await coOwner.request('GET', '/api/me/fees/bills')).body;
    const ids = (b: any) => b.rooms.flatMap((r: any) => [...r.open, ...r.history].map((x: any) => x.id)).sort();
    assert.deepEqual(mine.rooms.map((r: any) => r.roomId).sort(), [w.r.R901, w.r.P1].sort());
    const [r901] = await billsOf(w.r.R901);
    assert.ok(ids(mine).includes(r901!.id));
    assert.deepEqual(ids(theirs), (await read(env.kernel).selectFrom('fee_bills').select('id').where('room_id', '=', w.r.R901).execute()).map((b) => b.id).sort(), 'the co-owner sees the same bills of 901');
    assert.equal((await coOwner.request('GET', `/api/me/fees/bills/${r901!.id}`)).status, 200);
    const detail = (await owner.request('GET', `/api/me/fees/bills/${r901!.id}`)).body;
    assert.equal(detail.lines[0].formula, '89.57 m² × 2.35 元/m²·月 × 1 月 = 210.49 元');
    const [a101] = await billsOf(w.rooms.A101);
    assert.equal((await owner.request('GET', `/api/me/fees/bills/${a101!.id}`)).status, 404, "a neighbour's bill");
    const buyer = await signIn(env.app, '13900000905');
    const r902 = await billsOf(w.r.R902);
    assert.equal((await buyer.request('GET', `/api/me/fees/bills/${r902[0]!.id}`)).status, 200, "the buyer's own part");
    assert.equal((await buyer.request('GET', `/api/me/fees/bills/${r902[1]!.id}`)).status, 404, "the developer's part is not theirs");
  });

  test('a tenant only when an owner authorised them; family never by themselves', async () => {
    const tenant = await signIn(env.app, '13900000903');
    const family = await signIn(env.app, '13900000904');
    const owner = await signIn(env.app, '13900000901');
    const [r901] = await billsOf(w.r.R901);
    assert.deepEqual((await tenant.request('GET', '/api/me/fees/bills')).body.rooms, []);
    assert.equal((await tenant.request('GET', `/api/me/fees/bills/${r901!.id}`)).status, 404);
    assert.equal((await family.request('GET', `/api/me/fees/bills/${r901!.id}`)).status, 404);
    await expectRefused(env.kernel, ['fee_tenant_payers'], () => tenant.request('POST', '/api/me/fees/tenant-payers', { roomId: w.r.R901, personId: w.personsB.family }), 404, 'NOT_AN_OWNER');
    await expectRefused(env.kernel, ['fee_tenant_payers'], () => owner.request('POST', '/api/me/fees/tenant-payers', { roomId: w.r.R901, personId: w.persons.bob }), 400, 'NOT_A_MEMBER');
    const payers = (await owner.request('GET', `/api/me/fees/rooms/${w.r.R901}/payers`)).body;
    assert.deepEqual(payers.candidates.map((p: any) => p.name).sort(), ['吴三', '郑四']);
    const granted = await owner.request('POST', '/api/me/fees/tenant-payers', { roomId: w.r.R901, personId: w.personsB.tenant });
    assert.equal(granted.status, 201);
    assert.equal((await tenant.request('GET', `/api/me/fees/bills/${r901!.id}`)).status, 200, 'authorised');
    assert.equal((await family.request('GET', `/api/me/fees/bills/${r901!.id}`)).status, 404, 'family still not');
    assert.equal((await owner.request('POST', `/api/me/fees/tenant-payers/${granted.body.id}/revoke`)).status, 200);
    assert.equal((await tenant.request('GET', `/api/me/fees/bills/${r901!.id}`)).status, 404, 'revoked');
  });

  test('staff: the company sees its compounds, the street the list, another street nothing', async () => {
    const [a101] = await billsOf(w.rooms.A101);
    const pm = await signIn(env.app, 'property_manager');
    const street = await signIn(env.app, 'street_official');
    const zmanager = await signIn(env.app, 'zmanager');
    const zstreet = await signIn(env.app, 'zstreet');
    const resident = await signIn(env.app, '13900000901');
    const listed = (await pm.request('GET', `/api/fees/bills?placeId=${w.places.A}&period=2026-12&pageSize=50`)).body;
    assert.equal(listed.total, 10);
    assert.equal((await street.request('GET', '/api/fees/bills?period=2026-12')).body.total, 10);
    assert.equal((await zmanager.request('GET', '/api/fees/bills')).body.total, 0);
    assert.equal((await zstreet.request('GET', '/api/fees/bills')).body.total, 0);
    assert.equal((await resident.request('GET', '/api/fees/bills')).body.total, 0);
    const detail = await pm.request('GET', `/api/fees/bills/${a101!.id}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.adjustments.length, 1);
    assert.equal(detail.body.lines.length, 2);
    for (const s of [zmanager, zstreet, resident]) assert.equal((await s.request('GET', `/api/fees/bills/${a101!.id}`)).status, 404);
    await expectRefused(env.kernel, ['fee_bills'], () => zmanager.request('POST', '/api/fees/bills/generate', { compoundId: w.places.A, cycle: 'month', periodLabel: '2027-02' }), 404, 'PLACE_NOT_FOUND');
    await expectRefused(env.kernel, ['fee_bills'], () => resident.request('POST', '/api/fees/bills/generate', { compoundId: w.places.A, cycle: 'month', periodLabel: '2027-02' }), 404, 'PLACE_NOT_FOUND');
    const cm = await signIn(env.app, 'property_committee_member');
    await expectRefused(env.kernel, ['fee_bills'], () => cm.request('POST', '/api/fees/bills/generate', { compoundId: w.places.A, cycle: 'month', periodLabel: '2027-02' }), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, ['fee_items'], () => pm.request('POST', '/api/fees/items', { compoundId: w.places.Z, name: '物业费', kind: 'area', cycle: 'month' }), 404, 'PLACE_NOT_FOUND');
    const staff = await signIn(env.app, 'property_staff');
    await expectRefused(env.kernel, ['fee_items'], () => staff.request('POST', '/api/fees/items', { compoundId: w.places.A, name: '新项目', kind: 'fixed', cycle: 'month' }), 403, 'FORBIDDEN');
  });

  test('search, sort and the xlsx export', async () => {
    const pm = await signIn(env.app, 'property_manager');
    const found = (await pm.request('GET', `/api/fees/bills?period=2026-12&q=${encodeURIComponent('902')}`)).body;
    assert.equal(found.total, 2);
    const sorted = (await pm.request('GET', '/api/fees/bills?period=2026-12&sort=amount&order=desc')).body.items.map((b: any) => b.amountFen);
    assert.deepEqual(sorted, [...sorted].sort((a: number, b: number) => b - a));
    const res = await env.app.inject({ method: 'GET', url: '/api/fees/bills/export.xlsx?period=2026-12', headers: { cookie: (await pmCookie()) } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.rowCount, 1 + 10);
    const row101 = sheet.getSheetValues().find((r) => Array.isArray(r) && String(r[1]).endsWith('1栋 / 1单元 / 101')) as unknown[];
    assert.equal(row101[5], 220.33);
  });
});

async function pmCookie() {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'property_manager', password: 'Test@12345' } });
  return `gz_session=${res.cookies.find((x) => x.name === 'gz_session')!.value}`;
}
