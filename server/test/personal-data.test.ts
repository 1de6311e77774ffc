import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { PRIVACY_VERSION, recordEarlierConsent } from '../kernel/privacy/privacy.ts';
import { SYSTEM_ACTOR } from '../kernel/access/index.ts';
import { write } from '../kernel/context.ts';
import { type Client, useRepairsWorld } from '../modules/repairs/test-support.ts';
import { lastCode, nextPhone, post, RESIDENT_PASSWORD } from '../modules/activation/test-support.ts';
import { read as opinionsDb } from '../modules/opinions/opinions.db.ts';
import { read as registryDb } from '../modules/registry/registry.db.ts';
import { read as repairsDb } from '../modules/repairs/repairs.db.ts';
import { countRows } from './harness.ts';

/** A workbook's sheets as rows of cell texts, by sheet name. */
async function sheetsOf(raw: Buffer): Promise<Map<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(raw as unknown as ArrayBuffer);
  const out = new Map<string, string[][]>();
  book.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    out.set(sheet.name, rows);
  });
  return out;
}

describe('personal data: consent, my data, who looked', () => {
  const { env, w, client } = useRepairsWorld();
  const alice = client('13800000001');
  const tom = client('13800000002');
  const committee = client('committee_staff');
  const official = client('street_official');

  test('the privacy notice is public; the consent is recorded with the version shown, sensitive part apart', async () => {
    const notice = await env.app.inject({ method: 'GET', url: '/api/privacy' });
    assert.equal(notice.statusCode, 200);
    assert.equal(notice.json().version, PRIVACY_VERSION);
    assert.ok(notice.json().sections.length >= 4);

    assert.deepEqual((await alice.request('GET', '/api/me/privacy-consent')).body, {
      version: PRIVACY_VERSION,
      consented: false,
      updated: false,
      sensitive: false,
      consentedAt: null,
      required: true,
    });
    // An outdated version is refused and nothing is written.
    const before = await countRows(env.kernel, ['privacy_consents', 'audit_log']);
    const old = await alice.request('POST', '/api/me/privacy-consent', { version: '2020-01-01', sensitive: true });
    assert.equal(old.status, 409);
    assert.equal(old.body.error.code, 'PRIVACY_VERSION_OUTDATED');
    assert.deepEqual(await countRows(env.kernel, ['privacy_consents', 'audit_log']), before);

    const agreed = await alice.request('POST', '/api/me/privacy-consent', { version: PRIVACY_VERSION, sensitive: false });
    assert.equal(agreed.status, 200);
    assert.equal(agreed.body.consented, true);
    assert.equal(agreed.body.sensitive, false);
    // Agreeing later to the sensitive part too updates the same version's record.
    assert.equal((await alice.request('POST', '/api/me/privacy-consent', { version: PRIVACY_VERSION, sensitive: true })).body.sensitive, true);
    const rows = await env.kernel.db.selectFrom('privacy_consents').selectAll().execute();
    assert.deepEqual(rows.map((r) => [r.account_id, r.version, r.sensitive]), [[alice.accountId, PRIVACY_VERSION, true]]);
    const entries = await env.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'account.privacy_consented').execute();
    assert.deepEqual(entries.map((e) => e.detail), [{ version: PRIVACY_VERSION, sensitive: false }, { version: PRIVACY_VERSION, sensitive: true }]);
    // Tom has agreed to nothing.
    assert.equal((await tom.request('GET', '/api/me/privacy-consent')).body.consented, false);
  });

  test('a consent to an earlier notice does not count: the resident is asked again, and both consents are kept', async () => {
    await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) =>
      recordEarlierConsent(tx, tom.accountId, { version: '2026-06-01', sensitive: true }, new Date('2026-06-02T10:00:00+08:00')),
    );
    const asked = (await tom.request('GET', '/api/me/privacy-consent')).body;
    assert.deepEqual([asked.version, asked.consented, asked.updated, asked.sensitive, asked.required], [PRIVACY_VERSION, false, true, false, true]);
    const agreed = (await tom.request('POST', '/api/me/privacy-consent', { version: PRIVACY_VERSION, sensitive: false })).body;
    assert.deepEqual([agreed.consented, agreed.updated], [true, false]);
    const rows = await env.kernel.db.selectFrom('privacy_consents').select(['version', 'sensitive']).where('account_id', '=', tom.accountId).orderBy('version').execute();
    assert.deepEqual(rows, [{ version: '2026-06-01', sensitive: true }, { version: PRIVACY_VERSION, sensitive: false }]);
    // Only a resident is asked: staff-only accounts use the workbench without agreeing here.
    assert.equal((await committee.request('GET', '/api/me/privacy-consent')).body.required, false);
    await assert.rejects(
      write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) => recordEarlierConsent(tx, tom.accountId, { version: PRIVACY_VERSION, sensitive: true }, new Date())),
      /not an earlier version/,
    );
  });

  test('sign-up records the consent given on the form, with its version; an outdated version spends no code', async () => {
    const phone = nextPhone('1360000');
    assert.equal((await post(env, '/api/activation/otp', { phone })).statusCode, 200);
    const code = lastCode(env, phone);
    const stale = await post(env, '/api/activation/signup', { phone, code, password: RESIDENT_PASSWORD, privacy: { version: '2020-01-01', sensitive: true } });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'PRIVACY_VERSION_OUTDATED');
    const res = await post(env, '/api/activation/signup', { phone, code, password: RESIDENT_PASSWORD, privacy: { version: PRIVACY_VERSION, sensitive: false } });
    assert.equal(res.statusCode, 201, res.body);
    const rows = await env.kernel.db.selectFrom('privacy_consents').select(['version', 'sensitive']).where('account_id', '=', res.json().accountId).execute();
    assert.deepEqual(rows, [{ version: PRIVACY_VERSION, sensitive: false }]);
  });

  test('"my data" holds exactly my records, not my neighbour\'s, and the export is audited', async () => {
    const mine = await alice.upload('/api/repairs/orders', { category: 'water', description: '我的水管漏水', placeId: w.rooms.A101 }, []);
    assert.equal(mine.status, 201, JSON.stringify(mine.body));
    const his = await tom.upload('/api/repairs/orders', { category: 'water', description: '邻居的报修', placeId: w.rooms.A102 }, []);
    assert.equal(his.status, 201, JSON.stringify(his.body));
    for (const [who, title] of [[alice, '我的意见'], [tom, '邻居的意见']] as [Client, string][]) {
      const posted = await who.request('POST', '/api/opinions', { visibility: 'private', addressee: 'property_company', title, body: `${title}内容` });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
    }

    const res = await alice.request('GET', '/api/me/personal-data.xlsx');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const sheets = await sheetsOf(res.raw);
    const dump = JSON.stringify([...sheets]);
    // My person record in full (my own phone and ID number), my household, my order, my opinion.
    const person = sheets.get('个人登记信息')!;
    assert.equal(person.length, 2);
    assert.equal(person[1][0], '王丽');
    assert.equal(person[1][1], '13900000001');
    assert.equal(person[1][2].length, 18);
    assert.deepEqual(sheets.get('房屋与住户关系')!.slice(1).map((r) => [r[0], r[1]]), [['阳光花园 / 1栋 / 1单元 / 101', 'owner']]);
    assert.deepEqual(sheets.get('报修')!.slice(1).map((r) => r[3]), ['我的水管漏水']);
    assert.deepEqual(sheets.get('意见建议')!.slice(1).map((r) => r[1]), ['我的意见']);
    assert.equal(sheets.get('账号')![1][2], '13800000001');
    // Nothing of the neighbour's.
    for (const theirs of ['陈涛', '13900000002', '13800000002', '邻居的报修', '邻居的意见', '102']) assert.ok(!dump.includes(theirs), `"${theirs}" in my data`);

    const exported = await env.kernel.db.selectFrom('audit_log').select(['actor_id', 'subject_id']).where('action', '=', 'account.personal_data.exported').execute();
    assert.deepEqual(exported, [{ actor_id: alice.accountId, subject_id: alice.accountId }]);
  });

  test('"who looked": the audited reads of my full phone and ID number, by role, place and time, not of others', async () => {
    const none = await alice.request('GET', '/api/me/pii-reads');
    assert.deepEqual(none.body.items, []);
    env.clock.advance(60_000);
    assert.equal((await committee.request('GET', `/api/persons/${w.persons.alice}/pii`)).status, 200);
    env.clock.advance(60_000);
    assert.equal((await official.request('GET', `/api/persons/${w.persons.alice}/pii`)).status, 200);
    // A read of the neighbour's record is not mine to see.
    assert.equal((await official.request('GET', `/api/persons/${w.persons.tom}/pii`)).status, 200);

    const reads = (await alice.request('GET', '/api/me/pii-reads')).body.items as { at: string; action: string; roles: { role: string; place: string }[] }[];
    assert.deepEqual(
      reads.map((r) => [r.action, r.roles.map((g) => `${g.role}@${g.place}`)]),
      [
        ['registry.person.pii_read', ['street_official@测试街道']],
        ['registry.person.pii_read', ['committee_staff@一社区']],
      ],
    );
    assert.ok(Date.parse(reads[0].at) > Date.parse(reads[1].at));
    // The reader's name or login is not what the resident is shown.
    assert.ok(!JSON.stringify(reads).includes('"name"'));
    assert.equal((await tom.request('GET', '/api/me/pii-reads')).body.items.length, 1);
  });

  test('注销: the account closes, its phone and name are erased; the person and their ownership stay in the registry', async () => {
    // A staff account is not closed here: refused, nothing written.
    const before = await countRows(env.kernel, ['audit_log', 'sessions']);
    const staff = await official.request('POST', '/api/me/close-account', { confirm: true });
    assert.equal(staff.status, 409);
    assert.equal(staff.body.error.code, 'STAFF_ACCOUNT_NOT_CLOSABLE');
    assert.deepEqual(await countRows(env.kernel, ['audit_log', 'sessions']), before);
    assert.equal((await alice.request('POST', '/api/me/close-account', {})).status, 400);

    const db = env.kernel.db;
    const ownership = () =>
      registryDb(env.kernel).selectFrom('reg_households').select(['id', 'room_id', 'relation', 'share_bp']).where('person_id', '=', w.persons.alice).execute();
    const householdsBefore = await ownership();
    assert.ok(householdsBefore.length >= 1);

    const closed = await alice.request('POST', '/api/me/close-account', { confirm: true });
    assert.equal(closed.status, 200, JSON.stringify(closed));
    const account = await db.selectFrom('accounts').selectAll().where('id', '=', alice.accountId).executeTakeFirstOrThrow();
    assert.deepEqual(
      { phone_enc: account.phone_enc, phone_hash: account.phone_hash, phone_masked: account.phone_masked, display_name: account.display_name, person_id: account.person_id, disabled: account.disabled },
      { phone_enc: null, phone_hash: null, phone_masked: null, display_name: '已注销用户', person_id: null, disabled: true },
    );
    // Kept: the registry's person and their households (ownership).
    assert.deepEqual(await ownership(), householdsBefore);
    assert.ok(await registryDb(env.kernel).selectFrom('reg_persons').select('id').where('id', '=', w.persons.alice).executeTakeFirst());
    // Erased elsewhere: the order's contact, the opinion's name; the session ended, signing in fails.
    const dump = JSON.stringify(await repairsDb(env.kernel).selectFrom('rep_orders').selectAll().execute());
    assert.ok(!dump.includes('王丽'), 'the order still names her');
    assert.ok(!JSON.stringify(await opinionsDb(env.kernel).selectFrom('op_opinions').selectAll().execute()).includes('王丽'));
    assert.equal((await alice.request('GET', '/api/me/privacy-consent')).status, 401);
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: '13800000001', password: 'Test@12345' } });
    assert.equal(login.statusCode, 401);
    const entry = await db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'account.closed').execute();
    assert.deepEqual(entry, [{ action: 'account.closed', subject_id: alice.accountId }]);
    // The neighbour is untouched.
    assert.equal((await tom.request('GET', '/api/me/privacy-consent')).status, 200);
  });
});
