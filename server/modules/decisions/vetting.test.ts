import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type VettingVerdict, awaitingFrom, vettingStatus } from './vetting.ts';

/** A candidate's status from the departments' verdicts: each rule by a case that breaks if the rule does. */
const departments = [
  { id: 'party', active: true },
  { id: 'police', active: true },
  { id: 'court', active: true },
];
let clock = 0;
const v = (departmentId: string, verdict: VettingVerdict['verdict'], round = 1): VettingVerdict => ({ departmentId, verdict, round, at: new Date(Date.UTC(2026, 0, 1) + ++clock * 1000) });
const allApprove = () => [v('party', 'approve'), v('police', 'approve'), v('court', 'approve')];

describe('vettingStatus', () => {
  test('no consent: nominated, whatever was recorded', () => {
    assert.equal(vettingStatus(departments, allApprove(), 1, false), 'nominated');
  });
  test('consent, no verdicts yet: vetting', () => {
    assert.equal(vettingStatus(departments, [], 1, true), 'vetting');
  });
  test('every active department approves: approved; one missing: still vetting', () => {
    assert.equal(vettingStatus(departments, allApprove(), 1, true), 'approved');
    assert.equal(vettingStatus(departments, allApprove().slice(0, 2), 1, true), 'vetting');
  });
  test('one reject among approvals: rejected', () => {
    assert.equal(vettingStatus(departments, [...allApprove().slice(0, 2), v('court', 'reject')], 1, true), 'rejected');
  });
  test('a reject stands even when its department is switched off', () => {
    const verdicts = [...allApprove(), v('court', 'reject')];
    assert.equal(vettingStatus(departments.map((d) => (d.id === 'court' ? { ...d, active: false } : d)), verdicts, 1, true), 'rejected');
  });
  test('an open return in the current round: returned, even when the others approved', () => {
    assert.equal(vettingStatus(departments, [v('party', 'approve'), v('police', 'approve'), v('court', 'return')], 1, true), 'returned');
  });
  test('after the correction (round 2) the old return no longer holds: vetting until that department looks again', () => {
    const verdicts = [v('party', 'approve'), v('police', 'approve'), v('court', 'return', 1)];
    assert.equal(vettingStatus(departments, verdicts, 2, true), 'vetting');
    assert.deepEqual(awaitingFrom(departments, verdicts, 2), ['court']);
    // Approvals of round 1 stand; the court approves in round 2: approved.
    assert.equal(vettingStatus(departments, [...verdicts, v('court', 'approve', 2)], 2, true), 'approved');
  });
  test("a department's latest verdict is its current one", () => {
    assert.equal(vettingStatus(departments, [...allApprove(), v('police', 'return')], 1, true), 'returned');
    assert.equal(vettingStatus(departments, [v('police', 'return'), ...allApprove()], 1, true), 'approved');
  });
  test('an inactive department is not waited for; no active department at all: nobody is approved', () => {
    const two = departments.map((d) => (d.id === 'court' ? { ...d, active: false } : d));
    assert.equal(vettingStatus(two, allApprove().slice(0, 2), 1, true), 'approved');
    assert.equal(vettingStatus([], [], 1, true), 'vetting');
  });
});
