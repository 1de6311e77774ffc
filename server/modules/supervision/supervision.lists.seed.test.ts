import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { periodContaining, previousPeriod } from '../../kernel/payouts/payouts.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './supervision.db.ts';
import { seedLists } from './supervision.lists.seed.ts';

/**
 * The lists' part of the demo on the registry's street alone (no other credit record: every company at the base
 * but 锦华物业, whose complaint upheld in last quarter puts it at B): rules saved, last quarter published with 锦华
 * black, wuye's appeal rejected with reasons, an interview under the rules' clause; this quarter unpublished; fast,
 * and a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the lists demo: last quarter published with one black entry, its appeal rejected and an interview; this quarter not published', async () => {
  const t0 = performance.now();
  const done = await seedLists(env.kernel, demo);
  const ms = performance.now() - t0;
  assert.ok(ms < 3000, `seeded in ${ms.toFixed(0)} ms`);
  const last = previousPeriod('quarter', demo.now).label;
  const street = demo.get(DEMO_STREET)!;
  const db = read(env.kernel);
  const pubs = await db.selectFrom('sup_list_publications').select(['id', 'period']).where('street_id', '=', street.street.id).execute();
  assert.deepEqual(
    pubs.map((p) => p.period),
    [last],
  );
  assert.ok(!pubs.some((p) => p.period === periodContaining('quarter', demo.now).label), 'this quarter not published');
  const black = await db.selectFrom('sup_list_entries').selectAll().where('publication_id', '=', pubs[0]!.id).where('list', '=', 'black').execute();
  assert.equal(black.length, 1);
  assert.deepEqual(done, { published: last, black: [black[0]!.company_name] });
  assert.equal(black[0]!.company_id, street.compounds[0]!.propertyCompanyId);
  assert.deepEqual([black[0]!.grade, black[0]!.score_centi], ['B', 7800]);
  const appeal = await db.selectFrom('sup_list_appeals').selectAll().where('entry_id', '=', black[0]!.id).executeTakeFirstOrThrow();
  assert.equal(appeal.status, 'rejected');
  assert.ok(appeal.decision_reasons);
  const measures = await db.selectFrom('sup_list_measures').select(['kind', 'basis']).where('entry_id', '=', black[0]!.id).execute();
  assert.deepEqual(
    measures.map((m) => m.kind),
    ['interview'],
  );

  // wuye (锦华's manager) sees its entry, the decision and the interview.
  const wuye = await signIn(env.app, 'wuye', demo.password);
  const seen = await wuye.request('GET', `/api/supervision/lists/entries/${black[0]!.id}`);
  assert.equal(seen.status, 200);
  assert.deepEqual([seen.body.appeal.status, seen.body.measures.length], ['rejected', 1]);

  assert.deepEqual(await seedLists(env.kernel, demo), { skipped: 'seeded already' });
});
