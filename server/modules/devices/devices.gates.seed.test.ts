import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './devices.db.ts';
import { DEMO_SENSOR_COMPOUND, DEMO_SENSOR_SPACES, seedGates } from './devices.gates.seed.ts';
import { DEMO_OFFLINE_COMPOUND_INDEX, seedTraffic } from './devices.traffic.seed.ts';
import { listDevices } from './use-cases/gates-devices-list.ts';

/**
 * The gates part of the demo: a pedestrian gate and a vehicle barrier at each compound of the demo street, a sensor
 * per basement space at 阳光花园 and a lane counter at the second compound, each with a key kept encrypted; then the
 * traffic: about 200 events of the last day through the signed API (every one accepted), all devices online but
 * one gate left offline; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the devices of the demo street, then a day of traffic through the signed API, one gate offline', async () => {
  const t0 = performance.now();
  const gates = (await seedGates(env.kernel, demo)) as { devices: number };
  const street = demo.get(DEMO_STREET)!;
  const n = street.compounds.length;
  assert.equal(gates.devices, n * 2 + DEMO_SENSOR_SPACES.length + 1);
  const db = read(env.kernel);
  const devices = await db.selectFrom('dev_devices as d').innerJoin('street_places as p', 'p.id', 'd.place_id').select(['d.kind', 'p.name', 'd.secret_enc', 'd.created_by']).execute();
  assert.equal(devices.filter((d) => d.kind === 'parking_sensor' && d.name === DEMO_SENSOR_COMPOUND).length, DEMO_SENSOR_SPACES.length);
  assert.equal(devices.filter((d) => d.kind === 'counter').length, 1);
  assert.ok(devices.every((d) => d.secret_enc.startsWith('v1:')), 'keys kept encrypted');
  assert.ok(devices.some((d) => d.created_by !== null), 'registered by the property manager where wuye serves');

  const traffic = (await seedTraffic(env.kernel, demo)) as { sent: number; refused: number };
  const ms = performance.now() - t0;
  console.log(`gates demo seeded in ${ms.toFixed(0)} ms`, gates, traffic);
  assert.ok(ms < 30000, 'fast');
  const events = await db.selectFrom('dev_events').select(['kind', 'occurred_at']).execute();
  assert.ok(events.length >= 150 && events.length <= 400, `${events.length} events`);
  const now = env.kernel.clock.now().getTime();
  assert.ok(events.every((e) => e.occurred_at.getTime() <= now && e.occurred_at.getTime() > now - 24 * 3_600_000), 'within the last day');
  assert.ok(events.some((e) => e.kind === 'person') && events.some((e) => e.kind === 'vehicle') && events.some((e) => e.kind === 'count'));

  const list = await listDevices({ kernel: env.kernel, actor: SYSTEM_ACTOR }, { page: 1, pageSize: 200, sort: 'place', order: 'asc' });
  const offline = list.items.filter((d) => !d.online);
  assert.equal(offline.length, 1, 'one device offline');
  assert.equal(offline[0]!.kind, 'gate');
  assert.equal(offline[0]!.placeId, street.compounds[DEMO_OFFLINE_COMPOUND_INDEX]!.id);

  assert.deepEqual(await seedGates(env.kernel, demo), { skipped: 'seeded already' });
  assert.deepEqual(await seedTraffic(env.kernel, demo), { skipped: 'seeded already' });
});
