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
    assert.deepEqual(statuses, ['draft', 'open', 'open', 'published', 'published', 'roll_published']);
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

  test('张明远 has a ballot waiting in three open votes (two decisions and 阳光花园’s election), on his home page too', async () => {
    const resident = await signIn(env.app, '13800000001', DEMO_PASSWORD);
    const mine = await resident.request('GET', '/api/me/decisions');
    assert.equal(mine.status, 200);
    assert.equal(mine.body.items.filter((d: { ballotWaiting: boolean }) => d.ballotWaiting).length, 3);
    const home = await resident.request('GET', '/api/me/home');
    assert.equal(home.body.decisions.waiting.length, 3);
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

  test('the elevator retrofit at 2栋1单元: open, shares summing to the cost, the ground floor’s objection settled', async () => {
    const db = appDb(env.kernel);
    const d = await db.selectFrom('dec_decisions').select(['id', 'status', 'kind', 'total_heads']).where('kind', '=', 'elevator').executeTakeFirstOrThrow();
    assert.equal(d.status, 'open');
    const shares = await db.selectFrom('dec_cost_shares').select(['share_fen', 'entry_id', 'floor']).where('decision_id', '=', d.id).execute();
    assert.equal(shares.reduce((s, x) => s + Number(x.share_fen), 0), 86_000_000);
    assert.ok(shares.every((s) => s.entry_id && (s.floor > 1 || Number(s.share_fen) === 0)));
    const affected = await db.selectFrom('dec_affected').select(['objection', 'settled_at']).where('decision_id', '=', d.id).execute();
    assert.equal(affected.length, 1);
    assert.ok(affected[0]!.objection && affected[0]!.settled_at);
  });

  test("elections: the street's six vetting departments, a published first committee, and candidates in every vetting state", async () => {
    const db = appDb(env.kernel);
    assert.equal((await db.selectFrom('dec_vetting_departments').select('id').execute()).length, 6);
    const elections = await db.selectFrom('dec_decisions').select(['id', 'status', 'result']).where('kind', '=', 'election').orderBy('created_at').execute();
    assert.deepEqual(elections.map((e) => e.status), ['published', 'open', 'draft']);
    const first = (elections[0]!.result as { election: { elected: unknown[]; partyShare: { elected: { total: number } } } }).election;
    assert.equal(first.elected.length, 5, 'the popular five pass');
    const states = (await db.selectFrom('dec_candidates').select('status').where('decision_id', '=', elections[2]!.id).execute()).map((c) => c.status);
    // 阳光花园's election: everyone has voted but 张明远 and the last on the roll, whose paper sheet is out.
    const byElection = elections[1]!.id;
    const [heads, voted] = await Promise.all([
      db.selectFrom('dec_roll_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('decision_id', '=', byElection).where('merged_into', 'is', null).executeTakeFirstOrThrow(),
      db.selectFrom('dec_ballots').select((eb) => eb.fn.countAll<number>().as('n')).where('decision_id', '=', byElection).where('status', '=', 'counted').executeTakeFirstOrThrow(),
    ]);
    assert.equal(Number(voted.n), Number(heads.n) - 2);
    const overCap = await db.selectFrom('dec_ballots').select('choices').where('decision_id', '=', byElection).execute();
    assert.ok(overCap.every((b) => Object.values(b.choices as Record<string, string>).filter((c) => c === 'for').length <= 5), 'at most five 同意 a ballot');
    for (const s of ['nominated', 'vetting', 'returned', 'rejected', 'approved', 'withdrawn']) assert.ok(states.includes(s as never), s);
    const staff = await signIn(env.app, 'street', DEMO_PASSWORD);
    const report = await staff.request('GET', '/api/decisions/elections/report');
    assert.equal(report.body.coverage.withCommittee, 1);
    const reviewer = await signIn(env.app, 'bumen', DEMO_PASSWORD);
    assert.ok((await reviewer.request('GET', '/api/decisions/vetting/queue')).body.total >= 1);
  });

  test('filings (备案): the old election acknowledged by both offices, on the public page; the recent result waiting for the street and overdue with the housing department', async () => {
    const db = appDb(env.kernel);
    const rows = await db
      .selectFrom('dec_filings as f')
      .innerJoin('dec_decisions as d', 'd.id', 'f.decision_id')
      .select(['d.title', 'f.office', 'f.status', 'f.version'])
      .where('d.title', 'in', ['2026年续聘物业服务企业及使用维修资金更换3栋电梯', '选举产生第二届业主委员会', '和园小区第一届业主委员会选举'])
      .orderBy('d.title')
      .orderBy('f.office')
      .execute();
    assert.deepEqual(rows.map((r) => [r.title, r.office, r.status, r.version]).sort(), [
      ['2026年续聘物业服务企业及使用维修资金更换3栋电梯', 'district_housing', 'pending', 0],
      ['2026年续聘物业服务企业及使用维修资金更换3栋电梯', 'street_office', 'submitted', 1],
      ['和园小区第一届业主委员会选举', 'district_housing', 'acknowledged', 1],
      ['和园小区第一届业主委员会选举', 'street_office', 'acknowledged', 1],
      ['选举产生第二届业主委员会', 'district_housing', 'acknowledged', 2],
      ['选举产生第二届业主委员会', 'street_office', 'acknowledged', 1],
    ]);
    // The platform's own election is filed with its elected members and each one's vetting record.
    const filed = await db.selectFrom('dec_filings as f').innerJoin('dec_decisions as d', 'd.id', 'f.decision_id').select('f.package').where('d.title', '=', '和园小区第一届业主委员会选举').executeTakeFirstOrThrow();
    const members = (filed.package as { members: { status: string; vetting: unknown[] }[] }).members;
    assert.equal(members.filter((m) => m.status === 'elected').length, 5);
    assert.ok(members.every((m) => m.vetting.length >= 1));
    const street = await signIn(env.app, 'street', DEMO_PASSWORD);
    const todos = (await street.request('GET', '/api/me/workbench')).body.todos as { key: string; count: number }[];
    // Other demo results may be filed and overdue too: at least the housing department's filing above.
    assert.ok((todos.find((t) => t.key === 'filingsOverdue')?.count ?? 0) >= 1);
    assert.ok((todos.find((t) => t.key === 'filingsToReviewStreet')?.count ?? 0) >= 1);
    const compound = await db.selectFrom('dec_decisions').select('compound_id').where('title', '=', '选举产生第二届业主委员会').executeTakeFirstOrThrow();
    const page = await env.app.inject({ method: 'GET', url: `/api/public/decisions.filings/${compound.compound_id}` });
    assert.equal(page.statusCode, 200);
    assert.deepEqual(page.json().sections[0].items.map((i: { title: string }) => i.title), ['选举产生第二届业主委员会']);
    assert.match(page.json().sections[0].items[0].meta, /街道办事处.*区住房和城乡建设部门|区住房和城乡建设部门.*街道办事处/);
  });
});
