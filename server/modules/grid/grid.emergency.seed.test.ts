import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { countResidentAccountsUnder, DEMO_STREET } from '../registry/index.ts';
import { read } from './grid.db.ts';
import { DEMO_ACTIVE_COMPOUND, seedEmergency } from './grid.emergency.seed.ts';
import { emergencyResidentHome } from './use-cases/emergency-resident-home.ts';

/**
 * The emergency part of the demo: an ended declaration at 阳光花园 (every household screened, a roster, a call-up)
 * and an active one at 和园小区 about 40% covered by wangge and juweihui, with a three-day roster and a call-up half
 * full; no resident with a login sees a pinned notice; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry', 'volunteers'] });
});
after(() => env.close());

test('the emergency demo: ended at 阳光花园 fully covered, active at 和园小区 about 40% covered, rosters and call-ups', async () => {
  const t0 = performance.now();
  const done = (await seedEmergency(env.kernel, demo)) as { declarations: number; marked: number; households: number };
  const ms = performance.now() - t0;
  console.log(`emergency demo seeded in ${ms.toFixed(0)} ms`, done);
  assert.ok(ms < 15000, 'fast');
  assert.equal(done.declarations, 2);
  const street = demo.get(DEMO_STREET)!;
  const db = read(env.kernel);
  const rows = await db
    .selectFrom('grid_emergency_declarations as d')
    .innerJoin('street_places as p', 'p.id', 'd.place_id')
    .select(['d.id', 'p.name', 'd.status', 'd.residents_notified as notified'])
    .where('d.street_id', '=', street.street.id)
    .orderBy('d.declared_at')
    .execute();
  assert.deepEqual(
    rows.map((r) => [r.name, r.status, r.notified]),
    [
      ['阳光花园', 'ended', 0],
      [DEMO_ACTIVE_COMPOUND, 'active', await countResidentAccountsUnder(db, (await db.selectFrom('street_places').select('path').where('name', '=', DEMO_ACTIVE_COMPOUND).executeTakeFirstOrThrow()).path)],
    ],
  );
  const coverage = async (id: string) => {
    const c = await db
      .selectFrom('grid_emergency_households as h')
      .innerJoin('grid_emergency_screenings as s', 's.id', 'h.screening_id')
      .select(['h.status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('s.declaration_id', '=', id)
      .groupBy('h.status')
      .execute();
    return Object.fromEntries(c.map((r) => [r.status, Number(r.n)]));
  };
  const ended = await coverage(rows[0]!.id);
  assert.equal(ended.pending ?? 0, 0, 'the ended screening covered every household');
  assert.equal(ended.nobody_home ?? 0, 0, 'nobody-home households were revisited');
  assert.ok((ended.needs_help ?? 0) > 0 && (ended.refused ?? 0) > 0);
  const active = await coverage(rows[1]!.id);
  const total = Object.values(active).reduce((a, b) => a + b, 0);
  const share = 1 - (active.pending ?? 0) / total;
  assert.ok(share > 0.35 && share < 0.45, `about 40% covered (${share})`);
  const markers = await db
    .selectFrom('grid_emergency_households as h')
    .innerJoin('grid_emergency_screenings as s', 's.id', 'h.screening_id')
    .select('h.marked_by')
    .distinct()
    .where('s.declaration_id', '=', rows[1]!.id)
    .where('h.marked_by', 'is not', null)
    .execute();
  const by = new Set(markers.map((m) => m.marked_by));
  assert.ok(by.has(demo.account('wangge')!.id) && by.has(demo.account('juweihui')!.id), 'wangge and juweihui marked');
  assert.ok(by.size >= 2);
  const days = await db.selectFrom('grid_emergency_rosters').select('day').distinct().where('declaration_id', '=', rows[1]!.id).execute();
  assert.equal(days.length, 3, 'a roster for three days');
  const calls = await db.selectFrom('grid_emergency_callups').select(['slots', 'taken', 'declaration_id']).where('street_id', '=', street.street.id).execute();
  const activeCall = calls.find((c) => c.declaration_id === rows[1]!.id)!;
  assert.equal(activeCall.taken * 2, activeCall.slots, 'the active call-up is half full');
  assert.ok(rows[1]!.notified > 0, 'the active one told its residents with accounts (activated, not demo logins)');
  // Nobody with a login sees a pinned notice from the seed: the residents with logins live in 阳光花园 (ended).
  for (const login of ['13800000001', '13800000002', '13800000003']) {
    const home = (await emergencyResidentHome((await demo.as(login))!)) as { gridEmergency?: unknown[] };
    assert.equal(home.gridEmergency, undefined, login);
  }
  const again = await seedEmergency(env.kernel, demo);
  assert.deepEqual(again, { skipped: 'seeded already' });
});
