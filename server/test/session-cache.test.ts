import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildWorld, PASSWORD, type World } from './fixture.ts';
import { startTestEnv, type TestEnv } from './harness.ts';
import { startSecondApp } from './second-app.ts';

/**
 * The session cache across two app processes on one database: this test's own app (process A) and
 * a real `server/main.ts` (process B). Whatever A changes — a grant taken away, a sign-out, an account
 * disabled — B stops honouring within moments, although B had the session cached.
 */
let env: TestEnv;
let w: World;
let second: Awaited<ReturnType<typeof startSecondApp>> | undefined;
let base: string;

before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  second = await startSecondApp(env);
  base = second.base;
});
after(async () => {
  second?.stop();
  await env.close();
});

/** Signs in on process B; returns its cookie (and the session's CSRF token on `csrf`). */
const csrfOf = new Map<string, string>();
async function signInOnB(login: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  assert.equal(res.status, 200);
  const cookie = /gz_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  csrfOf.set(cookie, ((await res.json()) as { csrfToken: string }).csrfToken);
  return cookie;
}

const onB = (cookie: string, url: string) => fetch(`${base}${url}`, { headers: { cookie } });

/** Polls process B until `check` holds; returns how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (await check()) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`not within ${ms} ms`);
}

describe('a change in one process reaches the cache of another', () => {
  test('a grant taken away in A: B stops honouring it', async () => {
    const cookie = await signInOnB('property_manager');
    for (let i = 0; i < 3; i++) assert.equal((await onB(cookie, '/api/repairs/settings')).status, 200, 'served (and cached) on B');
    const grantsOf = async () => ((await (await onB(cookie, '/api/auth/me')).json()) as { grants: unknown[] }).grants.length;
    assert.equal(await grantsOf(), 1);

    await env.kernel.db.deleteFrom('grants').where('account_id', '=', w.accounts.property_manager).execute();
    const ms = await within(2000, async () => (await grantsOf()) === 0);
    assert.ok(ms < 2000, `B saw the revoked grant after ${Math.round(ms)} ms`);
    const settings = (await (await onB(cookie, '/api/repairs/settings?pageSize=200')).json()) as { items: unknown[] };
    assert.equal(settings.items.length, 0, 'nothing of the compound is listed any more');
  });

  test('a sign-out through A ends the session on B', async () => {
    const cookie = await signInOnB('grid_worker');
    assert.equal((await onB(cookie, '/api/auth/me')).status, 200);
    const out = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrfOf.get(cookie)! } });
    assert.equal(out.statusCode, 200);
    await within(2000, async () => (await onB(cookie, '/api/auth/me')).status === 401);
  });

  test('an account disabled in A is refused on B', async () => {
    const cookie = await signInOnB('assessor');
    assert.equal((await onB(cookie, '/api/auth/me')).status, 200);
    await env.kernel.db.updateTable('accounts').set({ disabled: true }).where('id', '=', w.accounts.assessor).execute();
    await within(2000, async () => (await onB(cookie, '/api/auth/me')).status === 401);
  });

  test('in one process too: a revoked grant stops being honoured within moments, though the session was served from the cache', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'committee_staff', password: PASSWORD } });
    const cookie = `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
    const me = async () => (await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json() as { grants: unknown[] };
    assert.equal((await me()).grants.length, 1);
    assert.equal((await me()).grants.length, 1);
    const hits = env.kernel.sessions.hits;
    await me();
    assert.ok(env.kernel.sessions.hits > hits, 'served from the cache');
    await env.kernel.db.deleteFrom('grants').where('account_id', '=', w.accounts.committee_staff).execute();
    await within(1000, async () => (await me()).grants.length === 0);
  });
});

describe('shared reads (kernel/db/read-cache.ts) across processes', () => {
  test('a write committed by B is in the next total A serves, though A remembered the total', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'street_official', password: PASSWORD } });
    const onA = `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
    const total = async () => ((await env.app.inject({ method: 'GET', url: '/api/rooms?pageSize=1', headers: { cookie: onA } })).json() as { total: number }).total;
    const before = await total();
    assert.equal(await total(), before, 'remembered on A');

    const cookie = await signInOnB('street_official');
    const created = await fetch(`${base}/api/places`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfOf.get(cookie)!, 'content-type': 'application/json' },
      body: JSON.stringify({ parentId: w.places.A1.unit, kind: 'room', name: '1909', room: { floor: 19, area: '80.00', areaSource: 'register', use: 'residential' } }),
    });
    assert.equal(created.status, 201);
    // Well within the 10 s a remembered read may live: B's write told A at once.
    await within(2000, async () => (await total()) === before + 1);
  });
});

