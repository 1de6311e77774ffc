import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { SYSTEM_ACTOR } from '../server/kernel/access/index.ts';
import { appDb, buildApp } from '../server/app.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { DEVICE_RATE_PER_SECOND } from '../server/modules/devices/devices.constants.ts';
import { STRANGE_PLATES, type SignedRequest, signedEvent } from '../server/modules/devices/devices.simulator.ts';
import { registerDevice } from '../server/modules/devices/use-cases/gates-device-register.ts';
import { createPlace, DEMO_STREET } from '../server/modules/registry/index.ts';
import { autocannon, HOST } from './util.ts';

/**
 * Device events ingested at 50 connections, on the embedded default with the demo: D devices (gates and barriers)
 * are registered over C compounds of the demo street (its six and more beside them: four devices a compound), N
 * requests pre-signed (each with its own nonce, round-robin over the devices so that no key nears
 * DEVICE_RATE_PER_SECOND) and POSTed to the signed device API by a separate client
 * process at 50 keep-alive connections: every one has its signature checked (HMAC-SHA256), its timestamp window, and
 * its nonce taken in the event's transaction. Then: every nonce must be in dev_nonces once and the events counted
 * must equal the requests accepted. Baseline in the same run: /api/health at 50 connections (autocannon).
 * Last line: `device events: X/s at 50 connections with signatures and replay protection (baseline /api/health Y/s)`.
 * BENCH_EVENTS (default 20000), BENCH_DEVICES (default 200), BENCH_COMPOUNDS (default 50), BENCH_DEMO_ONLY=registry
 * for a quicker demo.
 */
const N = Number(process.env.BENCH_EVENTS ?? 20_000);
const C = Number(process.env.BENCH_COMPOUNDS ?? 50);
const D = Number(process.env.BENCH_DEVICES ?? 200);
const CONNECTIONS = 50;

if (process.argv[2] === 'client') {
  // The load client, in its own process: posts every request over `CONNECTIONS` keep-alive connections.
  const [url, file] = [process.argv[3]!, process.argv[4]!];
  const all = JSON.parse(readFileSync(file, 'utf8')) as SignedRequest[];
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL(url);
  const post = (n: SignedRequest) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: target.hostname, port: target.port, path: n.path, method: 'POST', agent, headers: { ...n.headers, 'content-length': Buffer.byteLength(n.body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(n.body);
    });
  let next = 0;
  const statuses: Record<number, number> = {};
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < all.length) {
        const s = await post(all[next++]!);
        statuses[s] = (statuses[s] ?? 0) + 1;
      }
    }),
  );
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, statuses }));
  process.exit(0);
}

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-device-ingest-'));
const config = loadConfig({ GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
const kernel = await bootKernel(config);
try {
  const seeding = performance.now();
  const only = process.env.BENCH_DEMO_ONLY?.split(',');
  const demo = await seedDemo(kernel, only ? { only } : {});
  const street = demo.get(DEMO_STREET)!;
  process.stdout.write(`demo seeded in ${((performance.now() - seeding) / 1000).toFixed(0)} s\n`);
  const db = appDb(kernel);
  const app = await buildApp(kernel, { logger: false });
  await app.listen({ host: HOST, port: 0 });
  const base = `http://${HOST}:${(app.server.address() as { port: number }).port}`;

  // A street of C compounds (the demo's six and more beside them) with D / C devices each, half gates, half
  // barriers: as in life, each compound's car park is its own row — not dozens of barriers on one.
  const setUp = performance.now();
  const sys = { kernel, actor: SYSTEM_ACTOR };
  const compounds = street.compounds.map((c) => c.id);
  for (let i = compounds.length; i < C; i++) {
    compounds.push((await createPlace(sys, { parentId: street.communities[i % street.communities.length]!.id, kind: 'compound', name: `压测小区${i}` })).id);
  }
  const devices = [];
  for (let i = 0; i < D; i++) {
    const kind = i % 2 ? 'barrier' : 'gate';
    devices.push(await registerDevice(sys, { placeId: compounds[Math.floor((i * C) / D)]!, kind, name: `压测${kind === 'gate' ? '闸机' : '道闸'}${i}`, location: '' }));
  }
  const ids = devices.map((d) => d.id);
  process.stdout.write(`registered ${D} devices in ${((performance.now() - setUp) / 1000).toFixed(1)} s\n`);

  await autocannon(`${base}/api/health`, { connections: CONNECTIONS, seconds: 2 });
  const health = await autocannon(`${base}/api/health`, { connections: CONNECTIONS, seconds: 10 });

  // Signed just before posting (the window is ±5 min): round-robin over the devices, one nonce each.
  const signing = performance.now();
  const posted: SignedRequest[] = [];
  for (let i = 0; i < N; i++) {
    const d = devices[i % D]!;
    const card = (0x10000000 + i).toString(16).toUpperCase();
    posted.push(signedEvent(d, d.kind === 'gate' ? { kind: 'person', direction: i % 4 < 2 ? 'in' : 'out', card } : { kind: 'vehicle', direction: i % 4 < 2 ? 'in' : 'out', plate: STRANGE_PLATES[i % STRANGE_PLATES.length]! }));
  }
  const file = join(dataDir, 'requests.json');
  writeFileSync(file, JSON.stringify(posted));
  process.stdout.write(`signed ${N} requests in ${((performance.now() - signing) / 1000).toFixed(1)} s (${N / D} per device; ≤ ${DEVICE_RATE_PER_SECOND}/s per key holds below ${DEVICE_RATE_PER_SECOND * D}/s)\n`);

  const run = await new Promise<{ ms: number; statuses: Record<string, number> }>((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, 'client', `${base}/api/device/v1/events`, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`client exited ${code}`))));
  });
  const accepted = run.statuses['200'] ?? 0;
  const nonces = await db.selectFrom('dev_nonces').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('nonce').distinct().as('distinct')]).where('device_id', 'in', ids).executeTakeFirstOrThrow();
  const events = await db.selectFrom('dev_events').select((eb) => eb.fn.countAll<number>().as('n')).where('device_id', 'in', ids).executeTakeFirstOrThrow();
  await app.close();
  const ok = Number(nonces.n) === accepted && Number(nonces.distinct) === accepted && Number(events.n) === accepted;
  process.stdout.write(
    `posted ${N} in ${(run.ms / 1000).toFixed(1)} s: ${JSON.stringify(run.statuses)}; ${nonces.n} nonces (${nonces.distinct} distinct), ${events.n} events — ${ok ? 'each accepted request once' : 'MISMATCH'}\n`,
  );
  process.stdout.write(`device events: ${((accepted * 1000) / run.ms).toFixed(0)}/s at ${CONNECTIONS} connections with signatures and replay protection (baseline /api/health ${health.reqPerSec.toFixed(0)}/s)\n`);
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
