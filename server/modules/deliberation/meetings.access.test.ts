import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { STAFF_ROLES, type StaffRole, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { PASSWORD } from '../../test/fixture.ts';
import { type Session, signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { createMeeting } from './use-cases/create-meeting.ts';
import { buildMeetingsWorld, meetingAtA, type MeetingsWorld } from './meetings.test-world.ts';

/**
 * The access matrix of joint meetings: each staff role convening, changing and reading meetings inside its place
 * and outside it. Allowed → 2xx; visible but not permitted → 403; invisible → 404. The role lists are written out
 * again on purpose, so a policy change is made twice, deliberately. An owners' committee member convenes at their
 * compound only (not at its community); the grid worker and the property manager read, as invited bodies.
 */
const MANAGE: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'property_committee_member', 'owners_committee_member'];
const READ: StaffRole[] = [...MANAGE, 'grid_worker', 'property_manager'];

let env: TestEnv;
let w: MeetingsWorld;
const staff = new Map<StaffRole, Session>();
type Target = 'A' | 'C1' | 'Z';
let lineage: Record<Target, string[]>;
const covers = (role: StaffRole, target: Target) => lineage[target].includes(w.grantsAt[role]);
const ids = {} as Record<'A' | 'Z', string>;
const DAY = 86_400_000;

const bodyAt = (target: Target, startsAt: Date) =>
  target === 'Z'
    ? { ...meetingAtA(w, startsAt), placeId: w.places.Z, convenerKind: 'owners_committee', convenerOrgId: w.organisations.ownersCommitteeZ, bodies: [w.organisations.ownersCommitteeZ] }
    : target === 'C1'
      ? { ...meetingAtA(w, startsAt), placeId: w.places.C1, bodies: [w.organisations.rcC1] }
      : meetingAtA(w, startsAt);

before(async () => {
  env = await startTestEnv();
  w = await buildMeetingsWorld(env.kernel);
  const p = w.places;
  lineage = { A: [p.S, p.C1, p.G1, p.A], C1: [p.S, p.C1], Z: [p.S2, p.C3, p.Z] };
  const system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const at = new Date(env.clock.now().getTime() + 2 * DAY);
  ids.A = (await createMeeting(system, { ...bodyAt('A', at), title: '甲地的会议' } as Parameters<typeof createMeeting>[1])).id;
  ids.Z = (await createMeeting(system, { ...bodyAt('Z', at), title: '远方的会议' } as Parameters<typeof createMeeting>[1])).id;
  for (const role of STAFF_ROLES) staff.set(role, await signIn(env.app, role, PASSWORD));
});
after(() => env.close());

test('convening a meeting: each role at a compound, at a community, in another street', async () => {
  for (const role of STAFF_ROLES) {
    for (const target of ['A', 'C1', 'Z'] as const) {
      const r = await staff.get(role)!.request('POST', '/api/deliberation/meetings', bodyAt(target, new Date(env.clock.now().getTime() + DAY)));
      const sees = covers(role, target) && READ.includes(role);
      const expected = !sees ? 404 : MANAGE.includes(role) ? 201 : 403;
      assert.equal(r.status, expected, `${role} at ${target}: ${JSON.stringify(r.body)}`);
    }
  }
  // The owners' committee member: at their compound yes, at its community no.
  assert.ok(covers('owners_committee_member', 'A') && !covers('owners_committee_member', 'C1'));
});

test('changing a meeting (manage): allowed, refused, or not there', async () => {
  for (const role of STAFF_ROLES) {
    for (const target of ['A', 'Z'] as const) {
      const r = await staff.get(role)!.request('PATCH', `/api/deliberation/meetings/${ids[target]}`, { location: `${role} 改的地点` });
      const sees = covers(role, target) && READ.includes(role);
      const expected = !sees ? 404 : MANAGE.includes(role) ? 200 : 403;
      assert.equal(r.status, expected, `${role} at ${target}: ${JSON.stringify(r.body)}`);
      const qr = await env.app.inject({ method: 'GET', url: `/api/deliberation/meetings/${ids[target]}/sign-in-qr.png`, headers: { cookie: await cookie(role) } });
      assert.equal(qr.statusCode, expected, `${role}: the sign-in QR code at ${target}`);
    }
  }
});

test('reading meetings: each role sees exactly the meetings of its places', async () => {
  for (const role of STAFF_ROLES) {
    const list = await staff.get(role)!.request('GET', '/api/deliberation/meetings?pageSize=200');
    assert.equal(list.status, 200, role);
    const seen = new Set((list.body.items as { id: string }[]).map((x) => x.id));
    for (const target of ['A', 'Z'] as const) {
      const allowed = READ.includes(role) && covers(role, target);
      assert.equal(seen.has(ids[target]), allowed, `${role} and the meeting at ${target}`);
      const one = await staff.get(role)!.request('GET', `/api/deliberation/meetings/${ids[target]}`);
      assert.equal(one.status, allowed ? 200 : 404, `${role} opens the meeting at ${target}`);
      if (allowed) assert.equal(one.body.signInToken !== null, MANAGE.includes(role), `${role}: the sign-in code only for those who manage`);
    }
  }
});

test('a resident has no staff list and no staff page; only their own notices', async () => {
  const resident = await signIn(env.app, '13800000001', PASSWORD);
  const list = await resident.request('GET', '/api/deliberation/meetings');
  assert.equal(list.status, 200);
  assert.equal(list.body.total, 0);
  assert.equal((await resident.request('GET', `/api/deliberation/meetings/${ids.A}`)).status, 404);
  const mine = await resident.request('GET', '/api/me/meetings');
  assert.deepEqual(mine.body.items.map((m: { id: string }) => m.id).includes(ids.A), true, '王丽 is invited at A');
  assert.equal(mine.body.items.some((m: { id: string }) => m.id === ids.Z), false);
});

const cookies = new Map<string, string>();
async function cookie(login: string) {
  if (!cookies.has(login)) {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
    cookies.set(login, `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`);
  }
  return cookies.get(login)!;
}
