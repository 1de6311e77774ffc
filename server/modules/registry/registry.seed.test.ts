import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { appDb } from '../../app.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { ROLES } from '../../kernel/access/index.ts';
import { verifyAuditChain } from '../../kernel/audit/audit.ts';
import { DEMO_PASSWORD, type DemoSeedContext } from '../../kernel/demo-seed.ts';
import { isValidIdNumber } from '../../kernel/pii/pii.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from './index.ts';
import { MANAGEMENT_MODES, ORGANISATION_KINDS } from './registry.schemas.ts';

/** The registry's part of the demo, the street 安和街道, has the shape the product promises: every page shows something believable. */
describe('the demo street', () => {
  let env: TestEnv;
  let demo: DemoSeedContext;

  before(async () => {
    env = await startTestEnv();
    demo = await seedDemo(env.kernel, { only: ['registry'] });
  });
  after(async () => {
    await env?.close();
  });

  const one = async <T>(query: ReturnType<typeof sql<T>>): Promise<T> => (await query.execute(appDb(env.kernel))).rows[0]!;
  const rows = async <T>(query: ReturnType<typeof sql<T>>): Promise<T[]> => (await query.execute(appDb(env.kernel))).rows;

  test('city → district → street → ≥2 communities with grids → 6 compounds of 6 distinct modes', async () => {
    const kinds = await rows<{ kind: string; n: number }>(sql`select kind, count(*)::int as n from places group by kind`);
    const count = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    assert.equal(count.city, 1);
    assert.equal(count.district, 1);
    assert.equal(count.street, 1);
    assert.ok(count.community! >= 2);
    assert.ok(count.grid! >= 2);
    assert.equal(count.compound, 6);
    const modes = await rows<{ management_mode: string }>(sql`select management_mode from reg_compounds`);
    assert.deepEqual(modes.map((m) => m.management_mode).sort(), [...MANAGEMENT_MODES].sort());
    // Every community has at least one grid holding a compound.
    const empty = await one<{ n: number }>(
      sql`select count(*)::int as n from places c where c.kind = 'community' and not exists (select 1 from places g join places k on k.parent_id = g.id where g.parent_id = c.id and g.kind = 'grid' and k.kind = 'compound')`,
    );
    assert.equal(empty.n, 0);
  });

  test('2,500–3,500 rooms, each with an owner and shares summing to 10,000', async () => {
    const { n } = await one<{ n: number }>(sql`select count(*)::int as n from reg_rooms`);
    assert.ok(n >= 2500 && n <= 3500, `${n} rooms`);
    const uses = await rows<{ use: string }>(sql`select distinct use from reg_rooms`);
    assert.deepEqual(uses.map((u) => u.use).sort(), ['commercial', 'parking', 'residential']);
    const sources = await rows<{ area_source: string }>(sql`select distinct area_source from reg_rooms`);
    assert.deepEqual(sources.map((u) => u.area_source).sort(), ['contract', 'register', 'surveyed']);
    const bad = await one<{ n: number }>(sql`
      select count(*)::int as n from reg_rooms r
      where coalesce((select sum(share_bp) from reg_households h
                      where h.room_id = r.place_id and h.end_date is null and h.relation in ('owner','co_owner')), 0) <> 10000`);
    assert.equal(bad.n, 0, 'rooms whose current shares do not sum to 10000');
    const coOwned = await one<{ n: number }>(
      sql`select count(distinct room_id)::int as n from reg_households where relation = 'co_owner' and end_date is null`,
    );
    assert.ok(coOwned.n > 0, 'some rooms have co-owners');
  });

  test('multi-room owners, developer-held rooms, tenants and family members exist', async () => {
    const multi = await one<{ n: number }>(sql`
      select count(*)::int as n from (select person_id from reg_households
        where person_id is not null and relation in ('owner','co_owner') and end_date is null
        group by person_id having count(*) >= 2) x`);
    assert.ok(multi.n >= 1);
    const developer = await one<{ n: number }>(sql`
      select count(*)::int as n from reg_households h join reg_organisations o on o.id = h.organisation_id
      where o.kind = 'developer' and h.relation = 'owner' and h.end_date is null`);
    assert.ok(developer.n >= 1);
    const rel = await rows<{ relation: string }>(sql`select distinct relation from reg_households where end_date is null`);
    assert.deepEqual(rel.map((r) => r.relation).sort(), ['co_owner', 'family', 'owner', 'tenant']);
  });

  test('every organisation kind exists and party organisations form a 4-level tree', async () => {
    const kinds = await rows<{ kind: string }>(sql`select distinct kind from reg_organisations`);
    assert.deepEqual(kinds.map((k) => k.kind).sort(), [...ORGANISATION_KINDS].sort());
    const levels = ['street_committee', 'community_branch', 'compound_branch', 'building_group'];
    const party = await rows<{ level: string; parent_level: string | null }>(sql`
      select o.party_level as level, p.party_level as parent_level
      from reg_organisations o left join reg_organisations p on p.id = o.parent_id where o.kind = 'party_org'`);
    assert.deepEqual([...new Set(party.map((p) => p.level))].sort(), [...levels, 'workplace'].sort());
    for (const p of party) {
      // Workplace organisations (单位党组织) report to a community but stand outside the street's tree.
      if (p.level === 'workplace') {
        assert.equal(p.parent_level, null);
        continue;
      }
      assert.equal(levels.indexOf(p.parent_level ?? ''), levels.indexOf(p.level) - 1, `${p.level} under ${p.parent_level}`);
    }
    const companies = await one<{ n: number }>(sql`
      select count(*)::int as n from (select property_company_id from reg_compounds where property_company_id is not null
        group by property_company_id having count(*) >= 2) x`);
    assert.ok(companies.n >= 1, 'a property company serves two compounds');
    const phones = await one<{ n: number }>(
      sql`select count(*)::int as n from reg_organisations where kind = 'property_company' and contact_phone_enc is null`,
    );
    assert.equal(phones.n, 0, 'property companies have a contact phone');
  });

  test('cross-appointments, building leaders on buildings and grid workers on grids', async () => {
    const multi = await one<{ n: number }>(sql`
      select count(*)::int as n from (select person_id from reg_positions
        where term_end is null or term_end >= current_date group by person_id having count(*) >= 2) x`);
    assert.ok(multi.n >= 1);
    const attached = await rows<{ title: string; kind: string }>(sql`
      select ps.title, pl.kind from reg_positions ps join places pl on pl.id = ps.place_id where ps.title in ('楼门长', '网格员')`);
    assert.ok(attached.some((a) => a.title === '楼门长'));
    assert.ok(attached.some((a) => a.title === '网格员'));
    for (const a of attached) assert.equal(a.kind, a.title === '楼门长' ? 'building' : 'grid');
    // The party secretary of a compound branch also chairs that compound's owners' committee.
    const chair = await one<{ n: number }>(sql`
      select count(*)::int as n from reg_positions a join reg_organisations ao on ao.id = a.organisation_id
      join reg_positions b on b.person_id = a.person_id join reg_organisations bo on bo.id = b.organisation_id
      where ao.kind = 'party_org' and a.title = '书记' and bo.kind = 'owners_committee' and b.title = '主任'`);
    assert.ok(chair.n >= 1);
  });

  test('people carry tags, valid ID numbers, and no plaintext phone or ID number at rest', async () => {
    const tags = await rows<{ t: string }>(sql`select distinct unnest(tags) as t from reg_persons`);
    assert.deepEqual(tags.map((t) => t.t).sort(), ['disabled', 'elderly', 'extreme_hardship', 'low_income', 'party_member', 'volunteer']);
    const persons = await rows<
      Record<string, unknown> & { phone_enc: string | null; id_number_enc: string | null; phone_masked: string | null }
    >(sql`select * from reg_persons`);
    const { pii } = env.kernel;
    for (const p of persons) {
      const stored = JSON.stringify(p);
      assert.ok(p.id_number_enc, 'every demo person has an ID number');
      const id = pii.decrypt(p.id_number_enc);
      assert.ok(isValidIdNumber(id), `invalid ID number ${id}`);
      assert.ok(!stored.includes(id), 'plaintext ID number stored');
      if (p.phone_enc) {
        const phone = pii.decrypt(p.phone_enc);
        assert.match(phone, /^1[3-9]\d{9}$/);
        assert.ok(!stored.includes(phone), 'plaintext phone stored');
        assert.equal(p.phone_masked, `${phone.slice(0, 3)}****${phone.slice(-4)}`);
      }
    }
  });

  test('one account per role; the named logins hold the grants the demo promises', async () => {
    const grants = await rows<{ username: string | null; role: string; kind: string; name: string }>(sql`
      select a.username, g.role, p.kind, p.name from grants g join accounts a on a.id = g.account_id join places p on p.id = g.place_id`);
    const staffRoles = new Set(grants.map((g) => g.role));
    for (const role of ROLES.filter((r) => r !== 'resident')) assert.ok(staffRoles.has(role), `no account for ${role}`);
    const at = (username: string) => grants.filter((g) => g.username === username).map((g) => `${g.role}@${g.kind}`);
    assert.deepEqual(at('admin'), ['platform_admin@street']);
    assert.deepEqual(at('street'), ['street_official@street']);
    assert.deepEqual(at('wuweihui'), ['property_committee_member@street']);
    assert.deepEqual(at('shuji'), ['community_secretary@community']);
    assert.deepEqual(at('juweihui'), ['committee_staff@community']);
    assert.deepEqual(at('wangge'), ['grid_worker@grid']);
    assert.deepEqual(at('loumen'), ['building_leader@building']);
    assert.deepEqual(at('yeweihui'), ['owners_committee_member@compound']);
    assert.deepEqual(at('wuye'), ['property_manager@compound', 'property_manager@compound']);
    assert.deepEqual(at('wuyestaff'), ['property_staff@compound']);
    assert.deepEqual(at('bumen'), ['department_reviewer@street']);
    assert.deepEqual(at('pinggu'), ['assessor@street']);
    assert.deepEqual(at('danwei'), ['workplace_party_contact@street']);
    // The manager's two compounds are exactly those his company serves.
    const served = await rows<{ name: string }>(sql`
      select p.name from reg_compounds c join places p on p.id = c.place_id
      where c.property_company_id = (select property_company_id from reg_compounds c1 join places p1 on p1.id = c1.place_id where p1.name = '阳光花园')
      order by p.name`);
    assert.deepEqual(
      grants
        .filter((g) => g.username === 'wuye')
        .map((g) => g.name)
        .sort(),
      served.map((s) => s.name).sort(),
    );
    assert.equal(demo.accounts.length, 16);
  });

  test('resident 13800000001 owns two rooms in compound 1 and is nobody else; 13800000002 rents there', async () => {
    const app = env.app;
    const owner = await signIn(app, '13800000001', DEMO_PASSWORD);
    const home = await owner.request('GET', '/api/me/home');
    assert.equal(home.status, 200);
    const owned = home.body.rooms.filter((r: { relation: string }) => r.relation === 'owner');
    assert.equal(owned.length, 2);
    assert.ok(owned.every((r: { compoundName: string }) => r.compoundName === '阳光花园'));
    // The committees that serve the compound: its own and its community's, never a property company's party branch.
    const parties = owned[0].committees.filter((c: { kind: string }) => c.kind === 'party_org').map((c: { name: string }) => c.name);
    assert.ok(parties.length >= 1, JSON.stringify(owned[0].committees));
    assert.ok(!parties.some((n: string) => n.includes('物业')), `company branches listed: ${parties.join('、')}`);
    const me = await owner.request('GET', '/api/auth/me');
    assert.deepEqual(me.body.grants, []);
    const personId = me.body.account.personId as string;
    const positions = await one<{ n: number }>(sql`select count(*)::int as n from reg_positions where person_id = ${personId}`);
    assert.equal(positions.n, 0, 'the demo resident holds no office');
    const otherRelations = await one<{ n: number }>(
      sql`select count(*)::int as n from reg_households where person_id = ${personId} and relation <> 'owner'`,
    );
    assert.equal(otherRelations.n, 0);
    const accounts = await one<{ n: number }>(sql`select count(*)::int as n from accounts where person_id = ${personId}`);
    assert.equal(accounts.n, 1);

    const tenant = await signIn(app, '13800000002', DEMO_PASSWORD);
    const tenantHome = await tenant.request('GET', '/api/me/home');
    assert.deepEqual(
      tenantHome.body.rooms.map((r: { relation: string; compoundName: string }) => [r.relation, r.compoundName]),
      [['tenant', '阳光花园']],
    );
  });

  test('staff sign in with the demo password and see their scope', async () => {
    const street = await signIn(env.app, 'street', DEMO_PASSWORD);
    const rooms = await street.request('GET', '/api/rooms?pageSize=50');
    assert.equal(rooms.status, 200);
    const { n } = await one<{ n: number }>(sql`select count(*)::int as n from reg_rooms`);
    assert.equal(rooms.body.total, n);
    assert.equal(rooms.body.items.length, 50);
    const staff = await signIn(env.app, 'wuyestaff', DEMO_PASSWORD);
    const own = await staff.request('GET', '/api/rooms?pageSize=1');
    assert.ok(own.body.total > 0 && own.body.total < n, 'property staff see only their compound');
  });

  test('one audit entry records the street, and the registry hands it on to later modules', async () => {
    const entries = await rows<{ action: string }>(sql`select action from audit_log where action = 'demo.seeded'`);
    assert.equal(entries.length, 1);
    const result = await verifyAuditChain(appDb(env.kernel));
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    const street = demo.get(DEMO_STREET)!;
    assert.equal(street.street.name, '安和街道');
    assert.deepEqual(
      street.compounds.map((c) => c.name),
      ['阳光花园', '和园小区', '纺织厂宿舍', '翠湖苑', '景明家园', '东街3号院'],
    );
    const compounds = await rows<{ place_id: string; property_company_id: string | null }>(sql`select place_id, property_company_id from reg_compounds`);
    const parents = new Map((await rows<{ id: string; parent_id: string | null }>(sql`select id, parent_id from places`)).map((p) => [p.id, p.parent_id]));
    for (const c of street.compounds) {
      assert.equal(c.propertyCompanyId, compounds.find((x) => x.place_id === c.id)!.property_company_id, c.name);
      assert.equal(c.communityId, parents.get(parents.get(c.id)!), `${c.name}: compound → grid → community`);
    }
  });
});
