import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signIn } from '../../test/harness.ts';
import { PASSWORD, useKernelWorld } from '../../test/kernel-fixture.ts';

const { env } = useKernelWorld();

const login = (name: string, password: string) => env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: name, password } });

describe('sign-in', () => {
  test('by username or phone; the session cookie is httpOnly and SameSite', async () => {
    const res = await login('street_official', PASSWORD);
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.ok(res.json().csrfToken);
    assert.equal((await login('13800000001', PASSWORD)).statusCode, 200);
  });

  test('passwords are stored as argon2id', async () => {
    const row = await env.kernel.db.selectFrom('accounts').select('password_hash').where('username', '=', 'assessor').executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
  });

  test('a wrong password or unknown account gives the same answer', async () => {
    const a = await login('assessor', 'wrong');
    const b = await login('nobody-here', 'wrong');
    assert.equal(a.statusCode, 401);
    assert.equal(b.statusCode, 401);
    assert.equal(a.json().error.code, 'LOGIN_FAILED');
    assert.deepEqual(a.json(), b.json());
  });

  test('an idle session expires after 30 minutes; activity keeps it alive', async () => {
    const s = await signIn(env.app, 'committee_staff', PASSWORD);
    env.clock.advance(29 * 60_000);
    assert.equal((await s.request('GET', '/api/auth/me')).status, 200);
    env.clock.advance(29 * 60_000);
    assert.equal((await s.request('GET', '/api/auth/me')).status, 200, 'still alive: last activity 29 min ago');
    env.clock.advance(31 * 60_000);
    const expired = await s.request('GET', '/api/auth/me');
    assert.equal(expired.status, 401);
    assert.equal(expired.body.error.code, 'SESSION_EXPIRED');
    assert.equal((await s.request('GET', '/api/auth/me')).body.error.code, 'UNAUTHENTICATED', 'the expired session is gone');
  });

  test('a session lives at most 12 hours since sign-in, however active', async () => {
    const s = await signIn(env.app, 'committee_staff', PASSWORD);
    // Active every 20 minutes: the idle timeout never strikes.
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      env.clock.advance(20 * 60_000);
      assert.equal((await s.request('GET', '/api/auth/me')).status, 200, `alive at ${minutes} min`);
    }
    // 11 h 59 min 59 s after sign-in: still allowed (the boundary is inclusive).
    env.clock.advance(19 * 60_000 + 59_000);
    assert.equal((await s.request('GET', '/api/auth/me')).status, 200, 'alive just under 12 h');
    env.clock.advance(1_000);
    assert.equal((await s.request('GET', '/api/auth/me')).status, 200, 'alive at exactly 12 h');
    env.clock.advance(1);
    const expired = await s.request('GET', '/api/auth/me');
    assert.equal(expired.status, 401, 'refused 12 h after sign-in although active a moment ago');
    assert.equal(expired.body.error.code, 'SESSION_EXPIRED');
    assert.equal((await s.request('GET', '/api/auth/me')).body.error.code, 'UNAUTHENTICATED', 'the session is gone');
    // A new sign-in starts a new lifetime.
    const again = await signIn(env.app, 'committee_staff', PASSWORD);
    env.clock.advance(20 * 60_000);
    assert.equal((await again.request('GET', '/api/auth/me')).status, 200, 'a fresh sign-in counts from its own start');
  });

  test('logout ends the session', async () => {
    const s = await signIn(env.app, 'property_manager', PASSWORD);
    assert.equal((await s.request('POST', '/api/auth/logout', {})).status, 200);
    assert.equal((await s.request('GET', '/api/auth/me')).status, 401);
  });

  test('cookie-authenticated writes need the CSRF token', async () => {
    const res = await login('street_official', PASSWORD);
    const cookie = `gz_session=${res.cookies[0]!.value}`;
    const body = { locale: 'zh-CN' };
    const without = await env.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie }, payload: body });
    assert.equal(without.statusCode, 403);
    assert.equal(without.json().error.code, 'CSRF_INVALID');
    const wrong = await env.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie, 'x-csrf-token': 'guess' }, payload: body });
    assert.equal(wrong.statusCode, 403);
    const right = await env.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie, 'x-csrf-token': res.json().csrfToken }, payload: body });
    assert.equal(right.statusCode, 200);
    const read = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    assert.equal(read.statusCode, 200, 'reads need no token');
  });

  test('/api/auth/me lists roles and grants', async () => {
    const s = await signIn(env.app, 'grid_worker', PASSWORD);
    const me = await s.request('GET', '/api/auth/me');
    assert.deepEqual(me.body.roles.map((r: { role: string }) => r.role), ['grid_worker']);
    assert.equal(me.body.grants[0].placeName, '一网格');
    const resident = await signIn(env.app, '13800000001', PASSWORD);
    assert.deepEqual((await resident.request('GET', '/api/auth/me')).body.roles.map((r: { role: string }) => r.role), ['resident']);
  });
});
