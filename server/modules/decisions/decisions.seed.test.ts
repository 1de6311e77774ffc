import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appDb } from '../../app.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { verifyAuditChain } from '../../kernel/audit/audit.ts';
import { DEMO_PASSWORD, type DemoSeedContext } from '../../kernel/demo-seed.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { seedDecisionsDemo } from './decisions.seed.ts';
import { verifyBallotChains } from './use-cases/verify-ledger.ts';
import { tally } from './tally.ts';

/** The demo street comes with owners' decisions in every state, and the published result recounts from its raw ballots. */
describe('demo decisions', () => {
  let env: TestEnv;
  let demo: DemoSeedContext;
  before(async () => {
    env = await startTestEnv();
    demo = await seedDemo(env.kernel, { only: ['registry', 'activation', 'decisions'] });
  });
  after(() => env?.close());

  test('rules in force, and a decision in each state; seeding twice adds nothing; the audit chain holds', async () => {
    const db = appDb(env.kernel);
    const rules = await db.selectFrom('dec_rules').select(['version', 'status']).orderBy('version').execute();
    assert.deepEqual(rules.map((r) => r.status), ['superseded', 'in_force']);
    const statuses = (await db.selectFrom('dec_decisions').select('status').where('kind', '=', 'general').execute()).map((d) => d.status).sort();
    assert.deepEqual(statuses, ['draft', 'open', 'open', 'published', 'roll_published']);
    assert.deepEqual(await seedDecisionsDemo(env.kernel, demo), { decisions: 0, ballots: 0 });
    assert.equal((await verifyAuditChain(db)).ok, true);
    const chains = await verifyBallotChains(db);
    assert.deepEqual(chains.problems, []);
    assert.ok(chains.entries > 100, 'the seeded ballots are chained');
  });

  test('the published result is the tally of its raw ballots against its roll', async () => {
    const db = appDb(env.kernel);
    const d = await db.selectFrom('dec_decisions').selectAll().where('status', '=', 'published').where('kind', '=', 'general').executeTakeFirstOrThrow();
    const entries = await db.selectFrom('dec_roll_entries').select(['id', 'area_centi']).where('decision_id', '=', d.id).where('merged_into', 'is', null).execute();
    assert.equal(entries.length, d.total_heads);
    assert.equal(entries.reduce((s, e) => s + e.area_centi, 0), d.total_area_centi);
    const ballots = await db.selectFrom('dec_ballots').select(['entry_id', 'choices']).where('decision_id', '=', d.id).where('status', '=', 'counted').execute();
    const area = new Map(entries.map((e) => [e.id, e.area_centi]));
    const items = await db.selectFrom('dec_items').select(['no', 'matter']).where('decision_id', '=', d.id).orderBy('no').execute();
    const recount = tally({
      totalAreaCenti: d.total_area_centi!,
      totalHeads: d.total_heads!,
      items,
      ballots: ballots.map((b) => ({ entryId: b.entry_id, areaCenti: area.get(b.entry_id)!, choices: b.choices as never })),
    });
    assert.deepEqual(recount, d.result);
    assert.ok(recount.items.every((i) => i.quorum.met), 'the demo’s turnout reaches the quorum');
  });

  test('张明远 has a ballot waiting in two open votes, on his home page too', async () => {
    const resident = await signIn(env.app, '13800000001', DEMO_PASSWORD);
    const mine = await resident.request('GET', '/api/me/decisions');
    assert.equal(mine.status, 200);
    assert.equal(mine.body.items.filter((d: { ballotWaiting: boolean }) => d.ballotWaiting).length, 2);
    const home = await resident.request('GET', '/api/me/home');
    assert.equal(home.body.decisions.waiting.length, 2);
  });

  test('the open compound vote shows the paper side: ballots in every state of their check, proxies, receipts and the posting', async () => {
    const db = appDb(env.kernel);
    const d = await db.selectFrom('dec_decisions').select('id').where('title', '=', '续筹专项维修资金').executeTakeFirstOrThrow();
    const paper = await db.selectFrom('dec_ballots').select(['channel', 'status']).where('decision_id', '=', d.id).where('channel', '!=', 'online').execute();
    const byKind = (rows: { channel: string; status: string }[]) => Object.fromEntries([...new Set(rows.map((r) => `${r.channel}:${r.status}`))].sort().map((k) => [k, rows.filter((r) => `${r.channel}:${r.status}` === k).length]));
    assert.deepEqual(byKind(paper), { 'paper:counted': 4, 'paper:entered': 2, 'paper:invalid': 1, 'paper:mismatched': 1, 'proxy:counted': 1 });
    const proxies = await db.selectFrom('dec_proxies').select('status').where('decision_id', '=', d.id).orderBy('status').execute();
    assert.deepEqual(proxies.map((p) => p.status), ['checked', 'pending']);
    const proofs = await db.selectFrom('dec_proofs').select('kind').where('decision_id', '=', d.id).execute();
    assert.deepEqual([proofs.filter((p) => p.kind === 'paper_receipt').length, proofs.filter((p) => p.kind === 'public_posting').length], [3, 1]);
    const staff = await signIn(env.app, 'yeweihui', DEMO_PASSWORD);
    const report = await staff.request('GET', `/api/decisions/${d.id}/delivery`);
    assert.equal(report.body.totals.receipt, 3);
  });

  test("elections: the street's six vetting departments, a published first committee, and candidates in every vetting state", async () => {
    const db = appDb(env.kernel);
    assert.equal((await db.selectFrom('dec_vetting_departments').select('id').execute()).length, 6);
    const elections = await db.selectFrom('dec_decisions').select(['id', 'status', 'result']).where('kind', '=', 'election').orderBy('created_at').execute();
    assert.deepEqual(elections.map((e) => e.status), ['published', 'draft']);
    const first = (elections[0]!.result as { election: { elected: unknown[]; partyShare: { elected: { total: number } } } }).election;
    assert.equal(first.elected.length, 5, 'the popular five pass');
    const states = (await db.selectFrom('dec_candidates').select('status').where('decision_id', '=', elections[1]!.id).execute()).map((c) => c.status);
    for (const s of ['nominated', 'vetting', 'returned', 'rejected', 'approved', 'withdrawn']) assert.ok(states.includes(s as never), s);
    const staff = await signIn(env.app, 'street', DEMO_PASSWORD);
    const report = await staff.request('GET', '/api/decisions/elections/report');
    assert.equal(report.body.coverage.withCommittee, 1);
    const reviewer = await signIn(env.app, 'bumen', DEMO_PASSWORD);
    assert.ok((await reviewer.request('GET', '/api/decisions/vetting/queue')).body.total >= 1);
  });
});
