import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type StaffRole, STAFF_ROLES, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { signIn, type Session } from '../../test/harness.ts';
import { ctxFor, dayPlus, executingItem, taskBody, useExecutionWorld } from './execution.test-support.ts';
import { todayOf } from './execution.repository.ts';
import { planTask } from './use-cases/plan-tasks.ts';

/**
 * The access matrix of stages 4–5: each staff role on an item inside its place (阳光花园, which every role's grant
 * covers but the building leader's, held at 1栋) and on one outside it (the other street's 远方小区) — allowed;
 * 403 when the item is visible but the action is not the role's; 404 when it is not visible at all. Residents act
 * through their households only: 404 on every staff action.
 *
 * The role lists are written out again on purpose, so a change to the policy breaks this test deliberately.
 */
const READ: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'grid_worker', 'building_leader', 'owners_committee_member', 'property_manager'];
const PLAN: StaffRole[] = ['street_official', 'property_committee_member', 'community_secretary', 'committee_staff'];
const REPORT: StaffRole[] = ['community_secretary', 'committee_staff', 'owners_committee_member', 'property_manager', 'property_staff', 'grid_worker', 'building_leader'];
const SUPERVISE: StaffRole[] = ['street_official', 'property_committee_member', 'community_secretary'];
/** Roles whose grant covers 阳光花园 (the building leader's covers only its building). */
const COVERS_A = (role: StaffRole) => role !== 'building_leader';

const { env, w, afterSetUp } = useExecutionWorld();
const sessions = new Map<string, Session>();
let items: { inside: string; outside: string; insideTask: string; outsideTask: string };

afterSetUp(async () => {
  for (const role of STAFF_ROLES) sessions.set(role, await signIn(env.app, role));
  sessions.set('resident', await signIn(env.app, '13800000001'));
  const inside = await executingItem(env.kernel, w.places.A, '院内议题');
  const outside = await executingItem(env.kernel, w.places.Z, '远方议题');
  const deadline = dayPlus(todayOf(env), 30);
  const insideTask = (await planTask(await ctxFor(env.kernel, w.accounts.committee_staff), inside, taskBody('院内任务', deadline))).id;
  const outsideTask = (await planTask({ kernel: env.kernel, actor: SYSTEM_ACTOR }, outside, taskBody('远方任务', deadline))).id;
  items = { inside, outside, insideTask, outsideTask };
});

const expected = (role: StaffRole, allowedRoles: StaffRole[], where: 'inside' | 'outside', ok: number) => {
  if (where === 'outside' || !COVERS_A(role)) return 404;
  if (allowedRoles.includes(role)) return ok;
  return READ.includes(role) ? 403 : 404;
};

const ACTIONS = {
  plan: { roles: PLAN, ok: 201, run: (s: Session, where: 'inside' | 'outside') => s.request('POST', `/api/deliberation/items/${items[where]}/tasks`, taskBody('新增任务', dayPlus(todayOf(env), 20))) },
  report: {
    roles: REPORT,
    ok: 201,
    run: (s: Session, where: 'inside' | 'outside') => s.request('POST', `/api/deliberation/tasks/${where === 'inside' ? items.insideTask : items.outsideTask}/progress`, { percent: 10, note: '进行中' }),
  },
  supervise: { roles: SUPERVISE, ok: 201, run: (s: Session, where: 'inside' | 'outside') => s.request('POST', `/api/deliberation/items/${items[where]}/notes`, { text: '请按时完成', isPublic: true }) },
  // The execution view: readers, and those who only report (the property staff) to see what they report on.
  read: { roles: [...READ, 'property_staff'] as StaffRole[], ok: 200, run: (s: Session, where: 'inside' | 'outside') => s.request('GET', `/api/deliberation/items/${items[where]}/execution`) },
} as const;

describe('who may plan, report, supervise and read', () => {
  for (const [name, action] of Object.entries(ACTIONS)) {
    test(`${name}: each role inside and outside its place`, async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const role of STAFF_ROLES) {
        for (const where of ['inside', 'outside'] as const) {
          const r = await action.run(sessions.get(role)!, where);
          got.push(`${role} ${where} ${r.status}`);
          want.push(`${role} ${where} ${expected(role, action.roles, where, action.ok)}`);
        }
      }
      assert.deepEqual(got, want);
    });
  }

  test('a resident is refused every staff action (404), whatever the place', async () => {
    const me = sessions.get('resident')!;
    for (const [name, action] of Object.entries(ACTIONS)) {
      assert.equal((await action.run(me, 'inside')).status, 404, name);
    }
  });

  test('the task list shows only the items the role may read', async () => {
    const official = await sessions.get('street_official')!.request('GET', '/api/deliberation/tasks?pageSize=200');
    assert.ok(official.body.items.some((t: { itemId: string }) => t.itemId === items.inside));
    assert.ok(!official.body.items.some((t: { itemId: string }) => t.itemId === items.outside), 'not the other street');
    const staff = await sessions.get('property_staff')!.request('GET', '/api/deliberation/tasks');
    assert.equal(staff.body.total, 0, 'reporting is not reading');
    const xlsx = await env.app.inject({ method: 'GET', url: '/api/deliberation/tasks.xlsx' });
    assert.equal(xlsx.statusCode, 401);
  });

  test('the street sees escalations; others see none', async () => {
    assert.equal((await sessions.get('street_official')!.request('GET', '/api/deliberation/escalations')).status, 200);
    assert.equal((await sessions.get('committee_staff')!.request('GET', '/api/deliberation/escalations')).body.total, 0);
  });
});
