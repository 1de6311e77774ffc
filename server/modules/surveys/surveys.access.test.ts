import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { STAFF_ROLES, type StaffRole, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { buildWorld, PASSWORD, type World } from '../../test/fixture.ts';
import { countRows, type Session, signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { QUESTIONS } from './surveys.test-support.ts';
import { createSurvey } from './use-cases/create-survey.ts';
import { publishSurvey } from './use-cases/publish-survey.ts';

/**
 * The access matrix of surveys: each staff role managing (create, edit, publish, close) and reading results
 * (results, responses, xlsx, list) at a compound (A), a community (C1) and another street's compound (Z).
 * Allowed → 2xx; visible but not permitted → 403 with nothing written; invisible → 404. The role lists are
 * written out again on purpose, so a policy change is made twice, deliberately. An owners' committee member
 * manages at its compound only.
 */
const MANAGE: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'property_committee_member', 'owners_committee_member'];
const READ: StaffRole[] = [...MANAGE, 'grid_worker'];
type Target = 'A' | 'C1' | 'Z';
const TARGETS: Target[] = ['A', 'C1', 'Z'];
const TABLES = ['srv_surveys', 'srv_questions', 'audit_log'];

let env: TestEnv;
let w: World;
const staff = new Map<StaffRole, Session>();
let lineage: Record<Target, string[]>;
const covers = (role: StaffRole, target: Target) => lineage[target].includes(w.grantsAt[role]);
const sees = (role: StaffRole, target: Target) => covers(role, target) && READ.includes(role);
const manages = (role: StaffRole, target: Target) => covers(role, target) && MANAGE.includes(role);
/** One open survey per target, for the reads and closing. */
const open = {} as Record<Target, string>;
let system: Ctx;

const draftAt = async (target: Target, title: string) => {
  const now = env.kernel.clock.now().getTime();
  return (
    await createSurvey(system, {
      placeId: w.places[target],
      title,
      opensAt: new Date(now - 60_000),
      closesAt: new Date(now + 86_400_000),
      questions: QUESTIONS,
    })
  ).id;
};

before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const p = w.places;
  lineage = { A: [p.S, p.C1, p.G1, p.A], C1: [p.S, p.C1], Z: [p.S2, p.C3, p.Z] };
  for (const target of TARGETS) {
    open[target] = await draftAt(target, `${target} 的问卷`);
    await publishSurvey(system, open[target]);
  }
  for (const role of STAFF_ROLES) staff.set(role, await signIn(env.app, role, PASSWORD));
});
after(() => env.close());

const expected = (role: StaffRole, target: Target, ok: number, need: 'manage' | 'read') =>
  !sees(role, target) && !manages(role, target) ? 404 : (need === 'manage' ? manages(role, target) : sees(role, target)) ? ok : 403;

test('creating a survey: each role, inside and outside its place', async () => {
  for (const role of STAFF_ROLES) {
    for (const target of TARGETS) {
      const now = env.kernel.clock.now().getTime();
      const before = await countRows(env.kernel, TABLES);
      const r = await staff.get(role)!.request('POST', '/api/surveys', {
        placeId: w.places[target],
        title: `${role} 的问卷`,
        opensAt: new Date(now).toISOString(),
        closesAt: new Date(now + 3_600_000).toISOString(),
      });
      assert.equal(r.status, expected(role, target, 201, 'manage'), `${role} at ${target}: ${JSON.stringify(r.body)}`);
      if (r.status !== 201) assert.deepEqual(await countRows(env.kernel, TABLES), before, `${role} at ${target}: a refusal writes nothing`);
    }
  }
});

test('editing, publishing and closing: each role, inside and outside its place', async () => {
  for (const role of STAFF_ROLES) {
    for (const target of TARGETS) {
      const draft = await draftAt(target, `${role} 草稿`);
      const session = staff.get(role)!;
      const patch = await session.request('PATCH', `/api/surveys/${draft}`, { title: `${role} 改` });
      assert.equal(patch.status, expected(role, target, 200, 'manage'), `PATCH ${role} at ${target}`);
      const questions = await session.request('PUT' as 'POST', `/api/surveys/${draft}/questions`, { questions: QUESTIONS });
      assert.equal(questions.status, expected(role, target, 200, 'manage'), `PUT questions ${role} at ${target}`);
      const publish = await session.request('POST', `/api/surveys/${draft}/publish`);
      assert.equal(publish.status, expected(role, target, 200, 'manage'), `publish ${role} at ${target}`);
      const close = await session.request('POST', `/api/surveys/${draft}/close`);
      assert.equal(close.status, expected(role, target, 200, 'manage'), `close ${role} at ${target}: ${JSON.stringify(close.body)}`);
    }
  }
});

test('reading results, responses, texts and the xlsx: each role, inside and outside its place', async () => {
  for (const role of STAFF_ROLES) {
    for (const target of TARGETS) {
      const session = staff.get(role)!;
      for (const path of ['', '/results', '/responses', '/texts?no=4', '/export.xlsx']) {
        const r = await session.request('GET', `/api/surveys/${open[target]}${path}`);
        assert.equal(r.status, expected(role, target, 200, 'read'), `GET ${path} ${role} at ${target}`);
      }
    }
  }
});

test('listing surveys: each role sees exactly the surveys of its places', async () => {
  for (const role of STAFF_ROLES) {
    const r = await staff.get(role)!.request('GET', '/api/surveys?pageSize=200');
    assert.equal(r.status, 200, role);
    const seen = new Set((r.body.items as { id: string }[]).map((x) => x.id));
    for (const target of TARGETS) assert.equal(seen.has(open[target]), sees(role, target), `${role} and the survey at ${target}`);
  }
});

test('a resident has no staff side: an empty list, 404 for a survey', async () => {
  const resident = await signIn(env.app, '13800000001', PASSWORD);
  const r = await resident.request('GET', '/api/surveys');
  assert.equal(r.status, 200);
  assert.equal(r.body.total, 0);
  assert.equal((await resident.request('GET', `/api/surveys/${open.A}/results`)).status, 404);
  assert.equal((await resident.request('POST', `/api/surveys/${open.A}/close`)).status, 404);
  // As a resident of A, the survey is theirs to answer.
  assert.equal((await resident.request('GET', `/api/me/surveys/${open.A}`)).status, 200);
  assert.equal((await resident.request('GET', `/api/me/surveys/${open.Z}`)).status, 404);
});
