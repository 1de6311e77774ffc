import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type StaffRole, STAFF_ROLES } from '../../kernel/access/index.ts';
import { signIn, type Session } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { addResidents } from './opinions.test-support.ts';

/**
 * The access matrix of opinions: each staff role on posts inside its place and outside it, and
 * each resident on their own compound's posts and on others'. Allowed → 200; visible but not
 * permitted → 403; invisible → 404 (and absent from lists).
 *
 * The role lists are written out again on purpose (not read from the policy), so a policy change
 * breaks this test and has to be made twice, deliberately.
 */
// Every staff role there is: a role added later joins the matrix without anyone remembering to.
const STAFF = STAFF_ROLES;
const READ_PUBLIC: StaffRole[] = STAFF.filter((r) => r !== 'department_reviewer' && r !== 'assessor' && r !== 'workplace_party_contact');
const MODERATE: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'];
const PROMOTE: StaffRole[] = [...MODERATE, 'property_committee_member'];
const ADDRESSEE: Record<string, StaffRole[]> = {
  property_company: ['property_manager', 'property_staff'],
  residents_committee: ['community_secretary', 'committee_staff'],
  owners_committee: ['owners_committee_member'],
};

const { env, w, afterSetUp } = useWorld();
let residents: Awaited<ReturnType<typeof addResidents>>;
const staff = new Map<StaffRole, Session>();
/** Ancestors-or-self of each target room, by the fixture's tree. */
let lineage: Record<string, string[]>;
const covers = (role: StaffRole, target: 'A101' | 'B101' | 'Z101') => lineage[target]!.includes(w.grantsAt[role]);

const posts: Record<string, string> = {};
const post = async (who: Session, body: Record<string, unknown>) => {
  const res = await who.request('POST', '/api/opinions', { title: '电梯经常停运', body: '3号电梯一周停了两次，老人上下楼很难。', ...body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
};

afterSetUp(async () => {
  residents = await addResidents(env, w);
  const p = w.places;
  lineage = {
    A101: [p.S, p.C1, p.G1, p.A, p.A1.building, p.A1.unit, w.rooms.A101],
    B101: [p.S, p.C2, p.G2, p.B, p.B1.building, p.B1.unit, w.rooms.B101],
    Z101: [p.S2, p.C3, p.Z, p.Z1.building, p.Z1.unit, w.rooms.Z101],
  };
  for (const role of STAFF) staff.set(role, await signIn(env.app, role, PASSWORD));
  const { alice, bob, zed } = residents;
  posts.pubA = await post(alice, { visibility: 'public', addressee: 'property_company', kind: 'complaint' });
  posts.privA_pc = await post(alice, { visibility: 'private', addressee: 'property_company' });
  posts.privA_rc = await post(alice, { visibility: 'private', addressee: 'residents_committee' });
  posts.privA_oc = await post(alice, { visibility: 'private', addressee: 'owners_committee' });
  posts.pubB = await post(bob, { visibility: 'public', addressee: 'residents_committee' });
  posts.pubZ = await post(zed, { visibility: 'public', addressee: 'property_company' });
  posts.privZ_oc = await post(zed, { visibility: 'private', addressee: 'owners_committee' });
});

/** Who may see each fixed post: the expected visibility per staff role. */
const staffSees = (role: StaffRole, key: string): boolean => {
  switch (key) {
    case 'pubA':
      return READ_PUBLIC.includes(role) && covers(role, 'A101');
    case 'privA_pc':
      return ADDRESSEE.property_company!.includes(role) && covers(role, 'A101');
    case 'privA_rc':
      return ADDRESSEE.residents_committee!.includes(role) && covers(role, 'A101');
    case 'privA_oc':
      return ADDRESSEE.owners_committee!.includes(role) && covers(role, 'A101');
    case 'pubB':
      return READ_PUBLIC.includes(role) && covers(role, 'B101');
    default:
      return false; // Z is another street: nobody here sees it
  }
};

describe('opinions access matrix: reading', () => {
  test('GET /api/opinions/:id for every staff role and post', async () => {
    for (const role of STAFF) {
      for (const [key, id] of Object.entries(posts)) {
        const res = await staff.get(role)!.request('GET', `/api/opinions/${id}`);
        const want = staffSees(role, key) ? 200 : 404;
        assert.equal(res.status, want, `${role} GET ${key} → ${res.status} ${JSON.stringify(res.body)}`);
        if (want === 404) assert.equal(res.body.error.code, 'OPINION_NOT_FOUND');
      }
    }
  });

  test('the staff inbox lists exactly the visible posts (filtered in SQL)', async () => {
    for (const role of STAFF) {
      const res = await staff.get(role)!.request('GET', '/api/opinions?pageSize=200');
      assert.equal(res.status, 200);
      const ids = new Set(res.body.items.map((i: { id: string }) => i.id));
      for (const [key, id] of Object.entries(posts)) assert.equal(ids.has(id), staffSees(role, key), `${role} inbox ${key}`);
      assert.equal(res.body.total, [...Object.keys(posts)].filter((k) => staffSees(role, k)).length, `${role} total`);
    }
  });

  test('residents see their own posts and their compound\'s public posts, nothing else', async () => {
    const expectations: [Session, string[]][] = [
      [residents.alice, ['pubA', 'privA_pc', 'privA_rc', 'privA_oc']],
      [residents.tom, ['pubA']],
      [residents.bob, ['pubB']],
      [residents.zed, ['pubZ', 'privZ_oc']],
    ];
    for (const [who, visible] of expectations) {
      for (const [key, id] of Object.entries(posts)) {
        const res = await who.request('GET', `/api/opinions/${id}`);
        assert.equal(res.status, visible.includes(key) ? 200 : 404, `${who.login} GET ${key}`);
      }
      const compound = await who.request('GET', '/api/me/compound-opinions?pageSize=200');
      const publicKeys = visible.filter((k) => k.startsWith('pub'));
      assert.deepEqual(
        compound.body.items.map((i: { id: string }) => i.id).sort(),
        publicKeys.map((k) => posts[k]).sort(),
        `${who.login} compound list`,
      );
      // The staff inbox shows a resident nothing: they hold no grant.
      const inbox = await who.request('GET', '/api/opinions');
      assert.equal(inbox.status, 200);
      assert.equal(inbox.body.total, 0);
    }
    const mine = await residents.alice.request('GET', '/api/me/opinions?pageSize=200');
    assert.deepEqual(mine.body.items.map((i: { id: string }) => i.id).sort(), [posts.pubA, posts.privA_pc, posts.privA_rc, posts.privA_oc].sort());
    assert.ok(mine.body.items.every((i: { mine: boolean }) => i.mine));
  });

  test('neighbours see the poster masked, staff see the name and room', async () => {
    const asTom = await residents.tom.request('GET', `/api/opinions/${posts.pubA}`);
    assert.equal(asTom.body.authorName, '王*');
    assert.equal(asTom.body.roomLabel, null);
    const asStaff = await staff.get('property_staff')!.request('GET', `/api/opinions/${posts.pubA}`);
    assert.equal(asStaff.body.authorName, '王丽');
    assert.equal(asStaff.body.roomLabel, '1栋 / 1单元 / 101');
  });
});

describe('opinions access matrix: acting', () => {
  /** A fresh public post by 王丽 in compound A for each role and action, so every allowed write has its own record. */
  const fresh = (addressee = 'property_company') => post(residents.alice, { visibility: 'public', addressee });

  const cases: { name: string; allowed: (role: StaffRole) => boolean; send: (s: Session, id: string) => ReturnType<Session['request']> }[] = [
    { name: 'answer', allowed: (r) => ADDRESSEE.property_company!.includes(r), send: (s, id) => s.request('POST', `/api/opinions/${id}/answer`, { answer: '已安排维保单位检修。' }) },
    { name: 'hide', allowed: (r) => MODERATE.includes(r), send: (s, id) => s.request('POST', `/api/opinions/${id}/hide`, { reason: '含有他人隐私信息' }) },
    { name: 'promote', allowed: (r) => PROMOTE.includes(r), send: (s, id) => s.request('POST', `/api/opinions/${id}/promote`, { note: '提交联席会议' }) },
  ];

  for (const c of cases) {
    test(`POST /api/opinions/:id/${c.name}: inside and outside each role's place`, async () => {
      for (const role of STAFF) {
        const id = await fresh();
        const res = await c.send(staff.get(role)!, id);
        const visible = READ_PUBLIC.includes(role) && covers(role, 'A101');
        const want = visible && c.allowed(role) ? 200 : visible ? 403 : 404;
        assert.equal(res.status, want, `${role} ${c.name} inside → ${JSON.stringify(res.body)}`);
        const out = await c.send(staff.get(role)!, posts.pubZ!);
        assert.equal(out.status, 404, `${role} ${c.name} outside`);
      }
      // Residents see a public post but may not act on it as staff.
      const id = await fresh();
      assert.equal((await c.send(residents.tom, id)).status, 403, `neighbour ${c.name}`);
      assert.equal((await c.send(residents.alice, id)).status, 403, `poster ${c.name}`);
      assert.equal((await c.send(residents.bob, id)).status, 404, `other compound ${c.name}`);
    });
  }

  test('a private post is answered only by its addressee', async () => {
    for (const [addressee, roles] of Object.entries(ADDRESSEE)) {
      for (const role of STAFF) {
        const id = await post(residents.alice, { visibility: 'private', addressee });
        const res = await staff.get(role)!.request('POST', `/api/opinions/${id}/answer`, { answer: '收到，正在处理。' });
        const want = roles.includes(role) && covers(role, 'A101') ? 200 : 404;
        assert.equal(res.status, want, `${role} answers private to ${addressee}`);
      }
    }
  });

  test('a private post to the residents\' committee can be promoted by it, not hidden', async () => {
    const id = await post(residents.alice, { visibility: 'private', addressee: 'residents_committee' });
    const hide = await staff.get('committee_staff')!.request('POST', `/api/opinions/${id}/hide`, { reason: 'x' });
    assert.equal(hide.status, 409);
    assert.equal(hide.body.error.code, 'NOT_PUBLIC');
    const promote = await staff.get('committee_staff')!.request('POST', `/api/opinions/${id}/promote`, {});
    assert.equal(promote.status, 200);
    assert.equal(promote.body.status, 'promoted');
    // The street cannot see a private post addressed to the community: not even to promote it.
    const other = await post(residents.alice, { visibility: 'private', addressee: 'residents_committee' });
    assert.equal((await staff.get('street_official')!.request('POST', `/api/opinions/${other}/promote`, {})).status, 404);
  });

  test('unauthenticated requests are refused with 401', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/opinions' });
    assert.equal(res.statusCode, 401);
  });
});
