import { execFile } from 'node:child_process';
import { Session } from 'node:inspector';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp, appDb } from '../server/app.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { createSession } from '../server/kernel/auth/sessions.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { runningEmbeddedUrl } from '../server/kernel/db/embedded.ts';
import { newId } from '../server/kernel/ids.ts';
import { statementName } from '../server/kernel/db/prepared.ts';
import { HOST } from './util.ts';

/**
 * The resident home under load, on the embedded default: a closed loop of 100 connections over 3,000
 * residents' sessions (round-robin). One "view" is every API request the H5 home makes on first load,
 * in the order it makes them (HOME_VIEW: stages one after another, each stage's requests in parallel;
 * bench/web-weight.ts lists what the real H5 fetches, to check this against).
 * Baselines in the same run: a bare Fastify hello-world fetched the same way, and the SQL statements
 * one view runs (recorded from the app, steady state), issued straight through a pg pool of the app's
 * size at the same concurrency — the database's own limit. Goal ≥ 400 views/s, p99 ≤ 300 ms, app/raw
 * SQL ≥ 0.5. Last line: `resident-home views/s <N> p99 <M> ms app/raw-sql <R>`.
 * BENCH_PROFILE=/tmp/home.cpuprofile also writes a CPU profile of the app under the measured load.
 */
const CONNECTIONS = 100;
const SECONDS = 10;
const RESIDENTS = 3000;
const POOL_SIZE = 20;

/** What the H5 home fetches on first load, stage by stage (the resident shell and the modules' h5 pages). */
export const HOME_VIEW: string[][] = [['/api/auth/me'], ['/api/me/home']];

/** With BENCH_PROFILE=<file>: a CPU profile of the app process while it serves the measured load. */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return work();
  const session = new Session();
  session.connect();
  const post = promisify(session.post.bind(session)) as (method: string) => Promise<{ profile?: object }>;
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    writeFileSync(file, JSON.stringify((await post('Profiler.stop')).profile));
    session.disconnect();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-home-'));
const config = loadConfig({ GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
const kernel = await bootKernel(config);
// Asynchronous on purpose: the server under test runs in this process and must keep serving.
const load = async (spec: object) => {
  const file = join(dataDir, `spec-${newId()}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const { stdout } = await promisify(execFile)(process.execPath, [new URL('./home-load.ts', import.meta.url).pathname, file], { encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { views: number; viewsPerSec: number; p50: number; p99: number; errors: number };
};

try {
  await seedDemo(kernel);
  // 3,000 residents: accounts matched to owners and tenants of the demo street, each with a session.
  const people = await appDb(kernel)
    .selectFrom('reg_households')
    .select('person_id')
    .distinct()
    .where('person_id', 'is not', null)
    .where('end_date', 'is', null)
    .where('person_id', 'not in', appDb(kernel).selectFrom('accounts').select('person_id').where('person_id', 'is not', null))
    .limit(RESIDENTS)
    .execute();
  const now = kernel.clock.now();
  const cookies: string[] = [];
  await appDb(kernel).transaction().execute(async (tx) => {
    for (const [i, p] of people.entries()) {
      const id = newId();
      await tx
        .insertInto('accounts')
        .values({ id, username: `bench${i}`, display_name: `bench${i}`, password_hash: 'x', person_id: p.person_id })
        .execute();
      cookies.push(`gz_session=${(await createSession(tx, id, now)).token}`);
    }
  });
  process.stdout.write(`${cookies.length} resident sessions\n`);

  const app = await buildApp(kernel, { logger: false });
  await app.listen({ host: HOST, port: 0 });
  const base = `http://${HOST}:${(app.server.address() as { port: number }).port}`;
  const stages = HOME_VIEW.map((stage) => stage.map((u) => `${base}${u}`));
  for (const u of stages.flat()) {
    const r = await fetch(u, { headers: { cookie: cookies[0]! } });
    if (!r.ok) throw new Error(`${u} answered ${r.status}: ${await r.text()}`);
  }
  const views = cookies.map((cookie) => ({ cookie, stages }));
  await load({ connections: CONNECTIONS, seconds: 2, views });
  const cpuBefore = process.cpuUsage();
  const home = await profiled(() => load({ connections: CONNECTIONS, seconds: SECONDS, views }));
  const appCpu = process.cpuUsage(cpuBefore);

  // The statements of one view, as the app runs them in steady state (sessions cached).
  const recorded: { text: string; values: unknown[] }[][] = stages.map(() => []);
  let stageNow = -1;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [q, v] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    if (stageNow >= 0 && !(typeof q === 'object' && 'submit' in q)) {
      recorded[stageNow]!.push(typeof q === 'string' ? { text: q, values: v ?? [] } : { text: q.text, values: q.values ?? v ?? [] });
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  for (const [i, stage] of stages.entries()) {
    stageNow = i;
    await Promise.all(stage.map(async (u) => (await fetch(u, { headers: { cookie: cookies[1]! } })).arrayBuffer()));
  }
  stageNow = -1;
  pg.Client.prototype.query = query;
  await app.close();
  const statements = recorded.flat().length;
  process.stdout.write(`one view runs ${statements} SQL statements (${recorded.map((r) => r.length).join(' + ')} by stage)\n`);
  const url = config.database.driver === 'embedded' ? runningEmbeddedUrl(config.dataDir)! : config.database.url;
  // Where a view's database time goes: each statement alone, serially, prepared (the profile in docs/PERFORMANCE.md).
  const single = new pg.Client({ connectionString: url });
  await single.connect();
  for (const st of recorded.flat()) {
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) await single.query({ name: statementName(st.text), text: st.text, values: st.values });
    const ms = (performance.now() - t0) / 20;
    // The server's own split when the statement is not prepared: planning (which preparing saves) and execution.
    const plan = (await single.query(`explain (analyze, summary, timing off, format json) ${st.text}`, st.values)).rows[0]['QUERY PLAN'][0];
    const split = `plan ${plan['Planning Time'].toFixed(2)} exec ${plan['Execution Time'].toFixed(2)}`;
    process.stdout.write(`  ${ms.toFixed(2).padStart(6)} ms  ${split.padEnd(22)} ${st.text.replace(/\s+/g, ' ').slice(0, 90)}\n`);
  }
  await single.end();
  await load({ connections: CONNECTIONS, seconds: 2, sql: { url, poolSize: POOL_SIZE, stages: recorded } });
  const raw = await load({ connections: CONNECTIONS, seconds: SECONDS, sql: { url, poolSize: POOL_SIZE, stages: recorded } });

  const hello = Fastify({ logger: false });
  hello.get('/', async () => ({ hello: 'world' }));
  await hello.listen({ host: HOST, port: 0 });
  const helloUrl = `http://${HOST}:${(hello.server.address() as { port: number }).port}/`;
  const helloViews = [{ stages: HOME_VIEW.map((stage) => stage.map(() => helloUrl)) }];
  await load({ connections: CONNECTIONS, seconds: 2, views: helloViews });
  const baseline = await load({ connections: CONNECTIONS, seconds: SECONDS, views: helloViews });
  await hello.close();

  const line = (name: string, r: typeof home) => `${name.padEnd(34)} ${r.viewsPerSec.toFixed(0).padStart(6)} views/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}\n`;
  process.stdout.write(line(`resident home (${HOME_VIEW.flat().length} requests)`, home));
  process.stdout.write(line(`raw SQL of a view (${statements} statements)`, raw));
  process.stdout.write(line('hello-world, same requests', baseline));
  process.stdout.write(`session cache: ${kernel.sessions.hits} hits, ${kernel.sessions.misses} misses\n`);
  const cpuMs = (appCpu.user + appCpu.system) / 1000;
  process.stdout.write(`app process CPU under load: ${((cpuMs / (SECONDS * 1000)) * 100).toFixed(0)}% of a core (${(cpuMs / home.views).toFixed(2)} ms per view, system ${((appCpu.system / 1000 / cpuMs) * 100).toFixed(0)}%)\n`);
  if (home.errors) throw new Error('the resident home answered errors under load; the figure is not valid');
  process.stdout.write(`resident-home views/s ${home.viewsPerSec.toFixed(0)} p99 ${home.p99} ms app/raw-sql ${(home.viewsPerSec / raw.viewsPerSec).toFixed(2)}\n`);
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
