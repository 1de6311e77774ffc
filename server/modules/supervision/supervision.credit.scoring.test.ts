import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CREDIT_BANDS, DEFAULT_CREDIT_SETTINGS, formatCreditBand, formatPoints, type CreditBand } from './supervision.credit.constants.ts';
import { addMonthsChina, checkCreditBands, creditScore, gradeOf, recordState, type ScoredRecord } from './supervision.credit.scoring.ts';

/**
 * The credit formula on hand-computed cases: base 80.00, good records capped at +40.00, bad records deducted with
 * no floor before the clamp to [0, 120.00]; records count from occurred_at until expires_at (exclusive) and stop at
 * a repair; grades AAA [110, 120], AA [100, 110), A [80, 100), B [60, 80), C [0, 60).
 */
const T0 = new Date('2026-01-10T10:00:00+08:00');
const AT = new Date('2026-06-01T00:00:00+08:00');
const YEAR_LATER = new Date('2027-01-10T10:00:00+08:00');
const rec = (pointsCenti: number, extra: Partial<ScoredRecord> = {}): ScoredRecord => ({ pointsCenti, occurredAt: T0, expiresAt: YEAR_LATER, repairedAt: null, ...extra });
const score = (records: ScoredRecord[], at = AT) => creditScore(records, DEFAULT_CREDIT_SETTINGS, at);

describe('the score', () => {
  test('no records: the base, 80.00 → A', () => {
    assert.deepEqual(score([]), { scoreCenti: 8000, grade: 'A', goodCenti: 0, badCenti: 0, records: 0 });
  });
  test('good records reaching the cap exactly: 80 + 30 + 10 = 120.00 → AAA (the top band includes its upper bound)', () => {
    assert.deepEqual(score([rec(3000), rec(1000)]), { scoreCenti: 12000, grade: 'AAA', goodCenti: 4000, badCenti: 0, records: 2 });
  });
  test('good records past the cap count only up to it: 80 + min(45, 40) − 3 = 117.00', () => {
    assert.deepEqual(score([rec(3000), rec(1500), rec(-300)]), { scoreCenti: 11700, grade: 'AAA', goodCenti: 4500, badCenti: 300, records: 3 });
  });
  test('one hundredth below the cap: 80 + 39.99 = 119.99 → AAA', () => {
    assert.equal(score([rec(3999)]).scoreCenti, 11999);
  });
  test('bad records have no floor before the clamp: 80 + 5 − 100 = −15 → clamped to 0.00 → C', () => {
    assert.deepEqual(score([rec(500), rec(-10000)]), { scoreCenti: 0, grade: 'C', goodCenti: 500, badCenti: 10000, records: 2 });
  });
  test('exactly to zero: 80 − 80 = 0.00 → C', () => {
    assert.equal(score([rec(-8000)]).scoreCenti, 0);
  });
  test('the deductions come off the capped good points: 80 + min(50, 40) − 10 = 110.00 → AAA (not 120)', () => {
    assert.equal(score([rec(5000), rec(-1000)]).scoreCenti, 11000);
  });
});

describe('the grade boundaries', () => {
  const at = (centi: number) => gradeOf(centi, DEFAULT_CREDIT_BANDS, 12000);
  test('exactly 100.00 → AA; 99.99 → A', () => {
    assert.equal(at(10000), 'AA');
    assert.equal(at(9999), 'A');
    assert.equal(score([rec(2000)]).grade, 'AA');
    assert.equal(score([rec(2000), rec(-1)]).grade, 'A');
  });
  test('110.00 → AAA, 109.99 → AA; 80.00 → A, 79.99 → B; 60.00 → B, 59.99 → C; 0 → C; 120.00 → AAA', () => {
    assert.deepEqual([11000, 10999, 8000, 7999, 6000, 5999, 0, 12000].map(at), ['AAA', 'AA', 'A', 'B', 'B', 'C', 'C', 'AAA']);
  });
  test('the bands as the rules publish them', () => {
    assert.deepEqual(
      DEFAULT_CREDIT_BANDS.map((b) => formatCreditBand(b, 12000)),
      ['[110, 120]', '[100, 110)', '[80, 100)', '[60, 80)', '[0, 60)'],
    );
    assert.equal(formatCreditBand({ from: 10050, to: 11025 }, 12000), '[100.5, 110.25)');
    assert.deepEqual([formatPoints(-250), formatPoints(500), formatPoints(1), formatPoints(0)], ['-2.5', '5', '0.01', '0']);
  });
});

describe('bands must tile [0, base + cap]', () => {
  const b = (from: number, to: number, grade: CreditBand['grade']): CreditBand => ({ grade, from, to });
  const valid = [b(11000, 12000, 'AAA'), b(10000, 11000, 'AA'), b(8000, 10000, 'A'), b(6000, 8000, 'B'), b(0, 6000, 'C')];
  test('the defaults pass, in any order', () => {
    assert.equal(checkCreditBands(valid, 12000), null);
    assert.equal(checkCreditBands([...valid].reverse(), 12000), null);
  });
  test('a gap, an overlap, a missing or repeated grade, an empty band, not from 0, not to the top: refused', () => {
    assert.equal(checkCreditBands([b(11000, 12000, 'AAA'), b(10000, 10999, 'AA'), b(8000, 10000, 'A'), b(6000, 8000, 'B'), b(0, 6000, 'C')], 12000), 'gap_or_overlap');
    assert.equal(checkCreditBands([b(11000, 12000, 'AAA'), b(10000, 11001, 'AA'), b(8000, 10000, 'A'), b(6000, 8000, 'B'), b(0, 6000, 'C')], 12000), 'gap_or_overlap');
    assert.equal(checkCreditBands(valid.slice(1), 12000), 'every_grade_once');
    assert.equal(checkCreditBands([...valid.slice(1), b(11000, 12000, 'AA')], 12000), 'every_grade_once');
    assert.equal(checkCreditBands([b(11000, 12000, 'AAA'), b(10000, 11000, 'AA'), b(8000, 10000, 'A'), b(6000, 6000, 'B'), b(0, 6000, 'C')], 12000), 'empty_band');
    assert.equal(checkCreditBands([b(11000, 12000, 'AAA'), b(10000, 11000, 'AA'), b(8000, 10000, 'A'), b(6000, 8000, 'B'), b(100, 6000, 'C')], 12000), 'not_from_zero');
    assert.equal(checkCreditBands(valid, 13000), 'not_to_top');
  });
  test('better grades must be higher: AA above AAA is refused', () => {
    assert.equal(checkCreditBands([b(10000, 11000, 'AAA'), b(11000, 12000, 'AA'), b(8000, 10000, 'A'), b(6000, 8000, 'B'), b(0, 6000, 'C')], 12000), 'gap_or_overlap');
  });
});

describe('a record counts from its time until its expiry and stops at its repair', () => {
  test('counting the instant before its expiry, not at it', () => {
    const r = rec(-1000);
    assert.equal(recordState(r, new Date(YEAR_LATER.getTime() - 1)), 'counting');
    assert.equal(recordState(r, YEAR_LATER), 'expired');
    assert.equal(score([r], new Date(YEAR_LATER.getTime() - 1)).scoreCenti, 7000);
    assert.equal(score([r], YEAR_LATER).scoreCenti, 8000);
  });
  test('not before it occurred; counting at the instant it occurred', () => {
    assert.equal(recordState(rec(500), new Date(T0.getTime() - 1)), 'not_yet');
    assert.equal(recordState(rec(500), T0), 'counting');
  });
  test('a repaired record counts up to its repair and not from it', () => {
    const repairedAt = new Date('2026-05-01T09:00:00+08:00');
    const r = rec(-1000, { repairedAt });
    assert.equal(score([r], new Date(repairedAt.getTime() - 1)).scoreCenti, 7000);
    assert.equal(score([r], repairedAt).scoreCenti, 8000);
    assert.equal(recordState(r, repairedAt), 'repaired');
  });
});

describe('12 months on China’s calendar', () => {
  test('the same instant a year later; month ends clamp', () => {
    assert.equal(addMonthsChina(T0, 12).toISOString(), YEAR_LATER.toISOString());
    assert.equal(addMonthsChina(new Date('2026-01-31T23:30:00+08:00'), 1).toISOString(), new Date('2026-02-28T23:30:00+08:00').toISOString());
    // 2026-03-31 16:30 UTC is already 1 April in China: a month later is 1 May there.
    assert.equal(addMonthsChina(new Date('2026-03-31T16:30:00Z'), 1).toISOString(), new Date('2026-05-01T00:30:00+08:00').toISOString());
  });
});
