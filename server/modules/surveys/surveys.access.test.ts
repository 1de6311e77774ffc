import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { STAFF_ROLES, type StaffRole, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { buildWorld, PASSWORD, type World } from '../../test/fixture.ts';
import { type Session, signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { createRecord } from './use-cases/create-record.ts';

/**
 * The access matrix of surveys: each staff role adding and listing records inside its place and outside
 * it. Allowed → 2xx; visible but not permitted → 403; invisible → 404. The role lists are written out
 * again on purpose, so a policy change is made twice, deliberately.
 */
const READ: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'grid_worker'];
const WRITE: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'];

let env: TestEnv;
let w: World;
const staff = new Map<StaffRole, Session>();
let lineage: Record<'A' | 'Z', string[]>;
const covers = (role: StaffRole, target: 'A' | 'Z') => lineage[target].includes(w.grantsAt[role]);
const titles: Record<'A' | 'Z', string> = { A: '阳光花园的记录', Z: '远方小区的记录' };

before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  const p = w.places;
  lineage = { A: [p.S, p.C1, p.G1, p.A], Z: [p.S2, p.C3, p.Z] };
  for (const target of ['A', 'Z'] as const) await createRecord({ kernel: env.kernel, actor: SYSTEM_ACTOR }, { placeId: w.places[target], title: titles[target] });
  for (const role of STAFF_ROLES) staff.set(role, await signIn(env.app, role, PASSWORD));
});
after(() => env.close());

test('adding a record: each role, inside and outside its place', async () => {
  for (const role of STAFF_ROLES) {
    for (const target of ['A', 'Z'] as const) {
      const r = await staff.get(role)!.request('POST', '/api/surveys/records', { placeId: w.places[target], title: `${role} 的记录` });
      const sees = covers(role, target) && (READ.includes(role) || WRITE.includes(role));
      const expected = !sees ? 404 : WRITE.includes(role) ? 201 : 403;
      assert.equal(r.status, expected, `${role} at ${target}: ${JSON.stringify(r.body)}`);
    }
  }
});

test('listing records: each role sees exactly the records of its places', async () => {
  for (const role of STAFF_ROLES) {
    const r = await staff.get(role)!.request('GET', '/api/surveys/records?pageSize=200');
    assert.equal(r.status, 200, role);
    const seen = new Set((r.body.items as { title: string }[]).map((x) => x.title));
    for (const target of ['A', 'Z'] as const) {
      assert.equal(seen.has(titles[target]), READ.includes(role) && covers(role, target), `${role} and the record at ${target}`);
    }
  }
});

test('a resident has no staff list: nothing of the records', async () => {
  const resident = await signIn(env.app, '13800000001', PASSWORD);
  const r = await resident.request('GET', '/api/surveys/records');
  assert.equal(r.status, 200);
  assert.equal(r.body.total, 0);
});
