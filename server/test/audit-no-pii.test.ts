import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withIdChecksum } from '../kernel/pii/pii.ts';
import { scanForPersonalData } from '../kernel/public/public-scan.ts';
import { PASSWORD, useWorld } from './fixture.ts';
import { findingsIn } from './audit-no-pii.checks.ts';
import { signIn } from './harness.ts';

/**
 * Audit entries never carry a plaintext phone or ID number: that is what lets retention and account
 * deletion erase personal data without rewriting the hash chain (PIPL art. 47). Every text an entry
 * holds — the actor's name, the subject, the detail at any depth — is scanned with the public pages'
 * scanner for a mainland mobile number or an ID number. (Before/after are stored as digests only.) The demo
 * street's log is scanned by server/demo/demo-street.test.ts (audit-no-pii.checks.ts), on the street it seeds once.
 */
describe('no audit entry holds a phone or an ID number', () => {
  describe('the test world, after the writes and reads that handle them', () => {
    const { env, w } = useWorld();

    test('person created, edited, revealed; sign-ins failed by phone', async () => {
      const official = await signIn(env.app, 'street_official', PASSWORD);
      const phone = '13712345678';
      const idNumber = withIdChecksum('11010519491231002');
      const created = await official.request('POST', '/api/persons', { placeId: w.places.A, name: '审计检查', phone, idNumber });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const edited = await official.request('PATCH', `/api/persons/${created.body.id}`, { phone: '13712345679', idNumber: withIdChecksum('11010519491231003') });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const committee = await signIn(env.app, 'committee_staff', PASSWORD);
      assert.equal((await committee.request('GET', `/api/persons/${created.body.id}/pii`)).status, 200);
      assert.equal((await committee.request('GET', `/api/persons/${w.persons.alice}/pii`)).status, 200);
      // A failed sign-in typed with a phone number (the resident's, and an unknown one) is logged masked.
      for (const login of ['13800000001', '13999998888']) {
        const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'wrong-Password1' } });
        assert.equal(res.statusCode, 401);
      }
      // The resident's own requests: a correction typed with a phone and an ID number, the export of their data.
      const resident = await signIn(env.app, '13800000001', PASSWORD);
      const filed = await resident.request('POST', '/api/me/corrections', { field: 'id_number', request: `身份证号应为 ${idNumber}，手机 ${phone}` });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      assert.equal((await committee.request('POST', `/api/registry/corrections/${filed.body.id}/answer`, { answer: `已改为 ${phone}` })).status, 200);
      assert.equal((await resident.request('GET', '/api/me/personal-data.xlsx')).status, 200);
      const { rows, findings } = await findingsIn(env.kernel);
      assert.ok(rows >= 8);
      assert.deepEqual(findings, []);
    });

    test('the scanner itself finds a phone or an ID number in a detail (so the test above can fail)', () => {
      const id = withIdChecksum('11010519491231002');
      const kinds = scanForPersonalData({ detail: { phone: '13712345678', nested: [{ idNumber: id }] } }).map((f) => f.kind);
      assert.deepEqual(kinds.sort(), ['id_number', 'phone']);
      assert.deepEqual(scanForPersonalData({ detail: { phone: '137****5678' } }).filter((f) => f.kind === 'phone'), []);
    });
  });
});
