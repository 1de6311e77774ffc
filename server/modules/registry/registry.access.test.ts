import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type StaffRole, STAFF_ROLES } from '../../kernel/access/index.ts';
import { requestApproval } from '../../kernel/approvals/approvals.ts';
import { write, read } from './registry.db.ts';
import { loadGrants } from '../../kernel/auth/sessions.ts';
import { signIn, type Session } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { createOrganisation } from './use-cases/create-organisation.ts';
import { createPlace } from './use-cases/create-place.ts';
import { DELETE_RECORD } from './use-cases/request-deletion.ts';

/**
 * The access matrix of every registry route: each role, on a record inside its place and on one
 * outside it → allowed, or denied (403 when the record is visible but the action is not the
 * role's, 404 when the record is not visible at all, or filtered out of a list).
 *
 * The role lists below are written out on purpose rather than read from the policy, so that a
 * change to the policy breaks this test and has to be made twice, deliberately.
 */
// Every staff role there is: a role added later joins the matrix without anyone remembering to.
const STAFF = STAFF_ROLES;
const READ_PLACES = STAFF;
const READ_ROOMS: StaffRole[] = STAFF.filter((r) => r !== 'department_reviewer' && r !== 'assessor' && r !== 'workplace_party_contact');
const REVEAL_PII: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'grid_worker'];
const WRITE_PLACES: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'];
const WRITE_PEOPLE: StaffRole[] = [...WRITE_PLACES, 'grid_worker'];
const WRITE_ORGS = WRITE_PLACES;
const APPROVE = WRITE_PLACES;

const { env, w, afterSetUp } = useWorld();
const sessions = new Map<string, Session>();
// Per-role records, so that every allowed write in the matrix has something of its own to act on.
const perRole = new Map<string, { person: string; tenancy: string; spareOrg: string; approval: string }>();
let spare: { roomA: string; roomZ: string; personA: string; personZ: string; orgA: string; orgZ: string; approvalZ: string };

/** Ancestors-or-self of each target, by the fixture's tree. */
let lineage: Record<string, string[]>;
const covers = (role: StaffRole, target: string) => lineage[target]!.includes(w.grantsAt[role]);

afterSetUp(async () => {
  const { places: p, rooms } = w;
  lineage = {
    A: [p.S, p.C1, p.G1, p.A],
    A1u: [p.S, p.C1, p.G1, p.A, p.A1.building, p.A1.unit],
    A101: [p.S, p.C1, p.G1, p.A, p.A1.building, p.A1.unit, rooms.A101],
    A201: [p.S, p.C1, p.G1, p.A, p.A2.building, p.A2.unit, rooms.A201],
  };
  const ctx = w.ctx;
  const room = (unit: string, name: string) =>
    createPlace(ctx, { parentId: unit, kind: 'room', name, room: { area: '50', areaSource: 'contract', use: 'parking' } }).then((r) => r.id);
  const street2 = { ...ctx, actor: { ...ctx.actor, accountId: w.accounts.street_official2, name: 'street2', grants: await loadGrants(read(env.kernel), w.accounts.street_official2) } };
  const approvalFor = (placeId: string, orgId: string) =>
    write(street2, (tx) => requestApproval(tx, street2, { kind: DELETE_RECORD, placeId, summary: 'test', payload: { entity: 'organisation', id: orgId, reason: 'test' } })).then((a) => a.approvalId);
  const org = (placeId: string, name: string) => createOrganisation(ctx, { placeId, kind: 'social_org', name }).then((o) => o.id);

  for (const role of [...STAFF, 'resident']) {
    const person = await w.person(p.A, `家属${role}`);
    const tenancy = await w.household(rooms.A103, await w.person(p.A, `租户${role}`), 'tenant');
    const spareOrg = await org(p.A, `待删${role}`);
    perRole.set(role, { person, tenancy, spareOrg, approval: await approvalFor(p.A, spareOrg) });
  }
  const orgZ = await org(p.Z, '远方待删');
  spare = {
    roomA: await room(p.A1.unit, '车位1'),
    roomZ: await room(p.Z1.unit, '车位1'),
    personA: await w.person(p.A, '空白甲'),
    personZ: await w.person(p.Z, '空白乙'),
    orgA: await org(p.A, '空白组织'),
    orgZ,
    approvalZ: await approvalFor(p.Z, orgZ),
  };
  for (const role of STAFF) sessions.set(role, await signIn(env.app, role, PASSWORD));
  sessions.set('resident', await signIn(env.app, '13800000001', PASSWORD));
});

const as = (role: string) => sessions.get(role)!;
/** The expected status for a role on a target: success, 403 (visible, not permitted) or 404 (invisible). */
const expected = (role: StaffRole, target: string, allowedRoles: readonly StaffRole[], visibleRoles: readonly StaffRole[], success: number) =>
  allowedRoles.includes(role) && covers(role, target) ? success : visibleRoles.includes(role) && covers(role, target) ? 403 : 404;

interface Case {
  name: string;
  target: string;
  allowed: readonly StaffRole[];
  visible: readonly StaffRole[];
  success: number;
  /** Approvals answer 403 to anyone who is not an approver of the place, visible or not. */
  denied?: 403;
  inside: (role: string) => ['GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown?];
  outside: (role: string) => ['GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown?];
}

const roomBody = (parentId: string, name: string) => ({ parentId, kind: 'room', name, room: { area: '60.5', areaSource: 'surveyed', use: 'residential' } });

const cases = (): Case[] => [
  { name: 'GET /api/places/:id', target: 'A101', allowed: READ_PLACES, visible: READ_PLACES, success: 200, inside: () => ['GET', `/api/places/${w.rooms.A101}`], outside: () => ['GET', `/api/places/${w.rooms.Z101}`] },
  { name: 'GET /api/places/:id/children', target: 'A1u', allowed: READ_PLACES, visible: READ_PLACES, success: 200, inside: () => ['GET', `/api/places/${w.places.A1.unit}/children`], outside: () => ['GET', `/api/places/${w.places.Z1.unit}/children`] },
  { name: 'POST /api/places', target: 'A1u', allowed: WRITE_PLACES, visible: READ_PLACES, success: 201, inside: (r) => ['POST', '/api/places', roomBody(w.places.A1.unit, `m-${r}`)], outside: (r) => ['POST', '/api/places', roomBody(w.places.Z1.unit, `m-${r}`)] },
  { name: 'PATCH /api/places/:id', target: 'A101', allowed: WRITE_PLACES, visible: READ_PLACES, success: 200, inside: () => ['PATCH', `/api/places/${w.rooms.A101}`, { name: '101' }], outside: () => ['PATCH', `/api/places/${w.rooms.Z101}`, { name: '101' }] },
  { name: 'DELETE /api/places/:id', target: 'A1u', allowed: WRITE_PLACES, visible: READ_PLACES, success: 202, inside: () => ['DELETE', `/api/places/${spare.roomA}`, { reason: 'test' }], outside: () => ['DELETE', `/api/places/${spare.roomZ}`, { reason: 'test' }] },
  { name: 'GET /api/rooms/:id/households', target: 'A101', allowed: READ_ROOMS, visible: READ_ROOMS, success: 200, inside: () => ['GET', `/api/rooms/${w.rooms.A101}/households`], outside: () => ['GET', `/api/rooms/${w.rooms.Z101}/households`] },
  { name: 'POST /api/households', target: 'A101', allowed: WRITE_PEOPLE, visible: READ_ROOMS, success: 201, inside: (r) => ['POST', '/api/households', { roomId: w.rooms.A101, personId: perRole.get(r)!.person, relation: 'family' }], outside: (r) => ['POST', '/api/households', { roomId: w.rooms.Z101, personId: perRole.get(r)!.person, relation: 'family' }] },
  { name: 'POST /api/households/:id/end', target: 'A101', allowed: WRITE_PEOPLE, visible: READ_ROOMS, success: 200, inside: (r) => ['POST', `/api/households/${perRole.get(r)!.tenancy}/end`, { endDate: '2026-11-30' }], outside: () => ['POST', `/api/households/${w.households.zedHousehold}/end`, { endDate: '2026-11-30' }] },
  { name: 'DELETE /api/households/:id', target: 'A201', allowed: WRITE_PEOPLE, visible: READ_ROOMS, success: 202, inside: () => ['DELETE', `/api/households/${w.households.aliceTenantOfA201}`, { reason: 'test' }], outside: () => ['DELETE', `/api/households/${w.households.zedHousehold}`, { reason: 'test' }] },
  { name: 'GET /api/persons/:id', target: 'A101', allowed: READ_ROOMS, visible: READ_ROOMS, success: 200, inside: () => ['GET', `/api/persons/${w.persons.alice}`], outside: () => ['GET', `/api/persons/${w.persons.zed}`] },
  { name: 'GET /api/persons/:id/pii', target: 'A101', allowed: REVEAL_PII, visible: READ_ROOMS, success: 200, inside: () => ['GET', `/api/persons/${w.persons.alice}/pii`], outside: () => ['GET', `/api/persons/${w.persons.zed}/pii`] },
  { name: 'POST /api/persons', target: 'A', allowed: WRITE_PEOPLE, visible: READ_PLACES, success: 201, inside: (r) => ['POST', '/api/persons', { placeId: w.places.A, name: `新人${r}` }], outside: (r) => ['POST', '/api/persons', { placeId: w.places.Z, name: `新人${r}` }] },
  { name: 'PATCH /api/persons/:id', target: 'A101', allowed: WRITE_PEOPLE, visible: READ_ROOMS, success: 200, inside: () => ['PATCH', `/api/persons/${w.persons.alice}`, { tags: ['volunteer'] }], outside: () => ['PATCH', `/api/persons/${w.persons.zed}`, { tags: [] }] },
  { name: 'DELETE /api/persons/:id', target: 'A', allowed: WRITE_PEOPLE, visible: READ_ROOMS, success: 202, inside: () => ['DELETE', `/api/persons/${spare.personA}`, { reason: 'test' }], outside: () => ['DELETE', `/api/persons/${spare.personZ}`, { reason: 'test' }] },
  { name: 'GET /api/organisations/:id', target: 'A', allowed: READ_PLACES, visible: READ_PLACES, success: 200, inside: () => ['GET', `/api/organisations/${w.organisations.ownersCommitteeA}`], outside: () => ['GET', `/api/organisations/${w.organisations.ownersCommitteeZ}`] },
  { name: 'POST /api/organisations', target: 'A', allowed: WRITE_ORGS, visible: READ_PLACES, success: 201, inside: (r) => ['POST', '/api/organisations', { placeId: w.places.A, kind: 'social_org', name: `社团${r}` }], outside: (r) => ['POST', '/api/organisations', { placeId: w.places.Z, kind: 'social_org', name: `社团${r}` }] },
  { name: 'PATCH /api/organisations/:id', target: 'A', allowed: WRITE_ORGS, visible: READ_PLACES, success: 200, inside: () => ['PATCH', `/api/organisations/${w.organisations.ownersCommitteeA}`, { name: '阳光花园业委会' }], outside: () => ['PATCH', `/api/organisations/${w.organisations.ownersCommitteeZ}`, { name: '远方小区业委会' }] },
  { name: 'DELETE /api/organisations/:id', target: 'A', allowed: WRITE_ORGS, visible: READ_PLACES, success: 202, inside: () => ['DELETE', `/api/organisations/${spare.orgA}`, { reason: 'test' }], outside: () => ['DELETE', `/api/organisations/${spare.orgZ}`, { reason: 'test' }] },
  { name: 'POST /api/positions', target: 'A', allowed: WRITE_ORGS, visible: READ_PLACES, success: 201, inside: (r) => ['POST', '/api/positions', { personId: w.persons.alice, organisationId: w.organisations.ownersCommitteeA, title: `委员${r}` }], outside: (r) => ['POST', '/api/positions', { personId: w.persons.zed, organisationId: w.organisations.ownersCommitteeZ, title: `委员${r}` }] },
  { name: 'PATCH /api/positions/:id', target: 'A', allowed: WRITE_ORGS, visible: READ_PLACES, success: 200, inside: () => ['PATCH', `/api/positions/${w.positions.positionA}`, { title: '主任' }], outside: () => ['PATCH', `/api/positions/${w.positions.positionZ}`, { title: '主任' }] },
  { name: 'DELETE /api/positions/:id', target: 'A', allowed: WRITE_ORGS, visible: READ_PLACES, success: 202, inside: () => ['DELETE', `/api/positions/${w.positions.positionA}`, { reason: 'test' }], outside: () => ['DELETE', `/api/positions/${w.positions.positionZ}`, { reason: 'test' }] },
  // Approving: a second approver at or above the place; others may not (403), wherever they are.
  { name: 'POST /api/approvals/:id/approve', target: 'A', allowed: APPROVE, visible: STAFF, success: 200, denied: 403, inside: (r) => ['POST', `/api/approvals/${perRole.get(r)!.approval}/approve`, {}], outside: () => ['POST', `/api/approvals/${spare.approvalZ}/approve`, {}] },
];

describe('registry access matrix: single records', () => {
  for (const c of cases()) {
    test(c.name, async () => {
      const outsideExpected = c.denied ?? 404;
      for (const role of STAFF) {
        const [m, url, body] = c.inside(role);
        const res = await as(role).request(m, url, body);
        const want = expected(role, c.target, c.allowed, c.visible, c.success);
        assert.equal(res.status, want === c.success ? want : (c.denied ?? want), `${role} inside: ${m} ${url} → ${JSON.stringify(res.body)}`);
        if (res.status >= 400) assert.ok(res.body.error.code, 'denials carry an error code');
        const [om, ourl, obody] = c.outside(role);
        const out = await as(role).request(om, ourl, obody);
        assert.equal(out.status, outsideExpected, `${role} outside: ${om} ${ourl} → ${JSON.stringify(out.body)}`);
      }
      // A resident holds no grant: every staff route is closed to them, except their own person record.
      const [m, url, body] = c.inside('resident');
      const res = await as('resident').request(m, url, body);
      const residentMayRead = c.name === 'GET /api/persons/:id' || c.name === 'GET /api/rooms/:id/households';
      if (residentMayRead) assert.equal(res.status, 200, `resident: ${m} ${url}`);
      else assert.ok([403, 404].includes(res.status), `resident: ${m} ${url} → ${res.status}`);
    });
  }
});

describe('registry access matrix: lists are filtered in SQL', () => {
  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

  test('GET /api/rooms', async () => {
    for (const role of STAFF) {
      const res = await as(role).request('GET', '/api/rooms?pageSize=200');
      assert.equal(res.status, 200);
      assert.equal(ids(res.body).includes(w.rooms.A101), READ_ROOMS.includes(role), `${role} sees A101`);
      assert.equal(ids(res.body).includes(w.rooms.B101), READ_ROOMS.includes(role) && [w.places.S].includes(w.grantsAt[role]), `${role} sees B101`);
      assert.ok(!ids(res.body).includes(w.rooms.Z101), `${role} never sees another street's room`);
    }
  });

  test('a resident sees only their own rooms', async () => {
    const res = await as('resident').request('GET', '/api/rooms?pageSize=200');
    assert.deepEqual(ids(res.body), [w.rooms.A101]);
    const other = await as('resident').request('GET', `/api/rooms/${w.rooms.A102}/households`);
    assert.equal(other.status, 404);
    const persons = await as('resident').request('GET', '/api/persons?pageSize=200');
    assert.deepEqual(ids(persons.body), [w.persons.alice]);
    const home = await as('resident').request('GET', '/api/me/home');
    assert.equal(home.status, 200);
    assert.deepEqual(home.body.rooms.map((r: { roomId: string }) => r.roomId), [w.rooms.A101]);
    assert.equal(home.body.rooms[0].companyName, '安和物业');
  });

  test('GET /api/persons', async () => {
    for (const role of STAFF) {
      const res = await as(role).request('GET', '/api/persons?pageSize=200');
      assert.equal(res.status, 200);
      assert.equal(ids(res.body).includes(w.persons.alice), READ_ROOMS.includes(role), `${role} sees alice`);
      assert.ok(!ids(res.body).includes(w.persons.zed), `${role} never sees zed`);
    }
  });

  test('GET /api/organisations and /api/positions', async () => {
    for (const role of STAFF) {
      const orgs = await as(role).request('GET', '/api/organisations?pageSize=200');
      assert.equal(ids(orgs.body).includes(w.organisations.ownersCommitteeA), covers(role, 'A'), `${role} sees A's committee`);
      assert.ok(!ids(orgs.body).includes(w.organisations.ownersCommitteeZ));
      const positions = await as(role).request('GET', '/api/positions?pageSize=200');
      assert.ok(!ids(positions.body).includes(w.positions.positionZ), `${role} never sees Z's positions`);
    }
  });

  test('GET /api/places/roots names each grant place', async () => {
    for (const role of STAFF) {
      const res = await as(role).request('GET', '/api/places/roots');
      assert.deepEqual(ids(res.body), [w.grantsAt[role]], role);
    }
    const resident = await as('resident').request('GET', '/api/places/roots');
    assert.deepEqual(resident.body.items, []);
  });

  test('unauthenticated requests are refused with 401', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/rooms' });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'UNAUTHENTICATED');
  });
});
