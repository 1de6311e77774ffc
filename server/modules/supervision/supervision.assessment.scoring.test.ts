import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_BANDS, DEFAULT_WEIGHTS } from './supervision.assessment.constants.ts';
import { assess, bandsValid, colourOf, inputScore, type RawInputs, rollUp, weightsValid } from './supervision.assessment.scoring.ts';

/** Hand-computed cases of the assessment's arithmetic (scoring.ts): every figure below was worked out on paper. */
const centi = (f: { n: bigint; d: bigint } | null) => (f === null ? null : Number(f.n) / Number(f.d));

const full: RawInputs = {
  // 2 ratings × 5 dimensions summing to 37: mean 3.7 → (3.7 − 1) / 4 × 100 = 67.5
  ownerRatings: { count: 2, raters: 2, sum: 37 },
  // 3 orders rated 13 in all: mean 4.333… → 83.333…
  repairSatisfaction: { rated: 3, ratingSum: 13 },
  // 6 reported, 5 answered on time, 4 finished, 1 overdue: (5/6 + 4/6 + 5/6) / 3 × 100 = 77.777…
  repairService: { reported: 6, respondedOnTime: 5, finished: 4, overdue: 1 },
  // 4 verdicts summing to 18: mean 4.5 → 87.5
  residentVerdicts: { items: 2, ratings: 4, scoreSum: 18 },
  streetEvaluation: { scoreCenti: 8550, comment: '好', evaluator: '街道' },
  partyEvaluation: { scoreCenti: 7000, comment: '好', evaluator: '书记' },
  // two inspections, 90.00 and 80.50: mean 85.25
  inspections: { inspections: 2, scoreSumCenti: 17050 },
};

describe('each input maps to 0–100 exactly', () => {
  test('owners’ ratings: the mean of all five dimensions, (mean − 1) / 4 × 100', () => {
    assert.equal(centi(inputScore('ownerRatings', full)), 67.5);
    assert.equal(centi(inputScore('ownerRatings', { ...full, ownerRatings: { count: 3, raters: 3, sum: 75 } })), 100);
    assert.equal(centi(inputScore('ownerRatings', { ...full, ownerRatings: { count: 3, raters: 3, sum: 15 } })), 0);
    assert.equal(inputScore('ownerRatings', { ...full, ownerRatings: null }), null);
  });
  test('repair satisfaction, verdicts: a 1–5 mean mapped the same way', () => {
    const sat = inputScore('repairSatisfaction', full)!;
    assert.deepEqual([sat.n, sat.d], [250n, 3n]);
    assert.equal(centi(inputScore('residentVerdicts', full)), 87.5);
    assert.equal(centi(inputScore('repairSatisfaction', { ...full, repairSatisfaction: { rated: 1, ratingSum: 1 } })), 0);
  });
  test('repair service: equal thirds of on time, finished and (1 − overdue)', () => {
    const s = inputScore('repairService', full)!;
    assert.deepEqual([s.n, s.d], [700n, 9n]);
    assert.equal(centi(inputScore('repairService', { ...full, repairService: { reported: 4, respondedOnTime: 4, finished: 4, overdue: 0 } })), 100);
    assert.equal(centi(inputScore('repairService', { ...full, repairService: { reported: 4, respondedOnTime: 0, finished: 0, overdue: 4 } })), 0);
  });
  test('evaluations and inspections are hundredths already', () => {
    assert.equal(centi(inputScore('streetEvaluation', full)), 85.5);
    assert.equal(centi(inputScore('inspections', full)), 85.25);
    assert.equal(inputScore('inspections', { ...full, inspections: null }), null);
  });
});

describe('the score: Σ present wᵢsᵢ / Σ present wᵢ, one half-up rounding', () => {
  test('all seven present (20/10/15/10/15/10/20): 79.125 rounds half up to 79.13 → yellow', () => {
    // 20×67.5 + 10×83.33… + 15×77.77… + 10×87.5 + 15×85.5 + 10×70 + 20×85.25 = 7912.5 exactly; / 100
    const a = assess(full, DEFAULT_WEIGHTS, DEFAULT_BANDS);
    assert.deepEqual([a.scoreCenti, a.colour, a.partial, a.presentWeight], [7913, 'yellow', false, 100]);
    assert.equal(
      a.lines.reduce((s, l) => s + l.effectiveWeightCenti, 0),
      10000,
    );
  });
  test('owners’ ratings and inspections missing: the other five divide by 60 → 80.96, blue, partial', () => {
    // (833.33… + 1166.66… + 875 + 1282.5 + 700) / 60 = 4857.5 / 60 = 80.958…
    const a = assess({ ...full, ownerRatings: null, inspections: null }, DEFAULT_WEIGHTS, DEFAULT_BANDS);
    assert.deepEqual([a.scoreCenti, a.colour, a.partial, a.presentWeight], [8096, 'blue', true, 60]);
    const owner = a.lines.find((l) => l.key === 'ownerRatings')!;
    assert.deepEqual([owner.present, owner.effectiveWeightCenti, owner.contributionCenti], [false, 0, 0]);
    // street evaluation: nominal 15 of 60 present → 25.00 %
    assert.equal(a.lines.find((l) => l.key === 'streetEvaluation')!.effectiveWeightCenti, 2500);
  });
  test('one missing (inspections): divide by 80 → 6207.5 / 80 = 77.59375 → 77.59', () => {
    const a = assess({ ...full, inspections: null }, DEFAULT_WEIGHTS, DEFAULT_BANDS);
    assert.deepEqual([a.scoreCenti, a.colour, a.partial], [7759, 'yellow', true]);
  });
  test('nothing present: no score, no colour', () => {
    const none: RawInputs = { ownerRatings: null, repairSatisfaction: null, repairService: null, residentVerdicts: null, streetEvaluation: null, partyEvaluation: null, inspections: null };
    const a = assess(none, DEFAULT_WEIGHTS, DEFAULT_BANDS);
    assert.deepEqual([a.scoreCenti, a.colour, a.partial], [null, null, true]);
  });
  test('only inputs weighted 0 present: no score', () => {
    const only = { ...DEFAULT_WEIGHTS, partyEvaluation: 0, ownerRatings: 30 };
    const a = assess({ ownerRatings: null, repairSatisfaction: null, repairService: null, residentVerdicts: null, streetEvaluation: null, partyEvaluation: full.partyEvaluation, inspections: null }, only, DEFAULT_BANDS);
    assert.equal(a.scoreCenti, null);
  });
});

describe('colour bands are half-open and tile 0–100', () => {
  test('boundaries fall exactly as configured', () => {
    assert.equal(colourOf(8000, DEFAULT_BANDS), 'blue');
    assert.equal(colourOf(7999, DEFAULT_BANDS), 'yellow');
    assert.equal(colourOf(9000, DEFAULT_BANDS), 'green');
    assert.equal(colourOf(8999, DEFAULT_BANDS), 'blue');
    assert.equal(colourOf(10000, DEFAULT_BANDS), 'green');
    assert.equal(colourOf(6000, DEFAULT_BANDS), 'yellow');
    assert.equal(colourOf(5999, DEFAULT_BANDS), 'red');
    assert.equal(colourOf(0, DEFAULT_BANDS), 'red');
  });
  test('another configuration moves the boundaries with it', () => {
    const two = [
      { colour: 'green' as const, from: 7550, to: 10000 },
      { colour: 'red' as const, from: 0, to: 7550 },
    ];
    assert.ok(bandsValid(two));
    assert.equal(colourOf(7550, two), 'green');
    assert.equal(colourOf(7549, two), 'red');
  });
  test('a gap, an overlap, a short top, an empty band or a colour twice is refused', () => {
    assert.ok(bandsValid(DEFAULT_BANDS));
    const withBand = (i: number, b: Partial<(typeof DEFAULT_BANDS)[number]>) => DEFAULT_BANDS.map((x, j) => (j === i ? { ...x, ...b } : x));
    assert.equal(bandsValid(withBand(1, { to: 8999 })), false, 'gap');
    assert.equal(bandsValid(withBand(1, { to: 9001 })), false, 'overlap');
    assert.equal(bandsValid(withBand(0, { to: 9999 })), false, 'top short of 100');
    assert.equal(bandsValid(withBand(3, { from: 1 })), false, 'does not start at 0');
    assert.equal(bandsValid(withBand(1, { colour: 'green' })), false, 'green twice');
    assert.equal(bandsValid([{ colour: 'green', from: 0, to: 0 }, { colour: 'red', from: 0, to: 10000 }]), false, 'empty band');
    assert.equal(bandsValid([]), false);
  });
  test('weights are integers adding up to exactly 100', () => {
    assert.ok(weightsValid(DEFAULT_WEIGHTS));
    assert.equal(weightsValid({ ...DEFAULT_WEIGHTS, inspections: 21 }), false);
    assert.equal(weightsValid({ ...DEFAULT_WEIGHTS, inspections: 19.5, ownerRatings: 20.5 }), false);
    assert.ok(weightsValid({ ...DEFAULT_WEIGHTS, inspections: 0, ownerRatings: 40 }));
  });
});

describe('the company roll-up weights its compounds by rooms', () => {
  test('100 rooms at 90.00 and 300 at 70.00: (9000×100 + 7000×300) / 400 = 75.00, yellow', () => {
    assert.deepEqual(
      rollUp(
        [
          { scoreCenti: 9000, rooms: 100 },
          { scoreCenti: 7000, rooms: 300 },
        ],
        DEFAULT_BANDS,
      ),
      { scoreCenti: 7500, colour: 'yellow', rooms: 400, compounds: 2 },
    );
  });
  test('one rounding at the end: 8000.25 → 80.00, 8000.5 → 80.01; an unscored compound does not count', () => {
    const r = (a: number) => rollUp([{ scoreCenti: a, rooms: 100 }, { scoreCenti: 8000, rooms: 300 }, { scoreCenti: null, rooms: 999 }], DEFAULT_BANDS);
    assert.equal(r(8001).scoreCenti, 8000);
    assert.equal(r(8002).scoreCenti, 8001);
    assert.equal(r(8002).rooms, 400);
    assert.deepEqual(rollUp([{ scoreCenti: null, rooms: 10 }], DEFAULT_BANDS), { scoreCenti: null, colour: null, rooms: 0, compounds: 0 });
  });
});
