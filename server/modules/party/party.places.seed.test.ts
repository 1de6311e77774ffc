import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chinaDay } from '../../kernel/clock.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { currentPositions, DEMO_STREET, organisationsOfKind } from '../registry/index.ts';
import { seedActivities } from './party.activities.seed.ts';
import { read, write } from './party.db.ts';
import { seedStations } from './party.stations.seed.ts';

/**
 * The stations' and activities' part of the demo on the registry's street: a 红色驿站 in each compound with hours,
 * services and two weeks of duty roster; four past activities of each community's party organisation with most
 * members present and some excused; one upcoming 主题党日 at 安和社区 inviting the employed members confirmed there.
 * The members part's demo is stood in for here (the branch officers as local members, one employed member with a
 * confirmed report to 安和社区), as that part writes its own.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the stations demo: one station per compound, services, a roster for this week and next', async () => {
  const street = demo.get(DEMO_STREET)!;
  const done = await seedStations(env.kernel, demo);
  assert.equal(done.stations, street.compounds.length);
  const stations = await read(env.kernel).selectFrom('pty_stations').select(['name', 'compound_id', 'services', 'hours', 'status']).where('street_id', '=', street.street.id).execute();
  assert.deepEqual(stations.map((s) => s.name).sort(), street.compounds.map((c) => `${c.name}红色驿站`).sort());
  for (const s of stations) {
    assert.ok(s.services.length >= 5 && s.services.length <= 6, s.name);
    assert.ok(s.hours.length >= 1);
    assert.equal(s.status, 'open');
  }
  assert.ok(stations.some((s) => s.name === '阳光花园红色驿站'));
  const days = await read(env.kernel).selectFrom('pty_station_shifts').select('day').where('street_id', '=', street.street.id).execute();
  assert.equal(days.length, done.shifts);
  const today = chinaDay(demo.now);
  assert.ok(days.some((d) => d.day <= today) && days.some((d) => d.day > today), 'this week and next');
  assert.deepEqual(await seedStations(env.kernel, demo), { skipped: 'seeded already' });
});

test('the activities demo: past activities with attendance per community, an upcoming 主题党日 at 安和社区 with reported members', async () => {
  const street = demo.get(DEMO_STREET)!;
  const streetId = street.street.id;
  const orgs = await organisationsOfKind(read(env.kernel), 'party_org', { streetId });
  const officers = await currentPositions(read(env.kernel), { streetId, day: chinaDay(demo.now), organisationKinds: ['party_org'] });
  const anhe = street.communities.find((c) => c.name === '安和社区')!;
  await write({ kernel: env.kernel, actor: (await import('../../kernel/access/index.ts')).SYSTEM_ACTOR }, async (tx) => {
    const seen = new Set<string>();
    for (const o of officers) {
      const org = orgs.find((x) => x.id === o.organisationId);
      if (!org || org.partyLevel === 'workplace' || seen.has(o.personId)) continue;
      seen.add(o.personId);
      await tx
        .insertInto('pty_members')
        .values({ street_id: streetId, id: newId(), person_id: o.personId, person_name: o.personName, place_id: org.placeId, membership: 'local', branch_id: org.id, joined_on: '2008-07-01' })
        .execute();
    }
    const workplace = officers.find((o) => !seen.has(o.personId)) ?? null;
    assert.ok(workplace, 'a person to stand in for an employed member');
    const employed = newId();
    await tx
      .insertInto('pty_members')
      .values({ street_id: streetId, id: employed, person_id: workplace.personId, person_name: workplace.personName, place_id: anhe.id, membership: 'employed', workplace_org_id: street.workplaceOrgs[0]!.id, joined_on: '2015-07-01' })
      .execute();
    await tx.insertInto('pty_member_reports').values({ street_id: streetId, id: newId(), member_id: employed, community_id: anhe.id, status: 'confirmed', decided_at: demo.now }).execute();
  });

  const done = await seedActivities(env.kernel, demo);
  assert.equal(done.upcoming, 1);
  assert.equal(done.past, 4 * street.communities.length);
  assert.ok(done.present! > done.excused! && done.excused! > 0, JSON.stringify(done));
  const upcoming = await read(env.kernel)
    .selectFrom('pty_activities')
    .select(['id', 'kind', 'community_id', 'title'])
    .where('street_id', '=', streetId)
    .where('starts_at', '>', demo.now)
    .execute();
  assert.equal(upcoming.length, 1);
  assert.equal(upcoming[0]!.kind, 'theme_day');
  assert.equal(upcoming[0]!.community_id, anhe.id);
  const invited = await read(env.kernel).selectFrom('pty_activity_attendees').select(['membership', 'status']).where('street_id', '=', streetId).where('activity_id', '=', upcoming[0]!.id).execute();
  assert.ok(invited.some((m) => m.membership === 'employed'), 'the employed member confirmed at 安和社区 is invited');
  assert.ok(invited.every((m) => m.status === 'invited'));
  const past = await read(env.kernel)
    .selectFrom('pty_activity_attendees as t')
    .innerJoin('pty_activities as a', 'a.id', 't.activity_id')
    .select(['t.status', 't.signed_in_at', 'a.starts_at'])
    .where('t.street_id', '=', streetId)
    .where('a.starts_at', '<', demo.now)
    .execute();
  for (const p of past.filter((x) => x.status === 'present')) assert.ok(Math.abs(p.signed_in_at!.getTime() - p.starts_at.getTime()) <= 10 * 60_000, 'signed in around the start');
  assert.deepEqual(await seedActivities(env.kernel, demo), { skipped: 'seeded already' });
});
