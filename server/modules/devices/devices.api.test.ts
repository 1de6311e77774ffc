import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { countRows } from '../../test/harness.ts';
import type { DevicesDb } from './devices.db.ts';
import { DEVICE_RATE_PER_SECOND } from './devices.constants.ts';
import { DEVICE_CLOCK_SKEW_MS, DEVICE_HEADERS } from './devices.signature.ts';
import { type SignedRequest, type SimDevice, heartbeat, personIn, signedEvent, spaceSensed, vehicleIn } from './devices.simulator.ts';

/**
 * The signed device API (issue 26 §1), its must-haves: an unsigned request (each header missing), a wrongly signed
 * one (another secret, the body or the path changed after signing), a replayed one (the same nonce twice), a stale
 * one (5 min + 1 ms off either way; exactly 5 min is accepted) and an unknown key are each refused with its code and
 * write nothing (dev_events, dev_nonces, audit_log counted); a disabled device is refused on its very next request
 * and works again once enabled; more than DEVICE_RATE_PER_SECOND requests a second from one key → 429; a gate cannot
 * report a space; bad JSON is a 400, never a 5xx.
 */
const { env, w, setUp } = useWorld();
const db = () => env.kernel.db as unknown as Kysely<DevicesDb>;
const TABLES = ['dev_events', 'dev_nonces', 'audit_log'];

const devices = setUp('the devices', async () => {
  const manager: Client = await signInClient(env.app, 'property_manager', PASSWORD);
  const register = async (kind: string, name: string): Promise<SimDevice & { id: string }> => {
    const r = await manager.request('POST', '/api/devices/devices', { placeId: w.places.A, kind, name, location: '东门' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return { id: r.body.id, keyId: r.body.keyId, secret: r.body.secret };
  };
  return { manager, gate: await register('gate', '东门人行闸机'), barrier: await register('barrier', '东门车辆道闸'), other: await register('gate', '西门人行闸机'), flood: await register('gate', '北门人行闸机') };
});

const now = () => env.kernel.clock.now().getTime();
const post = (req: { path?: string; headers: Record<string, string>; body: string }) =>
  env.app.inject({ method: 'POST', url: req.path ?? '/api/device/v1/events', headers: req.headers, payload: req.body }).then((r) => ({ status: r.statusCode, body: r.json() as any }));

/** Sends `req` and checks it is refused with `status` and `code`, and that nothing was written. */
async function refused(req: { path?: string; headers: Record<string, string>; body: string }, status: number, code: string) {
  const before = await countRows(env.kernel, TABLES);
  const r = await post(req);
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.error.code, code);
  assert.deepEqual(await countRows(env.kernel, TABLES), before, `${code}: nothing written`);
}

test('a signed event is accepted: the event recorded with its device and compound, the nonce taken, no audit entry per event', async () => {
  const before = await countRows(env.kernel, TABLES);
  const r = await post(signedEvent(devices.gate, personIn({ card: 'A1B2C3D4' }), now()));
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.ok(r.body.eventId);
  assert.equal(r.body.admit, true);
  const after = await countRows(env.kernel, TABLES);
  assert.equal(after.dev_events, before.dev_events + 1);
  assert.equal(after.dev_nonces, before.dev_nonces + 1);
  assert.equal(after.audit_log, before.audit_log);
  const row = await db().selectFrom('dev_events').selectAll().where('id', '=', r.body.eventId).executeTakeFirstOrThrow();
  assert.equal(row.place_id, w.places.A);
  assert.equal(row.device_id, devices.gate.id);
  assert.equal(row.credential, 'card');
  assert.equal(row.credential_value, 'A1B2C3D4');
});

test('unsigned: each signature header missing (and a malformed one) → 401 DEVICE_UNSIGNED, nothing written', async () => {
  for (const h of Object.values(DEVICE_HEADERS)) {
    const req = signedEvent(devices.gate, heartbeat(), now());
    const headers = { ...req.headers };
    delete headers[h];
    await refused({ ...req, headers }, 401, 'DEVICE_UNSIGNED');
  }
  const req = signedEvent(devices.gate, heartbeat(), now());
  await refused({ ...req, headers: { ...req.headers, [DEVICE_HEADERS.signature]: 'not-hex' } }, 401, 'DEVICE_UNSIGNED');
  await refused({ ...req, headers: { ...req.headers, [DEVICE_HEADERS.timestamp]: '12345' } }, 401, 'DEVICE_UNSIGNED');
  await refused({ ...req, headers: { 'content-type': 'application/json' } }, 401, 'DEVICE_UNSIGNED');
});

test('wrongly signed: another secret, the body changed after signing, the path changed, an unknown key → 401 DEVICE_SIGNATURE_INVALID, nothing written', async () => {
  await refused(signedEvent({ keyId: devices.gate.keyId, secret: devices.other.secret }, heartbeat(), now()), 401, 'DEVICE_SIGNATURE_INVALID');
  const req = signedEvent(devices.gate, personIn({ card: 'A1B2C3D4' }), now());
  await refused({ ...req, body: req.body.replace('A1B2C3D4', 'A1B2C3D5') }, 401, 'DEVICE_SIGNATURE_INVALID');
  // Signed over another path, sent to the events path.
  const otherPath = signedEvent(devices.gate, heartbeat(), now());
  const { deviceHeaders } = await import('./devices.signature.ts');
  await refused({ ...otherPath, headers: deviceHeaders(devices.gate, 'POST', '/api/device/v1/other', otherPath.body, now()) }, 401, 'DEVICE_SIGNATURE_INVALID');
  await refused(signedEvent({ keyId: 'f'.repeat(32), secret: devices.gate.secret }, heartbeat(), now()), 401, 'DEVICE_SIGNATURE_INVALID');
});

test('replayed: the same request twice → the second 409 DEVICE_REPLAYED and writes nothing; another nonce is accepted', async () => {
  const req = signedEvent(devices.gate, personIn({ card: 'ABCDEF12' }), now());
  assert.equal((await post(req)).status, 200);
  await refused(req, 409, 'DEVICE_REPLAYED');
  // The same nonce in a new request (the timestamp moved, so the signature is fresh): still the nonce → 409.
  const nonce = req.headers[DEVICE_HEADERS.nonce]!;
  await refused(signedEvent(devices.gate, personIn({ card: 'ABCDEF12' }), now() + 1, nonce), 409, 'DEVICE_REPLAYED');
  assert.equal((await post(signedEvent(devices.gate, personIn({ card: 'ABCDEF12' }), now()))).status, 200);
});

test('stale: 5 min + 1 ms off either way → 401 DEVICE_STALE, nothing written; exactly 5 min off either way is accepted', async () => {
  await refused(signedEvent(devices.gate, heartbeat(), now() - DEVICE_CLOCK_SKEW_MS - 1), 401, 'DEVICE_STALE');
  await refused(signedEvent(devices.gate, heartbeat(), now() + DEVICE_CLOCK_SKEW_MS + 1), 401, 'DEVICE_STALE');
  assert.equal((await post(signedEvent(devices.gate, heartbeat(), now() - DEVICE_CLOCK_SKEW_MS))).status, 200);
  assert.equal((await post(signedEvent(devices.gate, heartbeat(), now() + DEVICE_CLOCK_SKEW_MS))).status, 200);
});

test('a disabled device is refused on its very next request (403 DEVICE_DISABLED, nothing written); enabled again it works', async () => {
  assert.equal((await post(signedEvent(devices.other, heartbeat(), now()))).status, 200, 'warm: its key is cached');
  const d = await devices.manager.request('POST', `/api/devices/devices/${devices.other.id}/disable`, { reason: '设备被撬，停用排查' });
  assert.equal(d.status, 200, JSON.stringify(d.body));
  await refused(signedEvent(devices.other, personIn({ card: 'A1B2C3D4' }), now()), 403, 'DEVICE_DISABLED');
  await refused(signedEvent(devices.other, heartbeat(), now()), 403, 'DEVICE_DISABLED');
  const e = await devices.manager.request('POST', `/api/devices/devices/${devices.other.id}/enable`);
  assert.equal(e.status, 200, JSON.stringify(e.body));
  assert.equal((await post(signedEvent(devices.other, personIn({ card: 'A1B2C3D4' }), now()))).status, 200);
});

test('re-keyed: the old key is refused at once, the new one works', async () => {
  const r = await devices.manager.request('POST', `/api/devices/devices/${devices.other.id}/rekey`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.notEqual(r.body.keyId, devices.other.keyId);
  await refused(signedEvent(devices.other, heartbeat(), now()), 401, 'DEVICE_SIGNATURE_INVALID');
  assert.equal((await post(signedEvent({ keyId: r.body.keyId, secret: r.body.secret }, heartbeat(), now()))).status, 200);
});

test('re-keyed by another process (this one still caches the old key): the old key is refused at once all the same', async () => {
  assert.equal((await post(signedEvent(devices.barrier, heartbeat(), now()))).status, 200, 'warm: its key is cached here');
  await db().updateTable('dev_devices').set({ key_id: 'e'.repeat(32) }).where('id', '=', devices.barrier.id).execute();
  await refused(signedEvent(devices.barrier, heartbeat(), now()), 401, 'DEVICE_SIGNATURE_INVALID');
  await db().updateTable('dev_devices').set({ key_id: devices.barrier.keyId }).where('id', '=', devices.barrier.id).execute();
  assert.equal((await post(signedEvent(devices.barrier, heartbeat(), now()))).status, 200);
});

test('a gate cannot report a space (400 DEVICE_EVENT_KIND), a barrier no person; an invalid event or bad JSON → 400 DEVICE_EVENT_INVALID, never 5xx', async () => {
  await refused(signedEvent(devices.gate, spaceSensed('B1-001', true), now()), 400, 'DEVICE_EVENT_KIND');
  await refused(signedEvent(devices.barrier, personIn({ card: 'A1B2C3D4' }), now()), 400, 'DEVICE_EVENT_KIND');
  await refused(signedEvent(devices.barrier, { kind: 'vehicle', direction: 'in', plate: 'x' } as never, now()), 400, 'DEVICE_EVENT_INVALID');
  const { deviceHeaders } = await import('./devices.signature.ts');
  for (const body of ['{not json', '', 'null', '[]', '{"kind":"teleport"}', JSON.stringify({ kind: 'person', direction: 'in', card: 'A1B2C3D4', qr: 'q'.repeat(20) })]) {
    const req: SignedRequest = { method: 'POST', path: '/api/device/v1/events', body, headers: deviceHeaders(devices.gate, 'POST', '/api/device/v1/events', body, now()) };
    const r = await post(req);
    assert.equal(r.status, 400, `${body}: ${JSON.stringify(r.body)}`);
  }
  // An event timed more than a day ago, or in the future past the window.
  await refused(signedEvent(devices.barrier, vehicleIn('浙A12345', undefined, new Date(now() - 24 * 3_600_000 - 1000)), now()), 400, 'DEVICE_EVENT_INVALID');
  await refused(signedEvent(devices.barrier, vehicleIn('浙A12345', undefined, new Date(now() + DEVICE_CLOCK_SKEW_MS + 1000)), now()), 400, 'DEVICE_EVENT_INVALID');
});

test(`rate limit: more than ${DEVICE_RATE_PER_SECOND} requests in a second from one key → 429; another key is unaffected`, async () => {
  const burst = await Promise.all(Array.from({ length: DEVICE_RATE_PER_SECOND + 15 }, () => post(signedEvent(devices.flood, heartbeat(), now()))));
  const ok = burst.filter((r) => r.status === 200).length;
  const limited = burst.filter((r) => r.status === 429).length;
  assert.ok(ok <= DEVICE_RATE_PER_SECOND, `${ok} accepted`);
  assert.ok(limited >= 15, `${limited} limited`);
  assert.equal(ok + limited, burst.length, 'every answer 200 or 429');
  assert.equal((await post(signedEvent(devices.barrier, heartbeat(), now()))).status, 200, 'another key is not limited');
});
