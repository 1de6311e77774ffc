import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signIn } from '../../test/harness.ts';
import { PASSWORD, useKernelWorld } from '../../test/kernel-fixture.ts';

/** Elderly mode is the account's, not the device's: turned on in one session, it is on in the next. */
const { env } = useKernelWorld();

test('elderly mode is remembered for the account, audited, and a change needs something to change', async () => {
  const phone = await signIn(env.app, '13800000001', PASSWORD);
  assert.equal((await phone.request('GET', '/api/auth/me')).body.account.elderly, false);
  assert.equal((await phone.request('PATCH', '/api/auth/me', { elderly: true })).status, 200);
  // Another device: a new session of the same account.
  const other = await signIn(env.app, '13800000001', PASSWORD);
  const me = (await other.request('GET', '/api/auth/me')).body.account;
  assert.equal(me.elderly, true);
  assert.equal(me.locale, 'zh-CN', 'the language was left as it was');
  // Someone else's account is untouched.
  assert.equal((await (await signIn(env.app, 'street_official', PASSWORD)).request('GET', '/api/auth/me')).body.account.elderly, false);
  const entry = await env.kernel.db
    .selectFrom('audit_log')
    .select(['detail'])
    .where('action', '=', 'account.preferences_changed')
    .where('subject_id', '=', me.id)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  assert.deepEqual(entry.detail, { elderly: true });
  assert.equal((await other.request('PATCH', '/api/auth/me', {})).status, 400);
  assert.equal((await other.request('PATCH', '/api/auth/me', { elderly: 'yes' })).status, 400);
  assert.equal((await other.request('PATCH', '/api/auth/me', { elderly: false })).status, 200);
  assert.equal((await phone.request('GET', '/api/auth/me')).body.account.elderly, false);
});
