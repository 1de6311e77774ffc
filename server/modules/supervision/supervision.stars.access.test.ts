import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type StaffRole, STAFF_ROLES, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { newId } from '../../kernel/ids.ts';
import { useWorld } from '../../test/fixture.ts';
import { write } from './supervision.db.ts';
import { type Client, TEST_SHEET, signInClient } from './supervision.sheets.test-support.ts';

/**
 * The access matrix of the stars part: each staff role of the fixture (officials and the assessor at street S, the
 * community's at C1, the company and the owners' committee at compound A, …) and the resident, on an application at
 * compound A and one at compound Z of the other street S2. Allowed → success; visible but not the role's → 403; not
 * visible → 404. An assessor sees only the applications assigned to them, and only the assigned assessor scores.
 *
 * The role lists are written out again on purpose (not read from SUPERVISION_ROLES): a change to the policy breaks
 * this test and has to be made twice, deliberately.
 */
const OFFICIALS: StaffRole[] = ['street_official', 'property_committee_member', 'community_secretary', 'committee_staff'];
const READ_BY_PLACE: StaffRole[] = ['platform_admin', ...OFFICIALS, 'owners_committee_member', 'property_manager', 'property_staff'];
const APPLY: StaffRole[] = ['committee_staff', 'community_secretary', 'owners_committee_member'];
const MANAGE: StaffRole[] = ['street_official'];

const { env, w, afterSetUp } = useWorld();
const clients = new Map<StaffRole | 'resident', Client>();
const as = (who: StaffRole | 'resident') => clients.get(who)!;
let atA: string;
let atZ: string;

/** An application row written directly (the matrix is about who reaches it, not how it came to be). */
async function application(compoundId: string, streetId: string, status: 'applied' | 'assigned', assessorId: string | null) {
  const id = newId();
  await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) =>
    tx
      .insertInto('sup_star_applications')
      .values({ street_id: streetId, id, compound_id: compoundId, period: '2026-Q4', level: 4, stars_before: 0, status, applicant_name: '测试', applied_at: new Date(), assessor_id: assessorId, assessor_name: assessorId ? 'assessor' : null, assigned_at: assessorId ? new Date() : null })
      .execute(),
  );
  return id;
}
const reset = (id: string) => write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) => tx.updateTable('sup_star_applications').set({ status: 'assigned', assessor_id: w.accounts.assessor, inspection_id: null }).where('id', '=', id).execute());
const drop = (compoundId: string) => write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) => tx.deleteFrom('sup_star_applications').where('compound_id', '=', compoundId).where('status', '=', 'applied').execute());

afterSetUp(async () => {
  for (const role of STAFF_ROLES) clients.set(role, await signInClient(env.app, role));
  clients.set('resident', await signInClient(env.app, '13800000001'));
  const official = as('street_official');
  const sheet = await official.request('POST', '/api/supervision/sheets', { placeId: w.places.S, kind: 'civility', name: '有礼小区评价' });
  await official.request('PUT', `/api/supervision/sheets/${sheet.body.id}`, TEST_SHEET);
  assert.equal((await official.request('POST', `/api/supervision/sheets/${sheet.body.id}/activate`)).status, 200);
  atA = await application(w.places.A, w.places.S, 'assigned', w.accounts.assessor);
  atZ = await application(w.places.Z, w.places.S2, 'applied', null);
});

const expect3 = (role: StaffRole, allowed: StaffRole[], visible: StaffRole[], success: number) => (allowed.includes(role) ? success : visible.includes(role) ? 403 : 404);
/** Who sees A's application: its readers by place and the assessor assigned to it. */
const SEES_A: StaffRole[] = [...READ_BY_PLACE, 'assessor'];

describe('star applications', () => {
  test('list and detail: readers of the place and the assigned assessor; never the other street’s', async () => {
    for (const role of STAFF_ROLES) {
      const ids = (await as(role).request('GET', '/api/supervision/stars/applications?pageSize=200')).body.items?.map((r: { id: string }) => r.id) ?? [];
      assert.equal(ids.includes(atA), SEES_A.includes(role), `${role} list`);
      assert.ok(!ids.includes(atZ), `${role} list outside`);
      assert.equal((await as(role).request('GET', `/api/supervision/stars/applications/${atA}`)).status, SEES_A.includes(role) ? 200 : 404, `${role} detail`);
      assert.equal((await as(role).request('GET', `/api/supervision/stars/applications/${atZ}`)).status, 404, `${role} detail outside`);
    }
    assert.equal((await as('resident').request('GET', `/api/supervision/stars/applications/${atA}`)).status, 404);
    assert.equal((await as('resident').request('GET', '/api/supervision/stars/applications')).status, 403);
  });

  test('an assessor not assigned sees nothing of it: reassigned to nobody of theirs, it leaves their list', async () => {
    await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) => tx.updateTable('sup_star_applications').set({ assessor_id: w.accounts.street_official }).where('id', '=', atA).execute());
    assert.equal((await as('assessor').request('GET', `/api/supervision/stars/applications/${atA}`)).status, 404);
    assert.equal((await as('assessor').request('GET', '/api/supervision/stars/applications')).body.total, 0);
    assert.equal((await as('assessor').request('POST', `/api/supervision/stars/applications/${atA}/assessment`)).status, 404);
    await reset(atA);
  });

  test('apply: the community and the owners’ committee at their compound', async () => {
    for (const role of STAFF_ROLES) {
      // A holds an open application: apply at a second compound of the fixture's street reached by the same grants.
      await drop(w.places.A);
      await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) => tx.updateTable('sup_star_applications').set({ status: 'confirmed', confirmed_at: new Date() }).where('id', '=', atA).execute());
      const res = await as(role).request('POST', '/api/supervision/stars/applications', { compoundId: w.places.A, level: 3 });
      assert.equal(res.status, expect3(role, APPLY, [...READ_BY_PLACE, 'assessor'], 201), `${role} apply: ${JSON.stringify(res.body)}`);
      assert.equal((await as(role).request('POST', '/api/supervision/stars/applications', { compoundId: w.places.Z, level: 3 })).status, 404, `${role} apply outside`);
      await drop(w.places.A);
      await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) => tx.updateTable('sup_star_applications').set({ status: 'assigned', confirmed_at: null }).where('id', '=', atA).execute());
    }
    assert.equal((await as('resident').request('POST', '/api/supervision/stars/applications', { compoundId: w.places.A, level: 3 })).status, 404);
  });

  test('assign an assessor and ask for confirmation: the street official', async () => {
    for (const role of STAFF_ROLES) {
      const assigned = await as(role).request('POST', `/api/supervision/stars/applications/${atA}/assessor`, { assessorId: w.accounts.assessor });
      assert.equal(assigned.status, expect3(role, MANAGE, SEES_A, 200), `${role} assign: ${JSON.stringify(assigned.body)}`);
      assert.equal((await as(role).request('POST', `/api/supervision/stars/applications/${atZ}/assessor`, { assessorId: w.accounts.assessor })).status, 404, `${role} assign outside`);
      // Not scored yet: the street official is refused for the state (409), everyone else as before.
      const confirm = await as(role).request('POST', `/api/supervision/stars/applications/${atA}/confirmation`);
      assert.equal(confirm.status, expect3(role, MANAGE, SEES_A, 409), `${role} confirm`);
      const allocate = await as(role).request('PUT', `/api/supervision/stars/applications/${atA}/allocation`, { lines: [{ recipientKind: 'other', recipientName: '志愿队', amountFen: 100, purpose: '活动' }] });
      assert.equal(allocate.status, expect3(role, MANAGE, SEES_A, 409), `${role} allocate`);
    }
    const notAssessor = await as('street_official').request('POST', `/api/supervision/stars/applications/${atA}/assessor`, { assessorId: w.accounts.street_official });
    assert.deepEqual([notAssessor.status, notAssessor.body.error.code], [400, 'NOT_ASSESSOR']);
  });

  test('score: only the assigned assessor starts the inspection; to everyone else it is not there', async () => {
    for (const role of STAFF_ROLES) {
      if (role === 'assessor') continue;
      assert.equal((await as(role).request('POST', `/api/supervision/stars/applications/${atA}/assessment`)).status, 404, role);
    }
    const started = await as('assessor').request('POST', `/api/supervision/stars/applications/${atA}/assessment`);
    assert.equal(started.status, 200, JSON.stringify(started.body));
    const again = await as('assessor').request('POST', `/api/supervision/stars/applications/${atA}/assessment`);
    assert.deepEqual([again.status, again.body.error.code], [409, 'WRONG_STATUS'], 'asked again: no second inspection');
    const detail = (await as('assessor').request('GET', `/api/supervision/stars/applications/${atA}`)).body;
    assert.deepEqual([detail.status, detail.inspection.id, detail.inspection.status, detail.can.assess, detail.can.confirm], ['assessing', started.body.inspectionId, 'draft', true, false]);
  });

  test('compound stars, history and settings: readers of the place; the resident none', async () => {
    for (const role of STAFF_ROLES) {
      const reads = [...READ_BY_PLACE, 'assessor'].includes(role);
      assert.equal((await as(role).request('GET', '/api/supervision/stars/compounds')).status, reads ? 200 : 403, `${role} compounds`);
      assert.equal((await as(role).request('GET', `/api/supervision/stars/compounds/${w.places.A}/history`)).status, reads ? 200 : 404, `${role} history`);
      assert.equal((await as(role).request('GET', `/api/supervision/stars/compounds/${w.places.Z}/history`)).status, 404, `${role} history outside`);
      assert.equal((await as(role).request('GET', `/api/supervision/stars/settings?streetId=${w.places.S}`)).status, reads ? 200 : 404, `${role} settings`);
      assert.equal((await as(role).request('GET', `/api/supervision/stars/settings?streetId=${w.places.S2}`)).status, 404, `${role} settings outside`);
    }
    assert.equal((await as('resident').request('GET', '/api/supervision/stars/compounds')).status, 403);
  });
});
