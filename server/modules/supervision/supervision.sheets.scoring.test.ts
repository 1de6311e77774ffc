import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ItemEntry, type ScoredIndicator, creditedPoints, isFinding, scoreInspection } from './use-cases/sheet-score.ts';

/** The scoring rules of migration 0053, on hand-computed cases (points in hundredths, scores out of 100 in hundredths). */
const entry = (e: Partial<ItemEntry>): ItemEntry => ({ awardedCenti: null, findings: 0, met: null, photos: 0, documents: 0, ...e });
const ind = (id: string, sectionId: string, method: ScoredIndicator['method'], maxCenti: number, extra: Partial<ScoredIndicator> = {}): ScoredIndicator => ({
  id,
  sectionId,
  method,
  maxCenti,
  deductionCenti: method === 'deduction' ? 100 : null,
  evidence: 'none',
  ...extra,
});

describe('an indicator’s credited points', () => {
  test('points: as awarded', () => {
    assert.equal(creditedPoints(ind('a', 's', 'points', 1000), entry({ awardedCenti: 750 })), 750);
    assert.equal(creditedPoints(ind('a', 's', 'points', 1000), entry({ awardedCenti: 0 })), 0);
    assert.equal(creditedPoints(ind('a', 's', 'points', 1000), entry({ awardedCenti: 1000 })), 1000);
  });
  test('deduction: max − per finding × findings, floored at 0', () => {
    const d = ind('d', 's', 'deduction', 500, { deductionCenti: 200 });
    assert.equal(creditedPoints(d, entry({ findings: 0 })), 500);
    assert.equal(creditedPoints(d, entry({ findings: 2 })), 100);
    // 500 − 3 × 200 = −100: floored at 0, never negative
    assert.equal(creditedPoints(d, entry({ findings: 3 })), 0);
    assert.equal(creditedPoints(d, entry({ findings: 40 })), 0);
  });
  test('yes/no: all or nothing', () => {
    assert.equal(creditedPoints(ind('y', 's', 'yes_no', 300), entry({ met: true })), 300);
    assert.equal(creditedPoints(ind('y', 's', 'yes_no', 300), entry({ met: false })), 0);
  });
  test('missing evidence → 0, whatever was entered; the right kind of file is needed', () => {
    const photo = ind('p', 's', 'points', 700, { evidence: 'photo' });
    assert.equal(creditedPoints(photo, entry({ awardedCenti: 700 })), 0);
    assert.equal(creditedPoints(photo, entry({ awardedCenti: 700, documents: 2 })), 0, 'a document is no photo');
    assert.equal(creditedPoints(photo, entry({ awardedCenti: 700, photos: 1 })), 700);
    const doc = ind('q', 's', 'yes_no', 400, { evidence: 'document' });
    assert.equal(creditedPoints(doc, entry({ met: true, photos: 3 })), 0, 'a photo is no document');
    assert.equal(creditedPoints(doc, entry({ met: true, documents: 1 })), 400);
    const either = ind('r', 's', 'deduction', 500, { evidence: 'photo_or_document', deductionCenti: 100 });
    assert.equal(creditedPoints(either, entry({ findings: 1 })), 0);
    assert.equal(creditedPoints(either, entry({ findings: 1, photos: 1 })), 400);
    assert.equal(creditedPoints(either, entry({ findings: 1, documents: 1 })), 400);
  });
  test('a finding: problems found, a no, or points below the maximum', () => {
    assert.equal(isFinding(ind('d', 's', 'deduction', 500), entry({ findings: 1 })), true);
    assert.equal(isFinding(ind('d', 's', 'deduction', 500), entry({ findings: 0 })), false);
    assert.equal(isFinding(ind('y', 's', 'yes_no', 300), entry({ met: false })), true);
    assert.equal(isFinding(ind('y', 's', 'yes_no', 300), entry({ met: true })), false);
    assert.equal(isFinding(ind('p', 's', 'points', 300), entry({ awardedCenti: 250 })), true);
    assert.equal(isFinding(ind('p', 's', 'points', 300), entry({ awardedCenti: 300 })), false);
  });
});

describe('an inspection’s score', () => {
  test('weights, a deduction floored at 0 and missing evidence, by hand', () => {
    // Section A (60 %): points 7.50 of 10.00; deduction 5.00 − 3 × 2.00 → 0. Credited 7.50 of 15.00 = 1/2.
    // Section B (40 %): yes/no met 3.00 of 3.00; points 7.00 of 7.00 but its photo missing → 0. Credited 3.00 of 10.00.
    // Score = 100 × (0.6 × 1/2 + 0.4 × 3/10) = 100 × (0.30 + 0.12) = 42.00.
    const indicators = [
      ind('a1', 'A', 'points', 1000),
      ind('a2', 'A', 'deduction', 500, { deductionCenti: 200 }),
      ind('b1', 'B', 'yes_no', 300, { evidence: 'document' }),
      ind('b2', 'B', 'points', 700, { evidence: 'photo' }),
    ];
    const entries = new Map([
      ['a1', entry({ awardedCenti: 750 })],
      ['a2', entry({ findings: 3 })],
      ['b1', entry({ met: true, documents: 1 })],
      ['b2', entry({ awardedCenti: 700 })],
    ]);
    const s = scoreInspection([{ id: 'A', weight: 60 }, { id: 'B', weight: 40 }], indicators, entries);
    assert.equal(s.scoreCenti, 4200);
    assert.deepEqual(
      s.sections.map((x) => [x.sectionId, x.creditedCenti, x.maxCenti, x.percentCenti, x.contributionCenti]),
      [
        ['A', 750, 1500, 5000, 3000],
        ['B', 300, 1000, 3000, 1200],
      ],
    );
    assert.deepEqual(
      s.items.map((i) => [i.indicatorId, i.enteredCenti, i.creditedCenti, i.evidenceMissing]),
      [
        ['a1', 750, 750, false],
        ['a2', 0, 0, false],
        ['b1', 300, 300, false],
        ['b2', 700, 0, true],
      ],
    );
  });

  test('rounded half up exactly at a .5 boundary, once', () => {
    // One section (100 %), two indicators of 100.00 points each: max 200.00. Credited c hundredths → score c / 2.
    const indicators = [ind('x', 'S', 'points', 10000), ind('y', 'S', 'points', 10000)];
    const score = (c: number) =>
      scoreInspection([{ id: 'S', weight: 100 }], indicators, new Map([['x', entry({ awardedCenti: Math.min(c, 10000) })], ['y', entry({ awardedCenti: Math.max(0, c - 10000) })]])).scoreCenti;
    assert.equal(score(1), 1, '0.005 → 0.01 (half up)');
    assert.equal(score(5), 3, '0.025 → 0.03 (half up, not to even)');
    assert.equal(score(4), 2);
    assert.equal(score(19999), 10000, '99.995 → 100.00');
  });

  test('one rounding: sections are not rounded before they are added', () => {
    // Two sections of 50 %, each credited 1/3: exactly 100 × (50/3 + 50/3) / 100 = 33.333… → 33.33.
    // Rounding each section first (16.67 + 16.67) would give 33.34.
    const indicators = [ind('a', 'A', 'points', 300), ind('b', 'B', 'points', 300)];
    const s = scoreInspection([{ id: 'A', weight: 50 }, { id: 'B', weight: 50 }], indicators, new Map([['a', entry({ awardedCenti: 100 })], ['b', entry({ awardedCenti: 100 })]]));
    assert.equal(s.scoreCenti, 3333);
    assert.deepEqual(s.sections.map((x) => x.contributionCenti), [1667, 1667], 'display figures, rounded each');
  });

  test('all met → 100.00; nothing → 0.00; a 0 % section counts nothing', () => {
    const indicators = [ind('a', 'A', 'yes_no', 500), ind('b', 'B', 'yes_no', 500)];
    const sections = [{ id: 'A', weight: 100 }, { id: 'B', weight: 0 }];
    assert.equal(scoreInspection(sections, indicators, new Map([['a', entry({ met: true })], ['b', entry({ met: false })]])).scoreCenti, 10000);
    assert.equal(scoreInspection(sections, indicators, new Map([['a', entry({ met: false })], ['b', entry({ met: true })]])).scoreCenti, 0);
  });
});
