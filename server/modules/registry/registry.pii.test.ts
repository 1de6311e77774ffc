import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { withIdChecksum } from '../../kernel/pii/pii.ts';
import { signIn } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { read } from './registry.db.ts';

describe('personal data in the registry', () => {
  const { env, w } = useWorld();

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
    const row = await read(env.kernel).selectFrom('reg_persons').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
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
