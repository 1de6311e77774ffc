import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { buildWorld, PASSWORD, type World } from '../../test/fixture.ts';
import { createPii, isValidIdNumber, maskIdNumber, maskPhone, withIdChecksum } from './pii.ts';

describe('pii primitives', () => {
  const pii = createPii(randomBytes(32));
  test('encrypts with a fresh IV each time and decrypts back', () => {
    const a = pii.encrypt('13800000012');
    assert.notEqual(a, pii.encrypt('13800000012'));
    assert.ok(!a.includes('13800000012'));
    assert.equal(pii.decrypt(a), '13800000012');
  });
  test('a tampered ciphertext is refused', () => {
    const parts = pii.encrypt('330802199001010387').split(':');
    parts[3] = Buffer.from('330802199001010388').toString('base64');
    assert.throws(() => pii.decrypt(parts.join(':')));
  });
  test('the keyed hash is stable, normalised and key-dependent', () => {
    assert.equal(pii.hash('33080219900101038x'), pii.hash('３３０８０２１９９００１０１０３８Ｘ'));
    assert.notEqual(pii.hash('13800000012'), createPii(randomBytes(32)).hash('13800000012'));
  });
  test('masks as the UX asks', () => {
    assert.equal(maskPhone('13800000012'), '138****0012');
    assert.equal(maskIdNumber('330802199001010387'), '3308**********0387');
  });
  test('ID checksum (GB 11643)', () => {
    const id = withIdChecksum('33080219900101038');
    assert.equal(isValidIdNumber(id), true);
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    assert.equal(isValidIdNumber(wrong), false);
  });
});

describe('personal data in the registry', () => {
  let env: TestEnv;
  let w: World;
  before(async () => {
    env = await startTestEnv();
    w = await buildWorld(env.kernel);
  });
  after(() => env.close());

  test('the database holds no plaintext ID number or phone', async () => {
    const official = await signIn(env.app, 'street_official', PASSWORD);
    const phone = '13712345678';
    const idNumber = withIdChecksum('11010519491231002');
    const created = await official.request('POST', '/api/persons', { placeId: w.places.A, name: '明文检查', phone, idNumber });
    assert.equal(created.status, 201);
    // Read every text column of the tables that hold people and accounts, as an attacker with the DB would.
    for (const table of ['reg_persons', 'accounts', 'reg_organisations']) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(env.kernel.db)).rows;
      const dump = JSON.stringify(rows);
      assert.ok(!dump.includes(phone), `${table} holds a plaintext phone`);
      assert.ok(!dump.includes(idNumber), `${table} holds a plaintext ID number`);
      assert.ok(!dump.includes('13800000001'), `${table} holds the resident's plaintext phone`);
    }
    const row = await env.kernel.db.selectFrom('reg_persons').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
    assert.equal(env.kernel.pii.decrypt(row.id_number_enc!), idNumber);
  });

  test('roles without need see masked values only; reading full values is audited', async () => {
    const staff = await signIn(env.app, 'property_staff', PASSWORD);
    const list = await staff.request('GET', `/api/persons?q=王丽`);
    assert.equal(list.status, 200);
    assert.match(list.body.items[0].phone, /^\d{3}\*{4}\d{4}$/);
    assert.match(list.body.items[0].idNumber, /^\d{4}\*{10}[\dX]{4}$/);
    assert.equal((await staff.request('GET', `/api/persons/${w.persons.alice}/pii`)).status, 403);
    const detail = await staff.request('GET', `/api/persons/${w.persons.alice}`);
    assert.equal(detail.body.canRevealPii, false);

    const staffOfCommittee = await signIn(env.app, 'committee_staff', PASSWORD);
    const reads = () => env.kernel.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'registry.person.pii_read').where('subject_id', '=', w.persons.alice).execute();
    const before = (await reads()).length;
    const full = await staffOfCommittee.request('GET', `/api/persons/${w.persons.alice}/pii`);
    assert.equal(full.status, 200);
    assert.match(full.body.phone, /^1\d{10}$/);
    assert.equal(full.body.idNumber.length, 18);
    const after = await reads();
    assert.equal(after.length, before + 1);
    assert.equal(after.at(-1)!.actor_name, 'committee_staff');
  });

  test('search by full phone and by its last four digits uses the hash and the mask', async () => {
    const official = await signIn(env.app, 'street_official', PASSWORD);
    const full = await official.request('POST', '/api/persons', { placeId: w.places.A, name: '查号', phone: '13655550123' });
    const byPhone = await official.request('GET', '/api/persons?q=13655550123');
    assert.deepEqual(byPhone.body.items.map((p: { id: string }) => p.id), [full.body.id]);
    const byLast4 = await official.request('GET', '/api/persons?q=0123');
    assert.ok(byLast4.body.items.some((p: { id: string }) => p.id === full.body.id));
  });
});
