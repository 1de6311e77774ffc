import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rollUp } from './rollup.ts';
import { verdict, type VerdictSettings } from './verdict.ts';

/** Hand-computed cases at the exact boundaries of the residents' verdict (issue 17 §1.6) and of the roll-up. */
const S: VerdictSettings = { minRatings: 5, reopenBelowCenti: 300, poorSharePercent: 30, poorScoreMax: 2, maxReopens: 2 };
const outcome = (scores: number[], s: Partial<VerdictSettings> = {}, reopens = 0) => verdict(scores, { ...S, ...s }, reopens).outcome;

describe('the verdict', () => {
  test('fewer ratings than the minimum: the outcome stands, however poor', () => {
    assert.equal(outcome([1, 1, 1, 1]), 'stands', '4 < 5');
    assert.equal(outcome([]), 'stands');
    assert.equal(outcome([1, 1, 1, 1, 1]), 'reopen', 'exactly 5 ratings are counted');
  });

  test('a mean below the threshold reopens; exactly at it does not', () => {
    // 3,3,3,3,3: sum 15, 15·100 = 1500 = 300·5 → not below.
    assert.equal(outcome([3, 3, 3, 3, 3]), 'closed');
    // 3,3,3,3,2: sum 14, 1400 < 1500 → below (one poor of five: 100 ≤ 150, not the share rule).
    const v = verdict([3, 3, 3, 3, 2], S, 0);
    assert.deepEqual([v.outcome, v.lowMean, v.poorShare, v.meanCenti, v.poor], ['reopen', true, false, 280, 1]);
    // A threshold of 3.01 makes the all-3 round below it: 1500 < 1505.
    assert.equal(outcome([3, 3, 3, 3, 3], { reopenBelowCenti: 301 }), 'reopen');
    // 2.99 exactly vs 3.00: 100 ratings summing to 299 → 29900 < 30000.
    const scores = [...Array(99).fill(3), 2];
    assert.equal(verdict(scores, S, 0).meanCenti, 299);
    assert.equal(outcome(scores, { poorSharePercent: 100 }), 'reopen');
  });

  test('a poor share above the limit reopens; exactly at it does not', () => {
    // 3 poor of 10 = 30 %: 300 > 300 is false; mean 3.80 → closed.
    assert.equal(outcome([1, 1, 1, 5, 5, 5, 5, 5, 5, 5]), 'closed');
    // 4 poor of 10 = 40 %: 400 > 300; mean 3.40 is not low.
    const v = verdict([1, 1, 1, 1, 5, 5, 5, 5, 5, 5], S, 0);
    assert.deepEqual([v.outcome, v.lowMean, v.poorShare, v.poorPercent], ['reopen', false, true, 40]);
    // poorScoreMax decides what is poor: with 1, the 2s are not poor.
    assert.equal(outcome([2, 2, 2, 2, 5, 5, 5, 5, 5, 5], { poorScoreMax: 1 }), 'closed');
    assert.equal(outcome([2, 2, 2, 2, 5, 5, 5, 5, 5, 5], { poorScoreMax: 2 }), 'reopen');
  });

  test('reopened the maximum number of times, a poor verdict escalates', () => {
    const poor = [1, 1, 1, 1, 1];
    assert.equal(outcome(poor, {}, 0), 'reopen');
    assert.equal(outcome(poor, {}, 1), 'reopen', '1 < 2');
    assert.equal(outcome(poor, {}, 2), 'escalate', '2 = maxReopens');
    assert.equal(outcome(poor, { maxReopens: 0 }, 0), 'escalate');
    assert.equal(outcome([5, 5, 5, 5, 5], {}, 2), 'closed', 'a good verdict closes whatever the reopens');
    assert.equal(outcome([1, 1, 1, 1], {}, 2), 'stands', 'too few to escalate');
  });
});

describe('the roll-up of task progress', () => {
  test('the mean, rounded down; no tasks is 0 and never all done', () => {
    assert.deepEqual(rollUp([]), { percent: 0, allDone: false });
    assert.deepEqual(rollUp([50, 51]), { percent: 50, allDone: false }, '50.5 → 50');
    assert.deepEqual(rollUp([100, 100, 99]), { percent: 99, allDone: false }, '99.67 → 99: 100 only when all done');
    assert.deepEqual(rollUp([100, 100]), { percent: 100, allDone: true });
    assert.deepEqual(rollUp([0, 0, 1]), { percent: 0, allDone: false });
  });
});
