import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../../demo/seed-demo.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './devices.db.ts';
import { seedParking } from './devices.parking.seed.ts';
import { liveCarPark } from './use-cases/parking-live.ts';
import { countOpenAlerts } from './use-cases/alerts-list.ts';

/**
 * The parking part of the demo at 阳光花园: 40 spaces (24 titled, 10 rented to rooms of the compound, 6 public), the
 * tariff, three rules (overstay at the street, offline and night at the compound), ten closed sessions with fees by
 * the tariff (some settled) and one inside, an open alert (on the duty staff's to-do) and a handled one; every write
 * through the use cases (audited); a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the parking demo at 阳光花园: spaces, tariff, rules, sessions with fees, an open and a handled alert; a second run adds nothing', async () => {
  const t0 = performance.now();
  const done = await seedParking(env.kernel, demo);
  console.log(`parking demo seeded in ${(performance.now() - t0).toFixed(0)} ms`, done);
  assert.equal(done.spaces, 40);
  const street = demo.get(DEMO_STREET)!;
  const sunny = street.compounds.find((c) => c.name === '阳光花园')!;
  const db = read(env.kernel);
  const spaces = await db.selectFrom('dev_spaces').select(['kind', 'room_id']).where('place_id', '=', sunny.id).execute();
  const count = (k: string) => spaces.filter((s) => s.kind === k).length;
  assert.deepEqual([count('titled'), count('rented'), count('public')], [24, 10, 6]);
  assert.ok(spaces.filter((s) => s.kind !== 'public').every((s) => s.room_id), 'titled and rented spaces belong to rooms');
  assert.ok(spaces.filter((s) => s.kind === 'public').every((s) => !s.room_id));

  const wuye = (await demo.as('wuye'))!;
  const live = await liveCarPark(wuye, sunny.id);
  assert.deepEqual([live.capacity, live.tariff], [40, { freeMinutes: 30, hourlyFen: 500, dailyCapFen: 4000 }]);
  assert.equal(live.openSessions, 1);

  const rules = await db.selectFrom('dev_alert_rules').select(['kind', 'place_id', 'grace_minutes', 'night_from', 'night_to']).orderBy('kind').execute();
  assert.deepEqual(
    rules.map((r) => [r.kind, r.place_id === street.street.id ? 'street' : r.place_id === sunny.id ? '阳光花园' : r.place_id, r.kind === 'unknown_night' ? `${r.night_from}-${r.night_to}` : r.grace_minutes]),
    [['gate_offline', '阳光花园', 15], ['overstay', 'street', 30], ['unknown_night', '阳光花园', '23:00-06:00']],
  );

  const sessions = await db.selectFrom('dev_parking_sessions').selectAll().where('place_id', '=', sunny.id).execute();
  assert.equal(sessions.length, 11);
  for (const s of sessions.filter((x) => x.exited_at)) {
    const minutes = Math.ceil((s.exited_at!.getTime() - s.entered_at.getTime()) / 60_000);
    const fee = minutes <= 30 ? 0 : Math.min(Math.ceil(minutes / 60) * 500, 4000 * Math.ceil(minutes / 1440));
    assert.equal(s.fee_fen, fee, `${s.plate}: ${minutes} min`);
    assert.ok(fee === 0 ? s.fee_status === 'free' : ['due', 'paid', 'waived'].includes(s.fee_status), s.plate);
  }
  assert.ok(sessions.some((s) => s.fee_status === 'paid') && sessions.some((s) => s.fee_status === 'due'), 'some settled, some still due');

  const alerts = await db.selectFrom('dev_alerts').select(['status', 'note']).where('place_id', '=', sunny.id).orderBy('status').execute();
  assert.deepEqual(alerts.map((a) => a.status), ['handled', 'open']);
  assert.ok(alerts[0]!.note.length > 0);
  assert.equal(await countOpenAlerts((await demo.as('wuyestaff'))!), 1, 'on the duty staff’s to-do');

  const audited = await env.kernel.db.selectFrom('audit_log').select('action').where('action', 'like', 'devices.parking.%').execute();
  const n = (a: string) => audited.filter((r) => r.action === a).length;
  assert.deepEqual([n('devices.parking.space_added'), n('devices.parking.tariff_updated'), n('devices.parking.alert_rule_created'), n('devices.parking.alert_handled')], [40, 1, 3, 1]);
  assert.ok(n('devices.parking.session_settled') >= 1);

  assert.deepEqual(await seedParking(env.kernel, demo), { skipped: 'seeded already' });
});
