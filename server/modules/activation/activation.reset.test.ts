import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { maskPhone } from '../../kernel/pii/pii.ts';
import { scanForPersonalData } from '../../kernel/public/public-scan.ts';
import { countRows } from '../../test/harness.ts';
import { useWorld } from '../../test/fixture.ts';
import { lastCode, nextPhone, post, RESIDENT_PASSWORD, signUpResident } from './test-support.ts';
import { read } from './activation.db.ts';
import { consumeOtp, issueOtp, verifyOtp } from './index.ts';

/**
 * Forgot password, residents: a reset code by SMS (its own purpose: never a sign-up code, and the other way round),
 * used once, within five minutes and five tries; the new password meets the sign-up rule, every session of the
 * account ends, the old password stops working, and the reset is audited with the masked phone only.
 */
const { env } = useWorld();

const sendReset = (phone: string) => post(env, '/api/activation/password-reset/otp', { phone });
const reset = (phone: string, code: string, password = 'New-Pass-2026') => post(env, '/api/activation/password-reset', { phone, code, password });
const sendSignUp = (phone: string) => post(env, '/api/activation/otp', { phone });
const signUp = (phone: string, code: string) => post(env, '/api/activation/signup', { phone, code, password: RESIDENT_PASSWORD });
const login = (phone: string, password: string) => post(env, '/api/auth/login', { login: phone, password });
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const TABLES = ['act_otps', 'accounts', 'sessions', 'audit_log'];
const newestText = (phone: string) => env.kernel.sms.outbox!.list({ phone })[0]!.text;

describe('resetting a password by SMS', () => {
  test('the code works once; every session ends; the old password stops working, the new one signs in', async () => {
    const phone = nextPhone();
    const resident = await signUpResident(env, phone);
    assert.equal((await resident.request('GET', '/api/auth/me')).status, 200);
    const sent = await sendReset(phone);
    assert.equal(sent.statusCode, 200, sent.body);
    assert.deepEqual(sent.json(), { sent: true, resendAfterSeconds: 60, expiresInSeconds: 300 });
    assert.match(newestText(phone), /找回/);
    const code = lastCode(env, phone);

    const res = await reset(phone, code);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { ok: true });
    assert.equal(res.cookies.length, 0, 'no session: the resident signs in as usual');
    assert.equal((await resident.request('GET', '/api/auth/me')).status, 401, 'signed out everywhere');
    assert.equal((await login(phone, RESIDENT_PASSWORD)).statusCode, 401);
    assert.equal((await login(phone, 'New-Pass-2026')).statusCode, 200);

    const again = await reset(phone, code, 'Other-Pass-2026');
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().error.code, 'OTP_EXPIRED', 'used once');

    const entries = await read(env.kernel).selectFrom('audit_log').select(['actor_id', 'actor_name', 'detail']).where('action', '=', 'account.password_reset').where('subject_id', '=', resident.accountId).execute();
    assert.deepEqual(entries, [{ actor_id: resident.accountId, actor_name: maskPhone(phone), detail: { method: 'sms', phone: maskPhone(phone), sessionsEnded: 1 } }]);
    const log = await read(env.kernel).selectFrom('audit_log').select(['actor_name', 'detail']).execute();
    assert.deepEqual(scanForPersonalData(log).filter((f) => f.kind === 'phone'), [], 'no phone in clear in the log');
    assert.ok(!JSON.stringify(log).includes('New-Pass-2026') && !JSON.stringify(log).includes(code));
  });

  test('a wrong code counts: five wrong tries end it, even for the right one after', async () => {
    const phone = nextPhone();
    await signUpResident(env, phone);
    await sendReset(phone);
    const code = lastCode(env, phone);
    for (let left = 4; left >= 1; left--) {
      const res = await reset(phone, wrong(code));
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'OTP_INVALID');
      assert.equal(res.json().error.details?.left ?? left, left);
      assert.match(res.json().error.message, new RegExp(`${left} 次`));
    }
    assert.equal((await reset(phone, wrong(code))).json().error.code, 'OTP_TOO_MANY_ATTEMPTS');
    const right = await reset(phone, code);
    assert.equal(right.statusCode, 429);
    assert.equal(right.json().error.code, 'OTP_TOO_MANY_ATTEMPTS');
    assert.equal((await login(phone, RESIDENT_PASSWORD)).statusCode, 200, 'the password is unchanged');
  });

  test('a code expires after five minutes', async () => {
    const phone = nextPhone();
    await signUpResident(env, phone);
    await sendReset(phone);
    const code = lastCode(env, phone);
    env.clock.advance(5 * 60_000 + 1000);
    const before = await countRows(env.kernel, TABLES);
    const late = await reset(phone, code);
    assert.equal(late.json().error.code, 'OTP_EXPIRED');
    assert.deepEqual(await countRows(env.kernel, TABLES), before);
  });

  test('a weak password is refused before the code is spent', async () => {
    const phone = nextPhone();
    await signUpResident(env, phone);
    await sendReset(phone);
    const code = lastCode(env, phone);
    const before = await countRows(env.kernel, TABLES);
    for (const weak of ['short1', 'onlyletters', '1234567890']) assert.equal((await reset(phone, code, weak)).json().error.code, 'PASSWORD_WEAK');
    assert.deepEqual(await countRows(env.kernel, TABLES), before);
    assert.equal((await reset(phone, code)).statusCode, 200);
  });

  test('a number without an account: the same answer, a text saying so and how to sign up, no usable code', async () => {
    const phone = nextPhone();
    const res = await sendReset(phone);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { sent: true, resendAfterSeconds: 60, expiresInSeconds: 300 });
    const text = newestText(phone);
    assert.match(text, /没有共治账号/);
    assert.match(text, /注册/);
    assert.doesNotMatch(text, /\d{6}/);
    for (const guess of ['000000', '123456']) assert.equal((await reset(phone, guess)).json().error.code, 'OTP_INVALID');
  });

  test('a disabled account: no code by text, and a code sent before it was disabled is refused', async () => {
    const phone = nextPhone();
    const resident = await signUpResident(env, phone);
    await sendReset(phone);
    const code = lastCode(env, phone);
    await env.kernel.db.updateTable('accounts').set({ disabled: true }).where('id', '=', resident.accountId).execute();
    const before = await countRows(env.kernel, TABLES);
    const res = await reset(phone, code);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'RESET_ACCOUNT_DISABLED');
    assert.deepEqual(await countRows(env.kernel, TABLES), before);
    env.clock.advance(61_000);
    await sendReset(phone);
    assert.match(newestText(phone), /已停用/);
    assert.doesNotMatch(newestText(phone), /\d{6}/);
  });

  test('two resets racing with one code: one wins', async () => {
    const phone = nextPhone();
    await signUpResident(env, phone);
    await sendReset(phone);
    const code = lastCode(env, phone);
    const results = await Promise.all([reset(phone, code, 'Racer-One-2026'), reset(phone, code, 'Racer-Two-2026')]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 400]);
  });
});

describe('purposes are kept apart', () => {
  test('a reset code does not sign up, and a sign-up code does not reset', async () => {
    const registered = nextPhone();
    await signUpResident(env, registered);
    env.clock.advance(61_000);
    await sendReset(registered);
    assert.equal((await signUp(registered, lastCode(env, registered))).json().error.code, 'OTP_EXPIRED', 'no open sign-up code');

    const fresh = nextPhone();
    assert.equal((await sendSignUp(fresh)).statusCode, 200);
    const signUpCode = lastCode(env, fresh);
    assert.equal((await reset(fresh, signUpCode)).json().error.code, 'OTP_EXPIRED', 'no open reset code');
    // Each purpose has its own throttle and its own open code: a reset text right after leaves the sign-up code working.
    assert.equal((await sendReset(fresh)).statusCode, 200);
    assert.equal((await signUp(fresh, signUpCode)).statusCode, 201);
  });

  test("a ballot code for another module's flow: spent in the caller's transaction, kept when that rolls back", async () => {
    const phone = nextPhone();
    await issueOtp(env.kernel, { phone, purpose: 'ballot', template: 'activation.signup_code' });
    const code = lastCode(env, phone);
    await assert.rejects(verifyOtp(env.kernel, { phone, purpose: 'reset', code }), /验证码已失效|expired/);
    const { otpId } = await verifyOtp(env.kernel, { phone, purpose: 'ballot', code });
    const now = env.clock.now();
    await assert.rejects(
      env.kernel.db.transaction().execute(async (tx) => {
        await consumeOtp(tx, otpId, now);
        throw new Error('the ballot failed');
      }),
      /the ballot failed/,
    );
    assert.equal((await verifyOtp(env.kernel, { phone, purpose: 'ballot', code })).otpId, otpId, 'still usable');
    await env.kernel.db.transaction().execute((tx) => consumeOtp(tx, otpId, now));
    await assert.rejects(env.kernel.db.transaction().execute((tx) => consumeOtp(tx, otpId, now)), (e: { code?: string }) => e.code === 'OTP_EXPIRED');
    await assert.rejects(verifyOtp(env.kernel, { phone, purpose: 'ballot', code }), (e: { code?: string }) => e.code === 'OTP_EXPIRED');
  });
});
