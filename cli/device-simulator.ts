import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { loadConfig } from '../server/kernel/config.ts';
import { openDatabase } from '../server/kernel/db/index.ts';
import { createPii } from '../server/kernel/pii/pii.ts';
import type { DevicesDb } from '../server/modules/devices/devices.db.ts';
import {
  STRANGE_PLATES,
  type SimDevice,
  type SimEvent,
  heartbeat,
  laneCount,
  personIn,
  personOut,
  randomCard,
  send,
  signedEvent,
  spaceSensed,
  vehicleIn,
  vehicleOut,
} from '../server/modules/devices/devices.simulator.ts';

/**
 * The device simulator (issue 26 §7): drives the signed device API over HTTP as a gate, a barrier, a parking sensor
 * or a lane counter would, and prints each answer. `npm run devices:simulate -- <command> [options]`.
 */
const HELP = `Device simulator 设备模拟器

Usage: npm run devices:simulate -- [--url http://127.0.0.1:3100] (--key <key id> --secret <secret> | --demo) <command> [options]

  gate-in  (--card <hex> | --qr <code>)     a person comes in through a gate  行人进
  gate-out (--card <hex> | --qr <code>)     a person goes out                  行人出
  barrier-in  --plate <plate> [--qr <code>] a vehicle comes in at a barrier    车辆进
  barrier-out --plate <plate> [--qr <code>] a vehicle goes out                 车辆出
  space --space <no> (--occupied | --free)  a parking sensor reports its space 车位状态
  count --direction in|out [--count <n>]    a lane counter counts vehicles     车流计数
  heartbeat                                 the device is alive                心跳
  devices                                   (--demo) list the demo's devices   列出演示设备
  traffic [--minutes 5] [--rate 2]          (--demo) realistic traffic from every demo device, --rate events a second

--demo reads the devices (and decrypts their keys) from the database of GZ_DATA_DIR / DATABASE_URL, beside the
running server; --device <name or key id> picks one of them for a single command (the first of the right kind otherwise).
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: process.env.GZ_URL ?? `http://127.0.0.1:${process.env.GZ_PORT ?? 3100}` },
    key: { type: 'string' },
    secret: { type: 'string' },
    demo: { type: 'boolean', default: false },
    device: { type: 'string' },
    card: { type: 'string' },
    qr: { type: 'string' },
    plate: { type: 'string' },
    space: { type: 'string' },
    occupied: { type: 'boolean', default: false },
    free: { type: 'boolean', default: false },
    direction: { type: 'string', default: 'in' },
    count: { type: 'string', default: '1' },
    minutes: { type: 'string', default: '5' },
    rate: { type: 'string', default: '2' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

interface DemoDevice extends SimDevice {
  name: string;
  kind: string;
  place: string;
  location: string;
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const command = positionals[0];

async function demoDevices(): Promise<DemoDevice[]> {
  const config = loadConfig();
  const database = await openDatabase(config.database, { besideRunning: true });
  try {
    const pii = createPii(config.piiKey);
    const db = database.db as unknown as Kysely<DevicesDb>;
    const rows = await db
      .selectFrom('dev_devices as d')
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
      .select(['d.key_id', 'd.secret_enc', 'd.name', 'd.kind', 'd.location', 'p.name as place'])
      .where('d.status', '=', 'active')
      .orderBy('p.path')
      .orderBy('d.name')
      .execute();
    return rows.map((r) => ({ keyId: r.key_id, secret: pii.decrypt(r.secret_enc), name: r.name, kind: r.kind, place: r.place, location: r.location }));
  } finally {
    await database.close();
  }
}

const KIND_OF: Record<string, string> = { 'gate-in': 'gate', 'gate-out': 'gate', 'barrier-in': 'barrier', 'barrier-out': 'barrier', space: 'parking_sensor', count: 'counter', heartbeat: '' };

function eventOf(cmd: string): SimEvent {
  const credential = values.qr ? { qr: values.qr } : { card: values.card ?? randomCard() };
  switch (cmd) {
    case 'gate-in':
      return personIn(credential);
    case 'gate-out':
      return personOut(credential);
    case 'barrier-in':
    case 'barrier-out': {
      if (!values.plate) throw new Error('--plate is required');
      return cmd === 'barrier-in' ? vehicleIn(values.plate, values.qr) : vehicleOut(values.plate, values.qr);
    }
    case 'space':
      if (!values.space || values.occupied === values.free) throw new Error('--space <no> and one of --occupied, --free are required');
      return spaceSensed(values.space, values.occupied);
    case 'count':
      return laneCount(values.direction === 'out' ? 'out' : 'in', Number(values.count));
    case 'heartbeat':
      return heartbeat();
    default:
      throw new Error(`unknown command ${cmd}`);
  }
}

async function sendAndSay(device: SimDevice & { name?: string }, event: SimEvent) {
  const answer = await send(values.url!, signedEvent(device, event));
  say(`${new Date().toISOString()} ${device.name ?? device.keyId} ${JSON.stringify(event)} → ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

/** One realistic event for a demo device: residents' cards and unknown ones at gates, plates at barriers, sensors flipping, counts. */
function realisticEvent(d: DemoDevice, n: number): SimEvent {
  const direction = Math.random() < 0.5 ? 'in' : 'out';
  if (d.kind === 'gate') return Math.random() < 0.1 ? heartbeat() : { kind: 'person', direction, card: randomCard() };
  if (d.kind === 'barrier') return { kind: 'vehicle', direction, plate: STRANGE_PLATES[n % STRANGE_PLATES.length]! };
  if (d.kind === 'parking_sensor') return spaceSensed(d.location.replace(/^.*\s/, ''), Math.random() < 0.6);
  return laneCount(direction, 1 + Math.floor(Math.random() * 3));
}

async function traffic(devices: DemoDevice[]) {
  const until = Date.now() + Number(values.minutes) * 60_000;
  const gap = 1000 / Math.max(0.1, Number(values.rate));
  let n = 0;
  const tally: Record<number, number> = {};
  while (Date.now() < until) {
    const d = devices[Math.floor(Math.random() * devices.length)]!;
    const a = await sendAndSay(d, realisticEvent(d, n++)).catch((err: Error) => ({ status: 0, body: err.message }));
    tally[a.status] = (tally[a.status] ?? 0) + 1;
    await new Promise((r) => setTimeout(r, gap));
  }
  say(`sent ${n} events: ${JSON.stringify(tally)}`);
}

async function main(): Promise<number> {
  if (values.help || !command) {
    say(HELP);
    return command ? 0 : 2;
  }
  if (values.demo) {
    const devices = await demoDevices();
    if (command === 'devices') {
      for (const d of devices) say(`${d.place}\t${d.kind}\t${d.name}\t${d.keyId}`);
      return 0;
    }
    if (command === 'traffic') {
      await traffic(devices);
      return 0;
    }
    const kind = KIND_OF[command];
    const device = devices.find((d) => (values.device ? d.name === values.device || d.keyId === values.device : !kind || d.kind === kind));
    if (!device) throw new Error(`no demo device ${values.device ?? `of kind ${kind}`}`);
    const a = await sendAndSay(device, eventOf(command));
    return a.status < 300 ? 0 : 1;
  }
  if (!values.key || !values.secret) {
    say('--key and --secret (or --demo) are required\n');
    say(HELP);
    return 2;
  }
  const a = await sendAndSay({ keyId: values.key, secret: values.secret }, eventOf(command));
  return a.status < 300 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  },
);
