import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET, roomHoldersUnder } from '../registry/index.ts';
import { read, write } from './volunteers.db.ts';
import { seedActivities } from './volunteers.activities.seed.ts';
import { serviceRecordPage } from './volunteers.activities.public.ts';
import { scanForPersonalData } from '../../kernel/public/public-scan.ts';
import { servicePoints } from './use-cases/activities-access.ts';

/**
 * The activities part of the demo on the registry's street. The registry part of this module seeds the approved
 * volunteers before it; here the test stands in for it with ten approved volunteers per compound (never 周雨桐,
 * 13800000003, whom the e2e journey registers). Eight past activities with confirmed hours credited to the ledger,
 * three upcoming with sign-ups under their capacity, one tomorrow; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the activities demo: past activities with confirmed hours and points, upcoming ones with sign-ups', async () => {
  const street = demo.get(DEMO_STREET)!;
  const streetId = street.street.id;
  const kept = (await demo.as('13800000003'))!.actor.personId;
  await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, async (tx) => {
    for (const c of street.compounds) {
      const holders = await roomHoldersUnder(tx, c.path, 40);
      const seen = new Set<string>();
      for (const h of holders) {
        if (seen.size >= 10 || seen.has(h.personId) || h.personId === kept) continue;
        seen.add(h.personId);
        await tx
          .insertInto('vol_volunteers')
          .values({ street_id: streetId, id: newId(), person_id: h.personId, person_name: h.name, place_id: c.id, status: 'approved' })
          .onConflict((oc) => oc.columns(['street_id', 'person_id']).doNothing())
          .execute();
      }
    }
  });
  const t0 = performance.now();
  const done = await seedActivities(env.kernel, demo);
  const ms = performance.now() - t0;
  console.log(`activities demo seeded in ${ms.toFixed(0)} ms`, done);
  assert.ok(ms < 15_000, 'fast');
  assert.ok(done.past! >= 6 && done.past! <= 10, `${done.past} past`);
  assert.equal(done.upcoming, 3);

  const db = read(env.kernel);
  const activities = await db.selectFrom('vol_activities').selectAll().where('street_id', '=', streetId).execute();
  const now = demo.now;
  const past = activities.filter((a) => a.ends_at < now);
  const upcoming = activities.filter((a) => a.starts_at > now);
  assert.equal(past.length, done.past);
  assert.equal(upcoming.length, 3);
  assert.ok(past.every((a) => a.status === 'finished'), 'confirmed after the end: finished');
  assert.ok(new Set(activities.map((a) => a.place_id)).size >= 4, 'across communities and compounds');
  assert.ok(activities.some((a) => a.title === '社区义诊协助') && activities.some((a) => a.title === '防汛应急演练'));
  for (const a of activities) assert.ok(a.signed_up <= a.capacity);

  const signups = await db.selectFrom('vol_activity_signups').selectAll().where('street_id', '=', streetId).where('status', '=', 'signed_up').execute();
  for (const a of activities) assert.equal(signups.filter((s) => s.activity_id === a.id).length, a.signed_up, 'the counter is the live sign-ups');
  const confirmed = signups.filter((s) => s.confirmed_at);
  assert.equal(confirmed.length, done.confirmed);
  assert.ok(confirmed.length > 20, `${confirmed.length} confirmed`);
  assert.ok(signups.some((s) => s.activity_id && s.signed_in_at && !s.signed_out_at), 'someone forgot to sign out and got nothing');
  assert.ok(signups.some((s) => s.signed_out_via === 'staff'), 'a sign-out recorded by hand');
  for (const s of confirmed) {
    const a = activities.find((x) => x.id === s.activity_id)!;
    assert.ok(s.minutes! <= (a.ends_at.getTime() - a.starts_at.getTime()) / 60_000, 'capped at the length');
    assert.equal(s.points, servicePoints(s.minutes!, a.points_per_hour));
  }
  assert.ok(confirmed.some((s) => s.minutes === (activities.find((x) => x.id === s.activity_id)!.ends_at.getTime() - activities.find((x) => x.id === s.activity_id)!.starts_at.getTime()) / 60_000), 'someone stayed past the end: capped');
  const ledger = await db.selectFrom('vol_points_ledger').select(['person_id', 'delta', 'minutes']).where('street_id', '=', streetId).where('source_kind', '=', 'activity').execute();
  assert.equal(ledger.filter((l) => l.delta > 0 || l.minutes > 0).length, confirmed.filter((s) => s.minutes! > 0).length, 'one ledger line per confirmed sign-up');
  assert.equal(ledger.reduce((n, l) => n + l.delta, 0), confirmed.reduce((n, s) => n + s.points!, 0));
  const upcomingSignups = signups.filter((s) => upcoming.some((a) => a.id === s.activity_id));
  assert.ok(upcomingSignups.length > 5 && upcomingSignups.every((s) => !s.signed_in_at));
  assert.ok(!signups.some((s) => s.person_id === kept), '周雨桐 is nobody’s volunteer');

  // The street's staff see them; a volunteer's certificate prints.
  const juweihui = await signIn(env.app, 'juweihui', demo.password);
  const list = (await juweihui.request('GET', '/api/volunteers/activities?pageSize=50')).body;
  assert.ok(list.total >= 3, JSON.stringify(list).slice(0, 300));

  // The certificate's live record (the public page), on the seeded data: masked names only, no personal data.
  const ids = (await serviceRecordPage.sampleIds!(env.kernel))!;
  assert.ok(ids.length > 0);
  const names = await db.selectFrom('vol_volunteers').select('person_name').where('street_id', '=', streetId).execute();
  for (const id of ids) {
    const res = await env.app.inject({ method: 'GET', url: `/api/public/volunteers.service-record/${id}` });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(scanForPersonalData(body, { fullNames: names.map((n) => n.person_name), maskedNames: serviceRecordPage.maskedNames }), []);
    assert.ok(Number(body.sections[1].facts[0].value) > 0, 'something to show');
  }

  assert.deepEqual(await seedActivities(env.kernel, demo), { skipped: 'seeded already' });
});
