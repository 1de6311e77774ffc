import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type StaffRole, STAFF_ROLES, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { newId } from '../../kernel/ids.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { useWorld } from '../../test/fixture.ts';
import { write } from './party.db.ts';
import { reportingWorld } from './party.reporting.test-support.ts';

/**
 * The access matrix of the reporting part: each staff role of the fixture (officials at street S, the community's
 * staff at C1, the grid, the compound's, the liaison of W1 at S) and the residents, on reports at C1 (W1's and W2's,
 * a member of each) and one at C3 of the other street. Read by place: the street and C1's staff; the liaison only its
 * own organisation's rows; a member only their own; decisions only by C1's staff. Allowed → success; visible but not
 * the role's → 403; not visible → 404.
 *
 * The role lists are written out again on purpose (not read from PARTY_ROLES): a change to the policy breaks this
 * test and has to be made twice, deliberately.
 */
const READ_BY_PLACE: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'];
const MANAGE: StaffRole[] = ['community_secretary', 'committee_staff'];

const { env, w, afterSetUp } = useWorld();
const clients = new Map<string, Client>();
const as = (who: string) => clients.get(who)!;
let r: Awaited<ReturnType<typeof reportingWorld>>;
const ids: Record<string, string> = {};

async function orgReport(streetId: string, organisationId: string, communityId: string) {
  const id = newId();
  await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) =>
    tx
      .insertInto('pty_org_reports')
      .values({ street_id: streetId, id, organisation_id: organisationId, organisation_name: '单位', community_id: communityId, status: 'pending', contact_name: '联系人', contact_phone: '13900000000' })
      .execute(),
  );
  return id;
}
async function memberReport(memberId: string, communityId: string) {
  const id = newId();
  await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) =>
    tx.insertInto('pty_member_reports').values({ street_id: w.places.S, id, member_id: memberId, community_id: communityId, status: 'pending', skills: '' }).execute(),
  );
  return id;
}

afterSetUp(async () => {
  r = await reportingWorld(env.kernel, w);
  for (const role of STAFF_ROLES) clients.set(role, await signInClient(env.app, role));
  for (const phone of ['13800000001', '13800000002', '13800000003']) clients.set(phone, await signInClient(env.app, phone));
  ids.w1 = await orgReport(w.places.S, r.W1, w.places.C1);
  ids.w2 = await orgReport(w.places.S, r.W2, w.places.C1);
  ids.far = await orgReport(w.places.S2, newId(), w.places.C3);
  ids.alice = await memberReport(r.members.alice, w.places.C1);
  ids.tom = await memberReport(r.members.tom, w.places.C1);
});

const expect3 = (role: StaffRole, allowed: StaffRole[], visible: StaffRole[], success: number) => (allowed.includes(role) ? success : visible.includes(role) ? 403 : 404);
const listIds = async (who: string, path: string) => {
  const res = await as(who).request('GET', `${path}?pageSize=200`);
  return { status: res.status, ids: (res.body.items ?? []).map((x: { id: string }) => x.id) as string[] };
};

describe('reports', () => {
  test('lists: the street and the community by place, the liaison only its own organisation’s, others refused', async () => {
    for (const role of STAFF_ROLES) {
      const orgs = await listIds(role, '/api/party/org-reports');
      const members = await listIds(role, '/api/party/member-reports');
      if (READ_BY_PLACE.includes(role)) {
        assert.ok(orgs.ids.includes(ids.w1!) && orgs.ids.includes(ids.w2!), `${role} org reports`);
        assert.ok(members.ids.includes(ids.alice!) && members.ids.includes(ids.tom!), `${role} member reports`);
      } else if (role === 'workplace_party_contact') {
        assert.deepEqual(orgs.ids, [ids.w1], 'the liaison: W1’s report only');
        assert.deepEqual(members.ids, [ids.alice], 'the liaison: W1’s members only');
      } else {
        assert.equal(orgs.status, 403, `${role} org reports`);
        assert.equal(members.status, 403, `${role} member reports`);
      }
      assert.ok(!orgs.ids.includes(ids.far!), `${role}: never the other street’s`);
    }
    for (const phone of ['13800000001', '13800000002', '13800000003']) {
      assert.equal((await as(phone).request('GET', '/api/party/org-reports')).status, 403);
      assert.equal((await as(phone).request('GET', '/api/party/services')).status, 403);
    }
  });

  test('decisions: the community’s staff within their community; the street reads but may not; others see nothing', async () => {
    for (const role of STAFF_ROLES) {
      const id = await orgReport(w.places.S, newId(), w.places.C1);
      const res = await as(role).request('POST', `/api/party/org-reports/${id}/decision`, { decision: 'reject', reason: '测试' });
      assert.equal(res.status, expect3(role, MANAGE, READ_BY_PLACE, 200), `${role} decides at C1: ${JSON.stringify(res.body)}`);
      const far = await as(role).request('POST', `/api/party/org-reports/${ids.far}/decision`, { decision: 'confirm' });
      assert.equal(far.status, 404, `${role} decides at C3`);
      // tom's report is pending from the set-up: one live report per member, so it is decided and put back.
      const m = await as(role).request('POST', `/api/party/member-reports/${ids.tom}/decision`, { decision: 'reject', reason: '测试' });
      assert.equal(m.status, expect3(role, MANAGE, READ_BY_PLACE, 200), `${role} decides a member report`);
      await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) =>
        tx.updateTable('pty_member_reports').set({ status: 'pending', decided_at: null, decided_by: null, decision_note: null }).where('id', '=', ids.tom!).execute(),
      );
    }
    assert.equal((await as('13800000001').request('POST', `/api/party/org-reports/${ids.w1}/decision`, { decision: 'confirm' })).status, 404);
  });

  test('withdrawing: the liaison its own organisation’s, a member their own', async () => {
    assert.equal((await as('workplace_party_contact').request('POST', `/api/party/org-reports/${ids.w2}/withdraw`)).status, 404, 'not W2’s');
    assert.equal((await as('committee_staff').request('POST', `/api/party/org-reports/${ids.w1}/withdraw`)).status, 404, 'staff do not withdraw');
    assert.equal((await as('13800000002').request('POST', `/api/party/me/reports/${ids.alice}/withdraw`)).status, 404, 'not tom’s');
    assert.equal((await as('13800000003').request('POST', `/api/party/me/reports/${ids.alice}/withdraw`)).status, 404, 'bob is no employed member of it');
    assert.equal((await as('13800000001').request('POST', `/api/party/me/reports/${ids.alice}/withdraw`)).status, 200);
    assert.equal((await as('workplace_party_contact').request('POST', `/api/party/org-reports/${ids.w1}/withdraw`)).status, 200);
  });
});

describe('projects', () => {
  test('creating: only the community’s staff within their community; reading: by place', async () => {
    for (const role of STAFF_ROLES) {
      const res = await as(role).request('POST', '/api/party/projects', { communityId: w.places.C1, title: `${role} 的项目` });
      assert.equal(res.status, expect3(role, MANAGE, READ_BY_PLACE, 201), `${role} creates at C1`);
      const far = await as(role).request('POST', '/api/party/projects', { communityId: w.places.C3, title: '远方' });
      assert.equal(far.status, 404, `${role} creates at C3`);
    }
    const list = await listIds('street_official', '/api/party/projects');
    assert.equal(list.ids.length, 2);
    assert.equal((await listIds('workplace_party_contact', '/api/party/projects')).ids.length, 0, 'W1 is not confirmed at C1 (withdrawn)');
    assert.equal((await as('13800000001').request('GET', '/api/party/projects')).status, 403);
    assert.equal((await as('13800000003').request('GET', '/api/party/me/projects')).body.confirmed, false, 'a local member has no confirmed report');
  });
});
