import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BillingItem, type BillingRoom, billsForRoom, lineAmount, periodContaining, periodOf, roundHalfUp } from './bill-rules.ts';

/** Every expected amount below is worked out by hand in the comment beside it. */
const home = (over: Partial<BillingRoom> = {}): BillingRoom => ({ roomId: 'r', areaCenti: 9856, use: 'residential', deliveredOn: null, developerHeld: false, ...over });
const areaItem = (over: Partial<BillingItem> = {}): BillingItem => ({ itemId: 'area', kind: 'area', name: '物业服务费', vacancyDiscountBp: 0, prices: [{ unitFen: 235, effectiveFrom: '2020-01-01' }], ...over });
const nov = periodOf('month', '2026-11')!;
const q4 = periodOf('quarter', '2026-Q4')!;

test('periods: a month, a quarter and a year as half-open days; malformed labels are none', () => {
  assert.deepEqual(nov, { label: '2026-11', start: '2026-11-01', end: '2026-12-01' });
  assert.deepEqual(q4, { label: '2026-Q4', start: '2026-10-01', end: '2027-01-01' });
  assert.deepEqual(periodOf('year', '2026'), { label: '2026', start: '2026-01-01', end: '2027-01-01' });
  assert.equal(periodOf('month', '2026-13'), null);
  assert.equal(periodOf('quarter', '2026-Q5'), null);
  assert.equal(periodContaining('quarter', '2026-02-28').label, '2026-Q1');
});

test('rounding is half up to the fen, exactly at the half', () => {
  assert.equal(roundHalfUp(101505n, 10n), 10151); // 10150.5 → 10151
  assert.equal(roundHalfUp(101504n, 10n), 10150); // 10150.4 → 10150
  // 100.50 m² × 1.01 元 × 1 月 = 10050 × 101 / 100 = 10150.5 fen → 101.51 元
  assert.equal(lineAmount({ kind: 'area', vacancyDiscountBp: 0 }, { areaCenti: 10050 }, 101, 1, 1, false).amountFen, 10151);
  // 100.49 m² × 1.01 元 = 10149.49 fen → 101.49 元
  assert.equal(lineAmount({ kind: 'area', vacancyDiscountBp: 0 }, { areaCenti: 10049 }, 101, 1, 1, false).amountFen, 10149);
});

test('a whole month: area with two decimals × price in fen, and the formula the payer reads', () => {
  const [bill] = billsForRoom(home(), [areaItem()], nov);
  // 98.56 m² × 2.35 元 = 9856 × 235 / 100 = 23161.6 fen → 23162
  assert.equal(bill!.amountFen, 23162);
  assert.equal(bill!.payerKind, 'owners');
  assert.equal(bill!.lines[0]!.formula, '98.56 m² × 2.35 元/m²·月 × 1 月 = 231.62 元');
});

test('delivered mid-month: the developer pays the days before, the owners from the delivery day', () => {
  const bills = billsForRoom(home({ deliveredOn: '2026-11-16' }), [areaItem()], nov);
  const developer = bills.find((b) => b.payerKind === 'developer')!;
  const owners = bills.find((b) => b.payerKind === 'owners')!;
  // 15 of 30 days each: 9856 × 235 × 15 / (100 × 30) = 11580.8 → 11581
  assert.equal(developer.amountFen, 11581);
  assert.equal(owners.amountFen, 11581);
  assert.equal(owners.start, '2026-11-16');
  assert.equal(owners.lines[0]!.formula, '98.56 m² × 2.35 元/m²·月 × 15/30 月 = 115.81 元');
  assert.equal(developer.end, '2026-11-16');
});

test('a registered vacancy takes the contract discount off its days only', () => {
  const item = areaItem({ vacancyDiscountBp: 3000 });
  const [whole] = billsForRoom(home(), [item], nov, [{ startsOn: '2026-01-01', endsOn: null }]);
  // 9856 × 235 × 70 % / 100 = 16213.12 → 16213
  assert.equal(whole!.amountFen, 16213);
  assert.match(whole!.lines[0]!.formula, /× 70%（空置）/);
  // Vacant until 11-11 (10 days at 70 %), then occupied (20 days):
  // 9856 × 235 × 10 × 7000 / (100 × 30 × 10000) = 5404.37 → 5404; 9856 × 235 × 20 / 3000 = 15441.07 → 15441
  const [split] = billsForRoom(home(), [item], nov, [{ startsOn: '2026-10-01', endsOn: '2026-11-11' }]);
  assert.deepEqual(split!.lines.map((l) => l.amountFen), [5404, 15441]);
  // An item without a vacancy discount charges vacant rooms in full.
  assert.equal(billsForRoom(home(), [areaItem()], nov, [{ startsOn: '2026-01-01', endsOn: null }])[0]!.amountFen, 23162);
});

test('a developer-held room is billed to the developer; an undelivered one too', () => {
  assert.deepEqual(billsForRoom(home({ developerHeld: true }), [areaItem()], nov).map((b) => [b.payerKind, b.amountFen]), [['developer', 23162]]);
  assert.deepEqual(billsForRoom(home({ deliveredOn: '2027-03-01' }), [areaItem()], nov).map((b) => b.payerKind), ['developer']);
});

test('a quarter: whole months share one line, a part month has its own, a price change cuts a line', () => {
  const item = areaItem({ prices: [{ unitFen: 235, effectiveFrom: '2020-01-01' }, { unitFen: 250, effectiveFrom: '2026-12-01' }] });
  const bills = billsForRoom(home({ areaCenti: 12000, deliveredOn: '2026-11-16' }), [item], q4);
  const developer = bills.find((b) => b.payerKind === 'developer')!;
  const owners = bills.find((b) => b.payerKind === 'owners')!;
  // Developer: October whole at 2.35: 12000 × 235 / 100 = 28200; Nov 1–15: 12000 × 235 × 15 / 3000 = 14100
  assert.deepEqual(developer.lines.map((l) => l.amountFen), [28200, 14100]);
  // Owners: Nov 16–30 at 2.35: 14100; December at 2.50: 12000 × 250 / 100 = 30000
  assert.deepEqual(owners.lines.map((l) => l.amountFen), [14100, 30000]);
  assert.equal(owners.amountFen, 44100);
  // No change: three whole months on one line, 12000 × 235 × 3 / 100 = 84600
  const [plain] = billsForRoom(home({ areaCenti: 12000 }), [areaItem()], q4);
  assert.deepEqual(plain!.lines.map((l) => [l.amountFen, l.formula]), [[84600, '120.00 m² × 2.35 元/m²·月 × 3 月 = 846.00 元']]);
});

test('fixed items charge homes per month, parking items parking spaces only; no price yet, no bill', () => {
  const fixed: BillingItem = { itemId: 'f', kind: 'fixed', name: '垃圾清运费', vacancyDiscountBp: 0, prices: [{ unitFen: 1000, effectiveFrom: '2020-01-01' }] };
  const parking: BillingItem = { itemId: 'p', kind: 'parking', name: '车位管理费', vacancyDiscountBp: 0, prices: [{ unitFen: 15000, effectiveFrom: '2020-01-01' }] };
  const [h] = billsForRoom(home(), [areaItem(), fixed, parking], nov);
  assert.deepEqual(h!.lines.map((l) => [l.label, l.amountFen]), [['物业服务费', 23162], ['垃圾清运费', 1000]]);
  const [space] = billsForRoom(home({ use: 'parking', areaCenti: 1250 }), [areaItem(), fixed, parking], nov);
  assert.deepEqual(space!.lines.map((l) => [l.label, l.formula]), [['车位管理费', '150.00 元/车位·月 × 1 月 = 150.00 元']]);
  // A price from 11-21 on: 10 of 30 days, 9856 × 235 × 10 / 3000 = 7720.53 → 7721
  const late = areaItem({ prices: [{ unitFen: 235, effectiveFrom: '2026-11-21' }] });
  assert.equal(billsForRoom(home(), [late], nov)[0]!.amountFen, 7721);
  assert.deepEqual(billsForRoom(home(), [areaItem({ prices: [] })], nov), []);
});
