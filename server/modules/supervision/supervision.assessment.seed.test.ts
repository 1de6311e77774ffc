import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { periodContaining, previousPeriod } from '../../kernel/payouts/payouts.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './supervision.db.ts';
import { seedAssessment } from './supervision.assessment.seed.ts';

/**
 * The assessment's part of the demo on the registry's street alone (the other modules' inputs absent: every score
 * is partial, made of the evaluations): settings saved, last quarter published by two officials, this quarter a
 * draft, 张明远 (13800000001) sees 阳光花园's colour; fast, and a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the assessment demo: last quarter published by a second official, this one a draft, the resident sees the colour', async () => {
  const t0 = performance.now();
  const done = await seedAssessment(env.kernel, demo);
  const ms = performance.now() - t0;
  assert.ok(ms < 3000, `seeded in ${ms.toFixed(0)} ms`);
  const last = previousPeriod('quarter', demo.now).label;
  const current = periodContaining('quarter', demo.now).label;
  assert.deepEqual(done, { published: last, draft: current });
  const street = demo.get(DEMO_STREET)!;
  const periods = await read(env.kernel).selectFrom('sup_assessment_periods').select(['period', 'status', 'requested_by', 'published_by']).where('street_id', '=', street.street.id).orderBy('period').execute();
  assert.deepEqual(
    periods.map((p) => [p.period, p.status]),
    [
      [last, 'published'],
      [current, 'draft'],
    ],
  );
  assert.notEqual(periods[0]!.requested_by, periods[0]!.published_by, 'two officials');
  const withCompany = street.compounds.filter((c) => c.propertyCompanyId).length;
  const rows = await read(env.kernel).selectFrom('sup_assessments').select(['compound_id', 'colour', 'partial']).where('period', '=', last).execute();
  assert.equal(rows.length, withCompany);
  assert.ok(rows.every((r) => r.partial));

  const resident = await signIn(env.app, '13800000001', demo.password);
  const home = await resident.request('GET', '/api/me/home');
  const sunny = street.compounds.find((c) => c.name === '阳光花园')!;
  assert.deepEqual(
    home.body.supervisionColours.map((c: { compoundId: string; period: string }) => [c.compoundId, c.period]),
    [[sunny.id, last]],
  );
  const street2 = await signIn(env.app, 'street2', demo.password);
  assert.equal((await street2.request('GET', `/api/supervision/assessment/overview?period=${current}`)).status, 200);

  assert.deepEqual(await seedAssessment(env.kernel, demo), { skipped: 'seeded already' });
});
