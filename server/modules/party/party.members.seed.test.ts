import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET, partyPersons } from '../registry/index.ts';
import { sql } from 'kysely';
import { newId } from '../../kernel/ids.ts';
import { read } from './party.db.ts';
import { EMPLOYED_DEMO, seedMembers } from './party.members.seed.ts';

/**
 * The members part of the demo on the registry's street: a record for every person tagged party_member (but the
 * workplace organisations' office holders), 20 employed members over the two workplace organisations with 张明远 at
 * the tax office (badge off), both company branches linked to their companies; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the members demo: the tagged persons as local members, 20 employed members, 张明远 at the tax office, two hosts', async () => {
  const t0 = performance.now();
  const done = (await seedMembers(env.kernel, demo)) as { local: number; employed: number; badges: number; hosts: number };
  console.log(`members demo seeded in ${(performance.now() - t0).toFixed(0)} ms`, done);
  const street = demo.get(DEMO_STREET)!;
  const db = read(env.kernel);
  const rows = await db.selectFrom('pty_members').selectAll().where('street_id', '=', street.street.id).execute();
  const tagged = await partyPersons(db, { streetId: street.street.id, taggedPartyMember: true });
  assert.ok(tagged.length > 100, `${tagged.length} tagged persons`);
  assert.equal(done.local, tagged.length - 2, 'every tagged person but the two workplace office holders');
  assert.equal(rows.filter((r) => r.membership === 'local').length, done.local);
  const employed = rows.filter((r) => r.membership === 'employed');
  assert.equal(employed.length, EMPLOYED_DEMO);
  assert.deepEqual(new Set(employed.map((r) => r.workplace_org_id)), new Set(street.workplaceOrgs.map((o) => o.id)), 'spread over both organisations');
  const owner = await demo.as('13800000001');
  const zhang = rows.find((r) => r.person_id === owner!.actor.personId)!;
  assert.equal(zhang.person_name, '张明远');
  assert.equal(zhang.membership, 'employed');
  assert.equal(zhang.workplace_org_id, street.workplaceOrgs.find((o) => o.name === '和平区税务局第一税务所党支部')!.id);
  assert.equal(zhang.badge_public, false);
  assert.ok(done.badges > 10 && rows.some((r) => r.membership === 'local' && r.badge_public), 'some show their identity');
  assert.ok(rows.every((r) => r.joined_on <= '2026-12-31'));
  assert.equal(done.hosts, 2);
  assert.equal((await db.selectFrom('pty_branch_hosts').select('branch_id').where('street_id', '=', street.street.id).execute()).length, 2);

  const h5 = await signIn(env.app, '13800000001', demo.password);
  const me = (await h5.request('GET', '/api/party/me')).body;
  assert.equal(me.organisationName, '和平区税务局第一税务所党支部');
  assert.equal(me.badgePublic, false);
  const danwei = await signIn(env.app, 'danwei', demo.password);
  const seen = (await danwei.request('GET', '/api/party/members?pageSize=200')).body;
  assert.equal(seen.total, employed.filter((r) => r.workplace_org_id === zhang.workplace_org_id).length, 'the liaison: its own employed members only');

  assert.deepEqual(await seedMembers(env.kernel, demo), { skipped: 'seeded already' });
});

/** Counts by hand in SQL over the registry's and the party module's tables of the demo street: what the figures must say. */
async function handCounts(streetId: string) {
  const db = env.kernel.db;
  const one = async (q: ReturnType<typeof sql<{ n: number; d: number }>>) => {
    const r = (await q.execute(db)).rows[0]!;
    return { numerator: Number(r.n), denominator: Number(r.d) };
  };
  const day = sql`(now() at time zone 'Asia/Shanghai')::date`;
  const current = sql`(x.term_start is null or x.term_start <= ${day}) and (x.term_end is null or x.term_end >= ${day})`;
  const committee = (kind: string) =>
    one(sql<{ n: number; d: number }>`select count(*) filter (where exists (select 1 from pty_members m where m.street_id = s.street_id and m.person_id = s.person_id and m.status = 'active'))::int as n, count(*)::int as d
      from (select distinct x.street_id, x.organisation_id, x.person_id from reg_positions x join reg_organisations o on o.id = x.organisation_id and o.street_id = x.street_id
            where x.street_id = ${streetId} and o.kind = ${kind} and ${current}) s`);
  return {
    'party.compound_coverage': await one(sql<{ n: number; d: number }>`select count(*) filter (where exists (
        select 1 from reg_organisations o join street_places op on op.id = o.place_id
        where o.street_id = c.street_id and o.kind = 'party_org' and o.party_level <> 'workplace' and (op.id = c.id or (op.kind = 'grid' and c.path like op.path || '%'))))::int as n, count(*)::int as d
      from street_places c where c.street_id = ${streetId} and c.kind = 'compound'`),
    'party.building_groups': await one(sql<{ n: number; d: number }>`select count(*) filter (where exists (
        select 1 from reg_organisations o where o.street_id = b.street_id and o.place_id = b.id and o.party_level = 'building_group'))::int as n, count(*)::int as d
      from street_places b where b.street_id = ${streetId} and b.kind = 'building'`),
    'party.company_coverage': await one(sql<{ n: number; d: number }>`select count(*) filter (where exists (select 1 from pty_branch_hosts h where h.street_id = k.street_id and h.host_org_id = k.id)
        or exists (select 1 from reg_positions x where x.street_id = k.street_id and x.organisation_id = k.id and x.title = '党建指导员' and ${current}))::int as n, count(*)::int as d
      from (select distinct rc.street_id, rc.property_company_id as id from reg_compounds rc where rc.street_id = ${streetId} and rc.property_company_id is not null) k`),
    'party.owners_committee_members': await committee('owners_committee'),
    'party.residents_committee_members': await committee('residents_committee'),
    'party.reporting_rate': await one(sql<{ n: number; d: number }>`select count(*) filter (where exists (select 1 from pty_member_reports r where r.street_id = m.street_id and r.member_id = m.id and r.status = 'confirmed'))::int as n, count(*)::int as d
      from pty_members m where m.street_id = ${streetId} and m.membership = 'employed' and m.status = 'active'`),
  };
}

test('coverage figures equal hand counts on the demo street', async () => {
  const street = demo.get(DEMO_STREET)!;
  const streetId = street.street.id;
  // Two employed members' 双报到 confirmed by their community (the reporting part's table, written here as it would).
  const employed = await read(env.kernel).selectFrom('pty_members').select(['id', 'place_id']).where('street_id', '=', streetId).where('membership', '=', 'employed').orderBy('person_name').limit(3).execute();
  const communityOf = (placeId: string) => street.compounds.find((c) => c.id === placeId)!.communityId;
  for (const [i, m] of employed.entries()) {
    await read(env.kernel)
      .insertInto('pty_member_reports')
      .values({ street_id: streetId, id: newId(), member_id: m.id, community_id: communityOf(m.place_id), status: i < 2 ? 'confirmed' : 'pending', decided_at: i < 2 ? new Date(env.kernel.clock.now().getTime() - 60_000) : null })
      .execute();
  }
  const official = await signIn(env.app, 'street', demo.password);
  const coverage = (await official.request('GET', `/api/party/coverage?placeId=${streetId}`)).body;
  const hand = await handCounts(streetId);
  const shown = Object.fromEntries(coverage.figures.map((f: { key: string; place: unknown }) => [f.key, f.place]));
  assert.deepEqual(shown, hand);
  assert.equal(hand['party.reporting_rate'].numerator, 2, 'only the confirmed reports count');
  assert.ok(hand['party.compound_coverage'].numerator > 0 && hand['party.building_groups'].numerator > 0 && hand['party.company_coverage'].numerator >= 2);
  assert.ok(hand['party.owners_committee_members'].numerator > 0, 'the branch secretaries chair owners’ committees (交叉任职)');
  assert.deepEqual(coverage.children.map((c: { kind: string }) => c.kind), street.communities.map(() => 'community'));
  // A community drills to its grids, each with its own parts.
  const community = coverage.children[0].id;
  const drilled = (await official.request('GET', `/api/party/coverage?placeId=${community}`)).body;
  assert.ok(drilled.children.length > 0 && drilled.children.every((c: { kind: string }) => c.kind === 'grid'));
  const compounds = drilled.figures.find((f: { key: string }) => f.key === 'party.compound_coverage');
  const sum = Object.values(compounds.children as Record<string, { denominator: number }>).reduce((n, c) => n + c.denominator, 0);
  assert.equal(sum, compounds.place.denominator, "the grids' compounds add up to the community's");
});
