import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { type Ctx, write } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import { type Client, ctxFor, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { countResidentAccountsUnder, createPlace } from '../registry/index.ts';
import { CLAIM_MINUTES } from './grid.emergency.constants.ts';
import { read } from './grid.db.ts';
import { claimHousehold } from './use-cases/emergency-claim.ts';
import { markHousehold } from './use-cases/emergency-mark.ts';

/**
 * Emergency mode (issue 25 §3): who declares and ends, over which places (the access matrix, inside and outside);
 * one active declaration per place; the urgent notice reaches every resident of the place and nobody else, and the
 * home's pinned section appears and goes with the mode; coverage per building equals the statuses counted by hand;
 * one visitor per household at a time (the lease, at its boundary); final statuses and a manager's correction;
 * a volunteer only in their assigned buildings, an unassigned resident refused; call-up slots at the boundary; and
 * after the end, every write refused (EMERGENCY_ENDED).
 */
const { env, w, setUp } = useWorld();
const E = '/api/grid/emergency';
const sessions = new Map<string, Promise<Client>>();
const as = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, signInClient(env.app, login === 'resident' ? '13800000001' : login, PASSWORD));
  return sessions.get(login)!;
};

/**
 * Besides the world: more households in 阳光花园 (1栋: 101, 102 and 104–107; 2栋: 201–203), accounts for the tenant
 * 陈涛 (A102) and 孙宁 (A201), and three approved volunteers of 阳光花园: 王丽 (the world's resident), 陈涛 and 孙宁.
 */
const x = setUp('the emergency world', async () => {
  const sys: Ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const u1 = w.places.A1.unit;
  const u2 = w.places.A2.unit;
  for (const [unit, name] of [
    [u1, '104'],
    [u1, '105'],
    [u1, '106'],
    [u1, '107'],
    [u2, '202'],
    [u2, '203'],
  ] as const) {
    const room = (await createPlace(sys, { parentId: unit, kind: 'room', name, room: { floor: Number(name[0]), area: '89.50', areaSource: 'register', use: 'residential' } })).id;
    await w.household(room, await w.person(w.places.A, `住户${name}`), 'owner');
  }
  const passwordHash = await hashPassword(PASSWORD);
  const sunning = (await sql<{ person_id: string }>`select person_id from reg_households where id = ${w.households.aliceTenantOfA201}`.execute(env.kernel.db)).rows[0]!.person_id;
  const [tomAccount, sunAccount] = await write(sys, async (tx) => [
    await createAccount(tx, env.kernel.pii, { phone: '13800000011', displayName: '陈涛', password: PASSWORD, passwordHash, personId: w.persons.tom }),
    await createAccount(tx, env.kernel.pii, { phone: '13800000012', displayName: '孙宁', password: PASSWORD, passwordHash, personId: sunning }),
  ]);
  const streetId = w.places.S;
  for (const [person, name] of [
    [w.persons.alice, '王丽'],
    [w.persons.tom, '陈涛'],
    [sunning, '孙宁'],
  ] as const)
    await sql`insert into vol_volunteers (street_id, id, person_id, person_name, place_id, status, reviewed_at, phone_masked) values (${streetId}, ${newId()}, ${person}, ${name}, ${w.places.A}, 'approved', '2025-01-01T00:00:00Z', '138****0001')`.execute(env.kernel.db);
  return { tomAccount, sunAccount, sunning };
});

const declare = async (login: string, placeId: string, reason = '台风过境，启动应急响应') => (await as(login)).request('POST', `${E}/declarations`, { placeId, level: 'general', reason });
const households = async (id: string) =>
  (await (await as('street_official')).request('GET', `${E}/declarations/${id}/households?pageSize=200`)).body.items as { id: string; buildingId: string; room: string; status: string }[];
let A: string;

test('who declares where: the street and the community secretary inside their places; others and outside refused; one active declaration per place', async () => {
  for (const login of ['committee_staff', 'grid_worker', 'property_manager', 'building_leader', 'resident']) {
    const r = await declare(login, w.places.A);
    assert.ok([403, 404].includes(r.status), `${login}: ${r.status}`);
  }
  const outside = await declare('community_secretary', w.places.B);
  assert.equal(outside.status, 404, 'the secretary of 一社区 cannot declare at 明月小区 (二社区)');
  const room = await declare('street_official', w.rooms.A101);
  assert.equal(room.body.error.code, 'EMERGENCY_PLACE_KIND');
  const ok = await declare('community_secretary', w.places.A);
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal(ok.body.households, 9, 'one row per household: 1栋 six, 2栋 three (A103 has nobody)');
  A = ok.body.id;
  const again = await declare('street_official', w.places.A);
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'ALREADY_IN_EMERGENCY');
  const none = await read(env.kernel).selectFrom('grid_emergency_declarations').select('id').where('place_id', '=', w.places.A).execute();
  assert.equal(none.length, 1, 'the refused declaration wrote nothing');
});

test('the urgent notice reaches every resident of the place with an account, and nobody elsewhere; the home pins it', async () => {
  const db = read(env.kernel);
  const sent = await db
    .selectFrom('notify_batches as b')
    .innerJoin('notify_messages as m', 'm.batch_id', 'b.id')
    .select(['m.account_id', 'b.urgent'])
    .where('b.template', '=', 'grid.emergency.declared')
    .where('b.subject_id', '=', A)
    .execute();
  const place = await db.selectFrom('street_places').select('path').where('id', '=', w.places.A).executeTakeFirstOrThrow();
  assert.equal(new Set(sent.map((s) => s.account_id)).size, await countResidentAccountsUnder(db, place.path));
  assert.deepEqual(new Set(sent.map((s) => s.account_id)), new Set([w.accounts.resident, x.tomAccount, x.sunAccount]));
  assert.ok(sent.every((s) => s.urgent));
  // A resident of another compound (明月小区) with an account: not told, no pinned notice.
  const bobAccount = await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) =>
    createAccount(tx, env.kernel.pii, { phone: '13800000013', displayName: '李波', password: PASSWORD, passwordHash: '', personId: w.persons.bob }),
  );
  assert.ok(!sent.some((s) => s.account_id === bobAccount));
  const home = (await (await as('resident')).request('GET', '/api/me/home')).body;
  assert.equal(home.gridEmergency?.length, 1);
  assert.equal(home.gridEmergency[0].placeName, '阳光花园');
  const bobHome = await ctxFor(env.kernel, bobAccount);
  const { emergencyResidentHome } = await import('./use-cases/emergency-resident-home.ts');
  assert.deepEqual(await emergencyResidentHome(bobHome), {});
});

test('reading: each role inside its place reads the declaration, outside not; residents are refused the workbench', async () => {
  for (const login of ['street_official', 'community_secretary', 'committee_staff', 'grid_worker', 'building_leader', 'property_manager', 'property_staff', 'platform_admin']) {
    const r = await (await as(login)).request('GET', `${E}/declarations/${A}`);
    assert.equal(r.status, 200, login);
    const list = await (await as(login)).request('GET', `${E}/declarations`);
    assert.ok(list.body.items.some((d: { id: string }) => d.id === A), login);
  }
  for (const login of ['department_reviewer', 'resident', 'assessor']) {
    const r = await (await as(login)).request('GET', `${E}/declarations/${A}`);
    assert.equal(r.status, 404, login);
  }
  assert.equal((await (await as('resident')).request('GET', `${E}/declarations`)).status, 403);
  // A declaration at 明月小区 (二社区): 一社区's staff do not see it.
  const B = await declare('street_official', w.places.B);
  assert.equal(B.status, 201);
  for (const login of ['community_secretary', 'grid_worker', 'property_staff']) assert.equal((await (await as(login)).request('GET', `${E}/declarations/${B.body.id}`)).status, 404, login);
  assert.equal((await (await as('street_official')).request('POST', `${E}/declarations/${B.body.id}/end`, { summary: '误报' })).status, 200);
});

test('assignment: staff who may screen over the building or approved volunteers of the place; others refused', async () => {
  const sec = await as('community_secretary');
  const assign = (body: object, login = 'community_secretary') => as(login).then((s) => s.request('POST', `${E}/declarations/${A}/assignments`, body));
  assert.equal((await assign({ buildingId: w.places.A1.building, accountId: w.accounts.grid_worker })).status, 201);
  assert.equal((await assign({ buildingId: w.places.A1.building, personId: w.persons.alice })).status, 201, 'the volunteer 王丽 gets 1栋');
  assert.equal((await assign({ buildingId: w.places.A2.building, personId: x.sunning })).status, 201, 'the volunteer 孙宁 gets 2栋');
  assert.equal((await assign({ buildingId: w.places.A2.building, accountId: w.accounts.building_leader })).body.error.code, 'VISITOR_NOT_ELIGIBLE', 'the leader of 1栋 cannot visit 2栋');
  assert.equal((await assign({ buildingId: w.places.A1.building, accountId: w.accounts.department_reviewer })).body.error.code, 'VISITOR_NOT_ELIGIBLE');
  assert.equal((await assign({ buildingId: w.places.A1.building, personId: w.persons.bob })).body.error.code, 'VISITOR_NOT_ELIGIBLE', 'not a volunteer here');
  assert.equal((await assign({ buildingId: w.places.B1.building, accountId: w.accounts.grid_worker })).body.error.code, 'BUILDING_NOT_FOUND');
  for (const login of ['grid_worker', 'property_staff', 'building_leader']) assert.equal((await assign({ buildingId: w.places.A1.building, accountId: w.accounts.property_staff }, login)).status, 404, login);
  const view = (await sec.request('GET', `${E}/declarations/${A}`)).body;
  assert.equal(view.assignments.length, 3);
});

test('one visitor per household at a time: the lease holds for 15 minutes, to the millisecond', async () => {
  const hs = await households(A);
  const h = hs.find((r) => r.buildingId === w.places.A1.building)!;
  const t0 = new Date('2026-11-22T02:00:00Z');
  const atT = async (accountId: string, when: Date) => ({ ...(await ctxFor(env.kernel, accountId)), kernel: { ...env.kernel, clock: { now: () => when } } });
  await claimHousehold(await atT(w.accounts.grid_worker, t0), h.id);
  const until = new Date(t0.getTime() + CLAIM_MINUTES * 60_000);
  await assert.rejects(claimHousehold(await atT(w.accounts.resident, new Date(until.getTime() - 1)), h.id), { code: 'HOUSEHOLD_HELD' });
  await assert.rejects(markHousehold(await atT(w.accounts.resident, new Date(until.getTime() - 1)), h.id, { status: 'visited', need: '', answers: {} }), { code: 'HOUSEHOLD_HELD' });
  // At the lease's end it is free: the volunteer claims it, and now the grid worker is the one refused.
  await claimHousehold(await atT(w.accounts.resident, until), h.id);
  await assert.rejects(markHousehold(await atT(w.accounts.grid_worker, new Date(until.getTime() + 1000)), h.id, { status: 'visited', need: '', answers: {} }), { code: 'HOUSEHOLD_HELD' });
  const row = await read(env.kernel).selectFrom('grid_emergency_households').select(['status', 'claimed_by']).where('id', '=', h.id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'pending', claimed_by: w.accounts.resident });
  // Two visitors at once over HTTP: exactly one claim wins.
  const other = hs.filter((r) => r.buildingId === w.places.A1.building)[1]!;
  const [a, b] = await Promise.all([(await as('grid_worker')).request('POST', `${E}/households/${other.id}/claim`), (await as('resident')).request('POST', `${E}/households/${other.id}/claim`)]);
  assert.deepEqual([a.status, b.status].sort(), [200, 409]);
  // Let both go for the next tests (a manager's correction back to pending).
  for (const id of [h.id, other.id]) assert.equal((await (await as('committee_staff')).request('POST', `${E}/households/${id}/correct`, { status: 'pending', note: '重新排查' })).status, 200);
});

test('a volunteer marks only in their buildings; an unassigned resident is refused; final statuses stay unless corrected', async () => {
  const hs = await households(A);
  const in1 = hs.filter((r) => r.buildingId === w.places.A1.building);
  const in2 = hs.filter((r) => r.buildingId === w.places.A2.building);
  const alice = await as('resident');
  assert.equal((await alice.request('POST', `${E}/households/${in2[0]!.id}/claim`)).body.error.code, 'NOT_ASSIGNED', '王丽 has 1栋 only');
  const tom = await as('13800000011');
  assert.equal((await tom.request('POST', `${E}/households/${in1[0]!.id}/claim`)).status, 403, '陈涛 is assigned nothing');
  assert.equal((await tom.request('POST', `${E}/households/${in1[0]!.id}/mark`, { status: 'visited' })).status, 403);
  const mine = (await alice.request('GET', '/api/me/grid/emergency/visits')).body;
  assert.deepEqual(
    mine.buildings.map((b: { buildingId: string }) => b.buildingId),
    [w.places.A1.building],
  );
  assert.equal((await alice.request('POST', `${E}/households/${in1[0]!.id}/mark`, { status: 'needs_help' })).status, 400, 'help needs the need');
  assert.equal((await alice.request('POST', `${E}/households/${in1[0]!.id}/mark`, { status: 'visited', answers: { '7': 'yes' } })).body.error.code, 'ANSWERS_INVALID');
  assert.equal((await alice.request('POST', `${E}/households/${in1[0]!.id}/claim`)).status, 200);
  assert.equal((await alice.request('POST', `${E}/households/${in1[0]!.id}/mark`, { status: 'visited', answers: { '0': 'yes', '1': 'no' } })).status, 200);
  assert.equal((await alice.request('POST', `${E}/households/${in1[0]!.id}/claim`)).body.error.code, 'HOUSEHOLD_FINAL');
  assert.equal((await alice.request('POST', `${E}/households/${in1[1]!.id}/mark`, { status: 'nobody_home' })).status, 200, 'free: claimed and marked in one step');
  assert.equal((await alice.request('POST', `${E}/households/${in1[1]!.id}/mark`, { status: 'visited' })).status, 200, 'nobody home is visited again');
  const marks = await read(env.kernel).selectFrom('grid_emergency_household_marks').select('status').where('household_id', '=', in1[1]!.id).where('corrected', '=', false).orderBy('at').execute();
  assert.deepEqual(
    marks.map((m) => m.status),
    ['nobody_home', 'visited'],
  );
  // A visitor cannot correct; a manager can, audited.
  assert.equal((await (await as('grid_worker')).request('POST', `${E}/households/${in1[0]!.id}/correct`, { status: 'refused', note: 'x' })).status, 404);
  assert.equal((await (await as('committee_staff')).request('POST', `${E}/households/${in1[0]!.id}/correct`, { status: 'refused', note: '住户电话确认拒绝入户' })).status, 200);
  const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'grid.emergency.corrected' and subject_id = ${in1[0]!.id}`.execute(env.kernel.db);
  assert.equal(audits.rows[0]!.n, 2, 'the lease test’s reset and this correction');
});

test('coverage per building equals the households’ statuses counted by hand after a scripted set of marks', async () => {
  const hs = await households(A);
  const in1 = hs.filter((r) => r.buildingId === w.places.A1.building);
  const in2 = hs.filter((r) => r.buildingId === w.places.A2.building);
  const wg = await as('grid_worker');
  const sun = await as('13800000012');
  // So far: 1栋 [0] refused (corrected), [1] visited; now [2] needs help, [3] nobody home; 2栋 [0] visited.
  assert.equal((await wg.request('POST', `${E}/households/${in1[2]!.id}/mark`, { status: 'needs_help', need: '独居老人需代购药品' })).status, 200);
  assert.equal((await wg.request('POST', `${E}/households/${in1[3]!.id}/mark`, { status: 'nobody_home' })).status, 200);
  assert.equal((await sun.request('POST', `${E}/households/${in2[0]!.id}/mark`, { status: 'visited' })).status, 200);
  const c = (await wg.request('GET', `${E}/declarations/${A}/coverage`)).body;
  const b1 = c.buildings.find((b: { buildingId: string }) => b.buildingId === w.places.A1.building);
  const b2 = c.buildings.find((b: { buildingId: string }) => b.buildingId === w.places.A2.building);
  assert.deepEqual(b1.counts, { pending: 2, visited: 1, nobody_home: 1, refused: 1, needs_help: 1 });
  assert.equal(b1.households, 6);
  assert.equal(b1.covered, 4);
  assert.equal(b1.share, 4 / 6);
  assert.deepEqual(b2.counts, { pending: 2, visited: 1, nobody_home: 0, refused: 0, needs_help: 0 });
  assert.equal(b2.share, 1 / 3);
  assert.deepEqual([c.total.households, c.total.covered], [9, 5]);
  // The list filters by status and building, and exports.
  const list = (await wg.request('GET', `${E}/declarations/${A}/households?status=needs_help`)).body;
  assert.equal(list.total, 1);
  assert.equal(list.items[0].need, '独居老人需代购药品');
  assert.equal((await wg.request('GET', `${E}/declarations/${A}/households?buildingId=${w.places.A2.building}`)).body.total, 3);
  assert.equal((await wg.request('GET', `${E}/declarations/${A}/households/export.xlsx?status=needs_help`)).status, 200);
  assert.equal((await wg.request('GET', `${E}/declarations/export.xlsx`)).status, 200);
  assert.equal((await (await as('resident')).request('GET', `${E}/declarations/${A}/households/export.xlsx`)).status, 404, 'a resident exports nothing');
});

test('call-ups: the N+1st volunteer finds it full; only the place’s volunteers answer; one answer each', async () => {
  const sec = await as('community_secretary');
  const r = await sec.request('POST', `${E}/declarations/${A}/call-ups`, { task: '搬运饮用水', slots: 2, meetingPoint: '东门', meetAt: '2026-11-23T08:00:00+08:00' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.notified, 3, 'the three volunteers with accounts are told');
  const id = r.body.id;
  const answer = async (login: string, a = 'accepted') => (await as(login)).request('POST', `/api/me/grid/emergency/call-ups/${id}/answer`, { answer: a });
  assert.equal((await answer('resident')).status, 200);
  assert.equal((await answer('resident')).body.error.code, 'CALL_UP_ANSWERED');
  assert.equal((await answer('13800000011')).body.taken, 2, 'the Nth takes the last slot');
  assert.equal((await answer('13800000012')).body.error.code, 'CALL_UP_FULL', 'the N+1st finds it full');
  assert.equal((await answer('13800000012', 'declined')).status, 200, 'declining takes no slot');
  assert.equal((await answer('grid_worker')).body.error.code, 'NOT_A_VOLUNTEER');
  const mine = (await (await as('13800000011')).request('GET', '/api/me/grid/emergency/call-ups')).body;
  assert.equal(mine[0].myAnswer, 'accepted');
  const reserve = (await sec.request('GET', `${E}/declarations/${A}/reserve`)).body;
  assert.deepEqual([reserve.volunteers, reserve.target], [3, 0.15]);
  assert.ok(reserve.residents >= 9);
});

test('rosters: a manager puts staff or volunteers on duty; a shift must end after it starts', async () => {
  const sec = await as('committee_staff');
  const ok = await sec.request('POST', `${E}/declarations/${A}/rosters`, { day: '2026-11-22', post: 'command', accountId: w.accounts.grid_worker, shiftStart: '08:00', shiftEnd: '20:00' });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal((await sec.request('POST', `${E}/declarations/${A}/rosters`, { day: '2026-11-22', post: 'patrol', personId: w.persons.tom, shiftStart: '20:00', shiftEnd: '24:00' })).status, 201);
  assert.equal((await sec.request('POST', `${E}/declarations/${A}/rosters`, { day: '2026-11-22', post: 'watch', accountId: w.accounts.grid_worker, shiftStart: '20:00', shiftEnd: '08:00' })).body.error.code, 'SHIFT_INVALID');
  assert.equal((await (await as('grid_worker')).request('POST', `${E}/declarations/${A}/rosters`, { day: '2026-11-22', post: 'watch', accountId: w.accounts.grid_worker, shiftStart: '08:00', shiftEnd: '09:00' })).status, 404);
  const view = (await sec.request('GET', `${E}/declarations/${A}`)).body;
  assert.equal(view.rosters.length, 2);
  assert.match(view.rosters[1].phoneMasked ?? '', /^(\d{3}\*{4}\d{4})?$/);
});

test('after the end every record is read-only: each write answers EMERGENCY_ENDED and changes nothing; the pinned notice goes', async () => {
  const view = (await (await as('street_official')).request('GET', `${E}/declarations/${A}`)).body;
  const hs = await households(A);
  const pending1 = hs.find((r) => r.buildingId === w.places.A1.building && r.status === 'pending')!;
  const roster = view.rosters[0].id;
  const assignment = view.assignments[0].id;
  const callUp = view.callUps[0].id;
  assert.equal((await (await as('grid_worker')).request('POST', `${E}/declarations/${A}/end`, { summary: 'x' })).status, 404, 'a grid worker cannot end it');
  const end = await (await as('community_secretary')).request('POST', `${E}/declarations/${A}/end`, { summary: '应急响应结束' });
  assert.equal(end.status, 200);
  const db = read(env.kernel);
  const count = async () =>
    (await sql<{ n: string }>`select (select count(*) from grid_emergency_household_marks) + (select count(*) from grid_emergency_rosters) + (select count(*) from grid_emergency_assignments) + (select count(*) from grid_emergency_callup_answers) + (select count(*) from grid_emergency_callups) + (select count(*) from audit_log) as n`.execute(db)).rows[0]!.n;
  const before = await count();
  const writes: [string, string, string, object?][] = [
    ['community_secretary', 'POST', `${E}/declarations/${A}/end`, { summary: '再次结束' }],
    ['grid_worker', 'POST', `${E}/households/${pending1.id}/claim`],
    ['grid_worker', 'POST', `${E}/households/${pending1.id}/mark`, { status: 'visited' }],
    ['committee_staff', 'POST', `${E}/households/${pending1.id}/correct`, { status: 'visited', note: '补录' }],
    ['committee_staff', 'POST', `${E}/declarations/${A}/assignments`, { buildingId: w.places.A2.building, accountId: w.accounts.grid_worker }],
    ['committee_staff', 'DELETE', `${E}/assignments/${assignment}`],
    ['committee_staff', 'POST', `${E}/declarations/${A}/rosters`, { day: '2026-11-23', post: 'watch', accountId: w.accounts.grid_worker, shiftStart: '08:00', shiftEnd: '20:00' }],
    ['committee_staff', 'DELETE', `${E}/rosters/${roster}`],
    ['committee_staff', 'POST', `${E}/declarations/${A}/call-ups`, { task: '送水', slots: 2, meetAt: '2026-11-23T08:00:00+08:00' }],
    ['13800000012', 'POST', `/api/me/grid/emergency/call-ups/${callUp}/answer`, { answer: 'accepted' }],
    ['committee_staff', 'POST', `${E}/declarations/${A}/screening`, {}],
  ];
  for (const [login, method, url, body] of writes) {
    const r = await (await as(login)).request(method as 'POST', url, body);
    assert.equal(r.status, 409, `${method} ${url}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error.code, 'EMERGENCY_ENDED', url);
  }
  assert.equal(await count(), before, 'nothing written');
  const home = (await (await as('resident')).request('GET', '/api/me/home')).body;
  assert.equal(home.gridEmergency, undefined, 'the pinned notice is gone');
  assert.equal((await (await as('resident')).request('GET', '/api/me/grid/emergency/visits')).body.buildings.length, 0);
  // The place may be declared again.
  const again = await declare('street_official', w.places.A, '再次启动');
  assert.equal(again.status, 201);
  assert.equal((await (await as('street_official')).request('POST', `${E}/declarations/${again.body.id}/end`, { summary: '测试结束' })).status, 200);
});
