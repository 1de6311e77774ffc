import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Insertable, sql } from 'kysely';
import { appDb, buildApp } from '../server/app.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { chinaDay } from '../server/kernel/clock.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { newId } from '../server/kernel/ids.ts';
import { loadPublicPage, publicPage } from '../server/kernel/public/public-pages.ts';
import type { DeliberationTables } from '../server/modules/deliberation/index.ts';
import { HOST } from './util.ts';

/**
 * Issue 17's figure: the public tracking page (公示) of a compound with 500 items and 2,000 tasks, on the embedded
 * default — server time per request at 50 connections (p99), as a lobby's worth of phones would ask for it.
 * Seeds the demo street's registry, bulk-inserts the items and tasks at 阳光花园, and measures in one run:
 *   - GET /api/public/deliberation.tracking/<compound> at 50 connections for 10 s, as served (the kernel caches
 *     a page's payload until the next write); each request from its own client address (X-Forwarded-For through
 *     a trusted 127.0.0.1), since the public pages allow one address 120 requests a minute;
 *   - the page's payload built without the cache (a write just happened), 50 at a time for 5 s: the worst case;
 *   - the baseline: GET /api/health the same way.
 * Last line: `tracking page p99 at 50 connections: <N> ms (uncached build p99 <M> ms; baseline /api/health p99 <B> ms)`.
 * Run as `node bench/deliberation-tracking.ts`; `--load <spec.json>` is the load generator's own process.
 */
const CONNECTIONS = 50;
const SECONDS = 10;
const ITEMS = 500;
const TASKS_PER_ITEM = 4;

interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
}
interface LoadResult {
  requests: number;
  perSec: number;
  p50: number;
  p99: number;
  errors: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
};

/** A closed loop of `connections` fetchers, each request from a client address of its own. */
async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const until = performance.now() + spec.seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const k = n++;
      const ip = `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;
      const t0 = performance.now();
      try {
        const r = await fetch(spec.url, { headers: { 'x-forwarded-for': ip } });
        await r.arrayBuffer();
        if (!r.ok) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: spec.connections }, loop));
  const took = (performance.now() - started) / 1000;
  return { requests: latencies.length, perSec: Math.round(latencies.length / took), p50: Math.round(quantile(latencies, 0.5)), p99: Math.round(quantile(latencies, 0.99)), errors };
}

if (process.argv[2] === '--load') {
  process.stdout.write(`${JSON.stringify(await runLoad(JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as LoadSpec))}\n`);
  process.exit(0);
}

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-tracking-'));
const config = loadConfig({ GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent', GZ_TRUST_PROXY: '127.0.0.1' });
const kernel = await bootKernel(config);
// The load generator runs in its own process, so it does not share the event loop (and CPU) of the server it measures.
const load = async (url: string, seconds: number): Promise<LoadResult> => {
  const file = join(dataDir, `load-${newId()}.json`);
  writeFileSync(file, JSON.stringify({ url, connections: CONNECTIONS, seconds } satisfies LoadSpec));
  const { stdout } = await promisify(execFile)(process.execPath, [new URL(import.meta.url).pathname, '--load', file], { encoding: 'utf8', timeout: (seconds + 60) * 1000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult;
};

try {
  await seedDemo(kernel, { only: ['registry'] });
  const db = appDb(kernel);
  const compound = await db.selectFrom('street_places').select(['id', 'street_id']).where('kind', '=', 'compound').where('name', '=', '阳光花园').executeTakeFirstOrThrow();
  const now = kernel.clock.now();
  const today = chinaDay(now);
  const day = (n: number) => chinaDay(new Date(Date.parse(`${today}T12:00:00+08:00`) + n * 86_400_000));
  const stages = ['executing', 'executing', 'executing', 'evaluating', 'closed', 'escalated'] as const;
  const items: Insertable<DeliberationTables['dlb_items']>[] = [];
  const tasks: Insertable<DeliberationTables['dlb_tasks']>[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const id = newId();
    const stage = stages[i % stages.length]!;
    const percents = Array.from({ length: TASKS_PER_ITEM }, (_, k) => (stage === 'executing' ? ((i * 7 + k * 31) % 11) * 10 : 100));
    items.push({
      street_id: compound.street_id,
      id,
      place_id: compound.id,
      code: `YT-B-${String(i + 1).padStart(4, '0')}`,
      title: `议题 ${i + 1}：小区公共设施改善`,
      description: '',
      source_kind: 'official',
      stage,
      listed_at: now,
      rejected_reason: null,
      merged_into: null,
      decision_text: '联席会议决定由物业实施，业委会监督。',
      decision_id: null,
      vote_outcome: null,
      progress_percent: Math.floor(percents.reduce((a, b) => a + b, 0) / percents.length),
      rating_opens_at: null,
      rating_closes_at: null,
      is_public: true,
      created_by: null,
      created_at: new Date(now.getTime() - i * 60_000),
      updated_at: new Date(now.getTime() - i * 60_000),
    });
    for (let k = 0; k < TASKS_PER_ITEM; k++) {
      tasks.push({
        street_id: compound.street_id,
        id: newId(),
        item_id: id,
        no: k + 1,
        title: `任务 ${k + 1}`,
        organisation_id: null,
        organisation_name: ['锦华物业', '业主委员会', '社区居委会', '街道城建科'][k]!,
        responsible_person_id: null,
        responsible_name: '负责人',
        deadline: day(((i + k * 13) % 60) - 20),
        budget_fen: 100_000 * (k + 1),
        progress_percent: percents[k]!,
        done_at: percents[k] === 100 ? now : null,
        escalated_at: null,
        created_at: now,
        updated_at: now,
      });
    }
  }
  for (let i = 0; i < items.length; i += 500) await db.insertInto('dlb_items').values(items.slice(i, i + 500)).execute();
  for (let i = 0; i < tasks.length; i += 500) await db.insertInto('dlb_tasks').values(tasks.slice(i, i + 500)).execute();
  // A bulk insert leaves the planner's statistics at "empty" until autovacuum gets to the tables (within a minute
  // on a live server); without them it scans every task once per item. Analyse now, as a live server would have.
  await sql`analyze dlb_items, dlb_tasks, dlb_ratings`.execute(db);
  process.stdout.write(`${items.length} items and ${tasks.length} tasks at 阳光花园\n`);

  const app = await buildApp(kernel, { logger: false });
  await app.listen({ host: HOST, port: 0 });
  const base = `http://${HOST}:${(app.server.address() as { port: number }).port}`;
  const url = `${base}/api/public/deliberation.tracking/${compound.id}`;
  const first = await fetch(url);
  const body = (await first.json()) as { sections: { kind: string; items?: unknown[] }[] };
  if (!first.ok) throw new Error(`${url} answered ${first.status}`);
  process.stdout.write(`the page lists ${body.sections.find((s) => s.kind === 'list')?.items?.length ?? 0} items\n`);

  await load(`${base}/api/health`, 2);
  const health = await load(`${base}/api/health`, SECONDS);
  process.stdout.write(`/api/health: ${JSON.stringify(health)}\n`);
  const page = await load(url, SECONDS);
  process.stdout.write(`tracking page: ${JSON.stringify(page)}\n`);

  // Without the cache: the payload built afresh, 50 at a time, as after a write.
  const tracking = publicPage('deliberation.tracking')!;
  const builds: number[] = [];
  const until = performance.now() + 5000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await tracking.load(kernel, { id: compound.id, locale: 'zh-CN' });
        builds.push(performance.now() - t0);
      }
    }),
  );
  await loadPublicPage(kernel, tracking, compound.id, 'zh-CN');
  process.stdout.write(`uncached builds: ${builds.length}, p50 ${Math.round(quantile(builds, 0.5))} ms\n`);
  await app.close();
  if (page.errors || health.errors) throw new Error(`errors under load: page ${page.errors}, health ${health.errors}`);
  process.stdout.write(`tracking page p99 at ${CONNECTIONS} connections: ${page.p99} ms (uncached build p99 ${Math.round(quantile(builds, 0.99))} ms; baseline /api/health p99 ${health.p99} ms)\n`);
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
