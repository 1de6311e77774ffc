import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { signInClient as signIn } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { applyForPlot, withdrawApplication } from './use-cases/green-adoptions-apply.ts';
import { createPlot } from './use-cases/green-plots-save.ts';

/**
 * The access matrix of 认栽认养, the role lists written out again on purpose: readers (greenRead) read the plots and
 * adoptions of their places and no others; managers (greenManage: the community's staff and the property manager)
 * add plots and decide applications there; every other role is refused; residents see only their own compound's
 * plots on the H5 and none of the staff routes.
 */
const { env, w } = useWorld();
const T = '/api/volunteers/green';
const as = (login: string) => signIn(env.app, login, PASSWORD);

const READERS_AT_A = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'grid_worker', 'property_manager', 'property_staff'];
const MANAGERS_AT_A = ['community_secretary', 'committee_staff', 'property_manager'];
/** Whose grants reach compound B (community C2) too: the street's. */
const READERS_AT_B = ['platform_admin', 'street_official'];
/** Whose grants are on the street (they may name compound B, and are refused with 403 there). */
const AT_STREET = ['platform_admin', 'street_official', 'property_committee_member', 'workplace_party_contact', 'assessor', 'department_reviewer'];
const NOBODY = ['property_committee_member', 'owners_committee_member', 'workplace_party_contact', 'assessor', 'department_reviewer', 'building_leader'];

test('the access matrix: each role inside and outside its place, allowed and denied', async () => {
  const system: Ctx = w.ctx;
  const plotA = (await createPlot(system, { compoundId: w.places.A, name: '1栋东侧花坛', area: 5000, location: '', description: '' })).id;
  const plotB = (await createPlot(system, { compoundId: w.places.B, name: '明月草坪', area: 7000, location: '', description: '' })).id;
  const tom: Ctx = { kernel: env.kernel, actor: { ...SYSTEM_ACTOR, name: '陈涛', personId: w.persons.tom } };
  const bob: Ctx = { kernel: env.kernel, actor: { ...SYSTEM_ACTOR, name: '李波', personId: w.persons.bob } };
  let day = 1;
  const nextPeriod = () => {
    const start = Date.parse('2027-02-01T00:00:00Z') + day * 20 * 86_400_000;
    const from = new Date(start).toISOString().slice(0, 10);
    const to = new Date(start + 10 * 86_400_000).toISOString().slice(0, 10);
    day++;
    return { fromDay: from, toDay: to, note: '' };
  };
  const appliedB = (await applyForPlot(bob, plotB, { fromDay: '2027-01-01', toDay: '2027-01-28', note: '' })).id;

  for (const role of [...READERS_AT_A, ...NOBODY]) {
    const s = await as(role);
    const reads = READERS_AT_A.includes(role);
    const manages = MANAGERS_AT_A.includes(role);
    const seesB = READERS_AT_B.includes(role);
    const list = await s.request('GET', `${T}/plots`);
    assert.equal(list.status, reads ? 200 : 403, `${role} lists`);
    if (reads) {
      const ids = list.body.items.map((p: { id: string }) => p.id);
      assert.ok(ids.includes(plotA), `${role} lists A's plot`);
      assert.equal(ids.includes(plotB), seesB, `${role} ${seesB ? 'lists' : 'does not list'} B's plot`);
      assert.equal((await s.request('GET', `${T}/adoptions`)).status, 200, role);
      assert.equal((await s.request('GET', `${T}/rates`)).status, 200, role);
    } else {
      assert.equal((await s.request('GET', `${T}/adoptions`)).status, 403, role);
      assert.equal((await s.request('GET', `${T}/rates`)).status, 403, role);
      assert.equal((await s.request('GET', `${T}/plots/export.xlsx`)).status, 403, role);
    }
    assert.equal((await s.request('GET', `${T}/plots/${plotA}`)).status, reads ? 200 : 404, `${role} reads A's plot`);
    assert.equal((await s.request('GET', `${T}/plots/${plotB}`)).status, seesB ? 200 : 404, `${role} reads B's plot`);

    // Writes at A: managers may; readers are forbidden; others do not see the plot.
    const made = await s.request('POST', `${T}/plots`, { compoundId: w.places.A, name: `${role}的花坛`, area: '10.00' });
    // Naming a compound within one's grants but without the right answers 403; outside them, 404 (ids cannot be probed).
    assert.equal(made.status, manages ? 201 : 403, `${role} adds a plot at A: ${JSON.stringify(made.body)}`);
    const edit = await s.request('PUT', `${T}/plots/${plotA}`, { name: '1栋东侧花坛', area: '50.00', location: '', description: '' });
    assert.equal(edit.status, manages ? 200 : reads ? 403 : 404, `${role} edits A's plot`);
    const applied = (await applyForPlot(tom, plotA, nextPeriod())).id;
    const approve = await s.request('POST', `${T}/adoptions/${applied}/approve`);
    assert.equal(approve.status, manages ? 200 : reads ? 403 : 404, `${role} approves at A: ${JSON.stringify(approve.body)}`);
    if (manages) assert.equal((await s.request('POST', `${T}/adoptions/${applied}/end`, { reason: '测试结束' })).status, 200, `${role} ends at A`);
    else {
      assert.equal((await s.request('POST', `${T}/adoptions/${applied}/reject`, { reason: '不可' })).status, reads ? 403 : 404, `${role} rejects at A`);
      await withdrawApplication(tom, applied);
    }

    // Writes at B (community C2): nobody of C1 or A; the street's readers read but may not manage.
    assert.equal((await s.request('POST', `${T}/plots`, { compoundId: w.places.B, name: '越权花坛', area: '10.00' })).status, AT_STREET.includes(role) ? 403 : 404, `${role} adds at B`);
    assert.equal((await s.request('POST', `${T}/adoptions/${appliedB}/approve`)).status, seesB ? 403 : 404, `${role} approves at B`);
    assert.equal((await s.request('POST', `${T}/plots/${plotB}/close`, { reason: '越权' })).status, seesB ? 403 : 404, `${role} closes at B`);
  }

  // Residents: none of the staff routes; on the H5 only their own compound.
  const alice = await as('13800000001');
  assert.equal((await alice.request('GET', `${T}/plots`)).status, 403);
  assert.equal((await alice.request('GET', `${T}/plots/${plotA}`)).status, 404);
  assert.equal((await alice.request('POST', `${T}/plots`, { compoundId: w.places.A, name: '我的花坛', area: '10.00' })).status, 404, 'a resident names no place');
  assert.equal((await alice.request('POST', `${T}/adoptions/${appliedB}/approve`)).status, 404);
  const mine = (await alice.request('GET', '/api/me/volunteers/green')).body;
  assert.deepEqual(mine.compounds.map((c: { compoundId: string }) => c.compoundId), [w.places.A]);
  assert.ok(mine.compounds[0].plots.some((p: { id: string }) => p.id === plotA));
  assert.ok(!mine.compounds[0].plots.some((p: { id: string }) => p.id === plotB));
  assert.equal((await alice.request('GET', `/api/me/volunteers/green/plots/${plotA}`)).status, 200);
  assert.equal((await alice.request('GET', `/api/me/volunteers/green/plots/${plotB}`)).status, 404);
  assert.equal((await alice.request('POST', `/api/me/volunteers/green/plots/${plotB}/adoptions`, { fromDay: '2027-06-01', toDay: '2027-06-30' })).status, 404);
  assert.equal((await alice.request('POST', `/api/me/volunteers/green/adoptions/${appliedB}/withdraw`)).status, 404, "another resident's application");
  // A staff login is no resident.
  const staff = await as('community_secretary');
  assert.deepEqual((await staff.request('GET', '/api/me/volunteers/green')).body, { compounds: [], adoptions: [] });
  assert.equal((await staff.request('POST', `/api/me/volunteers/green/plots/${plotA}/adoptions`, { fromDay: '2027-06-01', toDay: '2027-06-30' })).body.error.code, 'NOT_A_RESIDENT');
});
