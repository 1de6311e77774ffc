import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CostWeightsZeroError, coefficientsProblem, costShares, defaultCoefficients, formatCoefficient, formatYuan, type ShareRoom, yuanToFen } from './cost-shares.ts';
import { judgeElevator } from './elevator.ts';

/**
 * The elevator retrofit's cost shares (cost-shares.ts) and its judgement (elevator.ts), by hand-computed cases:
 * every share is ⌊cost × weight ÷ Σweight⌋ fen, and the fen left over go one each to the largest remainders, ties
 * to the higher floor, then the room label.
 */
const room = (label: string, floor: number, areaCenti = 10000): ShareRoom => ({ roomId: `r-${label}`, label, floor, areaCenti });
const sharesOf = (r: ReturnType<typeof costShares>) => Object.fromEntries(r.map((s) => [s.label, s.shareFen]));
const sum = (r: ReturnType<typeof costShares>) => r.reduce((s, x) => s + x.shareFen, 0);

describe('costShares', () => {
  test('by coefficient: ¥1,000.00 over floors 1–3 at 0, 1, 2 — the ground floor pays nothing, the one fen left goes to the largest remainder', () => {
    // Σweight = 0 + 1000 + 2000 = 3000. 201: 100000·1000/3000 = 33333 r 1000; 301: 100000·2000/3000 = 66666 r 2000.
    // 99999 fen shared, 1 left: to 301 (remainder 2000 > 1000).
    const r = costShares(100000, [room('101', 1), room('201', 2), room('301', 3)], { 1: 0, 2: 1000, 3: 2000 }, false);
    assert.deepEqual(sharesOf(r), { '101': 0, '201': 33333, '301': 66667 });
    assert.equal(sum(r), 100000);
    assert.deepEqual(
      r.map((s) => s.weight),
      [0, 1000, 2000],
    );
  });

  test('by coefficient × area: hand-computed to the fen', () => {
    // weights: 101 0·8950 = 0; 201 600·8950 = 5,370,000; 202 600·10000 = 6,000,000; 301 800·8950 = 7,160,000; Σ 18,530,000.
    // ⌊10⁶·w/Σ⌋ and remainders: 201 289800 r 6,000,000; 202 323799 r 4,530,000; 301 386400 r 8,000,000 → 999,999, 1 left → 301.
    const rooms = [room('101', 1, 8950), room('201', 2, 8950), room('202', 2, 10000), room('301', 3, 8950)];
    const r = costShares(1_000_000, rooms, { 1: 0, 2: 600, 3: 800 }, true);
    assert.deepEqual(sharesOf(r), { '101': 0, '201': 289800, '202': 323799, '301': 386401 });
    assert.equal(sum(r), 1_000_000);
    // The same rooms by coefficient alone: Σ 2000; 201 and 202 300000 each, 301 400000, nothing left.
    assert.deepEqual(sharesOf(costShares(1_000_000, rooms, { 1: 0, 2: 600, 3: 800 }, false)), { '101': 0, '201': 300000, '202': 300000, '301': 400000 });
  });

  test('equal remainders: the higher floor first', () => {
    // Three equal weights, 200 fen: 66 r 2000 each (of Σ 3000) → 198, 2 left → floors 4 and 3, not 2.
    const r = costShares(200, [room('201', 2), room('301', 3), room('401', 4)], { 2: 1000, 3: 1000, 4: 1000 }, false);
    assert.deepEqual(sharesOf(r), { '201': 66, '301': 67, '401': 67 });
    // 100 fen over 201, 202 (floor 2) and 301 (floor 3): 33 r 1000 each, 1 left → 301, the higher floor.
    assert.deepEqual(sharesOf(costShares(100, [room('201', 2), room('202', 2), room('301', 3)], { 2: 1000, 3: 1000 }, false)), { '201': 33, '202': 33, '301': 34 });
  });

  test('equal remainders on one floor: the room label in ascending order, whatever the order given', () => {
    // 101 fen over 202 and 201: 50 r 1000 each (of Σ 2000), 1 left → 201, the smaller label.
    const r = costShares(101, [room('202', 2), room('201', 2)], { 2: 1000 }, false);
    assert.deepEqual(sharesOf(r), { '201': 51, '202': 50 });
    assert.deepEqual(
      r.map((s) => s.label),
      ['202', '201'],
      'the shares come back in the rooms’ order',
    );
  });

  test('every weight 0: refused, nobody would pay', () => {
    assert.throws(() => costShares(100, [room('101', 1), room('102', 1)], { 1: 0 }, false), CostWeightsZeroError);
    // Weight 0 by area too: a room of no recorded area on a paying floor.
    assert.throws(() => costShares(100, [room('201', 2, 0)], { 2: 1000 }, true), CostWeightsZeroError);
  });

  test('large amounts stay exact (BigInt products), and many random stairwells sum exactly', () => {
    const big = costShares(10_000_000_000, [room('101', 1, 9_999_999), room('1801', 18, 9_999_999), room('3201', 32, 12_345_678)], { 1: 0, 18: 9999, 32: 10000 }, true);
    assert.equal(sum(big), 10_000_000_000);
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 300; k++) {
      const floors = 2 + next(20);
      const rooms: ShareRoom[] = [];
      for (let f = 1; f <= floors; f++) for (let n = 1; n <= 1 + next(4); n++) rooms.push(room(`${f}0${n}`, f, 5000 + next(20000)));
      const coefficients = defaultCoefficients(rooms.map((r) => r.floor));
      const cost = 1 + next(100_000_000);
      const r = costShares(cost, rooms, coefficients, next(2) === 0);
      assert.equal(sum(r), cost, `case ${k}`);
      assert.ok(r.every((s) => s.shareFen >= 0 && (s.weight > 0 || s.shareFen === 0)));
    }
  });
});

describe('the coefficient table', () => {
  test('one per floor present, integers 0–10000, never falling from one floor to the next', () => {
    assert.equal(coefficientsProblem([1, 2, 3], { 1: 0, 2: 600, 3: 800 }), null);
    assert.equal(coefficientsProblem([1, 2, 3], { 1: 0, 2: 600, 3: 600 }), null, 'equal is not falling');
    assert.equal(coefficientsProblem([1, 2, 3], { 1: 0, 2: 600 }), 'floors');
    assert.equal(coefficientsProblem([1, 2], { 1: 0, 2: 600, 3: 800 }), 'floors');
    assert.equal(coefficientsProblem([1, 2, 3], { 1: 0, 2: 800, 3: 600 }), 'not_rising');
    assert.equal(coefficientsProblem([1, 2], { 1: 0, 2: 10001 }), 'range');
    assert.equal(coefficientsProblem([1, 2], { 1: 0, 2: 1.5 }), 'range');
  });
  test('the proposed table: the lowest floor 0, then 600‰ rising by 200‰', () => {
    assert.deepEqual(defaultCoefficients([3, 1, 2, 6, 5, 4, 2]), { 1: 0, 2: 600, 3: 800, 4: 1000, 5: 1200, 6: 1400 });
    assert.equal(coefficientsProblem([1, 2, 3, 4, 5, 6], defaultCoefficients([1, 2, 3, 4, 5, 6])), null);
  });
  test('amounts: yuan typed as fen exactly, fen shown as yuan, permille as a decimal', () => {
    assert.equal(yuanToFen('1234.5'), 123450);
    assert.equal(yuanToFen('1,234.56'), 123456);
    assert.equal(yuanToFen('0.07'), 7);
    assert.equal(yuanToFen('1.234'), null);
    assert.equal(yuanToFen('-1'), null);
    assert.equal(formatYuan(123456789), '1,234,567.89');
    assert.equal(formatYuan(5), '0.05');
    assert.deepEqual([formatCoefficient(1200), formatCoefficient(0), formatCoefficient(650), formatCoefficient(1000)], ['1.2', '0', '0.65', '1']);
  });
});

describe('judgeElevator', () => {
  const passed = { passed: true };
  const affected = [
    { id: 'a1', entryId: 'e1', label: '101（王*）', objection: false, settled: false },
    { id: 'a2', entryId: 'e2', label: '102（李*）', objection: false, settled: false },
  ];
  test('consent: every affected owner must vote for — against, abstain or no ballot stops it, thresholds met', () => {
    const allFor = new Map([
      ['e1', 'for' as const],
      ['e2', 'for' as const],
    ]);
    assert.equal(judgeElevator({ item: passed, choices: allFor, affected, rule: 'consent' }).passed, true);
    for (const e2 of ['against', 'abstain', undefined] as const) {
      const j = judgeElevator({ item: passed, choices: new Map([['e1', 'for' as const], ...(e2 ? [['e2', e2] as const] : [])]), affected, rule: 'consent' });
      assert.equal(j.passed, false, String(e2));
      assert.equal(j.reason, 'AFFECTED_OWNER_NOT_CONSENTING');
      assert.deepEqual(j.notConsenting, ['102（李*）']);
    }
    // Thresholds not met: that is the reason, whatever the affected owners did.
    assert.equal(judgeElevator({ item: { passed: false }, choices: allFor, affected, rule: 'consent' }).reason, 'THRESHOLDS_NOT_MET');
  });
  test('compensation: an affected owner against does not stop it; an unsettled objection does, a settled one does not', () => {
    const choices = new Map([['e1', 'against' as const]]);
    assert.equal(judgeElevator({ item: passed, choices, affected, rule: 'compensation' }).passed, true);
    const objecting = [{ ...affected[0]!, objection: true }, affected[1]!];
    const j = judgeElevator({ item: passed, choices, affected: objecting, rule: 'compensation' });
    assert.deepEqual([j.passed, j.reason, j.unsettled], [false, 'OBJECTION_UNSETTLED', ['101（王*）']]);
    assert.equal(judgeElevator({ item: passed, choices, affected: [{ ...objecting[0]!, settled: true }, affected[1]!], rule: 'compensation' }).passed, true);
  });
});
