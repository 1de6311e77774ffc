import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SYSTEM_ACTOR, STAFF_ROLES, type StaffRole } from '../access/index.ts';
import { type Ctx, write } from '../context.ts';
import { expectRefused, signIn } from '../../test/harness.ts';
import { PASSWORD, useKernelWorld } from '../../test/kernel-fixture.ts';
import { expectSorts } from '../../test/sorting.ts';
import { createAccount, grantRole } from './accounts.ts';
import { StaffAccountsSort } from './staff-accounts.ts';

/**
 * 账号管理 and forgot password for staff: platform_admin resets anyone's, a street official those whose grants all
 * lie in their street (never an administrator's), nobody their own or a resident's; the temporary password is
 * answered once, kept nowhere in clear, and must be replaced at the next sign-in, which clears the flag.
 */
const { env, w } = useKernelWorld();
const ctx = (): Ctx => ({ kernel: env.kernel, actor: SYSTEM_ACTOR });
const WRITES = ['audit_log', 'sessions'];

let seq = 0;
/** A staff account of its own for one test, with grants at the named places. */
async function staff(grants: [StaffRole, string][], name?: string): Promise<{ id: string; username: string }> {
  const username = `staff-${++seq}`;
  const id = await write(ctx(), async (tx) => {
    const id = await createAccount(tx, env.kernel.pii, { username, displayName: name ?? username, password: PASSWORD });
    for (const [role, place] of grants) await grantRole(tx, id, role, place);
    return id;
  });
  return { id, username };
}

const reset = (as: Awaited<ReturnType<typeof signIn>>, id: string) => as.request('POST', `/api/auth/accounts/${id}/reset-password`);
const login = (name: string, password: string) => env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: name, password } });

describe('who resets whose password', () => {
  test('platform_admin: any staff account, in its street or another', async () => {
    const admin = await signIn(env.app, 'platform_admin', PASSWORD);
    for (const target of [await staff([['grid_worker', w.places.G1]]), await staff([['committee_staff', w.places.S2]])]) {
      const res = await reset(admin, target.id);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.accountId, target.id);
    }
    // Even a street official's: the administrator is above them.
    assert.equal((await reset(admin, w.accounts.street_official2)).status, 200);
  });

  test('street_official: accounts whose grants all lie in its street; not beyond it, not straddling, not an administrator', async () => {
    const official = await signIn(env.app, 'street_official', PASSWORD);
    const inside = await staff([['grid_worker', w.places.G1], ['building_leader', w.places.A1]]);
    assert.equal((await reset(official, inside.id)).status, 200);
    const outside = await staff([['committee_staff', w.places.S2]]);
    await expectRefused(env.kernel, WRITES, () => reset(official, outside.id), 404, 'ACCOUNT_NOT_FOUND');
    const straddling = await staff([['grid_worker', w.places.G1], ['committee_staff', w.places.S2]]);
    await expectRefused(env.kernel, WRITES, () => reset(official, straddling.id), 404, 'ACCOUNT_NOT_FOUND');
    await expectRefused(env.kernel, WRITES, () => reset(official, w.accounts.platform_admin), 404, 'ACCOUNT_NOT_FOUND');
    // The boundary: a grant at the street itself is inside it.
    assert.equal((await reset(official, (await staff([['assessor', w.places.S]])).id)).status, 200);
  });

  test('nobody resets their own password (they change it) or a resident’s (residents reset by SMS)', async () => {
    for (const role of ['platform_admin', 'street_official'] as const) {
      const as = await signIn(env.app, role, PASSWORD);
      await expectRefused(env.kernel, WRITES, () => reset(as, w.accounts[role]), 409, 'ACCOUNT_RESET_SELF');
      await expectRefused(env.kernel, WRITES, () => reset(as, w.accounts.resident), 409, 'ACCOUNT_RESIDENT_ONLY');
    }
    const admin = await signIn(env.app, 'platform_admin', PASSWORD);
    await expectRefused(env.kernel, WRITES, () => reset(admin, '00000000-0000-4000-8000-000000000000'), 404, 'ACCOUNT_NOT_FOUND');
    const disabled = await staff([['grid_worker', w.places.G1]]);
    await env.kernel.db.updateTable('accounts').set({ disabled: true }).where('id', '=', disabled.id).execute();
    await expectRefused(env.kernel, WRITES, () => reset(admin, disabled.id), 409, 'ACCOUNT_DISABLED');
  });

  test('every other role, and a resident, may neither list nor reset, even inside their own place', async () => {
    const target = await staff([['building_leader', w.places.A1]]);
    for (const role of [...STAFF_ROLES.filter((r) => r !== 'platform_admin' && r !== 'street_official'), '13800000001']) {
      const as = await signIn(env.app, role, PASSWORD);
      await expectRefused(env.kernel, WRITES, () => reset(as, target.id), 403, 'FORBIDDEN');
      assert.equal((await as.request('GET', '/api/auth/accounts')).status, 403, role);
    }
  });
});

describe('the temporary password', () => {
  test('ends every session, is answered once and kept nowhere in clear, and must be replaced at sign-in', async () => {
    const target = await staff([['grid_worker', w.places.G1]]);
    const before = await signIn(env.app, target.username, PASSWORD);
    assert.equal((await before.request('GET', '/api/auth/me')).body.account.mustChangePassword, false);
    const official = await signIn(env.app, 'street_official', PASSWORD);
    const res = await reset(official, target.id);
    assert.equal(res.status, 200);
    const temporary: string = res.body.temporaryPassword;
    assert.match(temporary, /^[A-Za-z2-9]{12}$/);
    assert.ok(/\d/.test(temporary) && /[A-Za-z]/.test(temporary));

    assert.equal((await before.request('GET', '/api/auth/me')).status, 401, 'signed out everywhere');
    assert.equal((await login(target.username, PASSWORD)).statusCode, 401, 'the old password no longer works');
    const entries = await env.kernel.db.selectFrom('audit_log').selectAll().where('subject_id', '=', target.id).where('action', '=', 'account.password_reset').execute();
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.actor_id, w.accounts.street_official);
    assert.deepEqual(entries[0]!.detail, { method: 'admin', account: target.username, sessionsEnded: 1 });
    const log = JSON.stringify(await env.kernel.db.selectFrom('audit_log').selectAll().execute());
    assert.ok(!log.includes(temporary), 'the temporary password is in no audit entry');
    const stored = await env.kernel.db.selectFrom('accounts').select(['password_hash', 'must_change_password']).where('id', '=', target.id).executeTakeFirstOrThrow();
    assert.ok(stored.password_hash.startsWith('$argon2id$') && !stored.password_hash.includes(temporary));
    assert.equal(stored.must_change_password, true);

    // The temporary password signs in; the account is told to set its own.
    const withTemporary = await signIn(env.app, target.username, temporary);
    const other = await signIn(env.app, target.username, temporary);
    assert.equal((await withTemporary.request('GET', '/api/auth/me')).body.account.mustChangePassword, true);
    // Until then the server refuses its writes, but setting the password, its language and signing out.
    await expectRefused(env.kernel, WRITES, () => withTemporary.request('POST', '/api/notify/inbox/read-all'), 403, 'PASSWORD_CHANGE_REQUIRED');
    assert.equal((await other.request('PATCH', '/api/auth/me', { locale: 'zh-CN' })).status, 200);
    const change = (current: string, next: string) => withTemporary.request('POST', '/api/auth/password', { current, next });
    await expectRefused(env.kernel, WRITES, () => change('Wrong-123456', 'Fresh-Pass-2026'), 400, 'PASSWORD_WRONG');
    await expectRefused(env.kernel, WRITES, () => change(temporary, 'short1'), 400, 'PASSWORD_WEAK');
    await expectRefused(env.kernel, WRITES, () => change(temporary, 'lettersonly'), 400, 'PASSWORD_WEAK');
    await expectRefused(env.kernel, WRITES, () => change(temporary, temporary), 400, 'PASSWORD_UNCHANGED');
    assert.equal((await change(temporary, 'Fresh-Pass-2026')).status, 200);

    const me = await withTemporary.request('GET', '/api/auth/me');
    assert.equal(me.status, 200, 'the session that changed it stays');
    assert.equal(me.body.account.mustChangePassword, false, 'the flag is cleared');
    assert.equal((await withTemporary.request('POST', '/api/notify/inbox/read-all')).status, 200, 'and it writes again');
    assert.equal((await other.request('GET', '/api/auth/me')).status, 401, 'the other sessions end');
    assert.equal((await login(target.username, temporary)).statusCode, 401);
    assert.equal((await login(target.username, 'Fresh-Pass-2026')).statusCode, 200);
    const changed = await env.kernel.db.selectFrom('audit_log').select(['actor_id', 'detail']).where('subject_id', '=', target.id).where('action', '=', 'account.password_changed').execute();
    assert.deepEqual(changed, [{ actor_id: target.id, detail: { sessionsEnded: 1, temporaryReplaced: true } }]);
    assert.ok(!JSON.stringify(await env.kernel.db.selectFrom('audit_log').selectAll().execute()).includes('Fresh-Pass-2026'));
  });

  test('anyone may change their own password, residents too; the flag stays off', async () => {
    const resident = await signIn(env.app, '13800000001', PASSWORD);
    assert.equal((await resident.request('POST', '/api/auth/password', { current: PASSWORD, next: 'Resident-2027' })).status, 200);
    assert.equal((await login('13800000001', 'Resident-2027')).statusCode, 200);
    assert.equal((await resident.request('GET', '/api/auth/me')).body.account.mustChangePassword, false);
  });
});

describe('the list of staff accounts', () => {
  test('what each administrator sees: roles and places, searchable', async () => {
    const inside = await staff([['grid_worker', w.places.G1]], '列表网格员');
    const outside = await staff([['committee_staff', w.places.S2]], '列表邻街');
    const official = await signIn(env.app, 'street_official', PASSWORD);
    const admin = await signIn(env.app, 'platform_admin', PASSWORD);
    const ids = async (as: typeof official, query = '') => ((await as.request('GET', `/api/auth/accounts?pageSize=200${query}`)).body.items as { id: string }[]).map((a) => a.id);

    const seenByOfficial = await ids(official);
    assert.ok(seenByOfficial.includes(inside.id) && seenByOfficial.includes(w.accounts.grid_worker));
    for (const hidden of [outside.id, w.accounts.platform_admin, w.accounts.resident]) assert.ok(!seenByOfficial.includes(hidden));
    const seenByAdmin = await ids(admin);
    assert.ok(seenByAdmin.includes(inside.id) && seenByAdmin.includes(outside.id) && seenByAdmin.includes(w.accounts.street_official));
    assert.ok(!seenByAdmin.includes(w.accounts.resident), 'residents are not staff');

    assert.deepEqual((await ids(admin, `&q=${encodeURIComponent('列表')}`)).sort(), [inside.id, outside.id].sort(), 'by name');
    assert.deepEqual(await ids(admin, `&q=${inside.username}`), [inside.id], 'by username');
    const row = (await admin.request('GET', `/api/auth/accounts?q=${inside.username}`)).body.items[0];
    assert.deepEqual(row.grants, [{ role: 'grid_worker', placeId: w.places.G1, placeName: '一网格', label: { 'zh-CN': '网格员', en: 'Grid worker' } }]);
    assert.equal(row.mustChangePassword, false);
    assert.equal(row.self, false);
  });

  test('sorts by each column', async () => {
    // Names in one order, usernames in another, created one after the other.
    const a = await staff([['grid_worker', w.places.G1]], 'Sorting b');
    await new Promise((r) => setTimeout(r, 5));
    const b = await staff([['grid_worker', w.places.G1]], 'Sorting c');
    await new Promise((r) => setTimeout(r, 5));
    const c = await staff([['grid_worker', w.places.G1]], 'Sorting a');
    await env.kernel.db.updateTable('accounts').set({ username: 'zz-sorting-1' }).where('id', '=', b.id).execute();
    await env.kernel.db.updateTable('accounts').set({ username: 'zz-sorting-2' }).where('id', '=', c.id).execute();
    await env.kernel.db.updateTable('accounts').set({ username: 'zz-sorting-3' }).where('id', '=', a.id).execute();
    const admin = await signIn(env.app, 'platform_admin', PASSWORD);
    await expectSorts(env.kernel, admin, '/api/auth/accounts?q=Sorting', StaffAccountsSort, {
      name: [c.id, a.id, b.id],
      username: [b.id, c.id, a.id],
      createdAt: [a.id, b.id, c.id],
    });
  });
});
