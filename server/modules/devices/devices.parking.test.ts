import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { read, write } from './devices.db.ts';
import { deviceHeaders } from './devices.signature.ts';
import { raiseAlerts } from './use-cases/alerts-raise.ts';
import { feeOfMinutes, parkingFee } from './use-cases/parking-fee.ts';
import { spaceRange } from './use-cases/parking-spaces-add.ts';
import { vehicleMoved } from './use-cases/vehicle-moved.ts';

/**
 * The parking part's rules (issue 26 §4, §5): the fee at its boundaries (computed by hand); the hooks the signed
 * device API calls — a sensor's space (idempotent, unknown space refused and nothing written), a counter's lane (never
 * below zero), a barrier's unknown or visitor vehicle opening and closing a session with its fee, a resident's none;
 * live occupancy counted by hand; spaces added singly and in a batch, a taken space kept; a due fee settled once;
 * each alert rule at its boundary on the ManualClock (overstay, offline, the night window's edges), the job twice
 * raising once, the duty staff told and a grid worker not, and handling by a role outside refused.
 */
const { env, w, setUp } = useWorld();
const P = '/api/devices/parking';
const MIN = 60_000;
const sessions = new Map<string, Promise<Client>>();
const as = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, signInClient(env.app, login === 'resident' ? '13800000001' : login, PASSWORD));
  return sessions.get(login)!;
};
/** Moves the clock; sessions are signed in afresh (an idle session expires by the same clock). */
const advance = (ms: number) => {
  env.clock.advance(ms);
  sessions.clear();
};
const sys = (): Ctx => ({ kernel: env.kernel, actor: SYSTEM_ACTOR });
const db = () => read(env.kernel);

/** Three devices at 阳光花园 (A) with known keys: a barrier, a parking sensor and a camera counter. */
const devices = setUp('the devices', async () => {
  const make = async (kind: 'barrier' | 'parking_sensor' | 'counter', name: string) => {
    const id = newId();
    const keyId = newId().replace(/-/g, '').slice(0, 24);
    const secret = `secret-${kind}-${keyId}`;
    await write(sys(), (tx) =>
      tx.insertInto('dev_devices').values({ street_id: w.places.S, id, place_id: w.places.A, kind, name, key_id: keyId, secret_enc: env.kernel.pii.encrypt(secret), created_at: env.clock.now() }).execute(),
    );
    return { id, keyId, secret };
  };
  return { barrier: await make('barrier', '东门道闸'), sensor: await make('parking_sensor', 'B1 车位检测器'), counter: await make('counter', '地库计数相机') };
});

const send = async (device: { keyId: string; secret: string }, event: object) => {
  const body = JSON.stringify(event);
  const r = await env.app.inject({ method: 'POST', url: '/api/device/v1/events', headers: deviceHeaders(device, 'POST', '/api/device/v1/events', body, env.clock.now().getTime()), payload: body });
  return { status: r.statusCode, body: r.json() };
};
const carPark = async (placeId = w.places.A) => db().selectFrom('dev_car_parks').selectAll().where('place_id', '=', placeId).executeTakeFirst();
const sessionsOf = async (plate: string) => db().selectFrom('dev_parking_sessions').selectAll().where('plate', '=', plate).orderBy('entered_at').execute();

test('the fee: a started minute and a started hour count, free minutes free, a started day at most the daily cap (by hand)', () => {
  const t = { freeMinutes: 30, hourlyFen: 500, dailyCapFen: 5000 };
  const cases: [number, number][] = [
    [0, 0],
    [30, 0], // exactly the free minutes
    [31, 500], // one minute past: the first hour
    [60, 500],
    [61, 1000], // a started second hour
    [9 * 60, 4500],
    [10 * 60 + 1, 5000], // 11 hours = 5,500 > the cap
    [24 * 60, 5000], // 24 hours = 12,000: capped at one day
    [24 * 60 + 1, 10000], // 25 hours = 12,500; two started days: 10,000
  ];
  for (const [minutes, fen] of cases) assert.equal(feeOfMinutes(minutes, t), fen, `${minutes} min`);
  assert.equal(feeOfMinutes(0, { ...t, freeMinutes: 0 }), 0, 'zero minutes, no free time: nothing');
  assert.equal(feeOfMinutes(1, { ...t, freeMinutes: 0 }), 500);
  const at = new Date('2026-11-22T01:00:00Z');
  assert.deepEqual(parkingFee(at, new Date(at.getTime() + 30 * MIN + 1), t), { minutes: 31, feeFen: 500 }, 'a started minute counts');
  assert.deepEqual(parkingFee(at, new Date(at.getTime() + 30 * MIN), t), { minutes: 30, feeFen: 0 });
});

test('a batch of space numbers: one prefix, counted up, zero-padded; nonsense refused', () => {
  assert.deepEqual(spaceRange('B1-001', 'B1-003'), ['B1-001', 'B1-002', 'B1-003']);
  assert.deepEqual(spaceRange('P-8', 'P-11'), ['P-8', 'P-9', 'P-10', 'P-11']);
  assert.equal(spaceRange('B1-001', 'B1-500')!.length, 500);
  assert.equal(spaceRange('B1-001', 'B1-501'), null, 'over the limit');
  assert.equal(spaceRange('B1-010', 'B1-001'), null, 'backwards');
  assert.equal(spaceRange('B1-001', 'B2-010'), null, 'two prefixes');
  assert.equal(spaceRange('B1-A', 'B1-B'), null, 'no numbers at the end');
});

test('spaces: added singly and as a batch (B1-001..B1-050), a number taken refuses the batch, listed, edited, removed only when free', async () => {
  const wuye = await as('property_manager');
  const one = await wuye.request('POST', `${P}/spaces`, { placeId: w.places.A, no: 'p-01', kind: 'public' });
  assert.equal(one.status, 201, JSON.stringify(one.body));
  const batch = await wuye.request('POST', `${P}/spaces`, { placeId: w.places.A, no: 'B1-001', to: 'B1-050', kind: 'titled' });
  assert.equal(batch.status, 201);
  assert.equal(batch.body.ids.length, 50);
  const again = await wuye.request('POST', `${P}/spaces`, { placeId: w.places.A, no: 'B1-049', to: 'B1-051', kind: 'titled' });
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'SPACE_EXISTS');
  assert.equal((await wuye.request('POST', `${P}/spaces`, { placeId: w.places.A, no: 'B1-1', to: 'B1-0', kind: 'titled' })).body.error.code, 'SPACE_RANGE_INVALID');
  assert.equal((await wuye.request('POST', `${P}/spaces`, { placeId: w.places.A, no: 'X1', kind: 'rented', roomId: w.rooms.B101 })).body.error.code, 'ROOM_NOT_IN_COMPOUND');
  const list = await wuye.request('GET', `${P}/spaces?placeId=${w.places.A}&pageSize=10&sort=no&order=desc`);
  assert.equal(list.body.total, 51);
  assert.equal(list.body.items[0].no, 'P-01', 'the number, upper-cased, sorts last');
  assert.equal((await wuye.request('GET', `${P}/spaces?q=b1-04&pageSize=50`)).body.total, 10, 'B1-040..B1-049');
  const first = batch.body.ids[0] as string;
  const edit = await wuye.request('PATCH', `${P}/spaces/${first}`, { kind: 'rented', roomId: w.rooms.A101, sensorDeviceId: devices.sensor.id });
  assert.equal(edit.status, 200, JSON.stringify(edit.body));
  const row = await db().selectFrom('dev_spaces').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
  assert.deepEqual([row.kind, row.room_id, row.sensor_device_id], ['rented', w.rooms.A101, devices.sensor.id]);
  assert.equal((await wuye.request('PATCH', `${P}/spaces/${first}`, { sensorDeviceId: devices.barrier.id })).body.error.code, 'SENSOR_NOT_IN_COMPOUND');
  const xlsx = await wuye.request('GET', `${P}/spaces/export.xlsx?placeId=${w.places.A}`);
  assert.equal(xlsx.status, 200);
  assert.ok(xlsx.raw.length > 1000);
  const audits = await sql<{ action: string }>`select action from audit_log where action like 'devices.parking.space_%' order by id`.execute(env.kernel.db);
  assert.deepEqual(audits.rows.map((r) => r.action), ['devices.parking.space_added', 'devices.parking.space_added', 'devices.parking.space_updated'], 'one entry per batch; refusals none');
});

test('a sensor: its space taken and freed, the same state twice changes nothing, an unknown space refused and nothing written', async () => {
  const t0 = env.clock.now();
  const r = await send(devices.sensor, { kind: 'space', space: 'B1-001', occupied: true });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const space = () => db().selectFrom('dev_spaces').select(['occupied', 'occupied_since']).where('place_id', '=', w.places.A).where('no', '=', 'B1-001').executeTakeFirstOrThrow();
  assert.deepEqual(await space(), { occupied: true, occupied_since: t0 });
  advance(5 * MIN);
  assert.equal((await send(devices.sensor, { kind: 'space', space: 'B1-001', occupied: true })).status, 200);
  assert.deepEqual(await space(), { occupied: true, occupied_since: t0 }, 'taken since the first report');
  const removing = await (await as('property_manager')).request('DELETE', `${P}/spaces/${(await db().selectFrom('dev_spaces').select('id').where('no', '=', 'B1-001').executeTakeFirstOrThrow()).id}`);
  assert.equal(removing.body.error.code, 'SPACE_OCCUPIED');
  const events = async () => Number((await sql<{ n: number }>`select count(*)::int as n from dev_events`.execute(env.kernel.db)).rows[0]!.n);
  const before = await events();
  const unknown = await send(devices.sensor, { kind: 'space', space: 'B9-999', occupied: true });
  assert.deepEqual([unknown.status, unknown.body.error.code], [400, 'SPACE_UNKNOWN']);
  assert.equal(await events(), before, 'the refused event wrote nothing');
  assert.equal((await send(devices.sensor, { kind: 'space', space: 'B1-001', occupied: false })).status, 200);
  assert.deepEqual(await space(), { occupied: false, occupied_since: null });
  const free = await (await as('property_manager')).request('DELETE', `${P}/spaces/${(await db().selectFrom('dev_spaces').select('id').where('no', '=', 'B1-050').executeTakeFirstOrThrow()).id}`);
  assert.equal(free.status, 200);
});

test('a counter: vehicles inside ± count, never below zero; the car park is created on first need', async () => {
  assert.equal(await carPark(), undefined);
  await send(devices.counter, { kind: 'count', direction: 'in', count: 3 });
  assert.equal((await carPark())!.vehicles_inside, 3);
  await send(devices.counter, { kind: 'count', direction: 'out', count: 5 });
  assert.equal((await carPark())!.vehicles_inside, 0, 'never below zero');
  await send(devices.counter, { kind: 'count', direction: 'in', count: 2 });
  assert.equal((await carPark())!.vehicles_inside, 2);
});

test('a barrier: an unknown vehicle opens one session, its exit closes it with the fee; a resident opens none; a visitor keeps its pass', async () => {
  const t0 = env.clock.now();
  assert.equal((await send(devices.barrier, { kind: 'vehicle', direction: 'in', plate: '浙A 12345' })).body.result, 'unknown');
  assert.equal((await carPark())!.vehicles_inside, 3);
  advance(MIN);
  await send(devices.barrier, { kind: 'vehicle', direction: 'in', plate: '浙A12345' });
  assert.equal((await sessionsOf('浙A12345')).length, 1, 'one open session per plate');
  advance(60 * MIN); // 61 minutes after the entry
  await send(devices.barrier, { kind: 'vehicle', direction: 'out', plate: '浙A12345' });
  const [s] = await sessionsOf('浙A12345');
  assert.deepEqual([s!.entered_at, s!.exited_at, s!.fee_fen, s!.fee_status], [t0, env.clock.now(), 1000, 'due'], '61 minutes: two started hours at the default 5 元');
  assert.equal((await carPark())!.vehicles_inside, 3);

  // The hooks on their own: a resident's vehicle opens no session; a visitor's keeps its pass; a short stay is free.
  const gate = (direction: 'in' | 'out', plate: string) => ({ streetId: w.places.S, placeId: w.places.A, deviceId: devices.barrier.id, eventId: newId(), kind: 'vehicle' as const, direction, credential: 'plate' as const, value: plate, plate, at: env.clock.now() });
  const passId = newId();
  await write(sys(), async (tx) => {
    await vehicleMoved(tx, gate('in', '浙B00001'), { result: 'resident', vehicleId: newId() });
    await vehicleMoved(tx, gate('in', '浙B00002'), { result: 'visitor', passId });
  });
  assert.equal((await sessionsOf('浙B00001')).length, 0);
  assert.equal((await sessionsOf('浙B00002'))[0]!.pass_id, passId);
  advance(30 * MIN);
  await write(sys(), async (tx) => vehicleMoved(tx, gate('out', '浙B00002'), { result: 'visitor', passId }));
  assert.deepEqual([(await sessionsOf('浙B00002'))[0]!.fee_fen, (await sessionsOf('浙B00002'))[0]!.fee_status], [0, 'free'], 'exactly the free 30 minutes');
  assert.equal((await carPark())!.vehicles_inside, 4);
});

test('the tariff: set by the property company (audited), the next exit pays by it; a due fee settled once with a note', async () => {
  const wuye = await as('property_manager');
  const set = await wuye.request('PUT', `${P}/car-parks/${w.places.A}/tariff`, { freeMinutes: 15, hourlyFen: 300, dailyCapFen: 2000 });
  assert.equal(set.status, 200);
  assert.deepEqual([(await carPark())!.free_minutes, (await carPark())!.hourly_fen, (await carPark())!.daily_cap_fen], [15, 300, 2000]);
  await send(devices.barrier, { kind: 'vehicle', direction: 'in', plate: '沪C99999' });
  advance(24 * 60 * MIN + MIN); // 24 h 1 min: min(25 × 3 元, 2 × 20 元)
  await send(devices.barrier, { kind: 'vehicle', direction: 'out', plate: '沪C99999' });
  const [s] = await sessionsOf('沪C99999');
  assert.equal(s!.fee_fen, 4000);
  const staff = await as('property_staff');
  const list = await staff.request('GET', `${P}/sessions?status=due&q=沪c`);
  assert.deepEqual(list.body.items.map((r: { plate: string; minutes: number; feeFen: number }) => [r.plate, r.minutes, r.feeFen]), [['沪C99999', 1441, 4000]]);
  const settled = await staff.request('POST', `${P}/sessions/${s!.id}/settle`, { status: 'paid', note: '岗亭收讫' });
  assert.equal(settled.status, 200);
  const again = await staff.request('POST', `${P}/sessions/${s!.id}/settle`, { status: 'waived', note: '再次' });
  assert.equal(again.body.error.code, 'SESSION_NOT_DUE');
  const row = (await sessionsOf('沪C99999'))[0]!;
  assert.deepEqual([row.fee_status, row.fee_note], ['paid', '岗亭收讫']);
  const audit = await sql<{ action: string }>`select action from audit_log where subject_id = ${s!.id}`.execute(env.kernel.db);
  assert.deepEqual(audit.rows.map((r) => r.action), ['devices.parking.session_settled']);
  assert.equal((await (await as('community_secretary')).request('POST', `${P}/sessions/${s!.id}/settle`, { status: 'paid', note: 'x' })).status, 403, 'the community sees the compound but manages no fees');
});

test('live occupancy: capacity, sensors, vehicles inside, in use, free and rate, counted by hand', async () => {
  // 50 spaces at A (51 added, B1-050 removed): P-01 public, B1-001 rented (sensor), B1-002..B1-049 titled.
  await write(sys(), (tx) => tx.updateTable('dev_spaces').set({ sensor_device_id: devices.sensor.id }).where('no', 'in', ['B1-002', 'B1-003']).execute());
  await send(devices.sensor, { kind: 'space', space: 'B1-002', occupied: true });
  const live = await (await as('committee_staff')).request('GET', `${P}/live/${w.places.A}`);
  assert.equal(live.status, 200, JSON.stringify(live.body));
  const v = live.body;
  assert.deepEqual(
    [v.capacity, v.byKind, v.sensors, v.occupiedBySensors, v.vehiclesInside, v.inUse, v.free, v.rate, v.openSessions],
    [50, { titled: 48, rented: 1, public: 1 }, 3, 1, 4, 4, 46, 0.08, 0],
  );
  assert.deepEqual(v.spaces.map((s: { no: string; occupied: boolean }) => [s.no, s.occupied]), [['B1-001', false], ['B1-002', true], ['B1-003', false]]);
  const all = await (await as('street_official')).request('GET', `${P}/live`);
  assert.equal(all.body.items[0].placeName, '阳光花园', 'a compound with a car park first');
  assert.deepEqual(all.body.items.map((c: { placeName: string }) => c.placeName).sort(), ['明月小区', '阳光花园'].sort(), 'the street’s compounds only');
});

describe_alerts();
function describe_alerts() {
  const state = { passValidTo: new Date(0), sessionId: '' };
  const alerts = async () => db().selectFrom('dev_alerts').selectAll().orderBy('raised_at').orderBy('id').execute();
  const alertsOf = async (subjectId: string) => (await alerts()).filter((a) => a.subject_id === subjectId);

  test('rules: set at the street (overstay) and the compound (offline, night), one per place and kind, audited', async () => {
    const street = await as('street_official');
    assert.equal((await street.request('POST', `${P}/alert-rules`, { placeId: w.places.S, kind: 'overstay', graceMinutes: 30 })).status, 201);
    assert.equal((await street.request('POST', `${P}/alert-rules`, { placeId: w.places.S, kind: 'overstay', graceMinutes: 10 })).body.error.code, 'RULE_EXISTS');
    const wuye = await as('property_manager');
    assert.equal((await wuye.request('POST', `${P}/alert-rules`, { placeId: w.places.A, kind: 'gate_offline', graceMinutes: 15 })).status, 201);
    assert.equal((await wuye.request('POST', `${P}/alert-rules`, { placeId: w.places.A, kind: 'unknown_night', nightFrom: '23:00', nightTo: '06:00' })).status, 201);
    assert.equal((await wuye.request('POST', `${P}/alert-rules`, { placeId: w.places.S, kind: 'gate_offline' })).status, 403, 'the compound’s manager sees the street (its rules cover them) but sets none there');
    assert.equal((await wuye.request('POST', `${P}/alert-rules`, { placeId: w.places.Z, kind: 'gate_offline' })).status, 404, 'another street: unseen');
    assert.equal((await wuye.request('POST', `${P}/alert-rules`, { placeId: w.rooms.A101, kind: 'gate_offline' })).body.error.code, 'RULE_PLACE_KIND');
    const rules = await (await as('property_staff')).request('GET', `${P}/alert-rules`);
    assert.deepEqual(rules.body.items.map((r: { kind: string; editable: boolean }) => [r.kind, r.editable]), [['overstay', false], ['gate_offline', false], ['unknown_night', false]]);
  });

  /** Every device heard from now: the offline rule stays quiet. */
  const keepAlive = () => write(sys(), (tx) => tx.updateTable('dev_devices').set({ last_seen_at: env.clock.now() }).execute());

  test('overstay: valid_to + grace exactly → no alert, one minute more → one alert; the job twice raises once', async () => {
    const now = env.clock.now();
    const passId = newId();
    state.passValidTo = new Date(now.getTime() + 5 * MIN);
    state.sessionId = newId();
    await write(sys(), async (tx) => {
      await tx
        .insertInto('dev_passes')
        .values({ street_id: w.places.S, id: passId, place_id: w.places.A, room_id: w.rooms.A101, host_account_id: (await as('resident')).accountId, visitor_name: '周访客', plate: '浙A88888', code: 'x'.repeat(20), valid_from: new Date(now.getTime() - 60 * MIN), valid_to: state.passValidTo, created_at: now })
        .execute();
      await tx.insertInto('dev_parking_sessions').values({ street_id: w.places.S, id: state.sessionId, place_id: w.places.A, plate: '浙A88888', pass_id: passId, entered_at: now, exited_at: null, fee_fen: null, overstay_alerted_at: null }).execute();
    });
    advance(5 * MIN + 30 * MIN); // valid_to + 30 minutes exactly
    await keepAlive();
    assert.deepEqual(await raiseAlerts(env.kernel), { raised: 0 });
    advance(MIN);
    await keepAlive();
    assert.deepEqual(await raiseAlerts(env.kernel), { raised: 1 });
    assert.deepEqual(await raiseAlerts(env.kernel), { raised: 0 }, 'idempotent');
    const [a] = await alertsOf(state.sessionId);
    assert.deepEqual([a!.kind, a!.subject_type, a!.status, a!.place_id], ['overstay', 'session', 'open', w.places.A]);
    assert.match(a!.summary, /浙A88888（周访客）/);
  });

  test('the duty staff (property manager and staff of the compound) are told; a grid worker and another compound’s staff are not', async () => {
    const inbox = async (login: string) => ((await (await as(login)).request('GET', '/api/notify/inbox?pageSize=100')).body.items as { template: string; title: string; link: string }[]).filter((m) => m.template === 'devices.parking.alert');
    for (const login of ['property_manager', 'property_staff']) {
      const mine = await inbox(login);
      assert.equal(mine.length, 1, login);
      assert.equal(mine[0]!.title, '【访客车辆超时】阳光花园');
      assert.equal(mine[0]!.link, '/devices/parking/alerts?status=open');
    }
    for (const login of ['grid_worker', 'street_official', 'committee_staff']) assert.equal((await inbox(login)).length, 0, login);
    const todo = await (await as('property_staff')).request('GET', '/api/me/workbench');
    assert.ok(JSON.stringify(todo.body).includes('"devicesParkingAlerts"'), 'a to-do of open alerts');
  });

  test('gate offline: silent grace minutes exactly → no alert, one minute more → one per device; heard again, cleared; silent again → a new one once handled', async () => {
    await keepAlive();
    advance(15 * MIN);
    assert.equal((await raiseAlerts(env.kernel)).raised, 0, 'silent exactly 15 minutes');
    advance(MIN);
    assert.equal((await raiseAlerts(env.kernel)).raised, 3, 'the barrier, the sensor and the counter');
    assert.equal((await raiseAlerts(env.kernel)).raised, 0);
    const offline = await alertsOf(devices.counter.id);
    assert.equal(offline.length, 1);
    assert.equal(offline[0]!.kind, 'gate_offline');
    // Heard again a minute later: the mark clears at the next run.
    advance(MIN);
    await send(devices.counter, { kind: 'heartbeat' });
    await raiseAlerts(env.kernel);
    assert.equal((await db().selectFrom('dev_devices').select('offline_alerted_at').where('id', '=', devices.counter.id).executeTakeFirstOrThrow()).offline_alerted_at, null);
    // Handled, then silent again: a new alert.
    assert.equal((await (await as('property_staff')).request('POST', `${P}/alerts/${offline[0]!.id}/handle`, { note: '已重启相机' })).status, 200);
    advance(16 * MIN);
    await raiseAlerts(env.kernel);
    assert.deepEqual((await alertsOf(devices.counter.id)).map((a) => a.status), ['handled', 'open']);
  });

  test('unknown at night: [23:00, 06:00) Shanghai time — 22:59 out, 23:00 in, 05:59 in, 06:00 out; a resident at night none', async () => {
    // Every device heard now; the night's events are within the last day.
    await keepAlive();
    const day = new Date(env.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10); // today in Shanghai
    const shanghai = (d: string, hm: string) => new Date(`${d}T${hm}:00+08:00`);
    const prev = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const events: Record<string, string> = {};
    await write(sys(), async (tx) => {
      for (const [label, at, result] of [
        ['22:59', shanghai(prev, '22:59'), 'unknown'],
        ['23:00', shanghai(prev, '23:00'), 'unknown'],
        ['05:59', shanghai(day, '05:59'), 'unknown'],
        ['06:00', shanghai(day, '06:00'), 'unknown'],
        ['resident', shanghai(day, '01:00'), 'resident'],
      ] as const) {
        const id = newId();
        events[label] = id;
        await tx
          .insertInto('dev_events')
          .values({ street_id: w.places.S, id, place_id: w.places.A, device_id: devices.barrier.id, kind: 'vehicle', direction: 'in', credential: 'plate', credential_value: '浙Z00000', result, room_id: null, vehicle_id: null, card_id: null, pass_id: null, space_no: null, occupied: null, count: null, occurred_at: at, received_at: at })
          .execute();
      }
    });
    assert.ok(env.clock.now() > shanghai(day, '06:00'), 'the test runs after the night');
    assert.equal((await raiseAlerts(env.kernel)).raised, 2);
    for (const [label, n] of [['22:59', 0], ['23:00', 1], ['05:59', 1], ['06:00', 0], ['resident', 0]] as const) assert.equal((await alertsOf(events[label]!)).length, n, label);
    const handled = (await alertsOf(events['23:00']!))[0]!;
    assert.equal((await (await as('property_manager')).request('POST', `${P}/alerts/${handled.id}/handle`, { note: '业主亲友，已登记' })).status, 200);
    assert.equal((await raiseAlerts(env.kernel)).raised, 0, 'a handled event is not raised again');
  });

  test('alerts: listed with filters, handled once with a note (audited); a role outside refused', async () => {
    const staff = await as('property_staff');
    const open = await staff.request('GET', `${P}/alerts?status=open&kind=overstay`);
    assert.equal(open.body.total, 1);
    const id = open.body.items[0].id as string;
    assert.equal((await (await as('grid_worker')).request('POST', `${P}/alerts/${id}/handle`, { note: '试试' })).status, 404, 'no devices role: unseen');
    assert.equal((await (await as('community_secretary')).request('POST', `${P}/alerts/${id}/handle`, { note: '试试' })).status, 403, 'seen, not a duty role');
    assert.equal((await (await as('resident')).request('POST', `${P}/alerts/${id}/handle`, { note: '试试' })).status, 404);
    assert.equal((await staff.request('POST', `${P}/alerts/${id}/handle`, { note: '' })).status, 400);
    assert.equal((await staff.request('POST', `${P}/alerts/${id}/handle`, { note: '已联系访客离场' })).status, 200);
    assert.equal((await staff.request('POST', `${P}/alerts/${id}/handle`, { note: '再次' })).body.error.code, 'ALERT_HANDLED');
    const row = (await alerts()).find((a) => a.id === id)!;
    assert.deepEqual([row.status, row.note, row.handled_by_name.length > 0], ['handled', '已联系访客离场', true]);
    const entries = await sql<{ action: string }>`select action from audit_log where subject_id = ${id}`.execute(env.kernel.db);
    assert.deepEqual(entries.rows.map((r) => r.action), ['devices.parking.alert_handled']);
    const count = await staff.request('GET', `${P}/alerts/open-count`);
    assert.equal(count.body.count, (await alerts()).filter((a) => a.status === 'open').length);
    assert.equal((await staff.request('GET', `${P}/alerts/export.xlsx?status=handled`)).status, 200);
  });
}
