import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { canonicalJson } from '../../kernel/audit/audit.ts';
import { canonical, type Problem, recount, type VerifyResult } from '../../../verifier/verify-decision.mjs';
import { type BundleSpec, buildBundle, runVerifier, VERIFIER_PATH, type DecisionBundle, FOLLOW_MAJORITY_CLAUSE, H, headAt, keyOf, nonceOf, receiptOf, rehashChain, serverTally } from './decisions.test-bundle.ts';

/**
 * The independent verifier (verifier/verify-decision.mjs, issue 15 §6), run as a separate process — as a scrutineer
 * runs it — on bundles built by hand from the format's rules, with the server's tally() as the result: it must agree
 * with the server, and fail naming the culprit when anything in a bundle is edited, removed or inserted.
 * No database: the bundle is the whole input.
 */

const VERIFIER = VERIFIER_PATH;
const verify = runVerifier;
const dir = mkdtempSync(join(tmpdir(), 'gz-verify-usage-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const copy = (b: DecisionBundle): DecisionBundle => structuredClone(b);
const has = (r: VerifyResult, match: Partial<Problem>) =>
  r.problems.some((p) => Object.entries(match).every(([k, v]) => p[k as keyof Problem] === v));
const explain = (r: VerifyResult) => JSON.stringify(r.problems, null, 1);

async function assertFails(bundle: DecisionBundle, ...culprits: Partial<Problem>[]) {
  const { code, result } = await verify(bundle);
  assert.equal(code, 1, explain(result));
  assert.equal(result.ok, false);
  for (const c of culprits) assert.ok(has(result, c), `expected a problem ${JSON.stringify(c)} in ${explain(result)}`);
  return result;
}

const DECISION = '0b9b2f0e-5a43-4c7e-9d1a-2f3b4c5d6e7f';
const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 9, minute)).toISOString();

/**
 * The roll of the test world (decisions.test-world.ts), worked out by hand there: 4 heads, 81325 centi-m².
 *   1 王丽 A-1-101 8950 · 2 the developer (102, 103, 201 at 8950, 304 at 9525, 305 sold not delivered 8000) 44375 ·
 *   3 波 (301 12000 + 302 6000) 18000 · 4 蔡 and 戴, co-owners of 303, 10000.
 * Quorum: ⅔ of 4 heads → 3 (3·3 = 9 ≥ 8); ⅔ of 81325 → 54217 (54217·3 = 162651 ≥ 162650, 54216·3 = 162648 < it).
 */
const TEST_WORLD_ROLL: BundleSpec['roll'] = [
  { parts: [{ areaCenti: 8950 }] },
  {
    kind: 'developer',
    parts: [
      { areaCenti: 8950, delivered: false },
      { areaCenti: 8950, delivered: false },
      { areaCenti: 8950, delivered: false },
      { areaCenti: 9525, delivered: false },
      { areaCenti: 8000, delivered: false },
    ],
  },
  { parts: [{ areaCenti: 12000 }, { areaCenti: 6000 }] },
  { coOwners: 2, parts: [{ areaCenti: 10000 }] },
];
const ITEMS = [
  { no: 1, matter: 5 }, // renewing the property service company: a majority
  { no: 2, matter: 6 }, // using the maintenance fund: three quarters
];

/**
 * Everyone votes; 王丽 changes her mind (superseded), 蔡/戴 vote on paper and then online (online prevails: the paper
 * ballot is kept as a duplicate). Counted: 王丽 for/abstain, developer for/against, 波 against/for, 蔡戴 for/for.
 * Item 1 (majority): for 8950+44375+10000 = 63325 of 81325 (126650 > 81325), 3 of 4 heads (6 > 4) → passed.
 * Item 2 (¾): for 18000+10000 = 28000 (112000 < 243975), 2 of 4 heads (8 < 12) → not passed.
 */
const everyoneVotes: BundleSpec = {
  decisionId: DECISION,
  items: ITEMS,
  roll: TEST_WORLD_ROLL,
  ballots: [
    { head: 1, choices: { 1: 'for', 2: 'for' }, at: at(1) },
    { head: 3, choices: { 1: 'against', 2: 'for' }, at: at(2) },
    { head: 2, choices: { 1: 'for', 2: 'against' }, channel: 'paper', at: at(3) },
    { head: 1, choices: { 1: 'for', 2: 'abstain' }, at: at(4) },
    { head: 4, choices: { 1: 'for', 2: 'for' }, channel: 'paper', at: at(5) },
    { head: 4, choices: { 1: 'for', 2: 'for' }, at: at(6) },
  ],
  publish: [
    { seq: 0, publishedAt: '2026-12-01T00:00:00.000Z' },
    { seq: 3, publishedAt: '2026-12-03T10:00:00.000Z' },
    { seq: 7, publishedAt: '2026-12-16T00:00:01.000Z' },
  ],
};

/**
 * 从众 on: 王丽 and the developer vote for both; 波's paper sheet answers item 1 only (against); 蔡/戴 do not vote.
 * Participating 3 heads, 71325 (213975 ≥ 162650; 9 ≥ 8).
 * Item 1 (majority): for 53325 / 2 heads of 71325 / 3 → passed. 从众: for holds the majority, the absent 10000 / 1 head
 *   join it → for 63325 / 3 of 81325 / 4 → passed, counted 'for'.
 * Item 2 (¾): only 2 heads answered it (6 < 8): quorum not met → not passed, although all who answered agree.
 *   从众: the absent 28000 / 2 heads join 'for' → 81325 / 4 of 81325 / 4 → passed, counted 'for'.
 */
const followMajority: BundleSpec = {
  decisionId: DECISION,
  items: ITEMS,
  roll: TEST_WORLD_ROLL,
  followMajority: true,
  ballots: [
    { head: 1, choices: { 1: 'for', 2: 'for' }, at: at(1) },
    { head: 2, choices: { 1: 'for', 2: 'for' }, channel: 'proxy', at: at(2) },
    { head: 3, choices: { 1: 'against' }, channel: 'paper', at: at(3) },
  ],
};

/**
 * Both bounds exactly: 6 heads of 10000 each (60000). Four vote: 4·3 = 12 ≥ 6·2 = 12 heads and 40000·3 = 120000 ≥
 * 60000·2 = 120000 area — exactly ⅔, quorum met. Item 1 (matter 6): 3 for, 1 against: 3·4 = 12 ≥ 4·3 = 12 heads and
 * 30000·4 = 120000 ≥ 40000·3 area — exactly ¾, passed. Item 2 (matter 5): 2 for, 2 against: 2·2 = 4 is not > 4 —
 * exactly half, not passed. With one voter fewer (3 heads, 30000: 9 < 12) there is no quorum.
 */
const exactBounds: BundleSpec = {
  decisionId: DECISION,
  items: [
    { no: 1, matter: 6 },
    { no: 2, matter: 5 },
  ],
  roll: Array.from({ length: 6 }, () => ({ parts: [{ areaCenti: 10000 }] })),
  ballots: [
    { head: 1, choices: { 1: 'for', 2: 'for' }, at: at(1) },
    { head: 2, choices: { 1: 'for', 2: 'for' }, at: at(2) },
    { head: 3, choices: { 1: 'for', 2: 'against' }, at: at(3) },
    { head: 4, choices: { 1: 'against', 2: 'against' }, at: at(4) },
  ],
};

test("the verifier's own canonical JSON is the server's, on the values where two implementations could part", () => {
  // Numeric-looking keys sort as strings ("10" before "2"), upper case before lower, non-ASCII last; undefined
  // leaves an object but is null in an array; numbers as JSON.stringify writes them.
  const samples: unknown[] = [
    null,
    'a"b\\c\n',
    [1, { b: 2, a: [null, { z: undefined, y: '阳光花园' }] }],
    { 10: 1, 2: 2, B: 3, a: 4, é: 5, '': 6, u: undefined },
    { nested: { deep: [true, false, -0.5, 1e21, 0] } },
    [undefined],
  ];
  for (const v of samples) assert.equal(canonical(v), canonicalJson(v));
  assert.equal(canonical({ 10: 'for', 2: 'against' }), '{"10":"for","2":"against"}');
});

describe('the verifier agrees with the server', () => {
  test('the untouched bundle verifies: every check true, exit 0', async () => {
    const b = buildBundle(everyoneVotes);
    // The fixture is what the comment says: the superseded, the duplicate, and the server's result.
    assert.deepEqual(b.ballots.map((x) => x.status), ['superseded', 'counted', 'counted', 'counted', 'duplicate', 'counted']);
    assert.deepEqual(b.tally!.participating, { areaCenti: 81325, heads: 4 });
    assert.deepEqual(b.tally!.items[0]!.for, { areaCenti: 63325, heads: 3 });
    assert.equal(b.tally!.items[0]!.passed, true);
    assert.deepEqual(b.tally!.items[1]!.for, { areaCenti: 28000, heads: 2 });
    assert.equal(b.tally!.items[1]!.passed, false);

    const { code, result } = await verify(b);
    assert.equal(code, 0, explain(result));
    assert.deepEqual(result, { ok: true, decision: DECISION, checked: { roll: true, manifest: true, receipts: true, chain: true, heads: true, tally: true }, problems: [] });
  });

  test('从众 on: the adjusted tally is recounted too, and agrees', async () => {
    const b = buildBundle(followMajority);
    const [one, two] = b.tally!.items;
    assert.equal(one!.passed, true);
    assert.deepEqual(two!.participating, { areaCenti: 53325, heads: 2 });
    assert.deepEqual([two!.quorum.met, two!.passed], [false, false]);
    assert.equal(b.tally!.adjusted!.clause, FOLLOW_MAJORITY_CLAUSE);
    assert.deepEqual(b.tally!.adjusted!.items.map((t) => [t.counted, t.for.areaCenti, t.for.heads, t.passed]), [
      ['for', 63325, 3, true],
      ['for', 81325, 4, true],
    ]);
    const { code, result } = await verify(b);
    assert.equal(code, 0, explain(result));

    // Without the adjusted tally, or with another clause, the bundle does not match its own rules.
    const missing = copy(b);
    missing.tally!.adjusted = null;
    await assertFails(missing, { check: 'tally' });
    const otherClause = copy(b);
    otherClause.tally!.adjusted!.clause = '某条款';
    await assertFails(otherClause, { check: 'tally' });
    const flipped = copy(b);
    flipped.tally!.adjusted!.items[1]!.passed = false;
    await assertFails(flipped, { check: 'tally', no: 2 });
  });

  test('exactly ⅔ and exactly ¾ pass, exactly half does not — in the verifier\'s own recount as in the server\'s', async () => {
    const b = buildBundle(exactBounds);
    assert.equal((await verify(b)).code, 0);

    // The verifier's recount, asserted on its own (the same numbers as the comment above).
    const totals = { areaCenti: 60000, heads: 6 };
    const counted = b.ballots.map((x) => ({ areaCenti: 10000, choices: x.choices }));
    const r = recount(totals, exactBounds.items, counted, null) as DecisionBundle['tally'] & {};
    assert.deepEqual(r.participating, { areaCenti: 40000, heads: 4 });
    assert.deepEqual(r.items[0]!.quorum, { area: true, heads: true, met: true });
    assert.deepEqual(r.items[0]!.agree, { area: true, heads: true });
    assert.equal(r.items[0]!.threshold, 'three_quarters');
    assert.equal(r.items[0]!.passed, true);
    assert.deepEqual(r.items[1]!.agree, { area: false, heads: false });
    assert.equal(r.items[1]!.passed, false);
    assert.deepEqual(r, serverTally(b));

    // One voter fewer: 3·3 = 9 < 12, no quorum.
    const fewer = recount(totals, exactBounds.items, counted.slice(0, 3), null) as DecisionBundle['tally'] & {};
    assert.deepEqual(fewer.items[0]!.quorum, { area: false, heads: false, met: false });
    assert.equal(fewer.items[0]!.passed, false);
  });

  test('an open decision: no close entry, no tally — checked as far as it goes', async () => {
    const b = buildBundle({ ...everyoneVotes, closed: false, publish: [{ seq: 6, publishedAt: '2026-12-03T10:00:00.000Z' }] });
    const { code, result } = await verify(b);
    assert.equal(code, 0, explain(result));
    assert.equal(result.checked.tally, null);
    // A tally on a decision still open, or a close entry, is wrong; so is a closed decision without them.
    const openWithClose = buildBundle(everyoneVotes);
    openWithClose.decision.status = 'open';
    await assertFails(openWithClose, { check: 'chain' });
    const closedNoTally = buildBundle(everyoneVotes);
    closedNoTally.tally = null;
    await assertFails(closedNoTally, { check: 'tally' });
  });

  test('the public bundle: receipts, chain and heads without choices verify; ballots in it do not', async () => {
    const b = buildBundle(everyoneVotes);
    b.public = true;
    b.ballots = [];
    b.tally = null;
    const { code, result } = await verify(b);
    assert.equal(code, 0, explain(result));
    assert.deepEqual(result.checked, { roll: true, manifest: true, receipts: null, chain: true, heads: true, tally: null });
    const leaky = copy(b);
    leaky.ballots = buildBundle(everyoneVotes).ballots;
    await assertFails(leaky, { check: 'format' });
  });
});

/**
 * The hand-computed boundary cases of Decisions 1/4 (tally.test.ts), each as a bundle: the voters' heads with their areas,
 * and the heads who did not vote sharing the rest of the roll's area. `passed` is the hand-computed strict result per item
 * (and `adjusted` the 从众 one): the server's tally must give it, and the verifier, recounting on its own, must agree.
 */
type Voter = [areaCenti: number, choices: Record<string, 'for' | 'against' | 'abstain'>];
const many = (n: number, areaCenti: number, choices: Voter[1]): Voter[] => Array.from({ length: n }, () => [areaCenti, choices]);
const F = { 1: 'for' } as const;
const A = { 1: 'against' } as const;
const X = { 1: 'abstain' } as const;
const HAND_CASES: { name: string; areaCenti: number; heads: number; matters: number[]; voters: Voter[]; passed: boolean[]; adjusted?: (boolean | null)[] }[] = [
  { name: 'exactly ⅔ of area and heads: met', areaCenti: 120000, heads: 12, matters: [4], voters: many(8, 10000, F), passed: [true] },
  { name: 'area one hundredth short of ⅔', areaCenti: 120000, heads: 12, matters: [4], voters: [...many(7, 10000, F), [9999, F]], passed: [false] },
  { name: 'one head short of ⅔ (7 of 12)', areaCenti: 120000, heads: 12, matters: [4], voters: [...many(6, 10000, F), [30000, F]], passed: [false] },
  { name: '10 heads need 7: 66667 of 100000 is ⅔', areaCenti: 100000, heads: 10, matters: [4], voters: [...many(6, 10000, F), [6667, F]], passed: [true] },
  { name: '10 heads need 7: 66666 is short', areaCenti: 100000, heads: 10, matters: [4], voters: [...many(6, 10000, F), [6666, F]], passed: [false] },
  { name: 'matter 6, exactly ¾', areaCenti: 100000, heads: 10, matters: [6], voters: [...many(6, 10000, F), ...many(2, 10000, A)], passed: [true] },
  { name: 'matter 6, one head short of ¾', areaCenti: 100000, heads: 10, matters: [6], voters: [...many(4, 10000, F), [20000, F], ...many(2, 6667, A), [6666, A]], passed: [false] },
  { name: 'matter 6, one hundredth short of ¾ of the area', areaCenti: 100000, heads: 10, matters: [6], voters: [...many(5, 10000, F), [9999, F], [10001, A], [10000, A]], passed: [false] },
  { name: 'majority, exactly half', areaCenti: 100000, heads: 10, matters: [4], voters: [...many(4, 10000, F), ...many(4, 10000, A)], passed: [false] },
  // tally.test.ts has 10 voters on a 10-head roll of 100000 with 90000 voting: here an 11th head holds the other 10000.
  { name: 'majority, half the heads with more than half the area', areaCenti: 100000, heads: 11, matters: [4], voters: [...many(4, 11250, F), [1, F], ...many(4, 11249, A), [3, A]], passed: [false] },
  { name: 'majority, more than half of both', areaCenti: 100000, heads: 10, matters: [4], voters: [...many(5, 9000, F), ...many(4, 11249, A)], passed: [true] },
  { name: 'abstentions take part but do not agree', areaCenti: 100000, heads: 10, matters: [4], voters: [...many(4, 10000, F), ...many(2, 10000, A), ...many(3, 10000, X)], passed: [false] },
  { name: 'matter 5 passes where matter 6 fails on the same ballots', areaCenti: 100000, heads: 10, matters: [5, 6], voters: [...many(6, 10000, { 1: 'for', 2: 'for' }), ...many(3, 10000, { 1: 'against', 2: 'against' })], passed: [true, false] },
  { name: '从众: the absent join "for" and the adjusted tally passes', areaCenti: 100000, heads: 10, matters: [4], voters: [...many(4, 10000, F), [10000, A]], passed: [false], adjusted: [true] },
  { name: '从众: no majority, nobody joins anyone', areaCenti: 100000, heads: 10, matters: [4], voters: [...many(2, 10000, F), ...many(2, 10000, A)], passed: [false], adjusted: [false] },
  { name: 'an unanswered item does not take part in it', areaCenti: 30000, heads: 3, matters: [4, 4], voters: [[10000, { 1: 'for', 2: 'for' }], [10000, { 1: 'for', 2: 'for' }], [10000, A]], passed: [true, true] },
];

describe('the verifier agrees with the server on every hand-computed case of Decisions 1/4', () => {
  for (const c of HAND_CASES) {
    test(c.name, async () => {
      const absent = c.heads - c.voters.length;
      const rest = c.areaCenti - c.voters.reduce((s, [a]) => s + a, 0);
      // The heads who did not vote share the rest of the area (the last one takes the remainder).
      const absentAreas = Array.from({ length: absent }, (_, i) => Math.floor(rest / absent) + (i === absent - 1 ? rest % absent : 0));
      const b = buildBundle({
        decisionId: DECISION,
        items: c.matters.map((matter, i) => ({ no: i + 1, matter })),
        roll: [...c.voters.map(([a]) => ({ parts: [{ areaCenti: a }] })), ...absentAreas.map((a) => ({ parts: [{ areaCenti: a }] }))],
        ballots: c.voters.map(([, choices], i) => ({ head: i + 1, choices, at: at(i) })),
        followMajority: c.adjusted !== undefined,
      });
      assert.deepEqual(b.manifest.totals, { areaCenti: c.areaCenti, heads: c.heads });
      assert.deepEqual(b.tally!.items.map((t) => t.passed), c.passed, 'the server\'s tally');
      if (c.adjusted) assert.deepEqual(b.tally!.adjusted!.items.map((t) => t.passed), c.adjusted, 'the server\'s 从众 tally');
      const { code, result } = await verify(b);
      assert.equal(code, 0, explain(result));
      assert.equal(result.checked.tally, true);
    });
  }
});

describe('the verifier fails and names the culprit', () => {
  const base = buildBundle(everyoneVotes);
  const receipt = (seq: number) => (base.chain[seq - 1] as { receipt: string }).receipt;

  test('(a) one ballot\'s choice edited: names that ballot\'s receipt (and the recount differs)', async () => {
    const b = copy(base);
    const bo = b.ballots.find((x) => x.receipt === receipt(2))!; // 波: against → for on item 1
    bo.choices['1'] = 'for';
    const r = await assertFails(b, { check: 'receipts', receipt: receipt(2) });
    assert.ok(has(r, { check: 'tally', no: 1 }), explain(r));
    assert.equal(r.checked.chain, true); // the chain holds receipts, not choices: it is intact
  });

  test('(b) a ballot removed: names its chain entry and receipt', async () => {
    // Only the ballot: its receipt is in the chain with nothing behind it.
    const ballotOnly = copy(base);
    ballotOnly.ballots = ballotOnly.ballots.filter((x) => x.receipt !== receipt(2));
    await assertFails(ballotOnly, { check: 'chain', seq: 2, receipt: receipt(2) });

    // The ballot and its entry: the seq breaks and the next entry no longer follows.
    const both = copy(base);
    both.ballots = both.ballots.filter((x) => x.receipt !== receipt(2));
    both.chain = both.chain.filter((e) => e.seq !== 2);
    await assertFails(both, { check: 'chain', seq: 3, receipt: receipt(3) });

    // A careful forger renumbers and rehashes the whole chain: the heads published on the board give it away.
    const forged = copy(base);
    forged.ballots = forged.ballots.filter((x) => x.receipt !== receipt(2));
    forged.chain = forged.chain.filter((e) => e.seq !== 2).map((e, i) => ({ ...e, seq: i + 1 }));
    rehashChain(forged);
    forged.tally = serverTally(forged);
    const r = await assertFails(forged, { check: 'heads', seq: 3 }, { check: 'heads', seq: 7 });
    assert.equal(r.checked.chain, true);
    assert.ok(!has(r, { check: 'heads', seq: 0 }));
  });

  test('(c) a ballot inserted: names the receipt, or the heads when the chain was rebuilt', async () => {
    // A ballot for 波 with a proper receipt but no place in the chain.
    const b = copy(base);
    const nonce = nonceOf('forged');
    const key = keyOf(DECISION, 3);
    const choices = { 1: 'for', 2: 'for' } as const;
    const forgedReceipt = receiptOf(DECISION, key, choices, nonce);
    b.ballots.push({ receipt: forgedReceipt, nonce, key, choices, channel: 'online', at: at(30), status: 'superseded' });
    await assertFails(b, { check: 'chain', receipt: forgedReceipt });

    // Slipped into the chain before the close, the chain rehashed, the tally recomputed: the heads disagree.
    const rebuilt = copy(base);
    const bo = rebuilt.ballots.find((x) => x.receipt === receipt(2))!;
    bo.status = 'superseded';
    rebuilt.ballots.push({ receipt: forgedReceipt, nonce, key, choices, channel: 'online', at: at(30), status: 'counted' });
    rebuilt.chain.splice(6, 0, { seq: 7, kind: 'ballot', receipt: forgedReceipt, at: at(30), channel: 'online', supersedes: bo.receipt, hash: '' });
    rebuilt.chain[7]!.seq = 8;
    rehashChain(rebuilt);
    rebuilt.tally = serverTally(rebuilt);
    const r = await assertFails(rebuilt, { check: 'heads', seq: 7 });
    assert.deepEqual(r.problems.map((p) => p.check), ['heads']);

    // The scrutineer's own note of the board's last head (--head) catches it even if the forger edits the bundle's heads.
    rebuilt.heads = rebuilt.heads.map((h) => ({ ...h, hash: headAt(rebuilt, h.seq) }));
    assert.equal((await verify(rebuilt)).code, 0);
    const noted = await verify(rebuilt, '--head', `7:${base.chain[6]!.hash}`);
    assert.equal(noted.code, 1);
    assert.ok(has(noted.result, { check: 'heads', seq: 7 }), explain(noted.result));
  });

  test('(d) the roll changed: an area — names the roll entry', async () => {
    const b = copy(base);
    b.roll[2]!.areaCenti += 100;
    const r = await assertFails(b, { check: 'roll', no: 3 });
    assert.ok(r.problems.some((p) => p.check === 'roll' && /rollHash/.test(p.message)), explain(r));

    // Changed consistently (a part, its entry and the totals): the roll's hash, sealed in the manifest, still differs.
    const consistent = copy(base);
    consistent.roll[2]!.parts[0]!.areaCenti += 100;
    consistent.roll[2]!.areaCenti += 100;
    consistent.manifest.totals.areaCenti += 100;
    await assertFails(consistent, { check: 'roll' }, { check: 'manifest' });
    // …and with the manifest's hash recomputed as well, the chain no longer starts from it, nor do the heads.
    consistent.manifestHash = H(JSON.stringify(consistent.manifest)); // any other hash will do: it is not the chain's start
    const r2 = await assertFails(consistent, { check: 'chain', seq: 1 }, { check: 'heads', seq: 0 });
    assert.equal(r2.checked.chain, false);
  });

  test('(e) a published head that does not match: names its seq', async () => {
    const b = copy(base);
    b.heads[1]!.hash = H('not', 'the', 'head');
    const r = await assertFails(b, { check: 'heads', seq: 3 });
    assert.deepEqual(r.problems.map((p) => [p.check, p.seq]), [['heads', 3]]);

    const beyond = copy(base);
    beyond.heads.push({ seq: 9, hash: base.chain[6]!.hash, publishedAt: '2026-12-16T01:00:00.000Z' });
    await assertFails(beyond, { check: 'heads', seq: 9 });
  });

  test('(f) the tally altered: names the item', async () => {
    const b = copy(base);
    b.tally!.items[1]!.for.areaCenti += 1;
    const r = await assertFails(b, { check: 'tally', no: 2 });
    assert.deepEqual(r.problems.map((p) => [p.check, p.no]), [['tally', 2]]);
    assert.match(r.problems[0]!.message, /for\.areaCenti: bundle 28001, recount 28000/);

    const verdict = copy(base);
    verdict.tally!.items[0]!.passed = false;
    await assertFails(verdict, { check: 'tally', no: 1 });
  });

  test('statuses and supersedes follow the chain: a superseded ballot marked counted, a wrong supersedes', async () => {
    const status = copy(base);
    status.ballots[0]!.status = 'counted'; // 王丽's first ballot, replaced at seq 4
    await assertFails(status, { check: 'chain', receipt: receipt(1) });

    const supersedes = copy(base);
    (supersedes.chain[3] as { supersedes: string | null }).supersedes = null;
    rehashChain(supersedes);
    supersedes.heads = supersedes.heads.map((h) => ({ ...h, hash: headAt(supersedes, h.seq) }));
    await assertFails(supersedes, { check: 'chain', seq: 4 });
  });

  test('usage errors and unreadable files exit 2', async () => {
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ nope');
    const run = (args: string[]) =>
      new Promise<number>((resolve) => execFile(process.execPath, [VERIFIER, ...args], (err) => resolve(err ? Number(err.code) : 0)));
    assert.equal(await run([]), 2);
    assert.equal(await run([notJson]), 2);
    assert.equal(await run([join(dir, 'missing.json')]), 2);
    assert.equal(await run([notJson, '--head', 'x']), 2);
    assert.equal((await verify({ format: 'gongzhi.decision-bundle/2' })).code, 2);
  });
});
