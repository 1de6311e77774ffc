import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './grid.db.ts';
import { seedEvents } from './grid.events.seed.ts';
import { DEMO_COMMITTEE, DEMO_STREET_COMMITTEE, seedMediation } from './grid.mediation.seed.ts';
import { getMediationCase } from './use-cases/mediation-cases-get.ts';
import { listMediationCases } from './use-cases/mediation-cases-list.ts';
import { CasesQuery } from './grid.mediation.schemas.ts';

/**
 * The mediation part of the demo on the registry's street (after the events' seed, whose neighbour dispute becomes a
 * case): two committees, three mediators, eight cases in every state, one from the grid event, one overdue; juweihui
 * sees the parties of his own cases in full and shuji's masked; no resident login is a party; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
  await seedEvents(env.kernel, demo);
});
after(() => env.close());

test('the mediation demo: committees, mediators, cases in every state', async () => {
  const t0 = performance.now();
  const done = await seedMediation(env.kernel, demo);
  const ms = performance.now() - t0;
  console.log(`mediation demo seeded in ${ms.toFixed(0)} ms`, done);
  assert.ok(ms < 5000, 'fast');
  assert.deepEqual(done.cases, { applied: 1, accepted: 1, in_session: 1, agreed: 1, failed: 1, declined: 1, escalated: 1, overdue: 1 });
  const street = demo.get(DEMO_STREET)!;
  const db = read(env.kernel);
  const committees = await db.selectFrom('grid_mediation_committees').select(['name', 'level']).where('street_id', '=', street.street.id).orderBy('level').execute();
  assert.deepEqual(committees, [
    { name: DEMO_COMMITTEE, level: 'community' },
    { name: DEMO_STREET_COMMITTEE, level: 'street' },
  ]);
  const rows = await db.selectFrom('grid_mediation_cases').select(['id', 'status', 'level', 'source', 'source_ref', 'overdue_at', 'signed_on', 'confirmation_outcome', 'referral']).where('street_id', '=', street.street.id).execute();
  const count = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
  assert.equal(rows.length, 8);
  assert.equal(count((r) => r.status === 'agreed' && !!r.signed_on && r.confirmation_outcome === 'confirmed'), 1);
  assert.equal(count((r) => r.status === 'failed' && r.referral === 'court'), 1);
  assert.equal(count((r) => r.level === 'street'), 1);
  assert.equal(count((r) => !!r.overdue_at), 1);
  const fromEvent = rows.find((r) => r.source === 'grid_event');
  assert.ok(fromEvent?.source_ref, 'one case comes from the seeded grid event');
  assert.ok(await db.selectFrom('grid_events').select('id').where('id', '=', fromEvent.source_ref!).executeTakeFirst());
  assert.equal(new Set(rows.map((r) => r.status)).size, 6, 'every status');
  const followups = await db.selectFrom('grid_mediation_followups').select('id').execute();
  assert.equal(followups.length, 1);

  // juweihui reads them all, in full where he mediates.
  const ju = (await demo.as('juweihui'))!;
  const list = await listMediationCases(ju, CasesQuery.parse({ pageSize: 50 }));
  assert.equal(list.total, 8);
  const mine = list.items.filter((r) => r.mine);
  assert.ok(mine.length >= 2);
  assert.ok(list.items.some((r) => !r.mine && r.parties.every((p) => p.name.includes('*'))), 'others’ cases masked');
  const agreed = rows.find((r) => r.status === 'agreed')!;
  const view = await getMediationCase(ju, agreed.id);
  assert.equal(view.partiesInFull, true);
  assert.equal(view.documents.length, 1);
  assert.ok(view.actions.includes('pdf'));

  // No resident login is a party (张明远, 林晓雯, 周雨桐 untouched).
  const parties = await db.selectFrom('grid_mediation_parties').select('name').execute();
  for (const n of ['张明远', '林晓雯', '周雨桐']) assert.ok(!parties.some((p) => p.name === n), n);
  assert.deepEqual(await seedMediation(env.kernel, demo), { skipped: 'seeded already' });
});
