import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read, write } from './devices.db.ts';
import { DEMO_SENSOR_COMPOUND } from './devices.gates.seed.ts';
import { STRANGE_PLATES, type SimEvent, heartbeat, laneCount, personIn, personOut, signedEvent, spaceSensed, vehicleIn, vehicleOut } from './devices.simulator.ts';
import { ingestDeviceEvent } from './use-cases/ingest-device-event.ts';

/** The traffic's draws: its own stream. */
export const TRAFFIC_SEED = 2604;
/** The gate left offline in the demo (its compound's index in the demo street): the registry shows the state. */
export const DEMO_OFFLINE_COMPOUND_INDEX = 2;
const HOUR = 3_600_000;
/** The device API takes events at most a day old: the traffic stays within the last 23 hours. */
const SPAN = 23 * HOUR;

interface Device {
  id: string;
  placeId: string;
  kind: string;
  name: string;
  location: string;
  keyId: string;
  secret: string;
}

/**
 * The demo's traffic (runs after the visitors' and parking parts seeded cards, vehicles, passes and spaces): about
 * 200 events over the last 23 hours through the signed device API itself (`ingestDeviceEvent`, real signatures by
 * the simulator's library, signed at the kernel's clock, the event's own time in `at`) — residents' cards and
 * approved vehicles in the morning and evening, visitors on their passes, unknown cards and plates, the basement's
 * sensors, the lane counter. Then a heartbeat from every device but one gate, left offline (last heard 3 hours ago).
 */
export async function seedTraffic(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; sent?: number; refused?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const db = read(kernel);
  const streetId = street.street.id;
  if (await db.selectFrom('dev_events').select('id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };
  const rows = await db.selectFrom('dev_devices').select(['id', 'place_id', 'kind', 'name', 'location', 'key_id', 'secret_enc']).where('street_id', '=', streetId).where('status', '=', 'active').execute();
  if (!rows.length) return { skipped: 'no devices' };
  const devices: Device[] = rows.map((r) => ({ id: r.id, placeId: r.place_id, kind: r.kind, name: r.name, location: r.location, keyId: r.key_id, secret: kernel.pii.decrypt(r.secret_enc) }));
  const rng = demo.random(TRAFFIC_SEED);
  const now = kernel.clock.now().getTime();
  const offlineCompound = street.compounds[DEMO_OFFLINE_COMPOUND_INDEX]?.id;
  const offline = devices.find((d) => d.kind === 'gate' && d.placeId === offlineCompound);
  const of = (placeId: string, kind: string) => devices.find((d) => d.placeId === placeId && d.kind === kind && d !== offline);

  // What the other parts seeded: residents' active cards and approved vehicles, passes of today.
  const cards = await db.selectFrom('dev_cards').select(['place_id', 'card_no']).where('street_id', '=', streetId).where('status', '=', 'active').execute();
  const vehicles = await db.selectFrom('dev_vehicles').select(['place_id', 'plate']).where('street_id', '=', streetId).where('status', '=', 'approved').execute();
  const passes = await db
    .selectFrom('dev_passes')
    .select(['place_id', 'code', 'plate', 'valid_from', 'valid_to'])
    .where('street_id', '=', streetId)
    .where('status', '=', 'active')
    .where('valid_to', '>', new Date(now - SPAN))
    .where('valid_from', '<', new Date(now))
    .execute();
  const spaces = await db.selectFrom('dev_spaces').select(['place_id', 'no']).where('street_id', '=', streetId).execute();

  const plan: { at: number; device: Device; event: (at: Date) => SimEvent }[] = [];
  /** A time in the last 23 hours, most of them around the morning and evening rush (China time). */
  const when = (): number => {
    const rush = rng.chance(0.6);
    if (!rush) return now - rng.int(10 * 60_000, SPAN);
    const hourOfDay = rng.chance(0.5) ? 7.5 : 18;
    const today = Math.floor((now + 8 * HOUR) / (24 * HOUR)) * 24 * HOUR - 8 * HOUR;
    let t = today + hourOfDay * HOUR + rng.int(-HOUR, HOUR);
    if (t > now - 60_000) t -= 24 * HOUR;
    return t < now - SPAN ? now - rng.int(10 * 60_000, SPAN) : t;
  };
  const stay = (from: number, hours: [number, number]) => from + rng.int(hours[0] * HOUR, hours[1] * HOUR);
  /** The way back happened already (not still to come). */
  const later = (a: number, b: number) => b > a + 60_000 && b < now - 60_000;

  for (const compound of street.compounds) {
    const gate = of(compound.id, 'gate');
    const barrier = of(compound.id, 'barrier');
    const sunny = compound.name === DEMO_SENSOR_COMPOUND;
    const persons = sunny ? 28 : 10;
    if (gate) {
      const ownCards = cards.filter((c) => c.place_id === compound.id).map((c) => c.card_no);
      for (let i = 0; i < persons; i++) {
        const card = ownCards.length && rng.chance(0.8) ? rng.pick(ownCards) : rng.int(0x10000000, 0x7fffffff).toString(16).toUpperCase();
        const t = when();
        const outFirst = rng.chance(0.5);
        plan.push({ at: t, device: gate, event: (at) => (outFirst ? personOut({ card }, at) : personIn({ card }, at)) });
        const back = stay(t, [1, 9]);
        if (later(t, back) && rng.chance(0.6)) plan.push({ at: back, device: gate, event: (at) => (outFirst ? personIn({ card }, at) : personOut({ card }, at)) });
      }
      for (const p of passes.filter((p) => p.place_id === compound.id && !p.plate)) {
        const t = Math.max(p.valid_from.getTime(), now - SPAN) + rng.int(0, 30 * 60_000);
        if (t > now - 60_000) continue;
        plan.push({ at: t, device: gate, event: (at) => personIn({ qr: p.code }, at) });
      }
    }
    if (barrier) {
      const ownPlates = vehicles.filter((v) => v.place_id === compound.id).map((v) => v.plate);
      const cars = sunny ? 18 : 6;
      for (let i = 0; i < cars; i++) {
        const plate = ownPlates.length && rng.chance(0.75) ? rng.pick(ownPlates) : rng.pick(STRANGE_PLATES);
        const t = when();
        plan.push({ at: t, device: barrier, event: (at) => vehicleIn(plate, undefined, at) });
        const out = stay(t, [0.5, 10]);
        if (later(t, out) && rng.chance(0.7)) plan.push({ at: out, device: barrier, event: (at) => vehicleOut(plate, undefined, at) });
      }
      for (const p of passes.filter((p) => p.place_id === compound.id && p.plate)) {
        const t = Math.max(p.valid_from.getTime(), now - SPAN) + rng.int(0, 30 * 60_000);
        if (t > now - 60_000) continue;
        plan.push({ at: t, device: barrier, event: (at) => vehicleIn(p.plate!, p.code, at) });
      }
    }
    const counter = of(compound.id, 'counter');
    if (counter) for (let i = 0; i < 16; i++) plan.push({ at: when(), device: counter, event: (at) => laneCount(rng.chance(0.5) ? 'in' : 'out', rng.int(1, 4), at) });
    for (const sensor of devices.filter((d) => d.placeId === compound.id && d.kind === 'parking_sensor')) {
      const no = sensor.location.split(' ').pop()!;
      if (!spaces.some((s) => s.place_id === compound.id && s.no === no)) continue;
      let occupied = rng.chance(0.5);
      for (let i = 0; i < 3; i++) {
        occupied = !occupied;
        const state = occupied;
        plan.push({ at: now - SPAN + ((i + 1) * SPAN) / 4 + rng.int(0, HOUR), device: sensor, event: (at) => spaceSensed(no, state, at) });
      }
    }
  }

  plan.sort((a, b) => a.at - b.at);
  let sent = 0;
  let refused = 0;
  const post = async (device: Device, event: SimEvent) => {
    const req = signedEvent(device, event, kernel.clock.now().getTime());
    try {
      await ingestDeviceEvent(kernel, { method: req.method, path: req.path, headers: req.headers, rawBody: req.body });
      sent++;
    } catch {
      refused++;
    }
  };
  for (const p of plan) await post(p.device, p.event(new Date(Math.min(p.at, now))));
  for (const d of devices) if (d !== offline) await post(d, heartbeat());
  if (offline) await write({ kernel, actor: SYSTEM_ACTOR }, (tx) => tx.updateTable('dev_devices').set({ last_seen_at: new Date(now - 3 * HOUR) }).where('street_id', '=', streetId).where('id', '=', offline.id).execute());
  demo.notes.push(
    '门禁与停车：wuye 在 /devices/registry 登记设备（密钥只显示一次）、/devices/vehicles 审核车辆、/devices/parking/live 看停车实况、/devices/parking/alerts 处置告警；wuyestaff 在 /devices/movements 查通行记录（每次查询留痕）；张明远 在 /h5/devices/passes 邀请访客、/h5/devices/vehicles 登记车辆。设备模拟器 npm run devices:simulate -- --demo traffic --minutes 5（在同一数据目录旁运行，读取演示设备的密钥并按真实签名上报）。',
  );
  return { sent, refused };
}
