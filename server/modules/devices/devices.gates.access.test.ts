import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { registerDevice } from './use-cases/gates-device-register.ts';

/**
 * The gates part's access matrix: each role, inside its place (阳光花园 A, in street S) and outside (明月小区 B, in S
 * but another community; 远方小区 Z, another street). Registering, re-keying, disabling: manageDevices (the street, the
 * platform admin, the compound's manager); seeing the registry: readDevices (those and the property staff and the
 * community); movement records: readMovements (the street, the compound's manager and staff) — the community,
 * the grid, the building, the owners' committee and residents 403; a place outside the actor's scope 404; the
 * retention period: the street's officials at their street.
 */
const { env, w, setUp } = useWorld();
const ROLES = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'grid_worker', 'property_manager', 'property_staff', 'building_leader', 'owners_committee_member', 'resident'] as const;
type Login = (typeof ROLES)[number];
const clients = setUp('a session per role', async () => {
  const out = {} as Record<Login, Client>;
  for (const r of ROLES) out[r] = await signInClient(env.app, r === 'resident' ? '13800000001' : r, PASSWORD);
  return out;
});
const devices = setUp('a device at A and at Z', async () => {
  const sys: Ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  return { A: await registerDevice(sys, { placeId: w.places.A, kind: 'gate', name: '阳光东门', location: '' }), Z: await registerDevice(sys, { placeId: w.places.Z, kind: 'gate', name: '远方东门', location: '' }) };
});

/** Expected statuses per role: [inside, outside]. */
function matrix(name: string, expect: Record<Login, [number, number]>, send: (c: Client, inside: boolean) => Promise<{ status: number; body: unknown }>) {
  test(name, async () => {
    for (const role of ROLES) {
      const [inside, outside] = expect[role];
      const a = await send(clients[role], true);
      assert.equal(a.status, inside, `${role} inside: ${JSON.stringify(a.body)}`);
      const b = await send(clients[role], false);
      assert.equal(b.status, outside, `${role} outside: ${JSON.stringify(b.body)}`);
    }
  });
}

matrix(
  'register a device (manageDevices): inside 201 for the street, the admin and the manager; seen but not allowed 403; unseen 404',
  {
    platform_admin: [201, 404],
    street_official: [201, 404],
    property_manager: [201, 404],
    property_staff: [403, 404],
    community_secretary: [403, 404],
    committee_staff: [403, 404],
    grid_worker: [404, 404],
    building_leader: [404, 404],
    owners_committee_member: [404, 404],
    resident: [404, 404],
  },
  (c, inside) => c.request('POST', '/api/devices/devices', { placeId: inside ? w.places.A : w.places.Z, kind: 'gate', name: '测试闸机' }),
);

matrix(
  'disable a device: the same, on the device (unseen → DEVICE_NOT_FOUND 404)',
  {
    platform_admin: [200, 404],
    street_official: [409, 404],
    property_manager: [409, 404],
    property_staff: [403, 404],
    community_secretary: [403, 404],
    committee_staff: [403, 404],
    grid_worker: [404, 404],
    building_leader: [404, 404],
    owners_committee_member: [404, 404],
    resident: [404, 404],
  },
  (c, inside) => c.request('POST', `/api/devices/devices/${inside ? devices.A.id : devices.Z.id}/disable`, { reason: '检修' }),
);

matrix(
  'enable and re-key: the managers inside; others refused',
  {
    platform_admin: [200, 404],
    street_official: [200, 404],
    property_manager: [200, 404],
    property_staff: [403, 404],
    community_secretary: [403, 404],
    committee_staff: [403, 404],
    grid_worker: [404, 404],
    building_leader: [404, 404],
    owners_committee_member: [404, 404],
    resident: [404, 404],
  },
  async (c, inside) => {
    const id = inside ? devices.A.id : devices.Z.id;
    const e = await c.request('POST', `/api/devices/devices/${id}/enable`);
    if (e.status !== 200 && e.status !== 409) return e;
    return c.request('POST', `/api/devices/devices/${id}/rekey`);
  },
);

matrix(
  'the registry list (readDevices): inside 200 for those who read devices, 403 for the rest; a compound outside 404',
  {
    platform_admin: [200, 404],
    street_official: [200, 404],
    property_manager: [200, 404],
    property_staff: [200, 404],
    community_secretary: [200, 404],
    committee_staff: [200, 404],
    grid_worker: [403, 403],
    building_leader: [403, 403],
    owners_committee_member: [403, 403],
    resident: [403, 403],
  },
  (c, inside) => c.request('GET', `/api/devices/devices?placeId=${inside ? w.places.A : w.places.Z}`),
);

matrix(
  'movement records (readMovements): the street, the manager and the staff inside; the community, grid, building, committee, residents and the platform admin 403; outside 404',
  {
    platform_admin: [403, 403],
    street_official: [200, 404],
    property_manager: [200, 404],
    property_staff: [200, 404],
    community_secretary: [403, 403],
    committee_staff: [403, 403],
    grid_worker: [403, 403],
    building_leader: [403, 403],
    owners_committee_member: [403, 403],
    resident: [403, 403],
  },
  (c, inside) => c.request('GET', `/api/devices/movements?placeId=${inside ? w.places.A : w.places.Z}`),
);

test('movement records of 明月小区 (same street, another community): the street reads them, 阳光花园’s manager and staff get 404', async () => {
  assert.equal((await clients.street_official.request('GET', `/api/devices/movements?placeId=${w.places.B}`)).status, 200);
  for (const role of ['property_manager', 'property_staff'] as const) assert.equal((await clients[role].request('GET', `/api/devices/movements?placeId=${w.places.B}`)).status, 404, role);
});

matrix(
  'the retention period (manageDevices at the street): the street’s officials and the admin set it at their street; the rest never',
  {
    platform_admin: [200, 404],
    street_official: [200, 404],
    property_manager: [404, 404],
    property_staff: [404, 404],
    community_secretary: [404, 404],
    committee_staff: [404, 404],
    grid_worker: [404, 404],
    building_leader: [404, 404],
    owners_committee_member: [404, 404],
    resident: [404, 404],
  },
  (c, inside) => c.request('PUT', '/api/devices/retention', { streetId: inside ? w.places.S : w.places.S2, retentionDays: 14 }),
);
