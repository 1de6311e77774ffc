import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { newId } from '../../kernel/ids.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { expectRefused } from '../../test/harness.ts';
import { read, write } from './volunteers.db.ts';
import { CODE_WINDOW_MS } from './volunteers.activities.constants.ts';
import { codeAt, matchCode, windowOf } from './use-cases/activities-code.ts';
import { serviceMinutes, servicePoints } from './use-cases/activities-access.ts';
import { remindActivities } from './use-cases/activities-remind.ts';

/**
 * Volunteer activities: publishing (notices to the place's approved volunteers), sign-up under a capacity held by one
 * conditional update (concurrent sign-ups never exceed it), cancelling before the start, the rotating sign-in/out
 * codes (the current window and the one before accepted, two windows ago CODE_EXPIRED, another activity's code
 * refused), hours capped at the activity's length with points ⌊minutes × points per hour / 60⌋ credited once on
 * confirmation, the certificate and its public record, and who may do what.
 */
const { env, w, afterSetUp } = useWorld();
const T = '/api/volunteers/activities';
const M = '/api/me/volunteers/activities';
const vol: Record<'alice' | 'tom' | 'bob' | 'sun' | 'pending', string> = {} as never;
const person: Record<'sun' | 'pending', string> = {} as never;
const PHONES = { tom: '13800000012', bob: '13800000013', sun: '13800000014', pending: '13800000015' } as const;

afterSetUp(async () => {
  person.sun = await w.person(w.places.A, '孙芳');
  person.pending = await w.person(w.places.A, '钱进');
  await w.household(w.rooms.A103, person.sun, 'owner');
  const hash = await hashPassword(PASSWORD);
  await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, async (tx) => {
    const add = async (key: keyof typeof vol, personId: string, name: string, placeId: string, status: 'approved' | 'pending' = 'approved') => {
      vol[key] = newId();
      await tx.insertInto('vol_volunteers').values({ street_id: w.places.S, id: vol[key], person_id: personId, person_name: name, place_id: placeId, status }).execute();
    };
    await add('alice', w.persons.alice, '王丽', w.places.A);
    await add('tom', w.persons.tom, '陈涛', w.places.A);
    await add('bob', w.persons.bob, '李波', w.places.B);
    await add('sun', person.sun, '孙芳', w.places.A);
    await add('pending', person.pending, '钱进', w.places.A, 'pending');
    await createAccount(tx, env.kernel.pii, { phone: PHONES.tom, displayName: '陈涛', password: PASSWORD, passwordHash: hash, personId: w.persons.tom });
    await createAccount(tx, env.kernel.pii, { phone: PHONES.bob, displayName: '李波', password: PASSWORD, passwordHash: hash, personId: w.persons.bob });
    await createAccount(tx, env.kernel.pii, { phone: PHONES.sun, displayName: '孙芳', password: PASSWORD, passwordHash: hash, personId: person.sun });
    await createAccount(tx, env.kernel.pii, { phone: PHONES.pending, displayName: '钱进', password: PASSWORD, passwordHash: hash, personId: person.pending });
  });
});

// One session per login (signing in again and again would meet the login rate limit).
// Signed in again when the test clock has moved on past a session's idle time.
const sessions = new Map<string, { at: number; client: Promise<Client> }>();
const session = (login: string) => {
  const known = sessions.get(login);
  if (known && env.clock.now().getTime() - known.at < 10 * 60_000) return known.client;
  const client = signInClient(env.app, login, PASSWORD);
  sessions.set(login, { at: env.clock.now().getTime(), client });
  return client;
};
const staff = (role: string) => session(role);
const resident = (who: 'alice' | keyof typeof PHONES) => session(who === 'alice' ? '13800000001' : PHONES[who]);
const now = () => env.clock.now().getTime();
const iso = (ms: number) => new Date(ms).toISOString();
const TABLES = ['vol_activities', 'vol_activity_signups', 'vol_points_ledger', 'vol_point_accounts', 'audit_log'];

/** An activity starting `inMinutes` from the test clock, lasting `minutes`. */
const body = (over: Record<string, unknown> = {}, inMinutes = 24 * 60, minutes = 120) => ({
  placeId: w.places.A,
  title: '垃圾分类宣传',
  venue: '小区中心广场',
  startsAt: iso(now() + inMinutes * 60_000),
  endsAt: iso(now() + (inMinutes + minutes) * 60_000),
  capacity: 10,
  pointsPerHour: 10,
  ...over,
});
async function publish(over: Record<string, unknown> = {}, inMinutes?: number, minutes?: number, by?: Client): Promise<string> {
  const shuji = by ?? (await staff('community_secretary'));
  const res = await shuji.request('POST', T, body(over, inMinutes, minutes));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}
const secretOf = async (id: string) => (await read(env.kernel).selectFrom('vol_activities').select('code_secret').where('id', '=', id).executeTakeFirstOrThrow()).code_secret;
const signupOf = (id: string, personId: string) =>
  read(env.kernel).selectFrom('vol_activity_signups').selectAll().where('activity_id', '=', id).where('person_id', '=', personId).executeTakeFirstOrThrow();
const balanceOf = async (personId: string) =>
  (await read(env.kernel).selectFrom('vol_point_accounts').select(['balance', 'minutes']).where('person_id', '=', personId).executeTakeFirst()) ?? { balance: 0, minutes: 0 };

describe('the code and the hours, as functions', () => {
  test('a code is the current or the previous window of its own activity and mode; two windows ago is expired', () => {
    const at = new Date('2026-11-22T01:00:00Z');
    const w0 = windowOf(at);
    const code = codeAt('secret-a', 'in', w0);
    assert.match(code, /^\d{6}$/);
    assert.deepEqual(matchCode('secret-a', code, at), { mode: 'in' });
    assert.deepEqual(matchCode('secret-a', code, new Date(at.getTime() + CODE_WINDOW_MS)), { mode: 'in' }, 'the previous window');
    assert.equal(matchCode('secret-a', code, new Date(at.getTime() + 2 * CODE_WINDOW_MS)), 'expired', 'two windows ago');
    assert.deepEqual(matchCode('secret-a', codeAt('secret-a', 'out', w0), at), { mode: 'out' });
    assert.notEqual(codeAt('secret-b', 'in', w0), code, 'another secret, another code');
    assert.equal(matchCode('secret-b', code, at), null);
  });

  test('minutes are whole, capped at the length; points are ⌊minutes × per hour / 60⌋', () => {
    const a = { startsAt: new Date('2026-11-22T01:00:00Z'), endsAt: new Date('2026-11-22T03:00:00Z') };
    assert.equal(serviceMinutes(a, new Date('2026-11-22T00:50:00Z'), new Date('2026-11-22T03:20:00Z')), 120, '150 served, capped at 120');
    assert.equal(serviceMinutes(a, new Date('2026-11-22T01:00:00Z'), new Date('2026-11-22T02:34:59Z')), 94, '94 min 59 s is 94');
    assert.equal(serviceMinutes(a, new Date('2026-11-22T01:00:00Z'), new Date('2026-11-22T03:00:00Z')), 120, 'exactly the length');
    assert.equal(servicePoints(94, 10), 15, '940 / 60 = 15.67');
    assert.equal(servicePoints(96, 10), 16, '960 / 60 = 16');
    assert.equal(servicePoints(4, 12), 0, '48 / 60');
    assert.equal(servicePoints(5, 12), 1, '60 / 60');
    assert.equal(servicePoints(120, 0), 0);
  });
});

describe('publishing', () => {
  test("notifies the approved volunteers at or under the place, not others; refusals write nothing", async () => {
    const shuji = await staff('community_secretary');
    const res = await shuji.request('POST', T, body({ title: '通知测试' }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.notified, 3, '王丽, 陈涛 and 孙芳 have accounts at A; 钱进 is pending, 李波 is at B');
    const bobInbox = await env.kernel.db
      .selectFrom('notify_messages as m')
      .innerJoin('notify_batches as b', 'b.id', 'm.batch_id')
      .innerJoin('accounts as ac', 'ac.id', 'm.account_id')
      .select('b.template')
      .where('ac.person_id', '=', w.persons.bob)
      .where('b.subject_id', '=', res.body.id)
      .execute();
    assert.equal(bobInbox.length, 0);
    await expectRefused(env.kernel, TABLES, () => shuji.request('POST', T, body({ placeId: w.places.G1 })), 400, 'ACTIVITY_PLACE_INVALID');
    await expectRefused(env.kernel, TABLES, () => shuji.request('POST', T, body({ placeId: w.places.B })), 404, 'PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => shuji.request('POST', T, body({ endsAt: body().startsAt })), 400, 'TIMES_INVALID');
    const grid = await staff('grid_worker');
    const alice = await resident('alice');
    await expectRefused(env.kernel, TABLES, () => grid.request('POST', T, body()), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => alice.request('POST', T, body()), 403, 'FORBIDDEN');
  });

  test('cancelling tells those signed up and stops sign-up; cancelling twice is refused', async () => {
    const shuji = await staff('community_secretary');
    const id = await publish({ title: '取消测试' });
    const alice = await resident('alice');
    assert.equal((await alice.request('POST', `${M}/${id}/sign-up`)).status, 201);
    assert.equal((await shuji.request('POST', `${T}/${id}/cancel`, { reason: '天气原因' })).status, 200);
    await expectRefused(env.kernel, TABLES, () => shuji.request('POST', `${T}/${id}/cancel`, { reason: '再次' }), 409, 'ACTIVITY_CLOSED');
    const tom = await resident('tom');
    await expectRefused(env.kernel, TABLES, () => tom.request('POST', `${M}/${id}/sign-up`), 409, 'ACTIVITY_CLOSED');
    await expectRefused(env.kernel, TABLES, () => shuji.request('GET', `${T}/${id}/code`), 409, 'ACTIVITY_CLOSED');
  });
});

describe('sign-up and capacity', () => {
  test('concurrent sign-ups never exceed the capacity: exactly the capacity get in, the rest ACTIVITY_FULL', async () => {
    const id = await publish({ title: '名额测试', capacity: 2 });
    const clients = await Promise.all((['alice', 'tom', 'bob', 'sun'] as const).map((who) => resident(who)));
    const answers = await Promise.all(clients.map((c) => c.request('POST', `${M}/${id}/sign-up`)));
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 201, 409, 409], JSON.stringify(answers.map((a) => a.body)));
    assert.ok(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'ACTIVITY_FULL'));
    const row = await read(env.kernel).selectFrom('vol_activities').select('signed_up').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.signed_up, 2);
    const live = await read(env.kernel).selectFrom('vol_activity_signups').select('id').where('activity_id', '=', id).where('status', '=', 'signed_up').execute();
    assert.equal(live.length, 2);
  });

  test('a volunteer of another compound of the street may sign up; twice is refused; cancelling before the start frees the seat', async () => {
    const id = await publish({ title: '取消报名', capacity: 1 });
    const bob = await resident('bob');
    const tom = await resident('tom');
    assert.equal((await bob.request('POST', `${M}/${id}/sign-up`)).status, 201);
    await expectRefused(env.kernel, TABLES, () => bob.request('POST', `${M}/${id}/sign-up`), 409, 'ALREADY_SIGNED_UP');
    await expectRefused(env.kernel, TABLES, () => tom.request('POST', `${M}/${id}/sign-up`), 409, 'ACTIVITY_FULL');
    assert.equal((await bob.request('POST', `${M}/${id}/cancel-sign-up`)).status, 200);
    await expectRefused(env.kernel, TABLES, () => bob.request('POST', `${M}/${id}/cancel-sign-up`), 403, 'NOT_SIGNED_UP');
    assert.equal((await tom.request('POST', `${M}/${id}/sign-up`)).status, 201, 'the freed seat');
    await expectRefused(env.kernel, TABLES, () => bob.request('POST', `${M}/${id}/sign-up`), 409, 'ACTIVITY_FULL');
  });

  test('only an approved volunteer signs up; cancelling after the start is refused', async () => {
    const id = await publish({ title: '开始后取消' }, 1, 60);
    const pending = await resident('pending');
    await expectRefused(env.kernel, TABLES, () => pending.request('POST', `${M}/${id}/sign-up`), 403, 'NOT_A_VOLUNTEER');
    const sun = await resident('sun');
    assert.equal((await sun.request('POST', `${M}/${id}/sign-up`)).status, 201);
    assert.equal((await sun.request('POST', `${M}/${id}/cancel-sign-up`)).status, 200);
    const again = await sun.request('POST', `${M}/${id}/sign-up`);
    assert.deepEqual([again.status, again.body.signedUp], [201, 1], 'signing up again revives the sign-up and takes one seat');
    assert.equal((await read(env.kernel).selectFrom('vol_activity_signups').select('id').where('activity_id', '=', id).execute()).length, 1);
    env.clock.advance(60_000);
    await expectRefused(env.kernel, TABLES, () => sun.request('POST', `${M}/${id}/cancel-sign-up`), 409, 'CANCEL_TOO_LATE');
  });
});

describe('the rotating code', () => {
  test("the current window's code signs in, the previous one too; two windows ago is CODE_EXPIRED; another activity's code is refused (NOT_SIGNED_UP)", async () => {
    // Start at a window's beginning, so that advancing by one window lands in the next.
    env.clock.advance(CODE_WINDOW_MS - (now() % CODE_WINDOW_MS));
    let shuji = await staff('community_secretary');
    const id = await publish({ title: '签到码测试' }, 0, 120);
    const other = await publish({ title: '别的活动' }, 0, 120);
    let alice = await resident('alice');
    const tom = await resident('tom');
    for (const c of [alice, tom]) assert.equal((await c.request('POST', `${M}/${id}/sign-up`)).status, 201);
    const shown = await shuji.request('GET', `${T}/${id}/code?mode=in`);
    assert.equal(shown.status, 200);
    assert.match(shown.body.code, /^\d{6}$/);
    assert.equal(shown.body.mode, 'in');
    assert.equal(JSON.stringify(shown.body).includes(await secretOf(id)), false, 'the secret never leaves the server');
    const otherCode = (await shuji.request('GET', `${T}/${other}/code?mode=in`)).body.code;
    if (otherCode !== shown.body.code) await expectRefused(env.kernel, TABLES, () => alice.request('POST', `${M}/check-in`, { code: otherCode }), 403, 'NOT_SIGNED_UP');
    await expectRefused(env.kernel, TABLES, () => alice.request('POST', `${M}/check-in`, { code: shown.body.code === '000000' ? '000001' : '000000' }), 400, 'CODE_INVALID');
    // The sign-out code before a sign-in.
    const outCode = (await shuji.request('GET', `${T}/${id}/code?mode=out`)).body.code;
    await expectRefused(env.kernel, TABLES, () => alice.request('POST', `${M}/check-in`, { code: outCode }), 409, 'NOT_SIGNED_IN');

    env.clock.advance(CODE_WINDOW_MS);
    const signedIn = await alice.request('POST', `${M}/check-in`, { code: shown.body.code });
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
    assert.deepEqual([signedIn.body.mode, signedIn.body.already, signedIn.body.activityId], ['in', false, id], 'the previous window is accepted');
    const again = await alice.request('POST', `${M}/check-in`, { code: shown.body.code });
    assert.equal(again.body.already, true, `a repeat answers as the first: ${JSON.stringify(again.body)}`);

    env.clock.advance(CODE_WINDOW_MS);
    await expectRefused(env.kernel, TABLES, () => tom.request('POST', `${M}/check-in`, { code: shown.body.code }), 400, 'CODE_EXPIRED');
    const fresh = (await shuji.request('GET', `${T}/${id}/code?mode=in`)).body.code;
    assert.equal((await tom.request('POST', `${M}/check-in`, { code: fresh })).body.mode, 'in');

    // Sign-out with the current sign-out code: the minutes so far.
    env.clock.advance(45 * 60_000);
    shuji = await staff('community_secretary');
    alice = await resident('alice');
    const out = (await shuji.request('GET', `${T}/${id}/code?mode=out`)).body.code;
    const signedOut = await alice.request('POST', `${M}/check-in`, { code: out });
    assert.equal(signedOut.body.mode, 'out');
    assert.equal(signedOut.body.minutes, 45, 'signed in one window after the start, out one window and 45 min later: 45 min 30 s → 45');
    const detail = (await shuji.request('GET', `${T}/${id}`)).body;
    assert.equal(detail.counts.signedIn, 2);
    assert.equal(detail.counts.signedOut, 1);
    assert.equal(detail.counts.toConfirm, 1);
  });

  test('only the organisers see the code', async () => {
    const id = await publish({ title: '谁能看码' });
    assert.equal((await (await staff('committee_staff')).request('GET', `${T}/${id}/code`)).status, 200);
    assert.equal((await (await staff('street_official')).request('GET', `${T}/${id}/code`)).status, 200);
    const grid = await (await staff('grid_worker')).request('GET', `${T}/${id}/code`);
    assert.equal(grid.status, 403);
    const admin = await (await staff('platform_admin')).request('GET', `${T}/${id}/code`);
    assert.equal(admin.status, 403, 'the platform admin reads, does not organise');
    assert.equal((await (await staff('property_manager')).request('GET', `${T}/${id}/code`)).status, 404);
    assert.equal((await (await resident('alice')).request('GET', `${T}/${id}/code`)).status, 404);
  });
});

describe('hours and their confirmation', () => {
  test('capped at the length, floored to points, credited once; one never signed out gets nothing until recorded by hand', async () => {
    let shuji = await staff('community_secretary');
    const start = now() + 10 * 60_000;
    const id = await publish({ title: '时长测试', pointsPerHour: 10 }, 10, 120);
    let who = { alice: await resident('alice'), tom: await resident('tom'), sun: await resident('sun') };
    for (const c of Object.values(who)) assert.equal((await c.request('POST', `${M}/${id}/sign-up`)).status, 201);
    const before = { alice: await balanceOf(w.persons.alice), tom: await balanceOf(w.persons.tom), sun: await balanceOf(person.sun) };
    // 王丽 signs in 10 minutes before the start and out 20 minutes after the end: 150 served, capped at 120 → 20 points.
    const secret = await secretOf(id);
    assert.equal((await who.alice.request('POST', `${M}/check-in`, { code: codeAt(secret, 'in', windowOf(env.clock.now())) })).body.mode, 'in');
    // 陈涛 by hand: 94 min 59 s → 94 min → ⌊940/60⌋ = 15 points. 孙芳 signs in but never out.
    assert.equal((await who.sun.request('POST', `${M}/check-in`, { code: codeAt(secret, 'in', windowOf(env.clock.now())) })).body.mode, 'in');
    env.clock.advance(150 * 60_000);
    // Sessions idle that long have expired: sign in again.
    shuji = await staff('community_secretary');
    who = { alice: await resident('alice'), tom: await resident('tom'), sun: await resident('sun') };
    const out = await who.alice.request('POST', `${M}/check-in`, { code: codeAt(secret, 'out', windowOf(env.clock.now())) });
    assert.equal(out.body.minutes, 120, JSON.stringify(out.body));
    // The organisers' to-do counts the activities waiting for confirmation: the list its link opens.
    const todo = (await shuji.request('GET', '/api/me/workbench')).body.todos.find((x: { key: string }) => x.key === 'volActivitiesToConfirm');
    const waiting = (await shuji.request('GET', `/api${todo.link}`)).body;
    assert.equal(todo.count, waiting.total);
    assert.ok(waiting.items.some((i: { id: string }) => i.id === id));
    const view = (await shuji.request('GET', `${T}/${id}`)).body;
    const tomSignup = view.signups.find((s: { personName: string }) => s.personName === '陈涛').id;
    const sunSignup = view.signups.find((s: { personName: string }) => s.personName === '孙芳').id;
    await expectRefused(env.kernel, TABLES, () => shuji.request('PUT', `${T}/${id}/signups/${tomSignup}/attendance`, { signedOutAt: iso(start) }), 409, 'NOT_SIGNED_IN');
    await expectRefused(
      env.kernel,
      TABLES,
      () => shuji.request('PUT', `${T}/${id}/signups/${tomSignup}/attendance`, { signedInAt: iso(start), signedOutAt: iso(start - 60_000) }),
      400,
      'SIGN_OUT_BEFORE_IN',
    );
    const rec = await shuji.request('PUT', `${T}/${id}/signups/${tomSignup}/attendance`, { signedInAt: iso(start), signedOutAt: iso(start + 94 * 60_000 + 59_000) });
    assert.equal(rec.body.minutes, 94);
    await expectRefused(env.kernel, TABLES, () => shuji.request('POST', `${T}/${id}/confirm`, { signupIds: [sunSignup] }), 409, 'NOT_SIGNED_OUT');
    const grid = await staff('grid_worker');
    await expectRefused(env.kernel, TABLES, () => grid.request('POST', `${T}/${id}/confirm`, {}), 403, 'FORBIDDEN');

    // One by one: 陈涛.
    const one = await shuji.request('POST', `${T}/${id}/confirm`, { signupIds: [tomSignup] });
    assert.deepEqual(one.body.confirmed.map((c: { minutes: number; points: number }) => [c.minutes, c.points]), [[94, 15]]);
    await expectRefused(env.kernel, TABLES, () => shuji.request('POST', `${T}/${id}/confirm`, { signupIds: [tomSignup] }), 409, 'ALREADY_CREDITED');
    // All: only 王丽 is waiting (孙芳 never signed out), and the activity is over: finished.
    const all = await shuji.request('POST', `${T}/${id}/confirm`, {});
    assert.deepEqual(all.body.confirmed.map((c: { personName: string; minutes: number; points: number }) => [c.personName, c.minutes, c.points]), [['王丽', 120, 20]]);
    assert.equal(all.body.status, 'finished');
    await expectRefused(env.kernel, TABLES, () => shuji.request('POST', `${T}/${id}/confirm`, {}), 409, 'NOTHING_TO_CONFIRM');
    assert.ok(!(await shuji.request('GET', `${T}?attention=toConfirm&pageSize=100`)).body.items.some((i: { id: string }) => i.id === id), 'no longer waiting');
    await expectRefused(env.kernel, TABLES, () => shuji.request('PUT', `${T}/${id}/signups/${tomSignup}/attendance`, { signedOutAt: iso(start + 60_000) }), 409, 'ALREADY_CONFIRMED');

    const after = { alice: await balanceOf(w.persons.alice), tom: await balanceOf(w.persons.tom), sun: await balanceOf(person.sun) };
    assert.deepEqual([after.alice.balance - before.alice.balance, after.alice.minutes - before.alice.minutes], [20, 120]);
    assert.deepEqual([after.tom.balance - before.tom.balance, after.tom.minutes - before.tom.minutes], [15, 94]);
    assert.deepEqual([after.sun.balance - before.sun.balance, after.sun.minutes - before.sun.minutes], [0, 0], 'never signed out: nothing');
    const lines = await read(env.kernel).selectFrom('vol_points_ledger').select(['person_id', 'delta', 'minutes']).where('source_kind', '=', 'activity').where('source_id', '=', id).execute();
    assert.equal(lines.length, 2, 'one line each, credited once');
    // 孙芳's sign-out recorded by hand later: confirmed on its own.
    await shuji.request('PUT', `${T}/${id}/signups/${sunSignup}/attendance`, { signedOutAt: iso(start + 60 * 60_000) });
    const sun = await shuji.request('POST', `${T}/${id}/confirm`, { signupIds: [sunSignup] });
    assert.equal(sun.status, 200, JSON.stringify(sun.body));
    assert.deepEqual([(await signupOf(id, person.sun)).minutes, (await balanceOf(person.sun)).balance - before.sun.balance], [70, 11], 'in 10 min before the start: 70 min, ⌊700/60⌋ = 11');

    // My activities and the certificate.
    const mine = (await who.tom.request('GET', `${M}/mine`)).body;
    const line = mine.items.find((i: { id: string }) => i.id === id);
    assert.deepEqual([line.mine.minutes, line.mine.points, !!line.mine.confirmedAt], [94, 15, true]);
    const pdf = await who.tom.request('GET', `${M}/certificate.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.raw.subarray(0, 4).toString(), '%PDF');
    const staffPdf = await shuji.request('GET', `${T}/certificates/${vol.tom}`);
    assert.equal(staffPdf.status, 200);
    assert.equal((await shuji.request('GET', `${T}/certificates/${vol.bob}`)).status, 403, "李波 registered at B, outside 一社区");
    const page = await (await staff('platform_admin')).request('GET', `/api/public/volunteers.service-record/${vol.tom}`);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    assert.ok(JSON.stringify(page.body).includes('陈*'));
    assert.ok(!JSON.stringify(page.body).includes('陈涛'), 'the name is masked');
  });
});

describe('who sees what', () => {
  test('staff lists by scope; residents see their compound and community only; the home section only for today or tomorrow', async () => {
    const street = await staff('street_official');
    const atA = await publish({ title: '甲小区活动' });
    const atC1 = await publish({ title: '一社区活动', placeId: w.places.C1 });
    const atB = await publish({ title: '乙小区活动', placeId: w.places.B }, undefined, undefined, street);
    const listed = async (c: Client) => {
      const res = await c.request('GET', `${T}?pageSize=100`);
      return res.status === 200 ? res.body.items.map((i: { id: string }) => i.id) : res.status;
    };
    const sees = (ids: string[] | number, want: string[], not: string[]) => {
      assert.ok(Array.isArray(ids), `a list, not ${ids}`);
      for (const id of want) assert.ok(ids.includes(id));
      for (const id of not) assert.ok(!ids.includes(id));
    };
    sees(await listed(street), [atA, atC1, atB], []);
    sees(await listed(await staff('platform_admin')), [atA, atC1, atB], []);
    sees(await listed(await staff('community_secretary')), [atA, atC1], [atB]);
    sees(await listed(await staff('committee_staff')), [atA, atC1], [atB]);
    sees(await listed(await staff('grid_worker')), [atA], [atC1, atB]);
    sees(await listed(await staff('building_leader')), [], [atA, atC1, atB]);
    assert.equal(await listed(await staff('property_manager')), 403);
    assert.equal(await listed(await resident('alice')), 403);
    assert.equal((await (await staff('community_secretary')).request('GET', `${T}/${atB}`)).status, 404);
    const found = (await street.request('GET', `${T}?q=${encodeURIComponent('乙小区')}`)).body.items.map((i: { id: string }) => i.id);
    assert.deepEqual(found, [atB]);
    const xlsx = await street.request('GET', `${T}/export.xlsx?q=${encodeURIComponent('乙小区')}`);
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.raw.subarray(0, 2).toString(), 'PK');

    const alice = await resident('alice');
    const open = (await alice.request('GET', M)).body.map((a: { id: string }) => a.id);
    assert.ok(open.includes(atA) && open.includes(atC1));
    assert.ok(!open.includes(atB));
    assert.equal((await alice.request('GET', `${M}/${atB}`)).status, 404);
    assert.equal((await (await resident('bob')).request('GET', `${M}/${atB}`)).status, 200);

    // The home section: 李波 signed up for nothing today or tomorrow → none; then one tomorrow → shown.
    const bob = await resident('bob');
    const homeIds = async () => ((await bob.request('GET', '/api/me/home')).body.volunteerActivities ?? []).map((a: { id: string }) => a.id);
    const later = await publish({ title: '下周活动', placeId: w.places.B }, 6 * 24 * 60, 60, street);
    assert.equal((await bob.request('POST', `${M}/${later}/sign-up`)).status, 201);
    assert.ok(!(await homeIds()).includes(later), 'not next week');
    assert.ok(!(await homeIds()).includes(atB));
    assert.equal((await bob.request('POST', `${M}/${atB}/sign-up`)).status, 201);
    assert.ok((await homeIds()).includes(atB), 'tomorrow');
    const pending = await resident('pending');
    assert.equal((await pending.request('GET', '/api/me/home')).body.volunteerActivities, undefined, 'no section without an activity today or tomorrow');
  });
});

describe('the reminder', () => {
  test('those signed up are reminded once, within 24 hours of the start; not a cancelled activity, not earlier', async () => {
    await remindActivities(env.kernel); // whatever earlier tests left due
    const soon = await publish({ title: '提醒测试' }, 25 * 60, 60);
    const off = await publish({ title: '取消了不提醒' }, 25 * 60, 60);
    const tom = await resident('tom');
    for (const id of [soon, off]) assert.equal((await tom.request('POST', `${M}/${id}/sign-up`)).status, 201);
    assert.equal((await (await staff('community_secretary')).request('POST', `${T}/${off}/cancel`, { reason: '场地冲突' })).status, 200);
    assert.equal((await remindActivities(env.kernel)).reminded, 0, '25 hours ahead: not yet');
    env.clock.advance(61 * 60_000);
    const first = await remindActivities(env.kernel);
    assert.deepEqual(first, { reminded: 1, persons: 1 });
    assert.deepEqual(await remindActivities(env.kernel), { reminded: 0, persons: 0 }, 'once');
    const sent = await env.kernel.db
      .selectFrom('notify_batches')
      .select(['template', 'subject_id'])
      .where('template', '=', 'volunteers.activities.reminder')
      .where('subject_id', 'in', [soon, off])
      .execute();
    assert.deepEqual(sent.map((b) => b.subject_id), [soon]);
  });
});
