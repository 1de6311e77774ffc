import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appDb } from '../../app.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { verifyAuditChain } from '../../kernel/audit/audit.ts';
import { DEMO_PASSWORD, type DemoSeedContext } from '../../kernel/demo-seed.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { seedRepairsDemo } from './repairs.seed.ts';

/** The demo street comes with repair orders: every repairs page shows something believable. */
describe('demo repair orders', () => {
  let env: TestEnv;
  let demo: DemoSeedContext;
  before(async () => {
    env = await startTestEnv();
    demo = await seedDemo(env.kernel, { only: ['registry', 'repairs'] });
  });
  after(() => env?.close());

  test('orders in every working status, some overdue and escalated, a few paid, a few poorly rated', async () => {
    const rows = await appDb(env.kernel).selectFrom('rep_orders').select(['status', 'overdue', 'paid_service', 'rating', 'channel']).execute();
    assert.ok(rows.length >= 40, `${rows.length} orders`);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['submitted', 'dispatched', 'in_progress', 'finished', 'closed', 'reopened']) assert.ok(statuses.has(s as never), `some ${s}`);
    assert.ok(rows.some((r) => r.overdue));
    assert.ok(rows.some((r) => r.paid_service));
    assert.ok(rows.some((r) => r.rating !== null && r.rating <= 2));
    const escalations = await appDb(env.kernel).selectFrom('rep_escalations').select('id').execute();
    assert.ok(escalations.length > 0, 'the escalation job ran over the seeded orders');
    assert.deepEqual(await seedRepairsDemo(env.kernel, demo), { orders: 0, escalated: 0 }, 'seeding twice adds nothing');
    const chain = await verifyAuditChain(appDb(env.kernel));
    assert.equal(chain.ok, true);
  });

  test('the demo resident has their own orders, one waiting for their rating; the staff see theirs', async () => {
    const resident = await signIn(env.app, '13800000001', DEMO_PASSWORD);
    const mine = await resident.request('GET', '/api/repairs/mine');
    assert.equal(mine.status, 200);
    assert.equal(mine.body.total, 3);
    const waiting = mine.body.items.find((o: { status: string }) => o.status === 'finished');
    assert.ok(waiting);
    const detail = await resident.request('GET', `/api/repairs/orders/${waiting.id}`);
    assert.deepEqual(detail.body.actions, ['rate']);
    const staff = await signIn(env.app, 'wuyestaff', DEMO_PASSWORD);
    const orders = await staff.request('GET', '/api/repairs/orders?pageSize=100');
    assert.ok(orders.body.total >= 10);
    const figures = await signIn(env.app, 'street', DEMO_PASSWORD).then((s) => s.request('GET', '/api/repairs/figures'));
    assert.ok(figures.body.byCompany.length >= 2, 'figures for more than one company');
  });
});
