import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './surveys.db.ts';
import { seedSurveysDemo } from './surveys.seed.ts';

/** The surveys module's part of the demo: records at every compound of the demo street, added once. */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(() => env.close());

test('the demo has records at each compound of the demo street, and seeding again adds none', async () => {
  const demo = await seedDemo(env.kernel, { only: ['registry', 'surveys'] });
  const compounds = demo.get(DEMO_STREET)!.compounds;
  const rows = await read(env.kernel).selectFrom('srv_records').select('place_id').execute();
  for (const c of compounds) assert.ok(rows.some((r) => r.place_id === c.id), c.name);
  assert.deepEqual(await seedSurveysDemo(env.kernel, demo), { records: 0 });
});
