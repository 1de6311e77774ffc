import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read, write } from './devices.db.ts';
import type { SpaceKind } from './devices.tables.ts';
import { handleAlert } from './use-cases/alerts-handle.ts';
import { createAlertRule } from './use-cases/alerts-rules-save.ts';
import { parkingFee } from './use-cases/parking-fee.ts';
import { settleSession } from './use-cases/parking-sessions-settle.ts';
import { addSpaces } from './use-cases/parking-spaces-add.ts';
import { setTariff } from './use-cases/parking-tariff-set.ts';

/** The parking part's draws: its own stream. */
export const PARKING_SEED = 2603;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PLATES = ['浙A3K2M9', '浙A7Q1L5', '沪B82K31', '浙AD12345', '苏E5R8T2', '浙A9C6W0', '皖A1F3G7', '浙A0N4P8', '浙F2H7J1', '赣C6Y2U4'];
const TARIFF = { freeMinutes: 30, hourlyFen: 500, dailyCapFen: 4000 };

/**
 * The parking part of the demo, at 阳光花园 (by wuye, its property manager): 40 spaces — B1-001..B1-024 titled and
 * B1-025..B1-034 rented (each to a room of the compound), P-01..P-06 public — with the compound's parking sensors
 * (registered by the gates part's seed, which runs before) on the first B1 spaces; the tariff (30 free minutes,
 * 5 元 an hour, 40 元 a day); the alert rules (overstay 30 min at the street, by street; gate offline 15 min and
 * unknown at night 23:00–06:00 at 阳光花园); ten closed temporary parking sessions of the past week with their fees
 * (some paid, one waived, the rest due), one vehicle inside; an open alert (that vehicle past its time) and a
 * handled one (by wuyestaff). Events come from the gates part's traffic seed: nothing here depends on them.
 */
export async function seedParking(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; spaces?: number; sensors?: number; sessions?: number; alerts?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const sunny = street.compounds.find((c) => c.name === '阳光花园');
  const wuye = await demo.as('wuye');
  const wuyestaff = await demo.as('wuyestaff');
  const streetOfficial = await demo.as('street');
  if (!sunny || !wuye || !wuyestaff || !streetOfficial) return { skipped: 'no demo logins' };
  const db = read(kernel);
  const streetId = street.street.id;
  if (await db.selectFrom('dev_spaces').select('id').where('street_id', '=', streetId).where('place_id', '=', sunny.id).executeTakeFirst()) return { skipped: 'seeded already' };
  const rng = demo.random(PARKING_SEED);
  const now = demo.now;
  const at = (ctx: Ctx, when: Date): Ctx => ({ kernel: { ...ctx.kernel, clock: { now: () => when } }, actor: ctx.actor });

  const sensors = await db.selectFrom('dev_devices').select('id').where('street_id', '=', streetId).where('place_id', '=', sunny.id).where('kind', '=', 'parking_sensor').orderBy('name').orderBy('id').execute();
  const rooms = await db.selectFrom('street_places').select('id').where('street_id', '=', streetId).where('kind', '=', 'room').where('path', 'like', `${sunny.path}%`).orderBy('path').limit(400).execute();
  const plan: { no: string; kind: SpaceKind }[] = [
    ...Array.from({ length: 24 }, (_, i) => ({ no: `B1-${String(i + 1).padStart(3, '0')}`, kind: 'titled' as const })),
    ...Array.from({ length: 10 }, (_, i) => ({ no: `B1-${String(i + 25).padStart(3, '0')}`, kind: 'rented' as const })),
    ...Array.from({ length: 6 }, (_, i) => ({ no: `P-${String(i + 1).padStart(2, '0')}`, kind: 'public' as const })),
  ];
  const setUpAt = at(wuye, new Date(now.getTime() - 30 * DAY));
  let sensor = 0;
  const usedRooms = new Set<number>();
  for (const s of plan) {
    let roomId: string | null = null;
    if (s.kind !== 'public' && rooms.length) {
      let i = rng.int(0, rooms.length - 1);
      while (usedRooms.has(i) && usedRooms.size < rooms.length) i = (i + 1) % rooms.length;
      usedRooms.add(i);
      roomId = rooms[i]!.id;
    }
    const sensorDeviceId = s.no.startsWith('B1-') && sensor < sensors.length ? sensors[sensor++]!.id : null;
    await addSpaces(setUpAt, { placeId: sunny.id, no: s.no, kind: s.kind, roomId, sensorDeviceId });
  }
  // The sensed spaces as they stand now: most of the titled ones taken (residents at home), a few rented.
  await write({ kernel, actor: SYSTEM_ACTOR }, async (tx) => {
    const sensed = await tx.selectFrom('dev_spaces').select(['id', 'kind']).where('street_id', '=', streetId).where('place_id', '=', sunny.id).where('sensor_device_id', 'is not', null).execute();
    for (const s of sensed)
      if (rng.chance(s.kind === 'titled' ? 0.7 : 0.4))
        await tx.updateTable('dev_spaces').set({ occupied: true, occupied_since: new Date(now.getTime() - rng.int(20, 900) * MINUTE) }).where('street_id', '=', streetId).where('id', '=', s.id).execute();
  });
  await setTariff(setUpAt, sunny.id, TARIFF);

  const ruleAt = at(wuye, new Date(now.getTime() - 29 * DAY));
  const overstayRule = await createAlertRule(at(streetOfficial, new Date(now.getTime() - 29 * DAY)), { placeId: streetId, kind: 'overstay', graceMinutes: 30, nightFrom: '23:00', nightTo: '06:00', enabled: true });
  await createAlertRule(ruleAt, { placeId: sunny.id, kind: 'gate_offline', graceMinutes: 15, nightFrom: '23:00', nightTo: '06:00', enabled: true });
  await createAlertRule(ruleAt, { placeId: sunny.id, kind: 'unknown_night', graceMinutes: 0, nightFrom: '23:00', nightTo: '06:00', enabled: true });

  // Ten closed sessions over the past week, and one vehicle inside since this morning.
  const sys: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const closed: { id: string; exitedAt: Date; feeFen: number }[] = [];
  /** The start of today in Shanghai: the stays of the past week were in the daytime there. */
  const today = Math.floor((now.getTime() + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  const inside = { id: newId(), plate: '浙A5X7K3', enteredAt: new Date(now.getTime() - 5 * HOUR - 12 * MINUTE) };
  await write(sys, async (tx) => {
    for (let i = 0; i < 10; i++) {
      const enteredAt = new Date(today - (7 - Math.floor(i * 0.7)) * DAY + rng.int(8 * 60, 18 * 60) * MINUTE);
      const stay = rng.chance(0.25) ? rng.int(5, 30) : rng.int(40, 6 * 60);
      const exitedAt = new Date(enteredAt.getTime() + stay * MINUTE);
      const { feeFen } = parkingFee(enteredAt, exitedAt, TARIFF);
      const id = newId();
      await tx
        .insertInto('dev_parking_sessions')
        .values({ street_id: streetId, id, place_id: sunny.id, plate: PLATES[i]!, pass_id: null, entered_at: enteredAt, exited_at: exitedAt, fee_fen: feeFen, fee_status: feeFen ? 'due' : 'free', overstay_alerted_at: null })
        .execute();
      if (feeFen) closed.push({ id, exitedAt, feeFen });
    }
    await tx
      .insertInto('dev_parking_sessions')
      .values({ street_id: streetId, id: inside.id, place_id: sunny.id, plate: inside.plate, pass_id: null, entered_at: inside.enteredAt, exited_at: null, fee_fen: null, overstay_alerted_at: now })
      .execute();
    await tx.insertInto('dev_car_parks').values({ street_id: streetId, place_id: sunny.id, updated_at: now }).onConflict((oc) => oc.doNothing()).execute();
    await tx.updateTable('dev_car_parks').set({ vehicles_inside: 23 }).where('street_id', '=', streetId).where('place_id', '=', sunny.id).execute();
  });
  // The older due fees were paid at the booth; one waived (a neighbour's relative helping after surgery).
  for (const [i, s] of closed.slice(0, -2).entries())
    await settleSession(at(wuyestaff, new Date(s.exitedAt.getTime() + 2 * MINUTE)), s.id, i === 1 ? { status: 'waived', note: '业主亲属就医陪护，经理同意减免' } : { status: 'paid', note: `岗亭现金收讫 ${(s.feeFen / 100).toFixed(2)} 元` });

  // Alerts: the vehicle inside is past its time (open); an earlier one was handled by wuyestaff.
  const handledId = newId();
  const handledSession = closed[0]?.id ?? inside.id;
  await write(sys, async (tx) => {
    await tx
      .insertInto('dev_alerts')
      .values([
        { street_id: streetId, id: newId(), place_id: sunny.id, rule_id: overstayRule.id, kind: 'overstay', subject_type: 'session', subject_id: inside.id, summary: `临时车辆 ${inside.plate} 已在场超过 5 小时，请核实来访事由`, raised_at: new Date(now.getTime() - 40 * MINUTE) },
        { street_id: streetId, id: handledId, place_id: sunny.id, rule_id: overstayRule.id, kind: 'overstay', subject_type: 'session', subject_id: handledSession, summary: `访客车辆 ${PLATES[0]} 的通行证到期后仍在场`, raised_at: new Date(now.getTime() - 6 * DAY) },
      ])
      .execute();
  });
  await handleAlert(at(wuyestaff, new Date(now.getTime() - 6 * DAY + 25 * MINUTE)), handledId, { note: '已电话联系访客，车辆已驶离并补缴停车费' });
  return { spaces: plan.length, sensors: sensor, sessions: 11, alerts: 2 };
}
