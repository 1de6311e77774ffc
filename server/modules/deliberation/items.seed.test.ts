import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appDb } from '../../app.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { verifyAuditChain } from '../../kernel/audit/audit.ts';
import { DEMO_PASSWORD, type DemoSeedContext } from '../../kernel/demo-seed.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_ITEMS, seedItemsDemo } from './items.seed.ts';

/** The demo street comes with items in every stage of 1–3, and hands on what the meetings and the execution need. */
describe('demo deliberation items', () => {
  let env: TestEnv;
  let demo: DemoSeedContext;
  before(async () => {
    env = await startTestEnv();
    demo = await seedDemo(env.kernel, { only: ['registry', 'opinions', 'decisions', 'deliberation'] });
  });
  after(() => env?.close());

  test('items in every stage 1–3 at 阳光花园 and 和园小区, one promoted opinion left to take up', async () => {
    const db = appDb(env.kernel);
    const rows = await db.selectFrom('dlb_items').select(['id', 'stage', 'source_kind', 'supporter_count', 'rejected_reason', 'decision_id', 'place_id']).execute();
    const stages = new Set(rows.map((r) => r.stage));
    for (const s of ['collecting', 'agenda', 'consulting', 'rejected', 'awaiting_vote']) assert.ok(stages.has(s as never), `some ${s}`);
    const collecting = rows.find((r) => r.stage === 'collecting')!;
    assert.equal(collecting.supporter_count, 2, 'below 阳光花园 threshold of 5');
    assert.ok(rows.some((r) => r.stage === 'agenda' && r.source_kind === 'opinion' && r.supporter_count >= 2));
    assert.ok(rows.some((r) => r.stage === 'agenda' && r.source_kind === 'grid_report'));
    assert.ok(rows.find((r) => r.stage === 'rejected')!.rejected_reason);
    const parts = demo.get(DEMO_ITEMS)!;
    assert.equal(parts.forMeetings.length + parts.forExecution.length, 3);
    assert.ok(rows.some((r) => r.id === parts.awaitingVote.itemId && r.decision_id === parts.awaitingVote.decisionId));
    const draft = await db.selectFrom('dec_decisions').select(['status', 'source_id']).where('id', '=', parts.awaitingVote.decisionId).executeTakeFirstOrThrow();
    assert.deepEqual(draft, { status: 'draft', source_id: parts.awaitingVote.itemId });
    const staff = await signIn(env.app, 'shuji', DEMO_PASSWORD);
    const promoted = await staff.request('GET', '/api/deliberation/promoted-opinions');
    assert.equal(promoted.body.items.length, 1, 'one promoted opinion waits on the board');
    const board = await staff.request('GET', '/api/deliberation/items?pageSize=1');
    // The meetings' part of the demo settles some consulting items at its closed meeting; others wait for the next.
    assert.ok(board.body.counts.agenda >= 2 && board.body.counts.consulting >= 1, JSON.stringify(board.body.counts));
    const resident = await signIn(env.app, '13800000001', DEMO_PASSWORD);
    const mine = await resident.request('GET', '/api/me/deliberation/items?pageSize=50');
    assert.ok(mine.body.items.some((i: { canSupport: boolean }) => i.canSupport), 'the demo resident has something to support');
    assert.deepEqual(await seedItemsDemo(env.kernel, demo), { items: 0 }, 'seeding twice adds nothing');
    assert.equal((await verifyAuditChain(db)).ok, true);
  });
});
