import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StaffRole } from '../../kernel/access/index.ts';
import { write as writeKernel } from '../../kernel/context.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { useWorld } from '../../test/fixture.ts';
import { expectRefused } from '../../test/harness.ts';
import { createOrganisation, createPosition } from '../registry/index.ts';
import { partyBadges } from './index.ts';
import { read } from './party.db.ts';
import { compoundCoverage } from './party.members.figures.ts';

/**
 * Member records: each rule of a record (branch in the street's tree, an employed member's workplace organisation,
 * once per street, joining date), edits and ending with their audit, the member's own badge and `partyBadges`, the
 * organisation tree and its hosts, and the access matrix: each role inside and outside its place, the community
 * secretary only within its community, the liaison only its organisation's employed members, residents only their own.
 */
const { env, w, afterSetUp } = useWorld();
const T = '/api/party/members';
const TABLES = ['pty_members', 'pty_branch_hosts', 'audit_log'];
const orgs = {} as Record<'street' | 'c1' | 'c2' | 'a' | 'b' | 'tax' | 'school' | 'group', string>;
const clients = new Map<string, Client>();
const as = async (login: string) => {
  if (!clients.has(login)) clients.set(login, await signInClient(env.app, login));
  return clients.get(login)!;
};
let bobMember: string;
let aliceMember: string;
let tomMember: string;

afterSetUp(async () => {
  const party = async (placeId: string, name: string, partyLevel: string, parentId: string | null) =>
    (await createOrganisation(w.ctx, { placeId, kind: 'party_org', name, partyLevel, parentId } as never)).id;
  orgs.street = await party(w.places.S, '测试街道党工委', 'street_committee', null);
  orgs.c1 = await party(w.places.C1, '一社区党委', 'community_branch', orgs.street);
  orgs.c2 = await party(w.places.C2, '二社区党委', 'community_branch', orgs.street);
  orgs.a = await party(w.places.A, '阳光花园党支部', 'compound_branch', orgs.c1);
  orgs.b = await party(w.places.G2, '二网格党支部', 'compound_branch', orgs.c2);
  orgs.group = await party(w.places.A1.building, '阳光花园1栋党小组', 'building_group', orgs.a);
  orgs.tax = await party(w.places.S, '税务所党支部', 'workplace', null);
  orgs.school = await party(w.places.S, '实验小学党总支', 'workplace', null);
  // The liaison's account is matched to a person who holds a position in the tax office's organisation.
  const liaison = await w.person(w.places.S, '周联络');
  await createPosition(w.ctx, { personId: liaison, organisationId: orgs.tax, title: '组织委员' });
  await writeKernel(w.ctx, (tx) => tx.updateTable('accounts').set({ person_id: liaison }).where('id', '=', w.accounts.workplace_party_contact).execute());
  const secretary = await as('community_secretary');
  const official = await as('street_official');
  aliceMember = (await secretary.request('POST', T, { personId: w.persons.alice, membership: 'local', branchId: orgs.a, joinedOn: '2010-07-01' })).body.id;
  tomMember = (await secretary.request('POST', T, { personId: w.persons.tom, membership: 'employed', workplaceOrgId: orgs.tax, joinedOn: '2015-06-30' })).body.id;
  bobMember = (await official.request('POST', T, { personId: w.persons.bob, membership: 'employed', workplaceOrgId: orgs.school, joinedOn: '2001-03-15' })).body.id;
  assert.ok(aliceMember && tomMember && bobMember);
});

describe('member records', () => {
  test('create: a person is a member once per street, the branch and workplace organisation rules, the joining date', async () => {
    const secretary = await as('community_secretary');
    const row = (await secretary.request('GET', `${T}/${aliceMember}`)).body;
    assert.equal(row.organisationName, '阳光花园党支部');
    assert.equal(row.placeId, w.places.A);
    assert.equal(row.badgePublic, false);
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', T, { personId: w.persons.alice, membership: 'local', branchId: orgs.c1, joinedOn: '2010-07-01' }), 409, 'MEMBER_EXISTS');
    const sun = await w.person(w.places.A, '孙红');
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', T, { personId: sun, membership: 'local', branchId: orgs.tax, joinedOn: '2010-07-01' }), 400, 'BRANCH_INVALID');
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', T, { personId: sun, membership: 'local', joinedOn: '2010-07-01' }), 400, 'BRANCH_INVALID');
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', T, { personId: sun, membership: 'employed', workplaceOrgId: orgs.a, joinedOn: '2010-07-01' }), 400, 'WORKPLACE_ORG_INVALID');
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', T, { personId: sun, membership: 'local', branchId: orgs.a, joinedOn: '2999-01-01' }), 400, 'JOINED_IN_FUTURE');
    // A person of the other street: not found for an official of this one.
    const far = await w.person(w.places.Z, '钱远');
    const official = await as('street_official');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', T, { personId: far, membership: 'local', branchId: orgs.a, joinedOn: '2010-07-01' }), 400, 'BRANCH_INVALID');
    const made = await secretary.request('POST', T, { personId: sun, membership: 'local', branchId: orgs.a, joinedOn: '2020-07-01', note: '由外地转入' });
    assert.equal(made.status, 201);
    const entry = await read(env.kernel).selectFrom('audit_log').select(['action', 'subject_id']).where('subject_id', '=', made.body.id).execute();
    assert.deepEqual(entry.map((e) => e.action), ['party.members.created']);
  });

  test('edit and end: the rules again, a member who left is not changed, the list filters and exports', async () => {
    const secretary = await as('community_secretary');
    await expectRefused(env.kernel, TABLES, () => secretary.request('PATCH', `${T}/${tomMember}`, { membership: 'local' }), 400, 'BRANCH_INVALID');
    await expectRefused(env.kernel, TABLES, () => secretary.request('PATCH', `${T}/${tomMember}`, { joinedOn: '2999-01-01' }), 400, 'JOINED_IN_FUTURE');
    const edited = await secretary.request('PATCH', `${T}/${tomMember}`, { membership: 'local', branchId: orgs.a, note: '转为本社区党员' });
    assert.equal(edited.status, 200);
    assert.equal((await secretary.request('GET', `${T}/${tomMember}`)).body.organisationName, '阳光花园党支部');
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `${T}/${tomMember}/end`, { leftOn: '2000-01-01' }), 400, 'LEFT_BEFORE_JOINED');
    const ended = await secretary.request('POST', `${T}/${tomMember}/end`, { leftOn: '2026-01-31' });
    assert.equal(ended.body.status, 'left');
    await expectRefused(env.kernel, TABLES, () => secretary.request('PATCH', `${T}/${tomMember}`, { note: 'x' }), 409, 'MEMBER_LEFT');
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `${T}/${tomMember}/end`, {}), 409, 'MEMBER_LEFT');
    const actions = await read(env.kernel).selectFrom('audit_log').select('action').where('subject_id', '=', tomMember).orderBy('id').execute();
    assert.deepEqual(actions.map((a) => a.action), ['party.members.created', 'party.members.updated', 'party.members.ended']);

    const list = (await secretary.request('GET', `${T}?status=active&sort=name&order=asc`)).body;
    assert.ok(list.items.every((m: { status: string }) => m.status === 'active'));
    assert.ok(!list.items.some((m: { id: string }) => m.id === tomMember));
    const byName = (await secretary.request('GET', `${T}?q=${encodeURIComponent('王丽')}`)).body;
    assert.deepEqual(byName.items.map((m: { id: string }) => m.id), [aliceMember]);
    const byBranch = (await secretary.request('GET', `${T}?branchId=${orgs.a}&membership=local`)).body;
    assert.ok(byBranch.items.length >= 1 && byBranch.items.every((m: { branchId: string }) => m.branchId === orgs.a));
    const xlsx = await secretary.request('GET', `${T}/export.xlsx`);
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.raw.subarray(0, 2).toString(), 'PK');
  });
});

describe('the badge (亮明党员身份)', () => {
  test('only the member changes it; partyBadges answers those who opted in, not after they left', async () => {
    await writeKernel(w.ctx, async (tx) => {
      const { createAccount } = await import('../../kernel/auth/accounts.ts');
      const { hashPassword } = await import('../../kernel/auth/passwords.ts');
      const { PASSWORD } = await import('../../test/fixture.ts');
      await createAccount(tx, env.kernel.pii, { phone: '13800000009', displayName: '李波', password: PASSWORD, passwordHash: await hashPassword(PASSWORD), personId: w.persons.bob });
    });
    const alice = await as('13800000001');
    const me = (await alice.request('GET', '/api/party/me')).body;
    assert.equal(me.organisationName, '阳光花园党支部');
    const home = (await alice.request('GET', '/api/me/home')).body;
    assert.deepEqual(home.partyMember, { organisationName: '阳光花园党支部', badgePublic: false }, "the member's 党员之家 on the home");
    assert.equal((await partyBadges(env.kernel.db, [w.persons.alice, w.persons.bob])).size, 0, 'nobody opted in yet');
    assert.equal((await alice.request('PUT', '/api/party/me/badge', { public: true })).body.badgePublic, true);
    assert.deepEqual([...(await partyBadges(env.kernel.db, [w.persons.alice, w.persons.bob]))], [w.persons.alice], 'only the member who opted in');
    // No one else's route changes it: there is none keyed by a member id, and a staff member is no member.
    const secretary = await as('community_secretary');
    await expectRefused(env.kernel, TABLES, () => secretary.request('PUT', '/api/party/me/badge', { public: false }), 403, 'NOT_A_MEMBER');
    const bob = await as('13800000009');
    assert.equal((await bob.request('PUT', '/api/party/me/badge', { public: true })).status, 200);
    assert.equal((await partyBadges(env.kernel.db, [w.persons.bob])).size, 1);
    await (await as('street_official')).request('POST', `${T}/${bobMember}/end`, {});
    assert.equal((await partyBadges(env.kernel.db, [w.persons.bob])).size, 0, 'not after leaving');
    await expectRefused(env.kernel, TABLES, () => bob.request('GET', '/api/party/me'), 403, 'NOT_A_MEMBER');
    assert.equal((await bob.request('GET', '/api/me/home')).body.partyMember, undefined, 'no 党员之家 after leaving');
    await alice.request('PUT', '/api/party/me/badge', { public: false });
    assert.equal((await partyBadges(env.kernel.db, [w.persons.alice])).size, 0, 'opted out again');
    await alice.request('PUT', '/api/party/me/badge', { public: true });
  });

  test("the opinions module shows the 「党员」 tag by the author's name only while the member shows it", async () => {
    await writeKernel(w.ctx, async (tx) => {
      const { createAccount } = await import('../../kernel/auth/accounts.ts');
      const { hashPassword } = await import('../../kernel/auth/passwords.ts');
      const { PASSWORD } = await import('../../test/fixture.ts');
      await createAccount(tx, env.kernel.pii, { phone: '13800000008', displayName: '陈涛', password: PASSWORD, passwordHash: await hashPassword(PASSWORD), personId: w.persons.tom });
    });
    const alice = await as('13800000001');
    const neighbour = await as('13800000008');
    const posted = await alice.request('POST', '/api/opinions', { visibility: 'public', addressee: 'property_company', title: '楼道灯坏了', body: '1栋1单元三楼楼道灯不亮，请尽快修理。' });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const shown = async () => {
      const list = (await neighbour.request('GET', '/api/me/compound-opinions')).body.items.find((o: { id: string }) => o.id === posted.body.id);
      const one = (await neighbour.request('GET', `/api/opinions/${posted.body.id}`)).body;
      assert.equal(list.authorPartyBadge, one.authorPartyBadge);
      return one.authorPartyBadge as boolean;
    };
    await alice.request('PUT', '/api/party/me/badge', { public: true });
    assert.equal(await shown(), true, 'opted in: the tag shows');
    await alice.request('PUT', '/api/party/me/badge', { public: false });
    assert.equal(await shown(), false, 'opted out: no tag');
    // Alice sees her neighbour's posts, if any, without a tag: 陈涛 never showed his identity.
    const toms = (await alice.request('GET', '/api/me/compound-opinions')).body.items;
    assert.ok(toms.every((o: { authorPartyBadge: boolean }) => o.authorPartyBadge === false));
    await alice.request('PUT', '/api/party/me/badge', { public: true });
  });
});

describe('the organisation tree and coverage', () => {
  test('the tree counts active members per branch; a branch is linked to its company; coverage counts it', async () => {
    const official = await as('street_official');
    const tree = (await official.request('GET', '/api/party/tree')).body;
    assert.equal(tree.roots.length, 1);
    assert.equal(tree.roots[0].name, '测试街道党工委');
    const c1 = tree.roots[0].children.find((n: { id: string }) => n.id === orgs.c1);
    const a = c1.children.find((n: { id: string }) => n.id === orgs.a);
    assert.ok(a.members >= 1);
    assert.equal(a.children[0].name, '阳光花园1栋党小组');
    assert.deepEqual(tree.workplaceOrgs.map((o: { name: string }) => o.name).sort(), ['实验小学党总支', '税务所党支部'].sort());
    await expectRefused(env.kernel, TABLES, () => official.request('PUT', `/api/party/tree/${orgs.a}/host`, { hostOrgId: orgs.c1 }), 400, 'HOST_INVALID');
    await expectRefused(env.kernel, TABLES, () => official.request('PUT', `/api/party/tree/${orgs.a}/host`, { hostOrgId: w.organisations.pcZ }), 400, 'HOST_INVALID');
    const staff = await as('committee_staff');
    await expectRefused(env.kernel, TABLES, () => staff.request('PUT', `/api/party/tree/${orgs.a}/host`, { hostOrgId: w.organisations.pc1 }), 403, 'FORBIDDEN');
    const before = (await official.request('GET', `/api/party/coverage?placeId=${w.places.S}`)).body;
    const company = (b: typeof before) => b.figures.find((f: { key: string }) => f.key === 'party.company_coverage');
    assert.deepEqual(company(before).place, { numerator: 0, denominator: 1 });
    assert.equal((await official.request('PUT', `/api/party/tree/${orgs.a}/host`, { hostOrgId: w.organisations.pc1 })).status, 200);
    const after = (await official.request('GET', `/api/party/coverage?placeId=${w.places.S}`)).body;
    assert.deepEqual(company(after).place, { numerator: 1, denominator: 1 });
    // Compounds: A has its own branch, B is covered by its grid's; both covered.
    const compounds = after.figures.find((f: { key: string }) => f.key === 'party.compound_coverage');
    assert.deepEqual(compounds.place, { numerator: 2, denominator: 2 });
    assert.deepEqual(after.children.map((c: { name: string }) => c.name).sort(), ['一社区', '二社区'].sort());
    const buildings = after.figures.find((f: { key: string }) => f.key === 'party.building_groups');
    assert.deepEqual(buildings.place, { numerator: 1, denominator: 3 }, 'A 1栋 of A 1栋, A 2栋, B 1栋');
    const parts = await compoundCoverage(env.kernel.db, { streetId: w.places.S, from: new Date(), to: new Date(Date.now() + 1000), placeKinds: ['street', 'compound'] });
    assert.equal(parts.find((p) => p.placeId === w.places.B)?.numerator, 1);
  });
});

describe('access matrix', () => {
  const READERS: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'];
  const MANAGERS: StaffRole[] = ['street_official', 'community_secretary'];
  const OTHERS: StaffRole[] = ['property_committee_member', 'department_reviewer', 'assessor', 'grid_worker', 'owners_committee_member', 'property_manager', 'property_staff', 'building_leader'];

  test('readers see the records of their places; others are refused', async () => {
    for (const role of READERS) {
      const c = await as(role);
      const page = (await c.request('GET', `${T}?pageSize=100`)).body;
      const ids = page.items.map((m: { id: string }) => m.id);
      assert.ok(ids.includes(aliceMember), `${role} sees 王丽 (compound A)`);
      const streetWide = role === 'platform_admin' || role === 'street_official';
      assert.equal(ids.includes(bobMember), streetWide, `${role} and 李波 (compound B, community C2)`);
      assert.equal((await c.request('GET', `${T}/${bobMember}`)).status, streetWide ? 200 : 404, `${role} opens 李波`);
    }
    for (const role of OTHERS) {
      const c = await as(role);
      assert.equal((await c.request('GET', T)).status, 403, `${role} lists`);
      assert.equal((await c.request('GET', `${T}/${aliceMember}`)).status, 403, `${role} opens`);
    }
    assert.equal((await (await as('13800000001')).request('GET', T)).status, 403, 'a resident lists none');
  });

  test('the community secretary only within its community; the liaison only its organisation’s employed members', async () => {
    const secretary = await as('community_secretary');
    assert.equal((await secretary.request('PATCH', `${T}/${bobMember}`, { note: 'x' })).status, 404);
    assert.equal((await secretary.request('GET', `${T}?placeId=${w.places.C2}`)).status, 404);
    const zhao = await w.person(w.places.B, '赵明');
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', T, { personId: zhao, membership: 'local', branchId: orgs.b, joinedOn: '2012-01-01' }), 404, 'PERSON_NOT_FOUND');
    const staff = await as('committee_staff');
    await expectRefused(env.kernel, TABLES, () => staff.request('PATCH', `${T}/${aliceMember}`, { note: 'x' }), 403, 'FORBIDDEN');

    const liaison = await as('workplace_party_contact');
    const official = await as('street_official');
    const qian = await w.person(w.places.A, '钱进');
    const employed = (await official.request('POST', T, { personId: qian, membership: 'employed', workplaceOrgId: orgs.tax, joinedOn: '2018-05-04' })).body.id;
    const seen = (await liaison.request('GET', T)).body;
    assert.deepEqual(seen.items.map((m: { id: string }) => m.id), [employed], "the tax office's employed member only");
    assert.equal((await liaison.request('GET', `${T}/${employed}`)).status, 200);
    assert.equal((await liaison.request('GET', `${T}/${aliceMember}`)).status, 404, 'a local member: not its record');
    await expectRefused(env.kernel, TABLES, () => liaison.request('PATCH', `${T}/${employed}`, { note: 'x' }), 403, 'FORBIDDEN');
    // Without its position it speaks for no organisation: it sees nothing.
    await writeKernel(w.ctx, (tx) => tx.updateTable('accounts').set({ person_id: null }).where('id', '=', w.accounts.workplace_party_contact).execute());
    clients.delete('workplace_party_contact');
    const bare = await as('workplace_party_contact');
    assert.equal((await bare.request('GET', T)).body.total, 0);

    for (const role of MANAGERS) assert.equal((await (await as(role)).request('GET', `${T}/persons?q=${encodeURIComponent('王')}`)).status, 200);
    assert.equal((await (await as('committee_staff')).request('GET', `${T}/persons?q=${encodeURIComponent('王')}`)).status, 403);
    const picked = (await secretary.request('GET', `${T}/persons?q=${encodeURIComponent('李波')}`)).body;
    assert.deepEqual(picked, [], '李波 lives in community C2: not the secretary’s to pick');
  });

  test('the tree and coverage: treeRead roles at their places', async () => {
    for (const role of ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff'] as StaffRole[]) {
      assert.equal((await (await as(role)).request('GET', '/api/party/tree')).status, 200, role);
    }
    assert.equal((await (await as('grid_worker')).request('GET', '/api/party/tree')).status, 403);
    assert.equal((await (await as('workplace_party_contact')).request('GET', '/api/party/tree')).status, 403);
    const secretary = await as('community_secretary');
    const tree = (await secretary.request('GET', '/api/party/tree')).body;
    assert.deepEqual(tree.roots.map((n: { name: string }) => n.name), ['一社区党委'], 'its own community branch at the top');
    assert.equal((await secretary.request('GET', `/api/party/coverage?placeId=${w.places.C1}`)).status, 200);
    assert.equal((await secretary.request('GET', `/api/party/coverage?placeId=${w.places.C2}`)).status, 404);
    assert.equal((await secretary.request('GET', `/api/party/coverage?placeId=${w.places.S}`)).status, 403);
  });
});
