import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../../demo/seed-demo.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { signIn } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './devices.db.ts';
import { DEMO_VISITORS, seedVisitors } from './devices.visitors.seed.ts';

/**
 * The visitors part of the demo at 阳光花园: 张明远 (13800000001) with one approved and one pending vehicle and three
 * passes (李雷 this afternoon driving 冀A8K2M9, one used yesterday, one expired); other residents' vehicles, mostly
 * approved; a few active cards; what later steps need handed on; wuye's to-do counts the pending; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the visitors demo: vehicles, cards and 张明远’s passes at 阳光花园', async () => {
  const t0 = performance.now();
  const done = (await seedVisitors(env.kernel, demo)) as { vehicles: number; cards: number; passes: number };
  console.log(`visitors demo seeded in ${(performance.now() - t0).toFixed(0)} ms`, done);
  assert.ok(done.vehicles >= 10, JSON.stringify(done));
  const street = demo.get(DEMO_STREET)!;
  const sunny = street.compounds.find((c) => c.name === '阳光花园')!;
  const handed = demo.get(DEMO_VISITORS)!;
  assert.equal(handed.compoundId, sunny.id);
  assert.equal(handed.passPlate, '冀A8K2M9');
  assert.ok(handed.cardNos.length >= 4 && handed.residentPlates.length >= 5);

  const zhang = await signIn(env.app, '13800000001', demo.password);
  const vehicles = (await zhang.request('GET', '/api/me/devices/vehicles')).body.items as { plate: string; status: string }[];
  assert.deepEqual(vehicles.map((v) => v.status).sort(), ['approved', 'pending']);
  const passes = (await zhang.request('GET', '/api/me/devices/passes')).body.items as { visitorName: string; state: string; code: string; plate: string | null }[];
  assert.deepEqual(passes.map((p) => [p.visitorName, p.state]), [['李雷', 'upcoming'], ['王芳', 'used'], ['赵强', 'expired']]);
  assert.equal(passes[0]!.code, handed.passCode);

  const db = read(env.kernel);
  const all = await db.selectFrom('dev_vehicles').select(['status', 'place_id']).where('street_id', '=', street.street.id).execute();
  assert.ok(all.every((v) => v.place_id === sunny.id));
  assert.ok(all.filter((v) => v.status === 'approved').length >= 6);
  const wuye = await signIn(env.app, 'wuye', demo.password);
  const home = (await wuye.request('GET', '/api/me/workbench')).body as { todos: { key: string; count: number; link: string }[] };
  const todo = home.todos.find((t) => t.key === 'devicesVehiclesToReview');
  assert.ok(todo && todo.count >= 2);
  assert.equal((await wuye.request('GET', `/api${todo.link}`)).body.total, todo.count);

  assert.deepEqual(await seedVisitors(env.kernel, demo), { skipped: 'seeded already' });
});
