import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './volunteers.db.ts';
import { registeredShareParts } from './use-cases/registry-share.ts';
import { seedRegistry } from './volunteers.registry.seed.ts';

/**
 * The registry part's demo on the registry's street, and the registered share counted by hand on it: approved
 * volunteers in every compound, a few pending and one rejected, 张明远 approved and 周雨桐 not registered, three
 * teams, each community's three rewards; the figure's parts equal an SQL count written here; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the registry demo: volunteers across the compounds, 张明远 approved, 周雨桐 not, teams and rewards; the share equals a hand count', async () => {
  const t0 = performance.now();
  const done = (await seedRegistry(env.kernel, demo)) as { approved: number; pending: number; rejected: number; teams: number; rewards: number };
  console.log(`registry demo seeded in ${(performance.now() - t0).toFixed(0)} ms`, done);
  const street = demo.get(DEMO_STREET)!;
  const streetId = street.street.id;
  const db = read(env.kernel);
  const rows = await db.selectFrom('vol_volunteers').selectAll().where('street_id', '=', streetId).execute();
  const by = (s: string) => rows.filter((r) => r.status === s).length;
  assert.equal(by('approved'), done.approved);
  assert.ok(done.approved >= 25 && done.approved <= 60, `${done.approved} approved`);
  assert.ok(done.pending >= 2 && done.pending === by('pending'), `${done.pending} pending`);
  assert.equal(by('rejected'), 1);
  assert.ok(rows.find((r) => r.status === 'rejected')!.reject_reason);
  for (const c of street.compounds) assert.ok(rows.some((r) => r.place_id === c.id && r.status === 'approved'), `${c.name} has volunteers`);
  const zhang = (await demo.as('13800000001'))!.actor.personId!;
  const zhou = (await demo.as('13800000003'))!.actor.personId!;
  assert.equal(rows.find((r) => r.person_id === zhang)?.status, 'approved');
  assert.equal(rows.find((r) => r.person_id === zhang)?.person_name, '张明远');
  assert.equal(rows.find((r) => r.person_id === zhou), undefined, '周雨桐 registers in the e2e journey');
  assert.ok(rows.every((r) => r.skills.length > 0 && (r.phone_masked === '' || r.phone_masked.includes('*'))));

  const teams = await db.selectFrom('vol_teams').select(['name', 'leader_volunteer_id']).where('street_id', '=', streetId).execute();
  assert.equal(teams.length, 3);
  assert.ok(teams.some((t) => t.name === '阳光花园助老服务队'));
  assert.ok(teams.some((t) => t.name === '安和社区应急志愿队'));
  assert.ok(teams.every((t) => t.leader_volunteer_id));
  const rewards = await db.selectFrom('vol_rewards').select(['name', 'points', 'place_id']).where('street_id', '=', streetId).execute();
  assert.equal(rewards.length, 6);
  assert.deepEqual(rewards.filter((r) => r.place_id === street.communities[0]!.id).map((r) => `${r.name}:${r.points}`).sort(), ['体检套餐:300', '洗衣液:50', '社区食堂代金券:100'].sort());

  // The share by hand: approved volunteers registered under each compound ÷ distinct persons with a household in force today.
  const day = chinaDay(env.kernel.clock.now());
  const hand = await sql<{ id: string; volunteers: number; persons: number }>`
    select c.id,
      (select count(*)::int from vol_volunteers v join street_places vp on vp.street_id = v.street_id and vp.id = v.place_id
        where v.street_id = c.street_id and v.status = 'approved' and vp.path like c.path || '%') as volunteers,
      (select count(distinct h.person_id)::int from reg_households h join street_places r on r.street_id = h.street_id and r.id = h.room_id
        where h.street_id = c.street_id and r.path like c.path || '%' and h.person_id is not null
          and (h.start_date is null or h.start_date <= ${day}::date) and (h.end_date is null or h.end_date >= ${day}::date)) as persons
    from street_places c where c.street_id = ${streetId} and c.kind in ('compound', 'community', 'street')`.execute(env.kernel.db);
  const parts = new Map((await registeredShareParts(env.kernel.db, streetId, ['compound', 'community', 'street'], day, new Date(env.kernel.clock.now().getTime() + 1))).map((p) => [p.placeId, p]));
  assert.equal(hand.rows.length, 9);
  for (const h of hand.rows) {
    assert.equal(parts.get(h.id)?.numerator ?? 0, h.volunteers);
    assert.equal(parts.get(h.id)?.denominator ?? 0, h.persons);
  }
  const shares = street.compounds.map((c) => parts.get(c.id)!).map((p) => p.numerator / p.denominator);
  console.log('shares', shares.map((s) => `${(s * 100).toFixed(1)}%`).join(' '));
  assert.ok(shares.some((s) => s >= 0.15) && shares.some((s) => s < 0.15), 'the share varies around 15%');

  // The workbench page shows the same counts to 安和社区's staff, and only its compounds.
  const juweihui = await signIn(env.app, 'juweihui', demo.password);
  const page = (await juweihui.request('GET', '/api/volunteers/registry/share')).body;
  const mine = street.compounds.filter((c) => c.communityId === street.communities[0]!.id);
  assert.deepEqual(page.compounds.map((c: { compoundId: string }) => c.compoundId).sort(), mine.map((c) => c.id).sort());
  for (const c of page.compounds) assert.deepEqual([c.volunteers, c.residents], [parts.get(c.compoundId)!.numerator, parts.get(c.compoundId)!.denominator]);
  const home = (await juweihui.request('GET', '/api/me/workbench')).body;
  const todo = home.todos.find((t: { key: string }) => t.key === 'volunteerRegistrationsToReview');
  const pendingHere = rows.filter((r) => r.status === 'pending' && mine.some((c) => c.id === r.place_id)).length;
  assert.equal(todo?.count ?? 0, pendingHere);

  assert.deepEqual(await seedRegistry(env.kernel, demo), { skipped: 'seeded already' });
});
