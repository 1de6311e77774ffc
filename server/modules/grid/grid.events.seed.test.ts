import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './grid.db.ts';
import { seedEvents } from './grid.events.seed.ts';

/**
 * The events part of the demo on the registry's street: five liaisons at 阳光花园 (housing: bumen), two patrols,
 * thirteen events over 安和社区's compounds in every state (the urban management one escalated overdue by the job),
 * all before the demo's now; bumen sees only the housing events; 13800000003 is left alone; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the events demo: liaisons for five lines, patrols, events in every state', async () => {
  const t0 = performance.now();
  const done = await seedEvents(env.kernel, demo);
  const ms = performance.now() - t0;
  console.log(`events demo seeded in ${ms.toFixed(0)} ms`, done);
  assert.ok(ms < 5000, 'fast');
  assert.deepEqual(done, { liaisons: 5, patrols: 2, events: 13 });
  const street = demo.get(DEMO_STREET)!;
  const sunny = street.compounds[0]!;
  const db = read(env.kernel);
  const liaisons = await db.selectFrom('grid_liaisons').select(['line', 'account_id', 'compound_id']).where('street_id', '=', street.street.id).execute();
  assert.deepEqual(liaisons.map((l) => l.line).sort(), ['fire', 'housing', 'market', 'police', 'urban_management']);
  assert.ok(liaisons.every((l) => l.compound_id === sunny.id));
  assert.equal(liaisons.find((l) => l.line === 'housing')!.account_id, demo.account('bumen')!.id);
  for (const login of ['paichusuo', 'chengguan', 'shichang', 'xiaofang']) assert.ok(demo.account(login), login);

  const events = await db.selectFrom('grid_events').selectAll().where('street_id', '=', street.street.id).execute();
  assert.equal(events.length, 13);
  const count = (f: (e: (typeof events)[number]) => boolean) => events.filter(f).length;
  assert.equal(count((e) => e.status === 'reported'), 3, 'new, rejected back, escalated');
  assert.equal(count((e) => e.status === 'dispatched'), 3);
  assert.equal(count((e) => e.status === 'handling'), 2);
  assert.equal(count((e) => e.status === 'resolved'), 1);
  assert.equal(count((e) => e.status === 'closed'), 3);
  assert.equal(count((e) => e.status === 'dismissed'), 1);
  assert.equal(count((e) => e.rating !== null), 2);
  assert.equal(count((e) => e.overdue_escalated_at !== null), 1);
  assert.equal(count((e) => e.level === 'street'), 2, 'escalated by the community, and overdue');
  assert.deepEqual(new Set(events.filter((e) => e.body).map((e) => e.body)), new Set(['property', 'committee', 'police', 'urban_management', 'housing', 'fire']));
  assert.equal(count((e) => e.reported_via === 'resident'), 2);
  assert.equal(count((e) => e.patrol_id !== null), 1);
  const steps = await db.selectFrom('grid_event_steps').select(['at']).where('street_id', '=', street.street.id).execute();
  assert.ok(steps.every((s) => s.at <= demo.now), 'nothing after the demo’s now');
  assert.ok(events.every((e) => e.created_at <= demo.now));
  const zhou = demo.account('13800000003')!.personId!;
  assert.equal(count((e) => e.reporter_person_id === zhou), 0, '周雨桐 untouched');

  // As bumen sees them: only the housing events of his compound.
  const bumen = await signIn(env.app, 'bumen', demo.password);
  const list = (await bumen.request('GET', '/api/grid/events?pageSize=50')).body;
  assert.equal(list.total, 2);
  assert.ok(list.items.every((e: { body: string; compoundId: string }) => e.body === 'housing' && e.compoundId === sunny.id));
  const wangge = await signIn(env.app, 'wangge', demo.password);
  assert.ok((await wangge.request('GET', '/api/grid/events?status=reported')).body.total >= 2);

  assert.deepEqual(await seedEvents(env.kernel, demo), { skipped: 'seeded already' });
});
