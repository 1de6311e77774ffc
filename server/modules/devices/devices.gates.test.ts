import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import type { DevicesDb } from './devices.db.ts';
import { DEVICE_OFFLINE_MINUTES } from './devices.constants.ts';
import { NONCE_KEEP_MS } from './devices.signature.ts';
import { heartbeat, personIn, signedEvent, vehicleIn } from './devices.simulator.ts';
import { registerDevice } from './use-cases/gates-device-register.ts';
import { purgeMovements } from './use-cases/gates-retention.ts';

/**
 * The gates part's rules: a device's key is made by the server, answered once and kept only encrypted (never in the
 * audit log); online/offline at DEVICE_OFFLINE_MINUTES; movement records show a card by its last 4, a plate whole, a
 * pass as 访客通行证, filter by result, direction, days and plate; every read and export leaves exactly one audit
 * entry (no personal data in it) and a refused read none; the retention job deletes exactly the events strictly
 * older than now − the street's days (one at the cutoff stays), leaves another street's alone, and audits once per
 * street; the street sets its days (its officials only).
 */
const { env, w, setUp } = useWorld();
const db = () => env.kernel.db as unknown as Kysely<DevicesDb>;
const DAY = 86_400_000;
const sessions = new Map<string, Promise<Client>>();
const as = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, signInClient(env.app, login === 'resident' ? '13800000001' : login, PASSWORD));
  return sessions.get(login)!;
};
const now = () => env.kernel.clock.now().getTime();
const post = (req: { path: string; headers: Record<string, string>; body: string }) =>
  env.app.inject({ method: 'POST', url: req.path, headers: req.headers, payload: req.body }).then((r) => ({ status: r.statusCode, body: r.json() as any }));
const audits = async (action: string) => (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = ${action}`.execute(env.kernel.db)).rows[0]!.n;

const x = setUp('devices at A and Z', async () => {
  const sys: Ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  return {
    gateA: await registerDevice(sys, { placeId: w.places.A, kind: 'gate', name: '东门人行闸机', location: '' }),
    barrierA: await registerDevice(sys, { placeId: w.places.A, kind: 'barrier', name: '东门车辆道闸', location: '' }),
    gateZ: await registerDevice(sys, { placeId: w.places.Z, kind: 'gate', name: '远方东门', location: '' }),
  };
});

test('registering: key id of 32 lower-case hex, a 32-byte base64url secret answered once, kept encrypted, never in the audit log', async () => {
  const manager = await as('property_manager');
  const r = await manager.request('POST', '/api/devices/devices', { placeId: w.places.A, kind: 'counter', name: '西门车流计数', location: '西门' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.match(r.body.keyId, /^[0-9a-f]{32}$/);
  assert.equal(Buffer.from(r.body.secret, 'base64url').length, 32);
  const row = await db().selectFrom('dev_devices').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
  assert.notEqual(row.secret_enc, r.body.secret);
  assert.equal(env.kernel.pii.decrypt(row.secret_enc), r.body.secret);
  const entry = await sql<{ detail: unknown }>`select detail from audit_log where subject_id = ${r.body.id}`.execute(env.kernel.db);
  assert.equal(entry.rows.length, 1);
  assert.ok(!JSON.stringify(entry.rows).includes(r.body.secret), 'the secret is not in the audit log');
  const list = await manager.request('GET', `/api/devices/devices?placeId=${w.places.A}&q=${encodeURIComponent('西门')}`);
  assert.equal(list.status, 200);
  assert.equal(list.body.total, 1);
  assert.ok(!JSON.stringify(list.body).includes(r.body.secret), 'the list never shows a secret');
  const again = await manager.request('POST', `/api/devices/devices/${r.body.id}/rekey`);
  assert.equal(again.status, 200);
  assert.notEqual(again.body.secret, r.body.secret);
  const rekeyed = await sql<{ n: number }>`select count(*)::int as n from audit_log where subject_id = ${r.body.id} and (detail::text like ${`%${again.body.secret}%`} or detail::text like ${`%${r.body.secret}%`})`.execute(env.kernel.db);
  assert.equal(rekeyed.rows[0]!.n, 0);
  const bad = await manager.request('POST', '/api/devices/devices', { placeId: w.places.A, kind: 'camera', name: 'x' });
  assert.equal(bad.status, 400);
  const room = await manager.request('POST', '/api/devices/devices', { placeId: w.rooms.A101, kind: 'gate', name: 'x' });
  assert.equal(room.status, 400);
  assert.equal(room.body.error.code, 'NOT_A_COMPOUND');
});

test(`online: heard from within ${DEVICE_OFFLINE_MINUTES} minutes (at exactly ${DEVICE_OFFLINE_MINUTES} still online, 1 ms later offline)`, async () => {
  assert.equal((await post(signedEvent(x.gateA, heartbeat(), now()))).status, 200);
  const manager = await as('property_manager');
  const state = async () => (await manager.request('GET', `/api/devices/devices?placeId=${w.places.A}&pageSize=50`)).body.items.find((d: { id: string }) => d.id === x.gateA.id).online;
  assert.equal(await state(), true);
  env.clock.advance(DEVICE_OFFLINE_MINUTES * 60_000);
  assert.equal(await state(), true);
  env.clock.advance(1);
  assert.equal(await state(), false);
  const offline = await manager.request('GET', `/api/devices/devices?placeId=${w.places.A}&online=offline&pageSize=50`);
  assert.ok(offline.body.items.some((d: { id: string }) => d.id === x.gateA.id));
  const xlsx = await manager.request('GET', `/api/devices/devices/export.xlsx?placeId=${w.places.A}`);
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.raw.subarray(0, 2).toString(), 'PK');
});

test('movement records: card by its last 4, plate whole, pass named; filters; each read and export leaves exactly one audit entry without personal data; a refused read none', async () => {
  assert.equal((await post(signedEvent(x.gateA, personIn({ card: 'AB12CD34' }), now()))).status, 200);
  assert.equal((await post(signedEvent(x.gateA, personIn({ qr: 'PassCode_0123456789' }), now()))).status, 200);
  assert.equal((await post(signedEvent(x.barrierA, vehicleIn('浙A12345'), now()))).status, 200);
  assert.equal((await post(signedEvent(x.gateZ, personIn({ card: 'FFFF0001' }), now()))).status, 200);
  const staff = await as('property_staff');
  const reads = await audits('devices.gates.movements_read');
  const all = await staff.request('GET', '/api/devices/movements?pageSize=50');
  assert.equal(all.status, 200, JSON.stringify(all.body));
  assert.equal(await audits('devices.gates.movements_read'), reads + 1, 'one read, one entry');
  const shown = all.body.items.map((r: { credentialShown: string }) => r.credentialShown);
  assert.ok(shown.includes('****CD34'));
  assert.ok(shown.includes('访客通行证'));
  assert.ok(shown.includes('浙A12345'));
  assert.ok(!JSON.stringify(all.body).includes('AB12CD34'), 'the whole card number is never shown');
  assert.ok(!shown.includes('****0001'), 'another street’s compound is not in scope');
  const byPlate = await staff.request('GET', `/api/devices/movements?q=${encodeURIComponent('浙a12345')}`);
  assert.equal(byPlate.body.total, 1);
  const byCardEnd = await staff.request('GET', '/api/devices/movements?q=CD34&kind=person&direction=in');
  assert.equal(byCardEnd.body.total, 1);
  const today = new Date(now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const tomorrow = new Date(now() + 8 * 3_600_000 + DAY).toISOString().slice(0, 10);
  assert.equal((await staff.request('GET', `/api/devices/movements?from=${today}&to=${today}`)).body.total, 3);
  assert.equal((await staff.request('GET', `/api/devices/movements?from=${tomorrow}`)).body.total, 0);
  // The card and the plate are nobody's (marked unknown); the QR code is no pass of this compound (refused).
  assert.equal((await staff.request('GET', '/api/devices/movements?result=unknown')).body.total, 2);
  assert.equal((await staff.request('GET', `/api/devices/movements?from=${tomorrow}&to=${today}`)).status, 400);
  assert.equal(await audits('devices.gates.movements_read'), reads + 6, 'each read audited (the 400 not)');
  const last = await sql<{ place_id: string; after: string }>`select place_id, detail::text as after from audit_log where action = 'devices.gates.movements_read' order by seq desc limit 1`.execute(env.kernel.db);
  assert.equal(last.rows[0]!.place_id, w.places.A);
  const searched = await sql<{ after: string }>`select detail::text as after from audit_log where action = 'devices.gates.movements_read' order by seq desc limit 4`.execute(env.kernel.db);
  assert.ok(!searched.rows.some((r) => r.after.includes('浙A12345') || r.after.includes('CD34')), 'the searched plate or card is not in the audit log');

  const exports = await audits('devices.gates.movements_exported');
  const xlsx = await staff.request('GET', '/api/devices/movements/export.xlsx');
  assert.equal(xlsx.status, 200);
  assert.equal(await audits('devices.gates.movements_exported'), exports + 1);

  const outsiders = await Promise.all(['community_secretary', 'grid_worker', 'resident'].map(as));
  const before = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(env.kernel.db);
  for (const c of outsiders) assert.equal((await c.request('GET', '/api/devices/movements')).status, 403, c.login);
  assert.equal((await staff.request('GET', `/api/devices/movements?placeId=${w.places.Z}`)).status, 404);
  assert.equal((await staff.request('GET', `/api/devices/movements?placeId=${w.places.B}`)).status, 404);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(env.kernel.db)).rows[0]!.n, before.rows[0]!.n, 'refused reads leave no entry');
  const official = await as('street_official');
  const street = await official.request('GET', `/api/devices/movements?placeId=${w.places.S}`);
  assert.equal(street.body.total, 3);
});

test('retention: the street sets its days (its officials only, audited); the job deletes exactly the events strictly older than now − days, another street’s by its own (default 30), one audit entry per street', async () => {
  const official = await as('street_official');
  assert.equal((await (await as('property_manager')).request('PUT', '/api/devices/retention', { streetId: w.places.S, retentionDays: 7 })).status, 404, 'a compound’s manager does not reach the street');
  assert.equal((await official.request('PUT', '/api/devices/retention', { streetId: w.places.S2, retentionDays: 7 })).status, 404);
  assert.equal((await official.request('PUT', '/api/devices/retention', { streetId: w.places.S, retentionDays: 0 })).status, 400);
  assert.equal((await official.request('PUT', '/api/devices/retention', { streetId: w.places.A, retentionDays: 7 })).status, 400);
  const set = await official.request('PUT', '/api/devices/retention', { streetId: w.places.S, retentionDays: 7 });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  assert.equal(set.body.retentionDays, 7);
  assert.equal((await (await as('property_staff')).request('GET', '/api/devices/retention')).body.retentionDays, 7);

  await db().deleteFrom('dev_events').execute();
  const t = now();
  const insert = (device: { id: string }, streetId: string, placeId: string, at: number) =>
    db()
      .insertInto('dev_events')
      .values({ street_id: streetId, id: newId(), place_id: placeId, device_id: device.id, kind: 'person', direction: 'in', credential: 'card', credential_value: 'AB12CD34', result: 'unknown', room_id: null, vehicle_id: null, card_id: null, pass_id: null, space_no: null, occupied: null, count: null, occurred_at: new Date(at), received_at: new Date(at) })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const S = (at: number) => insert(x.gateA, w.places.S, w.places.A, at);
  const Z = (at: number) => insert(x.gateZ, w.places.S2, w.places.Z, at);
  const goneS = [await S(t - 7 * DAY - 1), await S(t - 30 * DAY)];
  const keptS = [await S(t - 7 * DAY), await S(t - 7 * DAY + 1), await S(t)];
  const goneZ = [await Z(t - 30 * DAY - 1)];
  const keptZ = [await Z(t - 30 * DAY), await Z(t - 8 * DAY)];
  // Nonces: one just past NONCE_KEEP_MS, one at it.
  await db().deleteFrom('dev_nonces').execute();
  await db().insertInto('dev_nonces').values([
    { street_id: w.places.S, device_id: x.gateA.id, nonce: 'old-nonce-000000000', seen_at: new Date(t - NONCE_KEEP_MS - 1) },
    { street_id: w.places.S, device_id: x.gateA.id, nonce: 'kept-nonce-00000000', seen_at: new Date(t - NONCE_KEEP_MS) },
  ]).execute();

  const purgedBefore = await audits('devices.gates.events_purged');
  const r = await purgeMovements(env.kernel);
  assert.deepEqual(r, { streets: 2, events: 3, nonces: 1 });
  const left = new Set((await db().selectFrom('dev_events').select('id').execute()).map((e) => e.id));
  for (const id of [...keptS, ...keptZ]) assert.ok(left.has(id), 'kept');
  for (const id of [...goneS, ...goneZ]) assert.ok(!left.has(id), 'purged');
  assert.equal(left.size, keptS.length + keptZ.length);
  const entries = await sql<{ place_id: string; detail: { events: number; retentionDays: number } }>`select place_id, detail from audit_log where action = 'devices.gates.events_purged' order by seq desc limit 2`.execute(env.kernel.db);
  assert.equal(await audits('devices.gates.events_purged'), purgedBefore + 2);
  const byStreet = Object.fromEntries(entries.rows.map((e) => [e.place_id, e.detail]));
  assert.equal(byStreet[w.places.S]!.events, 2);
  assert.equal(byStreet[w.places.S]!.retentionDays, 7);
  assert.equal(byStreet[w.places.S2]!.events, 1);
  assert.equal(byStreet[w.places.S2]!.retentionDays, 30);
  assert.deepEqual((await db().selectFrom('dev_nonces').select('nonce').execute()).map((n) => n.nonce), ['kept-nonce-00000000']);

  // Again at once: nothing more goes, and nothing is audited.
  assert.deepEqual(await purgeMovements(env.kernel), { streets: 0, events: 0, nonces: 0 });
  assert.equal(await audits('devices.gates.events_purged'), purgedBefore + 2);
  // One millisecond on, the events at each street's cutoff go.
  env.clock.advance(1);
  assert.equal((await purgeMovements(env.kernel)).events, 2);
});

test('a vehicle that showed a pass at the barrier is found by its plate, shown with the pass, never by the code', async () => {
  assert.equal((await post(signedEvent(x.barrierA, vehicleIn('浙B67890', 'PassCode_9876543210'), now()))).status, 200);
  const staff = await as('property_staff');
  const byPlate = await staff.request('GET', `/api/devices/movements?q=${encodeURIComponent('浙B67890')}`);
  assert.equal(byPlate.body.total, 1);
  assert.equal(byPlate.body.items[0].credentialShown, '访客通行证 浙B67890');
  assert.equal((await staff.request('GET', '/api/devices/movements?q=PassCode_9876543210')).body.total, 0);
});
