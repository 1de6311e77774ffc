import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StaffRole } from '../../kernel/access/index.ts';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { signIn } from '../../test/harness.ts';
import { useWorld } from '../../test/fixture.ts';
import { createDecision } from './use-cases/create-decision.ts';
import { publishRoll } from './use-cases/publish-roll.ts';

/**
 * The access matrix of decisions: every staff role, at a decision inside its place (compound A of street S)
 * and outside it (compound Z of street S2), for reading, organising and the per-owner choices. The policy is
 * written out here a second time on purpose: a change to decisions.constants.ts must change this table too.
 */
const { env, w, setUp } = useWorld();
const item = [{ title: '修改管理规约', matter: 2 }];
const decisions = setUp('a decision at A and one at Z', async () => {
  const ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const base = { organiserKind: 'owners_committee' as const, organiserAuthority: '业委会决议', items: item };
  const A = (await createDecision(ctx, { ...base, placeId: w.places.A, title: 'A 的表决' })).id;
  const Z = (await createDecision(ctx, { ...base, placeId: w.places.Z, title: 'Z 的表决' })).id;
  await publishRoll(ctx, A);
  return { A, Z };
});

// Granted at: S (platform_admin, street_official, property_committee_member, department_reviewer, assessor, workplace_party_contact),
// C1 (community_secretary, committee_staff), G1 (grid_worker), A (owners_committee_member, property_*), A's 1栋 (building_leader).
const EXPECTED: Record<StaffRole, { read: number; organise: number; choices: number }> = {
  platform_admin: { read: 200, organise: 403, choices: 409 },
  street_official: { read: 200, organise: 200, choices: 409 },
  property_committee_member: { read: 200, organise: 403, choices: 403 },
  community_secretary: { read: 200, organise: 200, choices: 403 },
  committee_staff: { read: 200, organise: 200, choices: 403 },
  owners_committee_member: { read: 200, organise: 200, choices: 409 },
  grid_worker: { read: 404, organise: 404, choices: 404 },
  building_leader: { read: 404, organise: 404, choices: 404 },
  property_manager: { read: 404, organise: 404, choices: 404 },
  property_staff: { read: 404, organise: 404, choices: 404 },
  department_reviewer: { read: 404, organise: 404, choices: 404 },
  assessor: { read: 404, organise: 404, choices: 404 },
  workplace_party_contact: { read: 404, organise: 404, choices: 404 },
};

describe('decisions: each staff role inside and outside its place', () => {
  for (const [role, expected] of Object.entries(EXPECTED) as [StaffRole, (typeof EXPECTED)[StaffRole]][]) {
    test(`${role}: read ${expected.read}, organise ${expected.organise}, choices ${expected.choices}; nothing at the other street`, async () => {
      const s = await signIn(env.app, role);
      const { A, Z } = decisions;
      assert.equal((await s.request('GET', `/api/decisions/${A}`)).status, expected.read, 'read inside');
      // Republishing the roll is the organiser's act that any status before opening takes.
      assert.equal((await s.request('POST', `/api/decisions/${A}/roll`)).status, expected.organise, 'organise inside');
      // The paper side is the organisers' (sheets, paper ballots, proxies); the proof of notice is for all who read.
      for (const list of ['sheets', 'paper-ballots', 'proxies']) assert.equal((await s.request('GET', `/api/decisions/${A}/${list}`)).status, expected.organise, `${list} inside`);
      assert.equal((await s.request('GET', `/api/decisions/${A}/delivery`)).status, expected.read, 'delivery report inside');
      for (const list of ['sheets', 'paper-ballots', 'proxies', 'delivery']) assert.equal((await s.request('GET', `/api/decisions/${Z}/${list}`)).status, 404, `${list} outside`);
      // The choices table exists once voting opens: a role that may see it is told so (409), the others are refused.
      assert.equal((await s.request('GET', `/api/decisions/${A}/ballots`)).status, expected.choices, 'choices inside');
      const list = await s.request('GET', '/api/decisions?pageSize=100');
      const ids = (list.body.items ?? []).map((d: { id: string }) => d.id);
      assert.equal(ids.includes(A), expected.read === 200, 'the list is filtered as the record is');
      assert.ok(!ids.includes(Z), 'nothing of the other street in the list');
      for (const url of [`/api/decisions/${Z}`, `/api/decisions/${Z}/roll`]) assert.equal((await s.request('GET', url)).status, 404, `${url} outside`);
      assert.equal((await s.request('POST', `/api/decisions/${Z}/roll`)).status, 404, 'organise outside');
      const created = await s.request('POST', '/api/decisions', { placeId: w.places.Z, title: 'x', organiserKind: 'owners_committee', organiserAuthority: 'x', items: item });
      assert.equal(created.status, 404, 'create outside');
    });
  }

  test('owners: the roll’s owner sees the decision on the H5, not the workbench’s view or the choices; a draft elsewhere is 404', async () => {
    const alice = await signIn(env.app, '13800000001');
    const mine = await alice.request('GET', `/api/me/decisions/${decisions.A}`);
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.equal((await alice.request('GET', `/api/me/decisions/${decisions.Z}`)).status, 404, 'a draft elsewhere');
    assert.equal((await alice.request('GET', `/api/decisions/${decisions.A}`)).status, 404, 'the workbench view is for staff');
    assert.equal((await alice.request('GET', `/api/decisions/${decisions.A}/ballots`)).status, 404);
  });

  test('scrutineer candidates: the committees and offices over the place, never the property company; only for organisers', async () => {
    const organiser = await signIn(env.app, 'owners_committee_member');
    const res = await organiser.request('GET', `/api/decisions/scrutineer-candidates?placeId=${w.places.A}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const roles = new Set(res.body.items.flatMap((a: { roles: { role: string }[] }) => a.roles.map((r) => r.role)));
    for (const role of ['owners_committee_member', 'committee_staff', 'community_secretary', 'street_official', 'building_leader']) assert.ok(roles.has(role), role);
    for (const role of ['property_manager', 'property_staff', 'grid_worker', 'platform_admin']) assert.ok(!roles.has(role), role);
    assert.equal((await (await signIn(env.app, 'property_manager')).request('GET', `/api/decisions/scrutineer-candidates?placeId=${w.places.A}`)).status, 404);
    assert.equal((await (await signIn(env.app, 'property_committee_member')).request('GET', `/api/decisions/scrutineer-candidates?placeId=${w.places.A}`)).status, 403);
  });
});
