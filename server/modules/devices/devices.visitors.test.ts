import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import type { ManualClock } from '../../kernel/clock.ts';
import { write as writeKernel } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { read } from './devices.db.ts';
import { deviceHeaders } from './devices.signature.ts';

/**
 * Residents' vehicles, cards and visitor passes (issue 26 §2, §3), through the real routes and the real signed
 * device API: a plate once per compound (409, not 5xx), the review telling the resident; cards known at the gate
 * only while active; a pass's window checked when it is made (hand-computed limits: 7 days, 5 minutes back) and at
 * the gate at its boundaries (valid_from and valid_to admitted, a millisecond outside refused); cancelled and other
 * compounds' passes refused; the host told once however often the visitor comes in.
 */
const { env, w, setUp } = useWorld();
const sessions = new Map<string, Promise<Client>>();
const as = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, signInClient(env.app, login, PASSWORD));
  return sessions.get(login)!;
};
const clock = () => env.kernel.clock as ManualClock;
/** Moves the test clock on; sessions idle that long have expired, so everyone signs in again. */
const advance = (ms: number) => {
  clock().advance(ms);
  sessions.clear();
};
const MIN = 60_000;
const HOUR = 60 * MIN;
const EVENTS = '/api/device/v1/events';

type Device = { id: string; keyId: string; secret: string };
/** A device registered straight into dev_devices (the gates part's registry route is written alongside). */
async function device(placeId: string, kind: 'gate' | 'barrier', name: string): Promise<Device> {
  const d = { id: newId(), keyId: randomBytes(12).toString('hex'), secret: randomBytes(32).toString('hex') };
  await env.kernel.db
    .insertInto('dev_devices' as never)
    .values({ street_id: w.places.S, id: d.id, place_id: placeId, kind, name, key_id: d.keyId, secret_enc: env.kernel.pii.encrypt(d.secret), created_at: clock().now() } as never)
    .execute();
  return d;
}
/** A device's signed event at the ManualClock's time. */
async function send(d: Device, event: Record<string, unknown>) {
  const body = JSON.stringify(event);
  const r = await env.app.inject({ method: 'POST', url: EVENTS, headers: deviceHeaders(d, 'POST', EVENTS, body, clock().now().getTime()), payload: body });
  return { status: r.statusCode, body: r.json() as { eventId: string; admit: boolean; result: string; reason?: string } };
}
const arrivals = async (login: string) => {
  const r = await (await as(login)).request('GET', '/api/notify/inbox?pageSize=50');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return (r.body.items as { template: string; body: string }[]).filter((m) => m.template === 'devices.visitors.arrived');
};

/** Besides the world: an account for the tenant 陈涛 (A102) and for 李波 (B101, 明月小区); a gate and a barrier at 阳光花园, a gate at 明月小区. */
const x = setUp('the visitors world', async () => {
  const passwordHash = await hashPassword(PASSWORD);
  await writeKernel({ kernel: env.kernel, actor: SYSTEM_ACTOR }, async (tx) => {
    await createAccount(tx, env.kernel.pii, { phone: '13800000011', displayName: '陈涛', password: PASSWORD, passwordHash, personId: w.persons.tom });
    await createAccount(tx, env.kernel.pii, { phone: '13800000013', displayName: '李波', password: PASSWORD, passwordHash, personId: w.persons.bob });
  });
  return { gateA: await device(w.places.A, 'gate', '东门人行闸'), barrierA: await device(w.places.A, 'barrier', '东门道闸'), gateB: await device(w.places.B, 'gate', '明月小区北门') };
});

let aliceVehicle: string;
test('vehicles: the owner registers (plate normalised, pending); a plate once per compound (409); another’s room 404; the review tells the resident', async () => {
  const alice = await as('13800000001');
  const rooms = (await alice.request('GET', '/api/me/devices/rooms')).body;
  assert.deepEqual(rooms.map((r: { roomId: string; mayRegisterVehicles: boolean }) => [r.roomId, r.mayRegisterVehicles]), [[w.rooms.A101, true]]);
  const add = await alice.request('POST', '/api/me/devices/vehicles', { roomId: w.rooms.A101, plate: '冀a·12345', kind: 'car' });
  assert.equal(add.status, 201, JSON.stringify(add.body));
  aliceVehicle = add.body.id;
  const row = await read(env.kernel).selectFrom('dev_vehicles').selectAll().where('id', '=', aliceVehicle).executeTakeFirstOrThrow();
  assert.equal(row.plate, '冀A12345');
  assert.equal(row.status, 'pending');
  assert.equal(row.place_id, w.places.A);
  // The tenant of A102 (same compound) cannot register the same plate; nor can anyone use a room not theirs.
  const tom = await as('13800000011');
  const dup = await tom.request('POST', '/api/me/devices/vehicles', { roomId: w.rooms.A102, plate: '冀A12345' });
  assert.equal(dup.status, 409);
  assert.equal(dup.body.error.code, 'PLATE_TAKEN');
  const notMine = await alice.request('POST', '/api/me/devices/vehicles', { roomId: w.rooms.A102, plate: '冀A99999' });
  assert.equal(notMine.status, 404);
  assert.equal(notMine.body.error.code, 'ROOM_NOT_YOURS');
  assert.equal((await alice.request('POST', '/api/me/devices/vehicles', { roomId: w.rooms.A101, plate: '冀A1' })).status, 400, 'a plate too short');
  // The same plate at another compound (明月小区) is fine.
  assert.equal((await (await as('13800000013')).request('POST', '/api/me/devices/vehicles', { roomId: w.rooms.B101, plate: '冀A12345' })).status, 201);
  const count = await read(env.kernel).selectFrom('dev_vehicles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 2, 'the refused registrations wrote nothing');

  // The barrier does not know a pending plate.
  const pending = await send(x.barrierA, { kind: 'vehicle', direction: 'in', plate: '冀A12345' });
  assert.equal(pending.status, 200, JSON.stringify(pending.body));
  assert.deepEqual([pending.body.result, pending.body.reason, pending.body.admit], ['unknown', '未登记车辆', true], 'an unknown plate is marked, not refused');

  const staff = await as('property_staff');
  const list = await staff.request('GET', '/api/devices/vehicles?status=pending&q=12345');
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.items.map((v: { id: string; canReview: boolean }) => [v.id, v.canReview]), [[aliceVehicle, true]], 'only 阳光花园’s, reviewable');
  const noNote = await staff.request('POST', `/api/devices/vehicles/${aliceVehicle}/review`, { decision: 'reject' });
  assert.equal(noNote.body.error.code, 'REJECT_NOTE_REQUIRED');
  const ok = await staff.request('POST', `/api/devices/vehicles/${aliceVehicle}/review`, { decision: 'approve' });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal((await staff.request('POST', `/api/devices/vehicles/${aliceVehicle}/review`, { decision: 'approve' })).body.error.code, 'VEHICLE_REVIEWED');
  const inbox = (await alice.request('GET', '/api/notify/inbox')).body.items as { template: string; title: string }[];
  assert.equal(inbox.filter((m) => m.template === 'devices.visitors.vehicle_reviewed').length, 1);

  const approved = await send(x.barrierA, { kind: 'vehicle', direction: 'in', plate: '冀A12345' });
  assert.deepEqual([approved.body.result, approved.body.admit], ['resident', true]);
  const event = await read(env.kernel).selectFrom('dev_events').selectAll().where('id', '=', approved.body.eventId).executeTakeFirstOrThrow();
  assert.deepEqual([event.vehicle_id, event.room_id], [aliceVehicle, w.rooms.A101]);

  const xlsx = await staff.request('GET', '/api/devices/vehicles/export.xlsx');
  assert.equal(xlsx.status, 200);
  assert.ok(xlsx.raw.length > 1000);
});

test('vehicles: removing frees the plate; the tenant registers it then', async () => {
  const alice = await as('13800000001');
  const mine = (await alice.request('GET', '/api/me/devices/vehicles')).body;
  assert.deepEqual(mine.items.map((v: { id: string; status: string }) => [v.id, v.status]), [[aliceVehicle, 'approved']]);
  assert.equal((await (await as('13800000011')).request('DELETE', `/api/me/devices/vehicles/${aliceVehicle}`)).status, 404, 'not the tenant’s room');
  assert.equal((await alice.request('DELETE', `/api/me/devices/vehicles/${aliceVehicle}`)).status, 200);
  assert.equal((await alice.request('DELETE', `/api/me/devices/vehicles/${aliceVehicle}`)).body.error.code, 'VEHICLE_REMOVED');
  assert.equal((await (await as('13800000011')).request('POST', '/api/me/devices/vehicles', { roomId: w.rooms.A102, plate: '冀A12345' })).status, 201);
  const gone = await send(x.barrierA, { kind: 'vehicle', direction: 'in', plate: '冀A12345' });
  assert.equal(gone.body.result, 'unknown', 'the removed registration no longer opens the barrier; the tenant’s waits for review');
});

test('cards: issued to a room of the compound (hex, upper-cased), known at the gate while active; revoked → unknown', async () => {
  const manager = await as('property_manager');
  const issue = await manager.request('POST', `/api/devices/visitors/compounds/${w.places.A}/cards`, { roomId: w.rooms.A101, cardNo: 'a1b2c3d4', holderName: '王丽' });
  assert.equal(issue.status, 201, JSON.stringify(issue.body));
  assert.equal((await manager.request('POST', `/api/devices/visitors/compounds/${w.places.A}/cards`, { roomId: w.rooms.A102, cardNo: 'A1B2C3D4' })).body.error.code, 'CARD_TAKEN');
  assert.equal((await manager.request('POST', `/api/devices/visitors/compounds/${w.places.A}/cards`, { roomId: w.rooms.B101, cardNo: 'B1B2C3D4' })).body.error.code, 'ROOM_NOT_IN_COMPOUND');
  assert.equal((await manager.request('POST', `/api/devices/visitors/compounds/${w.places.A}/cards`, { roomId: w.rooms.A101, cardNo: 'XYZ123' })).status, 400, 'not hex');
  assert.equal((await manager.request('POST', `/api/devices/visitors/compounds/${w.places.A}/cards`, { roomId: w.rooms.A101, cardNo: 'A1B2C' })).status, 400, '5 digits: too short');
  const known = await send(x.gateA, { kind: 'person', direction: 'in', card: 'a1b2c3d4' });
  assert.deepEqual([known.body.result, known.body.admit], ['resident', true]);
  const unknown = await send(x.gateA, { kind: 'person', direction: 'in', card: 'FFFF0000' });
  assert.deepEqual([unknown.body.result, unknown.body.reason], ['unknown', '未登记门禁卡']);
  const elsewhere = await send(x.gateB, { kind: 'person', direction: 'in', card: 'A1B2C3D4' });
  assert.equal(elsewhere.body.result, 'unknown', 'a card of 阳光花园 is not known at 明月小区');
  assert.equal((await manager.request('POST', `/api/devices/cards/${issue.body.id}/revoke`)).status, 200);
  assert.equal((await manager.request('POST', `/api/devices/cards/${issue.body.id}/revoke`)).body.error.code, 'CARD_REVOKED');
  assert.equal((await send(x.gateA, { kind: 'person', direction: 'in', card: 'A1B2C3D4' })).body.result, 'unknown');
  const cards = (await manager.request('GET', `/api/devices/cards?placeId=${w.places.A}`)).body;
  assert.deepEqual(cards.items.map((c: { cardNo: string; status: string }) => [c.cardNo, c.status]), [['A1B2C3D4', 'revoked']]);
});

const iso = (ms: number) => new Date(ms).toISOString();
test('passes: the window when made — ends after it starts, at most 7 days, starts at most 5 minutes back; the phone encrypted and masked', async () => {
  const alice = await as('13800000001');
  const now = clock().now().getTime();
  const make = (from: number, to: number, extra: object = {}) => alice.request('POST', '/api/me/devices/passes', { roomId: w.rooms.A101, visitorName: '李雷', validFrom: iso(from), validTo: iso(to), ...extra });
  assert.equal((await make(now + HOUR, now + HOUR)).body.error.code, 'PASS_WINDOW', 'ends when it starts');
  assert.equal((await make(now, now + 7 * 24 * HOUR + 1)).body.error.code, 'PASS_WINDOW', '7 days and a millisecond');
  assert.equal((await make(now - 5 * MIN - 1, now + HOUR)).body.error.code, 'PASS_WINDOW', 'starts 5 minutes and a millisecond ago');
  assert.equal((await make(now, now + HOUR, { roomId: w.rooms.A102 })).status, 404, 'not her room');
  assert.equal((await make(now, now + HOUR, { visitorPhone: '12345' })).body.error.code, 'PHONE_INVALID');
  assert.equal((await make(now - 5 * MIN, now - 5 * MIN + 7 * 24 * HOUR, { visitorPhone: '13912345678' })).status, 201, 'exactly 5 minutes back, exactly 7 days');
  const rows = await read(env.kernel).selectFrom('dev_passes').selectAll().execute();
  assert.equal(rows.length, 1, 'the refused passes wrote nothing');
  assert.equal(rows[0]!.visitor_phone_masked, '139****5678');
  assert.notEqual(rows[0]!.visitor_phone_enc, '13912345678');
  assert.equal(env.kernel.pii.decrypt(rows[0]!.visitor_phone_enc!), '13912345678');
  assert.match(rows[0]!.code, /^[A-Za-z0-9_-]{22}$/);
  const staffView = (await (await as('property_staff')).request('GET', '/api/devices/passes')).body.items;
  assert.equal(staffView[0].visitorPhoneMasked, '139****5678');
  assert.equal(staffView[0].code, undefined, 'staff never see the code');
  assert.equal((await alice.request('POST', `/api/me/devices/passes/${rows[0]!.id}/cancel`)).status, 200);
});

test('the gate: a pass is admitted at valid_from and valid_to exactly, refused a millisecond outside; the host told once; out sets left_at', async () => {
  const alice = await as('13800000001');
  const now = clock().now().getTime();
  const from = now + HOUR;
  const to = now + 3 * HOUR;
  const made = await alice.request('POST', '/api/me/devices/passes', { roomId: w.rooms.A101, visitorName: '韩梅梅', plate: '冀B54321', purpose: '探亲', validFrom: iso(from), validTo: iso(to) });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const { id, code } = made.body as { id: string; code: string };
  assert.equal((await alice.request('GET', `/api/me/devices/passes/${id}`)).body.state, 'upcoming');

  advance(HOUR); // now = valid_from
  const early = await send(x.gateA, { kind: 'person', direction: 'in', qr: code, at: iso(from - 1) });
  assert.deepEqual([early.body.result, early.body.reason, early.body.admit], ['refused', '未到通行时间', false]);
  const earlyPlate = await send(x.barrierA, { kind: 'vehicle', direction: 'in', plate: '冀B54321', at: iso(from - 1) });
  assert.deepEqual([earlyPlate.body.result, earlyPlate.body.reason], ['unknown', '未登记车辆'], 'the plate alone, before the window: just unknown');
  assert.equal((await arrivals('13800000001')).length, 0);

  const first = await send(x.gateA, { kind: 'person', direction: 'in', qr: code, at: iso(from) });
  assert.deepEqual([first.body.result, first.body.admit], ['visitor', true]);
  const told = await arrivals('13800000001');
  assert.equal(told.length, 1);
  assert.match(told[0]!.body, /韩梅梅已到达阳光花园/);
  const again = await send(x.barrierA, { kind: 'vehicle', direction: 'in', plate: '冀B54321', at: iso(from + MIN) });
  assert.deepEqual([again.body.result, again.body.admit], ['visitor', true], 'her plate within the window');
  assert.equal((await arrivals('13800000001')).length, 1, 'two arrivals, one message');
  assert.equal((await arrivals('13800000011')).length, 0, 'nobody else is told');
  const out = await send(x.gateA, { kind: 'person', direction: 'out', qr: code, at: iso(from + 3 * MIN) });
  assert.equal(out.body.result, 'visitor');
  let pass = await read(env.kernel).selectFrom('dev_passes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([pass.arrived_at?.getTime(), pass.left_at?.getTime()], [from, from + 3 * MIN]);
  assert.equal((await (await as('13800000001')).request('GET', `/api/me/devices/passes/${id}`)).body.state, 'used');

  advance(2 * HOUR); // now = valid_to
  assert.deepEqual(
    [(await send(x.gateA, { kind: 'person', direction: 'in', qr: code, at: iso(to) })).body.result, (await send(x.barrierA, { kind: 'vehicle', direction: 'in', plate: '冀B54321', at: iso(to) })).body.result],
    ['visitor', 'visitor'],
    'valid_to exactly: admitted',
  );
  const late = await send(x.gateA, { kind: 'person', direction: 'in', qr: code, at: iso(to + 1) });
  assert.deepEqual([late.body.result, late.body.reason, late.body.admit], ['refused', '通行证已过期', false]);
  assert.equal((await send(x.barrierA, { kind: 'vehicle', direction: 'in', plate: '冀B54321', at: iso(to + 1) })).body.result, 'unknown');
  assert.equal((await arrivals('13800000001')).length, 1, 'still one message');
  pass = await read(env.kernel).selectFrom('dev_passes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(pass.arrived_at?.getTime(), from, 'the first arrival is kept');
  const refusedEvent = await read(env.kernel).selectFrom('dev_events').selectAll().where('id', '=', late.body.eventId).executeTakeFirstOrThrow();
  assert.deepEqual([refusedEvent.result, refusedEvent.reason, refusedEvent.pass_id], ['refused', '通行证已过期', id]);
});

test('the gate: a cancelled pass, another compound’s pass and an unknown code are refused', async () => {
  const alice = await as('13800000001');
  const now = clock().now().getTime();
  const made = await alice.request('POST', '/api/me/devices/passes', { roomId: w.rooms.A101, visitorName: '李雷', validFrom: iso(now), validTo: iso(now + 2 * HOUR) });
  const { id, code } = made.body as { id: string; code: string };
  const elsewhere = await send(x.gateB, { kind: 'person', direction: 'in', qr: code });
  assert.equal(elsewhere.status, 200, JSON.stringify(elsewhere.body));
  assert.deepEqual([elsewhere.body.result, elsewhere.body.reason, elsewhere.body.admit], ['refused', '通行码无效', false], 'a 阳光花园 pass at 明月小区');
  const bogus = await send(x.gateA, { kind: 'person', direction: 'in', qr: randomBytes(16).toString('base64url') });
  assert.deepEqual([bogus.body.result, bogus.body.reason], ['refused', '通行码无效']);
  assert.equal((await (await as('13800000011')).request('POST', `/api/me/devices/passes/${id}/cancel`)).status, 404, 'not the tenant’s pass');
  assert.equal((await alice.request('POST', `/api/me/devices/passes/${id}/cancel`)).status, 200);
  const cancelled = await send(x.gateA, { kind: 'person', direction: 'in', qr: code });
  assert.deepEqual([cancelled.body.result, cancelled.body.reason], ['refused', '通行证已取消']);
  const mine = (await alice.request('GET', '/api/me/devices/passes?state=cancelled')).body;
  assert.ok(mine.items.some((p: { id: string }) => p.id === id));
  assert.equal((await arrivals('13800000001')).length, 1, 'refusals tell nobody');
});
