import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type PartInput, buildRoll } from './roll.ts';
import { type Choice, type CountedBallot, tally } from './tally.ts';

/**
 * The counting rules of DOMAIN.md §4, each by a case computed by hand at its exact boundary. Areas are
 * in hundredths of m² (8000000 = 80,000.00 m²); one ballot per head.
 */

/** `n` ballots of `area` each answering every item with `choice`. */
function ballots(prefix: string, n: number, area: number, choice: Choice, items = [1]): CountedBallot[] {
  return Array.from({ length: n }, (_, i) => ({ entryId: `${prefix}${i}`, areaCenti: area, choices: Object.fromEntries(items.map((no) => [no, choice])) }));
}
const one = (entryId: string, areaCenti: number, choice: Choice, items = [1]): CountedBallot => ({
  entryId,
  areaCenti,
  choices: Object.fromEntries(items.map((no) => [no, choice])),
});

describe('quorum: ⅔ of the total area AND ⅔ of all heads took part ("以上" includes the bound)', () => {
  // Roll: 12 heads, 1,200.00 m² (120000). ⅔ = 8 heads and 80000.
  const base = { totalAreaCenti: 120000, totalHeads: 12, items: [{ no: 1, matter: 4 }] };

  test('exactly ⅔ of area and heads: met', () => {
    const t = tally({ ...base, ballots: ballots('a', 8, 10000, 'for') }); // 8 heads, 80000
    assert.deepEqual(t.participating, { areaCenti: 80000, heads: 8 });
    assert.deepEqual(t.items[0]!.quorum, { area: true, heads: true, met: true });
    assert.equal(t.items[0]!.passed, true);
  });

  test('area one hundredth of a m² short of ⅔: not met, so nothing passes however many agree', () => {
    const t = tally({ ...base, ballots: [...ballots('a', 7, 10000, 'for'), one('b', 9999, 'for')] }); // 8 heads, 79999
    assert.deepEqual(t.items[0]!.quorum, { area: false, heads: true, met: false });
    assert.equal(t.items[0]!.agree.area && t.items[0]!.agree.heads, true, 'all who voted agreed');
    assert.equal(t.items[0]!.passed, false);
  });

  test('one head short of ⅔ (7 of 12) although the area is there: not met', () => {
    const t = tally({ ...base, ballots: [...ballots('a', 6, 10000, 'for'), one('b', 30000, 'for')] }); // 7 heads, 90000
    assert.deepEqual(t.items[0]!.quorum, { area: true, heads: false, met: false });
    assert.equal(t.items[0]!.passed, false);
  });

  test('a roll whose ⅔ is not whole: 10 heads need 7 (6.67 rounds up, 6 is short)', () => {
    const roll = { totalAreaCenti: 100000, totalHeads: 10, items: [{ no: 1, matter: 4 }] };
    assert.equal(tally({ ...roll, ballots: ballots('a', 7, 10000, 'for') }).items[0]!.quorum.heads, true);
    assert.equal(tally({ ...roll, ballots: ballots('a', 6, 12000, 'for') }).items[0]!.quorum.heads, false);
    // 66667 ≥ ⅔·100000 = 66666.67; 66666 is not.
    assert.equal(tally({ ...roll, ballots: [...ballots('a', 6, 10000, 'for'), one('b', 6667, 'for')] }).items[0]!.quorum.area, true);
    assert.equal(tally({ ...roll, ballots: [...ballots('a', 6, 10000, 'for'), one('b', 6666, 'for')] }).items[0]!.quorum.area, false);
  });
});

describe('matters 6–8: ¾ of the participating area AND heads ("以上" includes the bound)', () => {
  // Roll 10 heads, 100000; 8 take part with 10000 each: ¾ of 8 heads = 6, of 80000 = 60000.
  const base = { totalAreaCenti: 100000, totalHeads: 10, items: [{ no: 1, matter: 6 }] };

  test('exactly ¾ agree: passes', () => {
    const t = tally({ ...base, ballots: [...ballots('f', 6, 10000, 'for'), ...ballots('x', 2, 10000, 'against')] });
    assert.equal(t.items[0]!.threshold, 'three_quarters');
    assert.deepEqual(t.items[0]!.for, { areaCenti: 60000, heads: 6 });
    assert.equal(t.items[0]!.passed, true);
  });

  test('one head short of ¾ (5 of 8) with ¾ of the area: fails', () => {
    const t = tally({ ...base, ballots: [...ballots('f', 4, 10000, 'for'), one('big', 20000, 'for'), ...ballots('x', 2, 6667, 'against'), one('y', 6666, 'against')] });
    // participating: 8 heads, 40000 + 20000 + 13334 + 6666 = 80000; for: 5 heads, 60000.
    assert.deepEqual(t.items[0]!.participating, { areaCenti: 80000, heads: 8 });
    assert.deepEqual(t.items[0]!.agree, { area: true, heads: false });
    assert.equal(t.items[0]!.passed, false);
  });

  test('one hundredth of a m² short of ¾ of the area with ¾ of the heads: fails', () => {
    const t = tally({ ...base, ballots: [...ballots('f', 5, 10000, 'for'), one('g', 9999, 'for'), one('x', 10001, 'against'), one('y', 10000, 'against')] });
    // participating 8 heads, 80000; for 6 heads, 59999 < 60000.
    assert.deepEqual(t.items[0]!.participating, { areaCenti: 80000, heads: 8 });
    assert.deepEqual(t.items[0]!.agree, { area: false, heads: true });
    assert.equal(t.items[0]!.passed, false);
  });
});

describe('other matters: more than half ("过半数": exactly half fails)', () => {
  const base = { totalAreaCenti: 100000, totalHeads: 10, items: [{ no: 1, matter: 4 }] };

  test('exactly half of the heads and of the area: fails', () => {
    const t = tally({ ...base, ballots: [...ballots('f', 4, 10000, 'for'), ...ballots('x', 4, 10000, 'against')] });
    assert.deepEqual(t.items[0]!.agree, { area: false, heads: false });
    assert.equal(t.items[0]!.passed, false);
  });

  test('half the heads with more than half the area fails; more than half of both passes', () => {
    // 9 take part (90000): for 5 heads with 45001, against 4 with 44999.
    const t = tally({ ...base, ballots: [...ballots('f', 4, 11250, 'for'), one('g', 1, 'for'), ...ballots('x', 4, 11249, 'against'), one('y', 3, 'against')] });
    assert.deepEqual(t.items[0]!.for, { areaCenti: 45001, heads: 5 });
    assert.deepEqual(t.items[0]!.participating, { areaCenti: 90000, heads: 10 });
    assert.equal(t.items[0]!.passed, false, '5 of 10 heads is only half');
    const t2 = tally({ ...base, ballots: [...ballots('f', 5, 9000, 'for'), ...ballots('x', 4, 11249, 'against')] });
    // 9 heads, 45000 + 44996 = 89996; for 5 heads (> 4.5) and 45000 > 44998.
    assert.deepEqual(t2.items[0]!.agree, { area: true, heads: true });
    assert.equal(t2.items[0]!.passed, true);
  });

  test('abstentions take part but do not agree', () => {
    // 9 take part, 10000 each: 4 for, 2 against, 3 abstain. Without the abstainers 4 of 6 would pass.
    const t = tally({ ...base, ballots: [...ballots('f', 4, 10000, 'for'), ...ballots('x', 2, 10000, 'against'), ...ballots('a', 3, 10000, 'abstain')] });
    assert.deepEqual(t.items[0]!.participating, { areaCenti: 90000, heads: 9 });
    assert.deepEqual(t.items[0]!.abstain, { areaCenti: 30000, heads: 3 });
    assert.equal(t.items[0]!.quorum.met, true);
    assert.equal(t.items[0]!.passed, false);
    const without = tally({ ...base, totalHeads: 7, totalAreaCenti: 70000, ballots: [...ballots('f', 4, 10000, 'for'), ...ballots('x', 2, 10000, 'against')] });
    assert.equal(without.items[0]!.passed, true);
  });
});

test('item 5 (using the fund: majority) passes where item 6 (raising it: ¾) fails on the same ballots', () => {
  // 9 of 10 heads take part with 10000 each; 6 agree on both items: 6/9 > ½ but < ¾.
  const items = [1, 2];
  const t = tally({
    totalAreaCenti: 100000,
    totalHeads: 10,
    items: [
      { no: 1, matter: 5 },
      { no: 2, matter: 6 },
    ],
    ballots: [...ballots('f', 6, 10000, 'for', items), ...ballots('x', 3, 10000, 'against', items)],
  });
  assert.deepEqual(
    t.items.map((i) => [i.matter, i.threshold, i.passed]),
    [
      [5, 'majority', true],
      [6, 'three_quarters', false],
    ],
  );
});

describe('从众 (non-voters with the majority): shown beside the strict tally, which alone decides', () => {
  const input = {
    totalAreaCenti: 100000,
    totalHeads: 10,
    items: [{ no: 1, matter: 4 }],
    ballots: [...ballots('f', 4, 10000, 'for'), ...ballots('x', 1, 10000, 'against')], // 5 of 10 take part
  };

  test('off by default: no adjusted tally', () => {
    assert.equal(tally(input).adjusted, null);
  });

  test('on: the strict tally fails its quorum, the adjusted one counts the 5 absent with "for" and passes', () => {
    const t = tally({ ...input, followMajority: { clause: '议事规则第十八条' } });
    assert.equal(t.items[0]!.quorum.met, false);
    assert.equal(t.items[0]!.passed, false, 'the legal result');
    assert.equal(t.adjusted!.clause, '议事规则第十八条');
    const adj = t.adjusted!.items[0]!;
    assert.equal(adj.counted, 'for');
    assert.deepEqual(adj.for, { areaCenti: 90000, heads: 9 });
    assert.deepEqual(adj.participating, { areaCenti: 100000, heads: 10 });
    assert.equal(adj.passed, true);
  });

  test('no majority among the voters: nobody is counted with anyone', () => {
    const t = tally({ ...input, ballots: [...ballots('f', 2, 10000, 'for'), ...ballots('x', 2, 10000, 'against')], followMajority: { clause: '第十八条' } });
    assert.equal(t.adjusted!.items[0]!.counted, null);
    assert.equal(t.adjusted!.items[0]!.passed, false);
  });
});

test('a ballot that did not answer an item does not take part in that item', () => {
  const t = tally({
    totalAreaCenti: 30000,
    totalHeads: 3,
    items: [
      { no: 1, matter: 4 },
      { no: 2, matter: 4 },
    ],
    ballots: [one('a', 10000, 'for', [1, 2]), one('b', 10000, 'for', [1, 2]), { entryId: 'c', areaCenti: 10000, choices: { 1: 'against' } }],
  });
  assert.deepEqual(t.items[0]!.participating, { areaCenti: 30000, heads: 3 });
  assert.deepEqual(t.items[1]!.participating, { areaCenti: 20000, heads: 2 });
  assert.equal(t.items[1]!.quorum.met, true);
});

test('two counted ballots for one head are refused rather than counted twice', () => {
  assert.throws(() => tally({ totalAreaCenti: 100, totalHeads: 2, items: [{ no: 1, matter: 4 }], ballots: [one('a', 50, 'for'), one('a', 50, 'for')] }), /two counted ballots/);
});

describe('the roll: who is one head (SPC interpretation arts. 8–9)', () => {
  const owner = (personId: string, relation: 'owner' | 'co_owner' = 'owner', shareBp: number | null = null) => ({ personId, organisationId: null, developer: false, relation, shareBp });
  const dev = { personId: null, organisationId: 'dev', developer: true, relation: 'owner' as const, shareBp: null };
  const part = (roomId: string, areaCenti: number, owners: PartInput['owners'], delivered = true): PartInput => ({ roomId, areaCenti, delivered, owners });

  test("the developer's unsold and sold-but-undelivered parts are one head with all their area", () => {
    const roll = buildRoll([
      part('r1', 9000, [dev]),
      part('r2', 8000, [dev]),
      part('r3', 7000, [owner('buyer')], false), // sold, not delivered
      part('r4', 10000, [owner('alice')]),
    ]);
    assert.equal(roll.totalHeads, 2);
    assert.equal(roll.totalAreaCenti, 34000);
    const d = roll.entries.find((e) => e.kind === 'developer')!;
    assert.deepEqual(d.roomIds, ['r1', 'r2', 'r3']);
    assert.equal(d.areaCenti, 24000);
    assert.deepEqual(d.personIds, [], 'the buyer of an undelivered part does not vote for it');
  });

  test('a buyer with several parts is one head with their summed area', () => {
    const roll = buildRoll([part('r1', 9000, [owner('bob')]), part('p1', 1250, [owner('bob')]), part('r2', 9000, [owner('carol')])]);
    assert.equal(roll.totalHeads, 2);
    assert.deepEqual(roll.entries.find((e) => e.personIds.includes('bob'))!.areaCenti, 10250);
  });

  test('co-owners of a part are one head, voting through the owner of record', () => {
    const roll = buildRoll([part('r1', 9000, [owner('wife', 'co_owner', 5000), owner('husband', 'owner', 5000)])]);
    assert.equal(roll.totalHeads, 1);
    assert.deepEqual(roll.entries[0]!.personIds, ['husband', 'wife']);
    assert.equal(roll.entries[0]!.representativeId, 'husband');
  });

  test('the same co-owners on two parts are one head; a person alone on one part and co-owning another counts in both', () => {
    const roll = buildRoll([
      part('r1', 9000, [owner('x', 'owner', 5000), owner('y', 'co_owner', 5000)]),
      part('r2', 8000, [owner('y', 'co_owner', 5000), owner('x', 'owner', 5000)]),
      part('r3', 7000, [owner('x')]),
    ]);
    assert.equal(roll.totalHeads, 2);
    const pair = roll.entries.find((e) => e.personIds.length === 2)!;
    assert.deepEqual(pair.roomIds, ['r1', 'r2']);
    assert.equal(pair.areaCenti, 17000);
    const alone = roll.entries.find((e) => e.personIds.length === 1)!;
    assert.deepEqual([alone.personIds, alone.areaCenti], [['x'], 7000]);
  });

  test('a part with no recorded owner is counted with the developer, so no area leaves the denominator', () => {
    const roll = buildRoll([part('r1', 9000, []), part('r2', 9000, [owner('a')])]);
    assert.equal(roll.totalAreaCenti, 18000);
    assert.deepEqual(roll.entries.find((e) => e.kind === 'developer')!.roomIds, ['r1']);
  });
});
