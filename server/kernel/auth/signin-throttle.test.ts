import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PASSWORD, useKernelWorld } from '../../test/kernel-fixture.ts';
import { startTestEnv } from '../../test/harness.ts';
import { loadConfig } from '../config.ts';
import { DEVICE_COOKIE, maskedLogin } from './login.ts';
import { delayAfter } from './throttle.ts';

const { env } = useKernelWorld();

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** One sign-in from a client address (and optionally a device cookie, or a forwarded-for header). */
const login = (name: string, password: string, from: string, extra: { device?: string; forwardedFor?: string } = {}) =>
  env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: from,
    payload: { login: name, password },
    headers: {
      ...(extra.device ? { cookie: `${DEVICE_COOKIE}=${extra.device}` } : {}),
      ...(extra.forwardedFor ? { 'x-forwarded-for': extra.forwardedFor } : {}),
    },
  });

describe('the growing delay per (login, address)', () => {
  test('delays by hand: none for the first five failures, then 1 s, 2 s, 4 s … up to 15 minutes', () => {
    const limits = { freeFailures: 5, maxDelayMs: 15 * MINUTE, loginFailuresPerHour: 50 };
    assert.equal(delayAfter(0, limits), 0);
    assert.equal(delayAfter(4, limits), 0);
    assert.equal(delayAfter(5, limits), 1 * SECOND);
    assert.equal(delayAfter(6, limits), 2 * SECOND);
    assert.equal(delayAfter(14, limits), 512 * SECOND);
    assert.equal(delayAfter(15, limits), 15 * MINUTE, '1,024 s is over the cap of 900 s');
    assert.equal(delayAfter(1000, limits), 15 * MINUTE);
  });

  test('after five failures the next attempt from that address waits, even with the right password; a success clears it', async () => {
    const from = '10.0.1.1';
    for (let i = 0; i < 5; i++) assert.equal((await login('grid_worker', `wrong-${i}`, from)).statusCode, 401, `failure ${i + 1} is free`);
    const waiting = await login('grid_worker', PASSWORD, from);
    assert.equal(waiting.statusCode, 429);
    assert.equal(waiting.json().error.code, 'LOGIN_THROTTLED');
    assert.equal(waiting.headers['retry-after'], '1');
    env.clock.advance(1 * SECOND);
    assert.equal((await login('grid_worker', 'wrong-6', from)).statusCode, 401, 'checked again once the second has passed');
    const longer = await login('grid_worker', PASSWORD, from);
    assert.equal(longer.statusCode, 429);
    assert.equal(longer.headers['retry-after'], '2', 'the wait doubles');
    env.clock.advance(2 * SECOND);
    assert.equal((await login('grid_worker', PASSWORD, from)).statusCode, 200);
    assert.equal((await login('grid_worker', 'wrong-again', from)).statusCode, 401, 'the success cleared the failures');
    assert.equal((await login('grid_worker', PASSWORD, from)).statusCode, 200);
  });

  test('20 wrong passwords from another address do not stop the right password from this one', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await login('building_leader', `wrong-${i}`, '10.0.2.66');
      assert.ok([401, 429].includes(res.statusCode));
      env.clock.advance(20 * SECOND);
    }
    const mine = await login('building_leader', PASSWORD, '10.0.2.1');
    assert.equal(mine.statusCode, 200, JSON.stringify(mine.json()));
  });
});

describe('attempts sent at once', () => {
  test('are taken one after another: a burst of guesses meets the delay, a burst of right passwords all get in', async () => {
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => login('owners_committee_member', `wrong-${i}`, '10.0.7.1')));
    assert.deepEqual(burst.map((r) => r.statusCode).sort(), [...Array(5).fill(401), ...Array(5).fill(429)], 'five counted as free, the rest waited');
    const tabs = await Promise.all(Array.from({ length: 4 }, () => login('property_staff', PASSWORD, '10.0.7.2')));
    assert.deepEqual(tabs.map((r) => r.statusCode), [200, 200, 200, 200]);
  });
});

describe('a guessing campaign on one login from many addresses', () => {
  test('after 50 failures in an hour only clients that signed in before may try, until the hour passes', async () => {
    // The owner signed in earlier from home, and from their phone's browser (a device cookie).
    const home = '10.0.3.1';
    const before = await login('committee_staff', PASSWORD, home);
    assert.equal(before.statusCode, 200);
    const device = before.cookies.find((c) => c.name === DEVICE_COOKIE)!;
    assert.ok(device.httpOnly, 'the device cookie is not readable by scripts');
    env.clock.advance(MINUTE);

    for (let i = 0; i < 50; i++) assert.equal((await login('committee_staff', 'guess', `10.3.${i}.9`)).statusCode, 401);
    const stranger = await login('committee_staff', PASSWORD, '10.0.3.200');
    assert.equal(stranger.statusCode, 429);
    assert.equal(stranger.json().error.code, 'LOGIN_UNDER_ATTACK');
    assert.equal((await login('committee_staff', PASSWORD, home)).statusCode, 200, 'the known address gets in');
    assert.equal((await login('committee_staff', PASSWORD, '10.0.3.201', { device: device.value })).statusCode, 200, 'the known browser gets in elsewhere');

    env.clock.advance(60 * MINUTE);
    assert.equal((await login('committee_staff', PASSWORD, '10.0.3.200')).statusCode, 200, 'the campaign left the hour');
  });
});

describe('the failed sign-in in the audit log', () => {
  test('names the typed login masked, never in full', async () => {
    await login('13800000001', 'wrong', '10.0.4.1');
    await login('grid_worker', 'wrong', '10.0.4.1');
    await login('nobody-at-all', 'wrong', '10.0.4.1');
    const rows = await env.kernel.db
      .selectFrom('audit_log')
      .select(['actor_name', 'detail', 'subject_id'])
      .where('action', '=', 'auth.login_failed')
      .orderBy('seq', 'desc')
      .limit(3)
      .execute();
    assert.deepEqual(rows.map((r) => r.actor_name).reverse(), ['138****0001', 'gr****', 'no****']);
    const everything = JSON.stringify(await env.kernel.db.selectFrom('audit_log').selectAll().execute());
    assert.ok(!everything.includes('13800000001'), 'the full phone number is nowhere in the log');
    assert.ok(!everything.includes('nobody-at-all'));
    assert.equal(maskedLogin('admin'), 'ad****');
  });
});

describe('the client address', () => {
  test('without a trusted proxy, X-Forwarded-For is ignored: spoofing it meets the 30-a-minute limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await login(`spoof-${i}`, 'wrong', '10.0.5.1', { forwardedFor: `198.51.100.${i}` });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes.slice(0, 30), Array(30).fill(401));
    assert.equal(codes[30], 429);
  });

  test('GZ_TRUST_PROXY: forwarded addresses count only when the connection comes from a listed proxy', async () => {
    const proxied = await startTestEnv({ trustProxy: ['127.0.0.1'] });
    try {
      let n = 0;
      // A new login each time, so only the per-address rate limit can answer 429.
      const attempt = (from: string, forwardedFor: string) =>
        proxied.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: from, payload: { login: `x${n++}`, password: 'y' }, headers: { 'x-forwarded-for': forwardedFor } });
      for (let i = 0; i < 30; i++) assert.equal((await attempt('127.0.0.1', '203.0.113.1')).statusCode, 401);
      assert.equal((await attempt('127.0.0.1', '203.0.113.1')).statusCode, 429, 'the client behind the proxy met its limit');
      assert.equal((await attempt('127.0.0.1', '203.0.113.2')).statusCode, 401, 'another client behind the same proxy did not');
      for (let i = 0; i < 30; i++) await attempt('10.0.6.1', `203.0.113.${100 + i}`);
      assert.equal((await attempt('10.0.6.1', '203.0.113.250')).statusCode, 429, 'an unlisted sender cannot pick its address');
    } finally {
      await proxied.close();
    }
  });

  test('GZ_TRUST_PROXY takes addresses and CIDR ranges, and refuses anything else by name', () => {
    assert.deepEqual(loadConfig({ GZ_PII_KEY: Buffer.alloc(32).toString('base64') }).trustProxy, []);
    assert.deepEqual(loadConfig({ GZ_PII_KEY: Buffer.alloc(32).toString('base64'), GZ_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy, ['10.0.0.0/8', '127.0.0.1', '::1']);
    for (const bad of ['true', 'localhost', '10.0.0.0/33', '10.0.0.1/8/1']) {
      assert.throws(() => loadConfig({ GZ_PII_KEY: Buffer.alloc(32).toString('base64'), GZ_TRUST_PROXY: bad }), /GZ_TRUST_PROXY/, bad);
    }
  });
});
