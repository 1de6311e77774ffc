import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './fees.db.ts';
import { seedBillsDemo } from './fees.bills.seed.ts';

/**
 * The bills part of the demo: items with approved prices at the compounds with a property company, seven months of
 * bills at 阳光花园, a pending price change, vacancies; 张明远 (13800000001) sees his rooms' open bills; fast; seeding
 * again adds nothing.
 */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(() => env.close());

test('the demo bills seven months at 阳光花园 at approved prices, with one price change pending', async (t) => {
  const demo = await seedDemo(env.kernel, { only: ['registry', 'decisions'] });
  const started = Date.now();
  const seeded = await seedBillsDemo(env.kernel, demo);
  const took = Date.now() - started;
  // The goal is under 3 s: met when this file ran alone; 4–5 s were measured while other work loaded the machine's
  // two cores. Reported, not asserted: a loaded machine is no failure of the seed.
  t.diagnostic(`the bills part seeded in ${took} ms`);
  assert.ok(seeded.bills > 0);
  const compound = demo.get(DEMO_STREET)!.compounds[0]!;
  const db = read(env.kernel);
  const items = await db.selectFrom('fee_items').select(['id', 'name']).where('place_id', '=', compound.id).execute();
  assert.deepEqual(items.map((i) => i.name).filter((n) => n !== '车位管理费').sort(), ['垃圾清运费', '物业服务费'].sort());
  const prices = await db.selectFrom('fee_prices').select(['status', 'unit_fen']).where('item_id', 'in', items.map((i) => i.id)).execute();
  assert.ok(prices.some((p) => p.status === 'approved' && p.unit_fen === 235));
  assert.ok(prices.some((p) => p.status === 'pending'), 'a price change waits for approval');
  const periods = await db.selectFrom('fee_bills').select('period_label').distinct().where('compound_id', '=', compound.id).execute();
  assert.equal(periods.length, 7);
  assert.ok((await db.selectFrom('fee_vacancies').select('id').execute()).length >= 1);

  const zhang = await signIn(env.app, '13800000001', demo.password);
  const mine = (await zhang.request('GET', '/api/me/fees/bills')).body;
  assert.equal(mine.rooms.length, 2, 'his two rooms');
  assert.ok(mine.totalDueFen > 0);
  assert.equal(mine.rooms[0].open.length, 7);

  assert.deepEqual(await seedBillsDemo(env.kernel, demo), { items: 0, bills: 0 }, 'seeding again adds nothing');
});
