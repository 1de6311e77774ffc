import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp, appDb } from '../server/app.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { DEMO_PASSWORD } from '../server/kernel/demo-seed.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { autocannon, HOST, type LoadResult } from './util.ts';

/**
 * Registry list throughput: GET /api/rooms?pageSize=50 as the street official (whose scope is the
 * whole demo street, ~2,800 rooms) on the real app over the embedded PostgreSQL, at 50 connections.
 * Baseline: a bare Fastify hello-world driven the same way. Goal ≥ 600 req/s, p99 ≤ 200 ms. Last line:
 * `registry-list req/s <N> p99 <M> ms`.
 */

const CONNECTIONS = 50;
const SECONDS = 10;
const WARMUP_SECONDS = 2;

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-list-'));
// An explicit environment: the figure is for the embedded database, whatever the shell has set.
const config = loadConfig({ GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
const kernel = await bootKernel(config);
const report = (name: string, r: LoadResult) =>
  process.stdout.write(
    `${name.padEnd(28)} ${r.reqPerSec.toFixed(0).padStart(7)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   ${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors\n`,
  );

try {
  const seedStarted = performance.now();
  const demo = await seedDemo(kernel);
  process.stdout.write(`seeded the demo street in ${Math.round(performance.now() - seedStarted)} ms (${demo.accounts.length} logins)\n`);

  const app = await buildApp(kernel, { logger: false });
  await app.listen({ host: HOST, port: 0 });
  const { port } = app.server.address() as { port: number };

  const login = await fetch(`http://${HOST}:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'street', password: DEMO_PASSWORD }),
  });
  const cookie = /gz_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  if (login.status !== 200 || !cookie) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const url = `http://${HOST}:${port}/api/rooms?pageSize=50`;
  const probe = await fetch(url, { headers: { cookie } });
  const page = (await probe.json()) as { items: unknown[]; total: number };
  if (probe.status !== 200 || page.items.length !== 50) throw new Error(`GET /api/rooms answered ${probe.status}`);
  process.stdout.write(`GET /api/rooms?pageSize=50 as street: ${page.total} rooms in scope, ${page.items.length} per page\n`);

  await autocannon(url, { connections: CONNECTIONS, seconds: WARMUP_SECONDS, headers: { cookie } });
  const list = await autocannon(url, { connections: CONNECTIONS, seconds: SECONDS, headers: { cookie } });
  await app.close();
  // Requests still queued for the database when the run ended must not overlap the baseline.
  await appDb(kernel).selectFrom('places').select('id').limit(1).execute();

  const hello = Fastify({ logger: false });
  hello.get('/', async () => ({ hello: 'world' }));
  await hello.listen({ host: HOST, port: 0 });
  const helloUrl = `http://${HOST}:${(hello.server.address() as { port: number }).port}/`;
  await autocannon(helloUrl, { connections: CONNECTIONS, seconds: WARMUP_SECONDS });
  const base = await autocannon(helloUrl, { connections: CONNECTIONS, seconds: SECONDS });
  await hello.close();

  report('GET /api/rooms?pageSize=50', list);
  report('Fastify hello-world', base);
  if (list.non2xx || list.errors) throw new Error('the registry list answered errors under load; the figure is not valid');
  const ratio = list.reqPerSec / base.reqPerSec;
  process.stdout.write(`ratio registry-list/hello-world req/s: ${ratio.toPrecision(2)} (1 : ${Math.round(1 / ratio)})\n`);
  process.stdout.write(`registry-list req/s ${list.reqPerSec.toFixed(0)} p99 ${list.p99} ms\n`);
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
