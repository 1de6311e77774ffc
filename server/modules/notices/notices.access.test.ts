import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SYSTEM_ACTOR, type StaffRole, STAFF_ROLES } from '../../kernel/access/index.ts';
import { signIn, type Session } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { addResidents } from './notices.test-support.ts';
import { createNotice } from './use-cases/save-notice.ts';

/**
 * The access matrix of notices: each staff role publishing, reading and managing inside its place
 * and outside it; each resident reading the notices posted at their rooms' places or above, and
 * nothing else. Allowed → 2xx; visible but not permitted → 403; invisible → 404.
 *
 * The role lists are written out again on purpose, so a policy change is made twice, deliberately.
 */
// Every staff role there is: a role added later joins the matrix without anyone remembering to.
const STAFF = STAFF_ROLES;
const OFFICIALS: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'];
const PROPERTY: StaffRole[] = ['property_manager', 'property_staff'];
const READ: StaffRole[] = STAFF.filter((r) => r !== 'department_reviewer' && r !== 'assessor' && r !== 'workplace_party_contact');

const { env, w, afterSetUp } = useWorld();
let residents: Awaited<ReturnType<typeof addResidents>>;
const staff = new Map<StaffRole, Session>();
let lineage: Record<'S' | 'C1' | 'A' | 'Z', string[]>;
const covers = (role: StaffRole, target: keyof typeof lineage) => lineage[target].includes(w.grantsAt[role]);

/** Notices by place, published by the system (an official publisher) unless told. */
const notices: Record<string, string> = {};
const systemNotice = async (placeId: string, extra: Record<string, unknown> = {}) =>
  (await createNotice({ kernel: env.kernel, actor: SYSTEM_ACTOR }, { placeId, category: 'announcement', title: `公告${placeId.slice(-4)}`, body: '正文', pinned: false, publish: true, ...extra })).id;

afterSetUp(async () => {
  residents = await addResidents(env, w);
  const p = w.places;
  lineage = { S: [p.S], C1: [p.S, p.C1], A: [p.S, p.C1, p.G1, p.A], Z: [p.S2, p.C3, p.Z] };
  for (const role of STAFF) staff.set(role, await signIn(env.app, role, PASSWORD));
  for (const [key, placeId] of Object.entries({ S: p.S, C1: p.C1, A: p.A, A1: p.A1.building, A2: p.A2.building, B: p.B, Z: p.Z, S2: p.S2 })) {
    notices[key] = await systemNotice(placeId);
  }
  notices.draftA = await systemNotice(p.A, { publish: false });
  const prop = await staff.get('property_staff')!.request('POST', '/api/notices', { placeId: p.A, category: 'announcement', title: '物业草稿', body: '' });
  assert.equal(prop.status, 201, JSON.stringify(prop.body));
  assert.equal(prop.body.publisherKind, 'property');
  notices.propertyDraftA = prop.body.id;
});

const body = (placeId: string, title: string) => ({ placeId, category: 'meeting', title, body: '本周六上午九点在社区活动室召开业主代表会议。', publish: true });

describe('notices access matrix: staff', () => {
  test('POST /api/notices at a compound, a community, and another street', async () => {
    for (const role of STAFF) {
      const s = staff.get(role)!;
      const atA = await s.request('POST', '/api/notices', body(w.places.A, `A-${role}`));
      const mayA = (OFFICIALS.includes(role) || PROPERTY.includes(role)) && covers(role, 'A');
      assert.equal(atA.status, mayA ? 201 : READ.includes(role) && covers(role, 'A') ? 403 : 404, `${role} at A → ${JSON.stringify(atA.body)}`);
      if (mayA) assert.equal(atA.body.publisherKind, PROPERTY.includes(role) ? 'property' : 'official');

      const atC1 = await s.request('POST', '/api/notices', body(w.places.C1, `C1-${role}`));
      const mayC1 = OFFICIALS.includes(role) && covers(role, 'C1');
      assert.equal(atC1.status, mayC1 ? 201 : READ.includes(role) && covers(role, 'C1') ? 403 : 404, `${role} at C1 → ${JSON.stringify(atC1.body)}`);

      const atZ = await s.request('POST', '/api/notices', body(w.places.Z, `Z-${role}`));
      assert.equal(atZ.status, 404, `${role} at Z`);
      assert.equal(atZ.body.error.code, 'PLACE_NOT_FOUND');
    }
  });

  test('GET /api/notices/:id: published to readers in scope, drafts to their managers only', async () => {
    for (const role of STAFF) {
      const s = staff.get(role)!;
      const expect = async (key: string, visible: boolean) => {
        const res = await s.request('GET', `/api/notices/${notices[key]}`);
        assert.equal(res.status, visible ? 200 : 404, `${role} GET ${key}`);
      };
      await expect('A', READ.includes(role) && covers(role, 'A'));
      await expect('S', READ.includes(role) && covers(role, 'S'));
      await expect('draftA', OFFICIALS.includes(role) && covers(role, 'A'));
      await expect('propertyDraftA', (OFFICIALS.includes(role) || PROPERTY.includes(role)) && covers(role, 'A'));
      await expect('Z', false);
      await expect('S2', false);
    }
  });

  test('the staff list holds exactly the notices in scope (filtered in SQL)', async () => {
    for (const role of STAFF) {
      const res = await staff.get(role)!.request('GET', '/api/notices?pageSize=200');
      assert.equal(res.status, 200);
      const ids = new Set(res.body.items.map((i: { id: string }) => i.id));
      assert.equal(ids.has(notices.A), READ.includes(role) && covers(role, 'A'), `${role} lists A`);
      assert.equal(ids.has(notices.draftA), OFFICIALS.includes(role) && covers(role, 'A'), `${role} lists the official draft`);
      assert.ok(!ids.has(notices.Z) && !ids.has(notices.S2), `${role} never lists another street`);
    }
  });

  test('managing: officials manage every notice in their place, property staff their own', async () => {
    for (const role of STAFF) {
      const s = staff.get(role)!;
      const official = await s.request('PATCH', `/api/notices/${notices.A}`, { pinned: true });
      const visible = READ.includes(role) && covers(role, 'A');
      assert.equal(official.status, OFFICIALS.includes(role) && covers(role, 'A') ? 200 : visible ? 403 : 404, `${role} pins the official notice`);
      const property = await s.request('PATCH', `/api/notices/${notices.propertyDraftA}`, { title: '物业草稿' });
      const seesDraft = (OFFICIALS.includes(role) || PROPERTY.includes(role)) && covers(role, 'A');
      assert.equal(property.status, seesDraft ? 200 : 404, `${role} edits the property draft`);
      // Withdrawing: a fresh published notice each time.
      const fresh = await systemNotice(w.places.A);
      const withdrawn = await s.request('POST', `/api/notices/${fresh}/withdraw`, { reason: '内容有误' });
      assert.equal(withdrawn.status, OFFICIALS.includes(role) && covers(role, 'A') ? 200 : visible ? 403 : 404, `${role} withdraws`);
      const outside = await s.request('PATCH', `/api/notices/${notices.Z}`, { pinned: true });
      assert.equal(outside.status, 404, `${role} outside`);
    }
  });
});

describe('notices access matrix: residents', () => {
  // 王丽 and 陈涛 live in A-1栋; 李波 in B; 赵泽 in Z (another street).
  const reaches: [keyof Awaited<ReturnType<typeof addResidents>>, string[]][] = [
    ['alice', ['S', 'C1', 'A', 'A1']],
    ['tom', ['S', 'C1', 'A', 'A1']],
    ['bob', ['S', 'B']],
    ['zed', ['Z', 'S2']],
  ];

  test('a resident sees exactly the notices posted at their rooms\' places or above', async () => {
    for (const [who, keys] of reaches) {
      const s = residents[who];
      const list = await s.request('GET', '/api/me/notices?pageSize=200');
      assert.equal(list.status, 200);
      const listed = new Set(list.body.items.map((i: { id: string }) => i.id));
      for (const key of ['S', 'C1', 'A', 'A1', 'A2', 'B', 'Z', 'S2', 'draftA', 'propertyDraftA']) {
        const reached = keys.includes(key);
        assert.equal(listed.has(notices[key]), reached, `${who} lists ${key}`);
        const one = await s.request('GET', `/api/me/notices/${notices[key]}`);
        assert.equal(one.status, reached ? 200 : 404, `${who} GET ${key}`);
        // The workbench route is not theirs.
        assert.equal((await s.request('GET', `/api/notices/${notices[key]}`)).status, 404, `${who} staff route ${key}`);
      }
    }
  });

  test('residents cannot publish, edit or see staff lists', async () => {
    const s = residents.alice;
    const res = await s.request('POST', '/api/notices', body(w.places.A, '居民发公告'));
    assert.equal(res.status, 404);
    assert.equal((await s.request('PATCH', `/api/notices/${notices.A}`, { pinned: false })).status, 403);
    assert.equal((await s.request('PATCH', `/api/notices/${notices.B}`, { pinned: false })).status, 404);
    const list = await s.request('GET', '/api/notices');
    assert.equal(list.body.total, 0);
  });
});
