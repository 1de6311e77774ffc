import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './supervision.db.ts';
import { seedSheets } from './supervision.sheets.seed.ts';
import { seedStars } from './supervision.stars.seed.ts';

/**
 * The stars part of the demo on the registry's street and the sheets part's (the 有礼小区 sheet): last quarter's
 * stars (和园小区 ★4 with its reward allocated — the company at 30% — and paid through statements, 翠湖苑 ★2),
 * 阳光花园's application assigned to pinggu with three indicators left to score; fast, and a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
  await seedSheets(env.kernel, demo);
});
after(() => env.close());

test('the stars demo: two confirmed stars, a reward allocated and on statements, an application under way for the journey', async () => {
  const t0 = performance.now();
  const done = await seedStars(env.kernel, demo);
  const ms = performance.now() - t0;
  console.log(`stars demo seeded in ${ms.toFixed(0)} ms`);
  assert.ok(ms < 5000, `seeded in ${ms.toFixed(0)} ms`);
  assert.deepEqual(done, { applications: 2, statements: 3 });
  const street = demo.get(DEMO_STREET)!;
  const stars = await read(env.kernel)
    .selectFrom('sup_compound_stars as s')
    .innerJoin('street_places as c', 'c.id', 's.compound_id')
    .select(['c.name', 's.stars'])
    .where('s.street_id', '=', street.street.id)
    .orderBy('s.stars', 'desc')
    .execute();
  assert.deepEqual(stars.map((s) => [s.name, s.stars]), [['和园小区', 4], ['翠湖苑', 2]]);
  const lines = await read(env.kernel).selectFrom('sup_star_reward_lines').select(['recipient_kind', 'amount_fen']).where('street_id', '=', street.street.id).orderBy('position').execute();
  assert.equal(lines.reduce((s, l) => s + Number(l.amount_fen), 0), 7_000_000);
  assert.equal(Number(lines.find((l) => l.recipient_kind === 'property_company')!.amount_fen), 2_100_000, 'the company: 30% exactly');

  const pinggu = await signIn(env.app, 'pinggu', demo.password);
  // pinggu assessed last quarter's two as well: they are theirs to see.
  const mine = (await pinggu.request('GET', '/api/supervision/stars/applications?status=assessing')).body;
  assert.deepEqual(mine.items.map((a: { compoundName: string; status: string }) => [a.compoundName, a.status]), [['阳光花园', 'assessing']]);
  assert.equal((await pinggu.request('GET', '/api/supervision/stars/applications')).body.total, 3, 'not 纺织厂宿舍’s, assigned to nobody yet');
  const detail = (await pinggu.request('GET', `/api/supervision/stars/applications/${mine.items[0].id}`)).body;
  const inspection = (await pinggu.request('GET', `/api/supervision/inspections/${detail.inspection.id}`)).body;
  assert.equal(inspection.missingCodes.length, 2, 'a points and a yes/no indicator left (a deduction needs no entry)');

  assert.deepEqual(await seedStars(env.kernel, demo), { skipped: 'seeded already' });
});
