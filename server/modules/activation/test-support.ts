import assert from 'node:assert/strict';
import type { TestEnv, Session } from '../../test/harness.ts';
import { withIdChecksum } from '../../kernel/pii/pii.ts';

/** Helpers for the activation tests (not a test file itself). */

export const RESIDENT_PASSWORD = 'Resident2026';

/** The ID number the fixture gives its n-th person (server/test/fixture.ts), and its last four. */
export const fixtureIdNumber = (seq: number) => withIdChecksum(`33080219900101${String(seq).padStart(3, '0')}`);
export const last4 = (id: string) => id.slice(-4);

/** The code in the newest text the sandbox kept for a phone. */
export function lastCode(env: TestEnv, phone: string): string {
  const msg = env.kernel.sms.outbox!.list({ phone })[0];
  assert.ok(msg, `no text for ${phone}`);
  const m = /(\d{6})/.exec(msg.text);
  assert.ok(m, `no code in "${msg.text}"`);
  return m[1]!;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A client over a session cookie and CSRF token, like harness.signIn's. */
export function sessionFrom(env: TestEnv, login: string, cookie: string, csrfToken: string): Session {
  return {
    login,
    async request(method: Method, url: string, body?: unknown) {
      const r = await env.app.inject({
        method,
        url,
        headers: { cookie: `gz_session=${cookie}`, 'x-csrf-token': csrfToken },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      let parsed: unknown = r.body;
      try {
        parsed = r.body ? JSON.parse(r.body) : null;
      } catch {}
      return { status: r.statusCode, body: parsed as any };
    },
  };
}

/**
 * A public POST from its own address: the sign-up routes also limit requests per address (30 a
 * minute of real time), which a test making dozens of sign-ups from one address would hit.
 */
let address = 0;
export const post = (env: TestEnv, url: string, payload: object, remoteAddress = `10.0.${Math.floor(++address / 250) % 250}.${(address % 250) + 1}`) =>
  env.app.inject({ method: 'POST', url, payload, remoteAddress });

/** Signs a new resident up through the public API (code from the SMS sandbox) and returns their session. */
export async function signUpResident(env: TestEnv, phone: string, password = RESIDENT_PASSWORD): Promise<Session & { accountId: string }> {
  const sent = await post(env, '/api/activation/otp', { phone });
  assert.equal(sent.statusCode, 200, sent.body);
  const res = await post(env, '/api/activation/signup', { phone, code: lastCode(env, phone), password });
  assert.equal(res.statusCode, 201, res.body);
  const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
  return { ...sessionFrom(env, phone, cookie.value, res.json().csrfToken), accountId: res.json().accountId };
}

/** Distinct phone numbers per test file (the fixture uses 138… and 139000000xx). */
let phoneSeq = 0;
export const nextPhone = (prefix = '1370000') => `${prefix}${String(++phoneSeq).padStart(4, '0')}`;
