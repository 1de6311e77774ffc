import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { dayBefore } from '../../kernel/figures/figures.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './volunteers.db.ts';
import { adoptionRateParts } from './volunteers.green.figures.ts';
import { seedGreen } from './volunteers.green.seed.ts';

/**
 * The green part of the demo on the registry's street: 4–8 plots per compound, half to about two-thirds of the area
 * adopted with care records, one application waiting per compound, 周雨桐 (13800000003) no adopter; a second run adds
 * nothing. And the figure `volunteers.green_adoption_rate` equals a count by hand (this test's own SQL) at every
 * street, community, grid and compound.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the green demo: plots, adoptions with care records, a waiting application; the rate equals a hand count', async () => {
  const t0 = performance.now();
  const done = (await seedGreen(env.kernel, demo)) as { plots: number; adoptions: number; care: number; pending: number };
  console.log(`green demo seeded in ${(performance.now() - t0).toFixed(0)} ms`, done);
  const street = demo.get(DEMO_STREET)!;
  const db = read(env.kernel);
  const plots = await db.selectFrom('vol_green_plots').selectAll().where('street_id', '=', street.street.id).execute();
  const adoptions = await db.selectFrom('vol_green_adoptions').selectAll().where('street_id', '=', street.street.id).execute();
  const care = await db.selectFrom('vol_green_care').selectAll().where('street_id', '=', street.street.id).execute();
  assert.equal(plots.length, done.plots);
  const today = dayBefore(new Date(demo.now.getTime() + 1));
  for (const c of street.compounds) {
    const mine = plots.filter((p) => p.place_id === c.id);
    assert.ok(mine.length >= 4 && mine.length <= 8, `${c.name}: ${mine.length} plots`);
    assert.equal(new Set(mine.map((p) => p.name)).size, mine.length, `${c.name}: distinct names`);
    const total = mine.reduce((s, p) => s + p.area_centi, 0);
    const active = adoptions.filter((a) => a.place_id === c.id && a.status === 'active' && a.from_day <= today && a.to_day >= today);
    const adopted = mine.filter((p) => active.some((a) => a.plot_id === p.id)).reduce((s, p) => s + p.area_centi, 0);
    assert.ok(adopted / total >= 0.45 && adopted / total <= 0.7, `${c.name}: ${((adopted / total) * 100).toFixed(1)}% adopted`);
    assert.ok(adoptions.some((a) => a.place_id === c.id && a.status === 'pending'), `${c.name}: an application waits`);
    for (const a of active) assert.ok(care.filter((r) => r.adoption_id === a.id).length >= 2, `${c.name}: care records of each adoption`);
  }
  assert.equal(done.pending, street.compounds.length);
  const yutong = demo.account('13800000003')!.personId!;
  assert.equal(adoptions.filter((a) => a.person_id === yutong).length, 0, '周雨桐 stays clear');
  const zhang = demo.account('13800000001')!.personId!;
  assert.ok(adoptions.some((a) => a.person_id === zhang && a.status === 'active'), '张明远 adopts a plot at 阳光花园');

  // The figure against a count by hand: per plot, adopted when an approved adoption covers today; rolled up by path.
  const hand = await sql<{ id: string; kind: string; numerator: string; denominator: string }>`
    select k.id, k.kind,
      (select coalesce(sum(p.area_centi), 0) from vol_green_plots p join street_places c on c.id = p.place_id
        where p.street_id = k.street_id and c.path like k.path || '%' and p.closed_at is null
          and exists (select 1 from vol_green_adoptions a where a.plot_id = p.id and a.status = 'active' and a.from_day <= ${today}::date and a.to_day >= ${today}::date)) as numerator,
      (select coalesce(sum(p.area_centi), 0) from vol_green_plots p join street_places c on c.id = p.place_id
        where p.street_id = k.street_id and c.path like k.path || '%' and p.closed_at is null) as denominator
    from street_places k where k.street_id = ${street.street.id} and k.kind in ('street', 'community', 'grid', 'compound')`.execute(env.kernel.db);
  const parts = new Map(
    (await adoptionRateParts(db, { streetId: street.street.id, from: new Date(demo.now.getTime() - 86_400_000), to: new Date(demo.now.getTime() + 1), placeKinds: ['street', 'community', 'grid', 'compound'] })).map((p) => [p.placeId, p]),
  );
  let compared = 0;
  for (const h of hand.rows) {
    if (Number(h.denominator) === 0) {
      assert.equal(parts.get(h.id), undefined, `${h.kind} ${h.id}: no plots, no parts`);
      continue;
    }
    assert.deepEqual(parts.get(h.id), { placeId: h.id, numerator: Number(h.numerator), denominator: Number(h.denominator) }, `${h.kind} ${h.id}`);
    compared++;
  }
  assert.ok(compared >= street.compounds.length + street.communities.length + 1, `${compared} places compared`);

  // The H5: 张明远's compound lists plots, available ones to apply for.
  const h5 = await signIn(env.app, '13800000001', demo.password);
  const green = (await h5.request('GET', '/api/me/volunteers/green')).body;
  const plotsThere = green.compounds[0].plots as { status: string; adoptedByMe: boolean }[];
  assert.ok(plotsThere.some((p) => p.status === 'available'));
  assert.ok(plotsThere.some((p) => p.adoptedByMe));
  assert.ok(green.adoptions.some((a: { current: boolean }) => a.current));
  // The status sort on the mix of the demo: adopted before available ascending.
  const staff = await signIn(env.app, 'juweihui', demo.password);
  const sorted = (await staff.request('GET', `/api/volunteers/green/plots?placeId=${street.compounds[0]!.id}&sort=status&order=asc&pageSize=50`)).body.items.map((p: { status: string }) => p.status);
  assert.deepEqual(sorted, [...sorted].sort(), 'by status');
  assert.ok(sorted.includes('adopted') && sorted.includes('available'));
  assert.deepEqual(await seedGreen(env.kernel, demo), { skipped: 'seeded already' });
});
