import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../server/app.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { createSession } from '../server/kernel/auth/sessions.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { newId } from '../server/kernel/ids.ts';
import { HOST } from './util.ts';

/**
 * Resident home at 100 connections with 3,000 residents' sessions on the demo street: one "home
 * view" is what the H5 首页 loads — my open repair orders, my unread notices, my compound's posts —
 * fetched in parallel with the resident's own cookie, residents taken round-robin. Baseline: the
 * same generator fetching a bare Fastify hello-world three times per view. Last line: the ratio.
 */
const CONNECTIONS = 100;
const SECONDS = 10;
const RESIDENTS = 3000;

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-home-'));
const config = loadConfig({ GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
const kernel = await bootKernel(config);
// Asynchronous on purpose: the server under test runs in this process and must keep serving.
const load = async (spec: object) => {
  const file = join(dataDir, `spec-${newId()}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const { stdout } = await promisify(execFile)(process.execPath, [new URL('./home-load.ts', import.meta.url).pathname, file], { encoding: 'utf8' });
  return JSON.parse(stdout.trim()) as { views: number; viewsPerSec: number; p50: number; p99: number; errors: number };
};

try {
  await seedDemo(kernel);
  // 3,000 residents: accounts matched to owners and tenants of the demo street, each with a session.
  const people = await kernel.db
    .selectFrom('reg_households')
    .select('person_id')
    .distinct()
    .where('person_id', 'is not', null)
    .where('end_date', 'is', null)
    .where('person_id', 'not in', kernel.db.selectFrom('accounts').select('person_id').where('person_id', 'is not', null))
    .limit(RESIDENTS)
    .execute();
  const now = kernel.clock.now();
  const cookies: string[] = [];
  await kernel.db.transaction().execute(async (tx) => {
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
  const urls = [`${base}/api/repairs/mine?open=true&pageSize=5`, `${base}/api/me/notices?unread=true&pageSize=5`, `${base}/api/me/compound-opinions?pageSize=5`];
  for (const u of urls) {
    const r = await fetch(u, { headers: { cookie: cookies[0]! } });
    if (!r.ok) throw new Error(`${u} answered ${r.status}: ${await r.text()}`);
  }
  const views = cookies.map((cookie) => ({ cookie, urls }));
  await load({ connections: CONNECTIONS, seconds: 2, views });
  const home = await load({ connections: CONNECTIONS, seconds: SECONDS, views });
  await app.close();

  const hello = Fastify({ logger: false });
  hello.get('/', async () => ({ hello: 'world' }));
  await hello.listen({ host: HOST, port: 0 });
  const helloUrl = `http://${HOST}:${(hello.server.address() as { port: number }).port}/`;
  const helloViews = [{ urls: [helloUrl, helloUrl, helloUrl] }];
  await load({ connections: CONNECTIONS, seconds: 2, views: helloViews });
  const baseline = await load({ connections: CONNECTIONS, seconds: SECONDS, views: helloViews });
  await hello.close();

  process.stdout.write(`resident home (3 requests)   ${home.viewsPerSec.toFixed(0)} views/s  p50 ${home.p50} ms  p99 ${home.p99} ms  errors ${home.errors}\n`);
  process.stdout.write(`hello-world x3               ${baseline.viewsPerSec.toFixed(0)} views/s  p50 ${baseline.p50} ms  p99 ${baseline.p99} ms\n`);
  if (home.errors) throw new Error('the resident home answered errors under load; the figure is not valid');
  process.stdout.write(`ratio resident-home/hello-world views/s: ${(home.viewsPerSec / baseline.viewsPerSec).toPrecision(2)}, p99 ${home.p99} ms\n`);
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
