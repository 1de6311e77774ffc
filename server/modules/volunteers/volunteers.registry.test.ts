import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { write as kwrite } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import { expectRefused } from '../../test/harness.ts';
import { type Client, signInClient as signIn } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { expectSorts } from '../../test/sorting.ts';
import { read, write } from './volunteers.db.ts';
import { RewardsSort, TeamsSort, VolunteersSort } from './volunteers.registry.schemas.ts';
import { creditService } from './use-cases/points-ledger.ts';
import { hoursOf } from './use-cases/registry-my-points.ts';

/**
 * The registry part: registration by real name at a compound the resident lives in (one per street, a rejected one
 * again), the community's review (approve, reject with a reason, suspend, restore) with the resident told, the list
 * (search, filters, sort, export), teams of the place's approved volunteers, the registered share counted by hand on
 * the test world, my points and ledger, rewards redeemed (stock and points never below zero) and handed over — and
 * who may do each, inside and outside their place.
 */
const { env, w, afterSetUp } = useWorld();
const R = '/api/volunteers/registry';
const ME = '/api/me/volunteers/registration';
// Signed in once per login (sign-in is rate-limited).
const clients = new Map<string, Promise<Client>>();
const once = (login: string) => clients.get(login) ?? clients.set(login, signIn(env.app, login, PASSWORD)).get(login)!;
const staff = (role: string) => once(role);
const resident = () => once('13800000001');
const people: Record<'tom' | 'bob' | 'sun', Client> = {} as never;
let sunPerson = '';

/** An account for a registry person, signed in. */
async function residentAccount(personId: string, phone: string, name: string): Promise<Client> {
  await kwrite(w.ctx, async (tx) => {
    await createAccount(tx, env.kernel.pii, { phone, displayName: name, password: PASSWORD, passwordHash: await hashPassword(PASSWORD), personId });
  });
  return signIn(env.app, phone, PASSWORD);
}

afterSetUp(async () => {
  people.tom = await residentAccount(w.persons.tom, '13800000071', '陈涛');
  people.bob = await residentAccount(w.persons.bob, '13800000072', '李波');
  sunPerson = (await sql<{ id: string }>`select id from reg_persons where name = '孙宁'`.execute(env.kernel.db)).rows[0]!.id;
  people.sun = await residentAccount(sunPerson, '13800000073', '孙宁');
});

const join = (c: Client, over: object = {}) => c.request('POST', ME, { compoundId: w.places.A, skills: ['助老服务'], availability: '周末白天', consent: true, ...over });
const volunteerId = async (personId: string) => (await read(env.kernel).selectFrom('vol_volunteers').select('id').where('person_id', '=', personId).executeTakeFirstOrThrow()).id;
const inbox = (accountId: string, template: string) =>
  env.kernel.db
    .selectFrom('notify_messages as m')
    .innerJoin('notify_batches as b', 'b.id', 'm.batch_id')
    .select(['b.data'])
    .where('m.account_id', '=', accountId)
    .where('b.template', '=', template)
    .execute();

describe('registration and review', () => {
  test('a resident registers under their registry name at their compound; the community rejects with a reason, they register again, and are approved', async () => {
    const alice = await resident();
    const before = (await alice.request('GET', ME)).body;
    assert.equal(before.name, '王丽');
    assert.deepEqual(before.compounds, [{ id: w.places.A, name: '阳光花园' }]);
    assert.deepEqual(before.registrations, []);
    await expectRefused(env.kernel, ['vol_volunteers', 'audit_log'], () => join(alice, { compoundId: w.places.B }), 403, 'NOT_A_RESIDENT');
    await expectRefused(env.kernel, ['vol_volunteers', 'audit_log'], () => join(alice, { consent: false }), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, ['vol_volunteers', 'audit_log'], () => join(alice, { availability: '好'.repeat(201) }), 400, 'VALIDATION_FAILED');
    const made = await join(alice, { skills: ['助老服务', '医疗护理'], otherSkill: '摄影' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const row = await read(env.kernel).selectFrom('vol_volunteers').selectAll().where('id', '=', made.body.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.person_name, row.status, row.skills, row.place_id], ['王丽', 'pending', ['助老服务', '医疗护理', '摄影'], w.places.A]);
    assert.ok(row.phone_masked.includes('*'));
    await expectRefused(env.kernel, ['vol_volunteers', 'audit_log'], () => join(alice), 409, 'ALREADY_REGISTERED');

    const staffer = await staff('committee_staff');
    await expectRefused(env.kernel, ['vol_volunteers', 'audit_log'], () => staffer.request('POST', `${R}/${made.body.id}/reject`, {}), 400, 'VALIDATION_FAILED');
    const rejected = await staffer.request('POST', `${R}/${made.body.id}/reject`, { reason: '请补充可服务时间' });
    assert.equal(rejected.body.status, 'rejected');
    assert.equal(((await inbox(w.accounts.resident, 'volunteers.registry.rejected'))[0]?.data as { reason?: string } | undefined)?.reason, '请补充可服务时间');
    const mine = (await alice.request('GET', ME)).body.registrations;
    assert.deepEqual([mine[0].status, mine[0].rejectReason], ['rejected', '请补充可服务时间']);
    await expectRefused(env.kernel, ['vol_volunteers', 'audit_log'], () => staffer.request('POST', `${R}/${made.body.id}/approve`), 409, 'STATUS_NOT_ALLOWED');

    const again = await join(alice, { availability: '工作日晚上' });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, made.body.id, 'the same registration, back to pending');
    const back = await read(env.kernel).selectFrom('vol_volunteers').selectAll().where('id', '=', made.body.id).executeTakeFirstOrThrow();
    assert.deepEqual([back.status, back.reject_reason, back.availability], ['pending', null, '工作日晚上']);
    const approved = await staffer.request('POST', `${R}/${made.body.id}/approve`);
    assert.equal(approved.body.status, 'approved');
    assert.equal((await inbox(w.accounts.resident, 'volunteers.registry.approved')).length, 1);
    assert.equal((await staffer.request('POST', `${R}/${made.body.id}/suspend`)).body.status, 'suspended');
    await expectRefused(env.kernel, ['vol_volunteers', 'audit_log'], () => staffer.request('POST', `${R}/${made.body.id}/suspend`), 409, 'STATUS_NOT_ALLOWED');
    assert.equal((await staffer.request('POST', `${R}/${made.body.id}/restore`)).body.status, 'approved');
    const audit = await env.kernel.db.selectFrom('audit_log').select('action').where('subject_id', '=', made.body.id).orderBy('id').execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['volunteers.registry.registered', 'volunteers.registry.rejected', 'volunteers.registry.registered', 'volunteers.registry.approved', 'volunteers.registry.suspended', 'volunteers.registry.restored'],
    );
  });

  test('the list: search by name, filter by status, place and skill; export; the to-do counts the pending', async () => {
    assert.equal((await join(people.tom, { skills: ['维修电工'], availability: '好'.repeat(200) })).status, 201, '200 characters of availability: accepted (201 refused above)');
    const bobJoined = await join(people.bob, { compoundId: w.places.B, skills: ['法律咨询'] });
    assert.equal(bobJoined.status, 201);
    const admin = await staff('platform_admin');
    const all = (await admin.request('GET', `${R}?pageSize=200`)).body;
    assert.ok(all.total >= 3);
    assert.deepEqual((await admin.request('GET', `${R}?q=${encodeURIComponent('陈')}`)).body.items.map((r: { personName: string }) => r.personName), ['陈涛']);
    assert.deepEqual((await admin.request('GET', `${R}?skill=${encodeURIComponent('法律咨询')}`)).body.items.map((r: { personName: string }) => r.personName), ['李波']);
    assert.ok((await admin.request('GET', `${R}?status=pending`)).body.items.every((r: { status: string }) => r.status === 'pending'));
    assert.deepEqual((await admin.request('GET', `${R}?placeId=${w.places.B}`)).body.items.map((r: { personName: string }) => r.personName), ['李波']);
    const x = await admin.request('GET', `${R}/export.xlsx?status=pending`);
    assert.equal(x.status, 200);
    assert.match(String(x.headers['content-type']), /spreadsheetml/);
    const secretary = await staff('community_secretary');
    const home = (await secretary.request('GET', '/api/me/workbench')).body;
    const pendingInC1 = (await secretary.request('GET', `${R}?status=pending`)).body.total;
    assert.equal(home.todos.find((t: { key: string }) => t.key === 'volunteerRegistrationsToReview')?.count, pendingInC1);
    assert.ok(pendingInC1 >= 1);
  });

  test('the list sorts by each declared column', async () => {
    const [alice, tom, bob] = [await volunteerId(w.persons.alice), await volunteerId(w.persons.tom), await volunteerId(w.persons.bob)] as [string, string, string];
    const set = (id: string, created: string, name: string) =>
      write(w.ctx, (tx) => tx.updateTable('vol_volunteers').set({ created_at: new Date(created), person_name: name }).where('id', '=', id).execute());
    await set(alice, '2026-10-01T09:00:00+08:00', '名1');
    await set(tom, '2026-10-02T09:00:00+08:00', '名3');
    await set(bob, '2026-10-03T09:00:00+08:00', '名2');
    // 王丽 approved; 陈涛 and 李波 pending (ties broken by id). Places ordered as the database orders their paths.
    const places = await read(env.kernel).selectFrom('street_places').select('id').where('id', 'in', [w.places.A, w.places.B]).orderBy('path').execute();
    const [aRows, bRows] = [[alice, tom].sort(), [bob]];
    const byPlace = places[0]!.id === w.places.A ? [...aRows, ...bRows] : [...bRows, ...aRows];
    const pending = [tom, bob].sort();
    const admin = await staff('platform_admin');
    await expectSorts(env.kernel, admin, R, VolunteersSort, {
      createdAt: [alice, tom, bob],
      name: [alice, bob, tom],
      status: { asc: [alice, ...pending], desc: [...[...pending].reverse(), alice] },
      place: { asc: byPlace, desc: places[0]!.id === w.places.A ? [...bRows, ...[...aRows].reverse()] : [...[...aRows].reverse(), ...bRows] },
    });
    await set(alice, '2026-10-01T09:00:00+08:00', '王丽');
    await set(tom, '2026-10-02T09:00:00+08:00', '陈涛');
    await set(bob, '2026-10-03T09:00:00+08:00', '李波');
  });
});

describe('who may read and review', () => {
  test('the list and a decision, per role, inside and outside its place; residents see no staff list', async () => {
    const bobId = await volunteerId(w.persons.bob); // registered at B (二社区)
    const tomId = await volunteerId(w.persons.tom); // registered at A (一社区), pending
    const seen = async (role: string) => (await (await staff(role)).request('GET', `${R}?pageSize=200`)).body;
    const names = (page: { items: { personName: string }[] }) => page.items.map((r) => r.personName).sort();
    assert.deepEqual(names(await seen('platform_admin')), ['李波', '王丽', '陈涛'].sort());
    assert.deepEqual(names(await seen('street_official')), ['李波', '王丽', '陈涛'].sort());
    for (const role of ['community_secretary', 'committee_staff', 'grid_worker']) assert.deepEqual(names(await seen(role)), ['王丽', '陈涛'].sort(), role);
    assert.deepEqual(names(await seen('building_leader')), [], 'a building leader of 1栋 sees no compound-level registrations');
    for (const role of ['property_manager', 'property_staff', 'owners_committee_member']) assert.equal((await seen(role)).error?.code, 'FORBIDDEN', role);
    assert.equal((await (await resident()).request('GET', R)).status, 403);
    assert.equal((await (await resident()).request('GET', `${R}/share`)).status, 403);
    const community = (await staff('community_secretary')).request('GET', `${R}?placeId=${w.places.B}`);
    assert.equal((await community).body.error.code, 'PLACE_NOT_FOUND');

    // Deciding: the community's staff within their community; read-only roles 403; outside the place 404.
    for (const role of ['street_official', 'grid_worker', 'platform_admin']) {
      const c = await staff(role);
      await expectRefused(env.kernel, ['vol_volunteers', 'audit_log'], () => c.request('POST', `${R}/${tomId}/approve`), 403, 'FORBIDDEN');
    }
    const secretary = await staff('community_secretary');
    const manager = await staff('property_manager');
    const alice = await resident();
    await expectRefused(env.kernel, ['vol_volunteers', 'audit_log'], () => secretary.request('POST', `${R}/${bobId}/approve`), 404, 'VOLUNTEER_NOT_FOUND');
    await expectRefused(env.kernel, ['vol_volunteers', 'audit_log'], () => manager.request('POST', `${R}/${tomId}/approve`), 404, 'VOLUNTEER_NOT_FOUND');
    await expectRefused(env.kernel, ['vol_volunteers', 'audit_log'], () => alice.request('POST', `${R}/${tomId}/approve`), 404, 'VOLUNTEER_NOT_FOUND');
    assert.equal((await secretary.request('POST', `${R}/${tomId}/approve`)).body.status, 'approved');
  });
});

describe('the registered share', () => {
  test('approved volunteers under each compound ÷ persons with a current household there, counted by hand on the test world', async () => {
    // A: 王丽 (101), 陈涛 (102), 孙宁 (201) live there; 王丽 and 陈涛 are approved. B: 李波, pending.
    const admin = await staff('platform_admin');
    const page = (await admin.request('GET', `${R}/share`)).body;
    const a = page.compounds.find((c: { compoundId: string }) => c.compoundId === w.places.A);
    const b = page.compounds.find((c: { compoundId: string }) => c.compoundId === w.places.B);
    assert.deepEqual([a.volunteers, a.residents], [2, 3]);
    assert.deepEqual([b.volunteers, b.residents], [0, 1]);
    assert.equal(a.share, 2 / 3);
    assert.equal(page.target, 0.15);
    // A person with a second room under A counts once; a household ended yesterday does not count.
    await w.household(w.rooms.A103, w.persons.alice, 'family');
    const again = (await admin.request('GET', `${R}/share?placeId=${w.places.A}`)).body;
    assert.deepEqual([again.compounds[0].volunteers, again.compounds[0].residents], [2, 3]);
    const secretary = (await (await staff('community_secretary')).request('GET', `${R}/share`)).body;
    assert.deepEqual(secretary.compounds.map((c: { compoundId: string }) => c.compoundId), [w.places.A], 'only the compounds of its community');

    const { registryFigures } = await import('./volunteers.registry.figures.ts');
    const to = new Date(env.kernel.clock.now().getTime() + 1);
    const parts = await registryFigures[0]!.count(env.kernel.db, { streetId: w.places.S, from: new Date(0), to, placeKinds: ['street', 'community', 'grid', 'compound'] });
    const of = (id: string) => parts.find((p) => p.placeId === id);
    assert.deepEqual([of(w.places.A)?.numerator, of(w.places.A)?.denominator], [2, 3]);
    assert.deepEqual([of(w.places.C1)?.numerator, of(w.places.C1)?.denominator], [2, 3]);
    assert.deepEqual([of(w.places.S)?.numerator, of(w.places.S)?.denominator], [2, 4]);
    // Approved after the window's end: not yet counted.
    const early = await registryFigures[0]!.count(env.kernel.db, { streetId: w.places.S, from: new Date(0), to: new Date('2020-01-01T00:00:00Z'), placeKinds: ['compound'] });
    assert.equal(early.find((p) => p.placeId === w.places.A)?.numerator ?? 0, 0);
  });
});

describe('teams', () => {
  test('a community forms a team of its approved volunteers; others are refused', async () => {
    const T = '/api/volunteers/teams';
    const staffer = await staff('committee_staff');
    const alice = await volunteerId(w.persons.alice);
    const tom = await volunteerId(w.persons.tom);
    const bob = await volunteerId(w.persons.bob);
    const made = await staffer.request('POST', T, { placeId: w.places.C1, name: '一社区助老服务队', leaderVolunteerId: alice, description: '上门探访' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    await expectRefused(env.kernel, ['vol_teams', 'audit_log'], () => staffer.request('POST', T, { placeId: w.places.C1, name: '一社区助老服务队' }), 409, 'TEAM_NAME_TAKEN');
    await expectRefused(env.kernel, ['vol_teams', 'audit_log'], () => staffer.request('POST', T, { placeId: w.places.G1, name: '网格队' }), 400, 'TEAM_PLACE_KIND');
    await expectRefused(env.kernel, ['vol_teams', 'audit_log'], () => staffer.request('POST', T, { placeId: w.places.C1, name: '二队', leaderVolunteerId: bob }), 400, 'NOT_OF_TEAM_PLACE');
    await expectRefused(env.kernel, ['vol_teams', 'audit_log'], () => staffer.request('POST', T, { placeId: w.places.C2, name: '二社区队' }), 404, 'PLACE_NOT_FOUND');
    const grid = await staff('grid_worker');
    await expectRefused(env.kernel, ['vol_teams', 'audit_log'], () => grid.request('POST', T, { placeId: w.places.A, name: '网格员建队' }), 403, 'FORBIDDEN');
    const id = made.body.id;
    assert.equal((await staffer.request('GET', `${T}/${id}/candidates`)).body.map((c: { id: string }) => c.id).join(), tom, 'approved volunteers of the place not yet in the team');
    assert.equal((await staffer.request('POST', `${T}/${id}/members`, { volunteerId: tom })).status, 201);
    await expectRefused(env.kernel, ['vol_team_members', 'audit_log'], () => staffer.request('POST', `${T}/${id}/members`, { volunteerId: tom }), 409, 'ALREADY_MEMBER');
    await expectRefused(env.kernel, ['vol_team_members', 'audit_log'], () => staffer.request('POST', `${T}/${id}/members`, { volunteerId: bob }), 400, 'NOT_OF_TEAM_PLACE');
    const view = (await staffer.request('GET', `${T}/${id}`)).body;
    assert.deepEqual([view.leaderName, view.members.length], ['王丽', 2]);
    assert.equal((await staffer.request('DELETE', `${T}/${id}/members/${alice}`)).status, 200);
    const after = (await staffer.request('GET', `${T}/${id}`)).body;
    assert.deepEqual([after.leaderName, after.members.map((m: { personName: string }) => m.personName)], [null, ['陈涛']], 'the leader removed: no leader');
    await expectRefused(env.kernel, ['vol_team_members', 'audit_log'], () => staffer.request('DELETE', `${T}/${id}/members/${alice}`), 404, 'NOT_A_MEMBER');
    assert.equal((await (await staff('street_official')).request('GET', T)).body.total, 1, 'the street reads the teams');
    assert.equal((await (await staff('street_official')).request('GET', `${T}/${id}`)).status, 200);
    assert.equal((await (await staff('street_official')).request('PUT', `${T}/${id}`, { name: '改名' })).status, 403);
    assert.equal((await (await staff('grid_worker')).request('GET', `${T}/${id}`)).status, 404, 'a grid worker sees its grid, not the community above it');
    assert.equal((await people.bob.request('GET', `${T}/${id}`)).status, 404);
    assert.equal((await (await staff('building_leader')).request('PUT', `${T}/${id}`, { name: 'x' })).status, 404);
  });
});

describe('my points and rewards', () => {
  test('hours have one decimal, rounded at the tenth', () => {
    assert.deepEqual([0, 3, 59, 60, 90, 100, 125].map(hoursOf), ['0.0', '0.1', '1.0', '1.0', '1.5', '1.7', '2.1']);
  });

  test('a volunteer redeems within their balance and the stock; every refusal writes nothing; staff hand it over', async () => {
    const staffer = await staff('committee_staff');
    const reward = await staffer.request('POST', '/api/volunteers/rewards', { placeId: w.places.C1, name: '洗衣液', points: 50, stock: 1 });
    assert.equal(reward.status, 201, JSON.stringify(reward.body));
    const rid = reward.body.id;
    for (const [points, stock] of [[0, 1], [1, -1], [100_001, 1]]) {
      await expectRefused(env.kernel, ['vol_rewards', 'audit_log'], () => staffer.request('POST', '/api/volunteers/rewards', { placeId: w.places.C1, name: '边界', points, stock }), 400, 'VALIDATION_FAILED');
    }
    const alice = await resident();
    const redeem = (c: Client, id = rid) => c.request('POST', `/api/me/volunteers/rewards/${id}/redeem`);
    const tables = ['vol_rewards', 'vol_redemptions', 'vol_point_accounts', 'vol_points_ledger', 'audit_log'];
    // 49 points: one short.
    await write(w.ctx, (tx) => creditService(tx, w.ctx, { streetId: w.places.S, personId: w.persons.alice, placeId: w.places.A, minutes: 100, points: 49, source: { kind: 'task', id: newId() }, note: '送药上门' }));
    await expectRefused(env.kernel, tables, () => redeem(alice), 409, 'POINTS_INSUFFICIENT');
    assert.equal((await read(env.kernel).selectFrom('vol_rewards').select('stock').where('id', '=', rid).executeTakeFirstOrThrow()).stock, 1, 'the stock is untouched');
    await write(w.ctx, (tx) => creditService(tx, w.ctx, { streetId: w.places.S, personId: w.persons.alice, placeId: w.places.A, minutes: 30, points: 1, source: { kind: 'activity', id: newId() }, note: '敬老院慰问' }));
    const ok = await redeem(alice);
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.balance, ok.body.points], [0, 50], 'exactly the balance: accepted, down to zero');
    await expectRefused(env.kernel, tables, () => redeem(people.tom), 409, 'OUT_OF_STOCK');
    await expectRefused(env.kernel, tables, () => redeem(people.bob), 403, 'NOT_A_VOLUNTEER');
    await expectRefused(env.kernel, tables, () => redeem(people.sun), 403, 'NOT_A_VOLUNTEER');
    // 李波, approved at B (二社区), may not take 一社区's reward.
    const bobId = await volunteerId(w.persons.bob);
    await write(w.ctx, (tx) => tx.updateTable('vol_volunteers').set({ status: 'approved', reviewed_at: new Date() }).where('id', '=', bobId).execute());
    await expectRefused(env.kernel, tables, () => redeem(people.bob), 403, 'NOT_OF_COMMUNITY');
    await staffer.request('PUT', `/api/volunteers/rewards/${rid}`, { name: '洗衣液', points: 50, stock: 5, active: false });
    await expectRefused(env.kernel, tables, () => redeem(people.tom), 409, 'REWARD_INACTIVE');
    await expectRefused(env.kernel, tables, () => redeem(alice, newId()), 404, 'REWARD_NOT_FOUND');

    const mine = (await alice.request('GET', '/api/me/volunteers/points?pageSize=2')).body;
    assert.deepEqual([mine.status, mine.balance, mine.earned, mine.minutes, mine.hours], ['approved', 0, 50, 130, '2.2']);
    assert.equal(mine.ledger.total, 3);
    assert.deepEqual(mine.ledger.items.map((l: { delta: number; sourceKind: string; note: string }) => [l.delta, l.sourceKind, l.note]), [[-50, 'redemption', '洗衣液'], [1, 'activity', '敬老院慰问']]);
    const page2 = (await alice.request('GET', '/api/me/volunteers/points?pageSize=2&page=2')).body;
    assert.deepEqual(page2.ledger.items.map((l: { delta: number }) => l.delta), [49]);

    const D = '/api/volunteers/redemptions';
    const list = (await staffer.request('GET', `${D}?status=redeemed`)).body;
    assert.equal(list.total, 1);
    const did = list.items[0].id;
    assert.equal((await (await staff('street_official')).request('POST', `${D}/${did}/hand-over`)).status, 403);
    assert.equal((await (await staff('property_manager')).request('POST', `${D}/${did}/hand-over`)).status, 404);
    assert.equal((await staffer.request('POST', `${D}/${did}/hand-over`)).body.status, 'handed_over');
    await expectRefused(env.kernel, ['vol_redemptions', 'audit_log'], () => staffer.request('POST', `${D}/${did}/hand-over`), 409, 'ALREADY_HANDED_OVER');
    assert.equal((await staffer.request('GET', `${D}/export.xlsx`)).status, 200);
    assert.equal((await staffer.request('GET', '/api/volunteers/rewards')).body.items[0].stock, 5);
  });

  test('what a resident sees of rewards: their community’s offered ones, with their balance', async () => {
    const staffer = await staff('committee_staff');
    await staffer.request('POST', '/api/volunteers/rewards', { placeId: w.places.A, name: '体检套餐', points: 300, stock: 10 });
    const offered = (await (await resident()).request('GET', '/api/me/volunteers/rewards')).body;
    assert.equal(offered.communities.length, 1);
    assert.deepEqual(offered.communities[0].rewards.map((r: { name: string }) => r.name), ['体检套餐'], 'the withdrawn one is not offered');
    assert.equal((await people.sun.request('GET', '/api/me/volunteers/rewards')).body.communities.length, 0);
  });
});

describe('the other lists sort', () => {
  test('rewards by name, points, stock and time; teams by name, place and time', async () => {
    const staffer = await staff('committee_staff');
    const admin = await staff('platform_admin');
    const made: string[] = [];
    for (const [i, [name, points, stock]] of ([['排序乙', 30, 1], ['排序甲', 10, 3], ['排序丙', 20, 2]] as const).entries()) {
      const id = (await staffer.request('POST', '/api/volunteers/rewards', { placeId: w.places.C1, name, points, stock })).body.id as string;
      await write(w.ctx, (tx) => tx.updateTable('vol_rewards').set({ created_at: new Date(Date.UTC(2020, 0, 1 + i)) }).where('id', '=', id).execute());
      made.push(id);
    }
    const [b, a, c] = made as [string, string, string];
    const names = (await read(env.kernel).selectFrom('vol_rewards').select('id').where('id', 'in', made).orderBy('name').orderBy('id').execute()).map((r) => r.id);
    await expectSorts(env.kernel, admin, '/api/volunteers/rewards', RewardsSort, { name: names, points: [a, c, b], stock: [b, c, a], createdAt: [b, a, c] });

    const teams: string[] = [];
    for (const [i, [place, name]] of ([[w.places.A, '排序队乙'], [w.places.C1, '排序队甲']] as const).entries()) {
      const id = (await staffer.request('POST', '/api/volunteers/teams', { placeId: place, name })).body.id as string;
      await write(w.ctx, (tx) => tx.updateTable('vol_teams').set({ created_at: new Date(Date.UTC(2020, 0, 1 + i)) }).where('id', '=', id).execute());
      teams.push(id);
    }
    const [tA, tC1] = teams as [string, string];
    const byName = (await read(env.kernel).selectFrom('vol_teams').select('id').where('id', 'in', teams).orderBy('name').orderBy('id').execute()).map((r) => r.id);
    // C1's path is a prefix of A's: C1 first.
    await expectSorts(env.kernel, admin, '/api/volunteers/teams', TeamsSort, { name: byName, place: [tC1, tA], createdAt: [tA, tC1] });
  });
});
