import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { ManualClock } from '../../kernel/clock.ts';
import { httpSms, sandboxSms } from '../../kernel/notify/channels/sms.ts';
import { countRows, signIn } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { lastCode, nextPhone, post, RESIDENT_PASSWORD, sessionFrom } from './test-support.ts';
import { read } from './activation.db.ts';

/**
 * Sign-up by phone and one-time code: 6 digits, hashed at rest, 5 minutes, 5 tries, one text a
 * minute and ten a day per phone, every step audited; then an account and a session.
 */
const { env, signedIn } = useWorld();
const official = signedIn('street_official', { each: true });

const sendCode = (phone: string) => post(env, '/api/activation/otp', { phone });
const signUp = (phone: string, code: string, password = RESIDENT_PASSWORD) => post(env, '/api/activation/signup', { phone, code, password });
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const OTP_TABLES = ['act_otps', 'accounts', 'sessions'];

describe('one-time codes', () => {
  test('a 6-digit code by SMS, stored only as a keyed hash, audited', async () => {
    const phone = nextPhone();
    const res = await sendCode(phone);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { sent: true, resendAfterSeconds: 60, expiresInSeconds: 300 });
    const code = lastCode(env, phone);
    assert.match(code, /^\d{6}$/);
    const rows = await read(env.kernel).selectFrom('act_otps').selectAll().execute();
    const row = rows.at(-1)!;
    assert.ok(!row.code_hash.includes(code) && row.code_hash.length >= 40, 'hashed');
    assert.ok(!JSON.stringify(rows).includes(phone), 'no phone number in clear');
    assert.equal(row.expires_at.getTime() - row.created_at.getTime(), 5 * 60_000);
    const audit = await read(env.kernel).selectFrom('audit_log').select(['action', 'actor_name', 'detail']).where('subject_id', '=', row.id).execute();
    assert.equal(audit[0]!.action, 'activation.otp_sent');
    assert.equal(audit[0]!.actor_name, `${phone.slice(0, 3)}****${phone.slice(-4)}`);
    assert.ok(!JSON.stringify(audit).includes(code), 'the code never reaches the audit log');
  });

  test('a code expires after five minutes', async () => {
    const phone = nextPhone();
    await sendCode(phone);
    const code = lastCode(env, phone);
    env.clock.advance(5 * 60_000 + 1000);
    const before = await countRows(env.kernel, OTP_TABLES);
    const late = await signUp(phone, code);
    assert.equal(late.statusCode, 400);
    assert.equal(late.json().error.code, 'OTP_EXPIRED');
    assert.deepEqual(await countRows(env.kernel, OTP_TABLES), before);
  });

  test('five wrong tries end a code, even for the right one after', async () => {
    const phone = nextPhone();
    await sendCode(phone);
    const code = lastCode(env, phone);
    for (let i = 1; i <= 4; i++) {
      const res = await signUp(phone, wrong(code));
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'OTP_INVALID');
      assert.match(res.json().error.message, new RegExp(`${5 - i} 次`));
    }
    const fifth = await signUp(phone, wrong(code));
    assert.equal(fifth.statusCode, 429);
    assert.equal(fifth.json().error.code, 'OTP_TOO_MANY_ATTEMPTS');
    const right = await signUp(phone, code);
    assert.equal(right.statusCode, 429);
    assert.equal(right.json().error.code, 'OTP_TOO_MANY_ATTEMPTS');
    const failures = await read(env.kernel).selectFrom('audit_log').select('action').where('action', '=', 'activation.otp_failed').where('actor_name', '=', `${phone.slice(0, 3)}****${phone.slice(-4)}`).execute();
    assert.equal(failures.length, 5, 'each wrong try audited');
    // A new code starts afresh.
    env.clock.advance(61_000);
    await sendCode(phone);
    assert.equal((await signUp(phone, lastCode(env, phone))).statusCode, 201);
  });

  test('one text a minute; a new code replaces the old one', async () => {
    const phone = nextPhone();
    await sendCode(phone);
    const first = lastCode(env, phone);
    env.clock.advance(30_000);
    const soon = await sendCode(phone);
    assert.equal(soon.statusCode, 429);
    assert.equal(soon.json().error.code, 'OTP_RESEND_TOO_SOON');
    assert.match(soon.json().error.message, /30 秒/);
    env.clock.advance(30_000);
    assert.equal((await sendCode(phone)).statusCode, 200);
    const second = lastCode(env, phone);
    if (second !== first) assert.equal((await signUp(phone, first)).json().error.code, 'OTP_INVALID', 'the replaced code no longer works');
    assert.equal((await signUp(phone, second)).statusCode, 201);
  });

  test('ten texts a day per phone', async () => {
    const phone = nextPhone();
    for (let i = 0; i < 10; i++) {
      assert.equal((await sendCode(phone)).statusCode, 200, `text ${i + 1}`);
      env.clock.advance(61_000);
    }
    const eleventh = await sendCode(phone);
    assert.equal(eleventh.statusCode, 429);
    assert.equal(eleventh.json().error.code, 'OTP_DAILY_LIMIT');
    assert.equal((await sendCode(nextPhone())).statusCode, 200, 'another phone is not affected');
    env.clock.advance(24 * 60 * 60_000);
    assert.equal((await sendCode(phone)).statusCode, 200, 'the next day');
  });

  test('a registered number gets the same answer, a text saying so, and no usable code', async () => {
    const res = await sendCode('13800000001');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { sent: true, resendAfterSeconds: 60, expiresInSeconds: 300 });
    const text = env.kernel.sms.outbox!.list({ phone: '13800000001' })[0]!.text;
    assert.match(text, /已注册/);
    assert.doesNotMatch(text, /\d{6}/);
    for (const guess of ['000000', '123456']) assert.equal((await signUp('13800000001', guess)).json().error.code, 'OTP_INVALID');
  });
});

describe('signing up', () => {
  test('makes an account with an argon2id password and a working session; not yet a resident', async () => {
    const phone = nextPhone();
    await sendCode(phone);
    const res = await signUp(phone, lastCode(env, phone));
    assert.equal(res.statusCode, 201, res.body);
    const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
    assert.equal(cookie.httpOnly, true);
    const me = sessionFrom(env, phone, cookie.value, res.json().csrfToken);
    const whoami = await me.request('GET', '/api/auth/me');
    assert.equal(whoami.status, 200);
    assert.deepEqual(whoami.body.roles, []);
    assert.equal(whoami.body.account.personId, null);
    const acc = await read(env.kernel).selectFrom('accounts').select(['password_hash', 'phone_masked', 'phone_enc']).where('id', '=', res.json().accountId).executeTakeFirstOrThrow();
    assert.match(acc.password_hash, /^\$argon2id\$/);
    assert.equal(env.kernel.pii.decrypt(acc.phone_enc!), phone);
    const audited = await read(env.kernel).selectFrom('audit_log').select('actor_id').where('action', '=', 'activation.signed_up').where('subject_id', '=', res.json().accountId).executeTakeFirst();
    assert.equal(audited?.actor_id, res.json().accountId);
    // The code is spent; and the password signs in from now on.
    assert.equal((await signUp(phone, lastCode(env, phone))).json().error.code, 'OTP_EXPIRED');
    assert.equal((await post(env, '/api/auth/login', { login: phone, password: RESIDENT_PASSWORD })).statusCode, 200);
  });

  test('a weak password is refused before the code is spent', async () => {
    const phone = nextPhone();
    await sendCode(phone);
    const code = lastCode(env, phone);
    const before = await countRows(env.kernel, OTP_TABLES);
    for (const password of ['short1', 'onlyletters', '1234567890']) {
      const res = await signUp(phone, code, password);
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'PASSWORD_WEAK');
    }
    assert.deepEqual(await countRows(env.kernel, OTP_TABLES), before);
    assert.equal((await signUp(phone, code)).statusCode, 201, 'the code still works');
  });
});

describe('the SMS sandbox (dev inbox)', () => {
  test('the platform admin reads it, masked; others may not', async () => {
    const phone = nextPhone();
    await sendCode(phone);
    const res = await (await signIn(env.app, 'platform_admin', PASSWORD)).request('GET', `/api/sms/sandbox?phone=${phone}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.items.length, 1);
    assert.equal(res.body.items[0].phone, `${phone.slice(0, 3)}****${phone.slice(-4)}`);
    assert.match(res.body.items[0].text, /验证码为 \d{6}/);
    assert.equal((await official.request('GET', '/api/sms/sandbox')).status, 403, 'not even a street official: the codes of every street');
    for (const role of ['committee_staff', 'grid_worker', 'property_manager']) {
      const denied = await (await signIn(env.app, role, PASSWORD)).request('GET', '/api/sms/sandbox');
      assert.equal(denied.status, 403, role);
    }
    assert.equal((await (await signIn(env.app, '13800000001', PASSWORD)).request('GET', '/api/sms/sandbox')).status, 403, 'a resident');
    assert.equal((await env.app.inject({ method: 'GET', url: '/api/sms/sandbox' })).statusCode, 401);
  });

  test('keeps the newest messages, newest first', async () => {
    const sms = sandboxSms(new ManualClock());
    for (let i = 0; i < 600; i++) await sms.send('13700009999', `m${i}`);
    const list = sms.outbox.list({ limit: 200 });
    assert.equal(list[0]!.text, 'm599');
    assert.equal(list.length, 200);
    assert.equal(sms.outbox.list({ phone: '137 0000 9999', limit: 1000 }).length, 500);
  });
});

describe('the http SMS provider', () => {
  test('POSTs {phone, text} with the bearer token; a failing gateway fails the send and keeps no code', async () => {
    const got: { body: unknown; auth: string | undefined }[] = [];
    let fail = false;
    const gateway = createServer((req: IncomingMessage, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        got.push({ body: JSON.parse(data), auth: req.headers.authorization });
        res.writeHead(fail ? 500 : 200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
      const sms = httpSms({ provider: 'http', url, token: 'secret-token', timeoutMs: 2000 });
      await sms.send('１３７ 0000 1234', '你好');
      assert.deepEqual(got[0], { body: { phone: '13700001234', text: '你好' }, auth: 'Bearer secret-token' });
      fail = true;
      await assert.rejects(sms.send('13700001234', 'x'), (e: { code?: string }) => e.code === 'SMS_SEND_FAILED');

      // Wired into the app: the failed send answers 502 and leaves nothing to throttle against.
      const saved = env.kernel.sms;
      (env.kernel as { sms: typeof saved }).sms = sms;
      try {
        const phone = nextPhone();
        const before = await countRows(env.kernel, ['act_otps']);
        const res = await sendCode(phone);
        assert.equal(res.statusCode, 502);
        assert.equal(res.json().error.code, 'SMS_SEND_FAILED');
        assert.deepEqual(await countRows(env.kernel, ['act_otps']), before);
        fail = false;
        assert.equal((await sendCode(phone)).statusCode, 200, 'no throttle after a failed send');
      } finally {
        (env.kernel as { sms: typeof saved }).sms = saved;
      }
      const unreachable = httpSms({ provider: 'http', url: 'http://127.0.0.1:9/none', token: null, timeoutMs: 500 });
      await assert.rejects(unreachable.send('13700001234', 'x'), (e: { code?: string }) => e.code === 'SMS_SEND_FAILED');
    } finally {
      await new Promise<void>((r) => gateway.close(() => r()));
    }
  });
});

describe('limits per address and configuration', () => {
  test('one address may ask for at most 30 codes a minute, whatever the phones', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await post(env, '/api/activation/otp', { phone: nextPhone('1360000') }, '10.9.9.9')).statusCode;
    assert.equal(last, 429);
  });

  test('GZ_SMS_PROVIDER chooses the provider; http needs a URL', async () => {
    const { loadConfig } = await import('../../kernel/config.ts');
    const base = { GZ_PII_KEY: Buffer.alloc(32).toString('base64') };
    assert.deepEqual(loadConfig(base).sms, { provider: 'sandbox' });
    assert.throws(() => loadConfig({ ...base, GZ_SMS_PROVIDER: 'http' }), /GZ_SMS_HTTP_URL/);
    assert.throws(() => loadConfig({ ...base, GZ_SMS_PROVIDER: 'carrier-pigeon' }), /GZ_SMS_PROVIDER/);
    assert.deepEqual(loadConfig({ ...base, GZ_SMS_PROVIDER: 'http', GZ_SMS_HTTP_URL: 'https://sms.example.org/send', GZ_SMS_HTTP_TOKEN: 't' }).sms, {
      provider: 'http',
      url: 'https://sms.example.org/send',
      token: 't',
      timeoutMs: 5000,
    });
    assert.throws(() => loadConfig({ ...base, GZ_PUBLIC_URL: 'ftp://x' }), /GZ_PUBLIC_URL/);
    assert.equal(loadConfig({ ...base, GZ_PUBLIC_URL: 'https://gz.example.org/' }).publicUrl, 'https://gz.example.org');
  });
});
