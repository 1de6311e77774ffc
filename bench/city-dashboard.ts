import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.ts';
import { type Actor, SYSTEM_ACTOR } from '../server/kernel/access/index.ts';
import { createAccount, grantRole } from '../server/kernel/auth/accounts.ts';
import { createSession } from '../server/kernel/auth/sessions.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { ManualClock } from '../server/kernel/clock.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { type Ctx, audit, write } from '../server/kernel/context.ts';
import { findPlace } from '../server/kernel/access/index.ts';
import { figures, periodEnd, periodStart, previousPeriod, takeSnapshot } from '../server/kernel/figures/figures.ts';
import { buildDispatchReport, buildMonthlyReports } from '../server/modules/dashboards/index.ts';
import { CITY_NOW, databaseEnv, loadCity } from './city-dataset.ts';
import { autocannon, HOST } from './util.ts';

/**
 * The city dashboard on one PostgreSQL server (issue 27, part 3): DATABASE_URL when set, else the embedded server.
 * Loads a city through `loadCity` (bench/city-dataset.ts: 10 streets, BENCH_HOUSEHOLDS households — default
 * 1,000,000 — and BENCH_ORDERS repair orders, default 1,000,000, with bills, payments, ratings, accounts), the clock
 * half an hour past a month's end. The month before the closed one is snapshotted first, untimed (the report shows
 * last month beside this one). Then, timed:
 * a. the monthly report for the whole city: the dashboards' monthly job (`buildMonthlyReports`): the month-end
 *    snapshots first (every figure of every street counted over the closed month and stored as per-place parts, the
 *    kernel's "aggregates refreshed by a job"), then the dispatch report of every street, community, the district and
 *    the city built from those rows and kept;
 * b. the dashboard request over HTTP on 127.0.0.1 at 20 connections for BENCH_SECONDS (default 10) with autocannon,
 *    as a platform administrator whose grant is the city: p99. Baseline in the same run: GET /api/health, same load;
 * c. the alternative the ADR weighs (docs/adr/0004): counting every figure live from the raw rows, as a request would
 *    if nothing were kept — each figure's `count` for each street over the month, one after the other, summed.
 * Bounded: 40 minutes. Cleans its temporary data directory.
 * Last line: `city dashboard: p99 N ms at 20 connections over H households and O repair orders (baseline /api/health
 * p99 M ms); monthly report for the whole city: S s (live count of every figure: L s)`.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const LIMIT_MS = 40 * 60_000;
const limit = setTimeout(() => {
  process.stderr.write(`city-dashboard: not done within ${LIMIT_MS / 60_000} min\n`);
  process.exit(1);
}, LIMIT_MS);
limit.unref();

const out = (l: string) => process.stdout.write(`${l}\n`);
const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-city-'));
const config = loadConfig({ ...databaseEnv(), GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
const kernel = await bootKernel(config, new ManualClock(CITY_NOW)).catch((e: unknown) => {
  // A server that refuses to start (or a bad DATABASE_URL) leaves no temporary directory behind.
  rmSync(dataDir, { recursive: true, force: true });
  throw e;
});
const system: Ctx = { kernel, actor: SYSTEM_ACTOR };

try {
  // Building the app wires the modules' figures into the kernel's catalogue.
  const app = await buildApp(kernel, { logger: false });
  await app.listen({ host: HOST, port: 0 });
  const base = `http://${HOST}:${(app.server.address() as { port: number }).port}`;
  const city = await loadCity(kernel, { log: out });
  const { period } = city;
  const defs = figures();

  // The official who reads the city's dashboard: a platform administrator over the city, signed in.
  const { accountId, token } = await write(system, async (tx) => {
    const accountId = await createAccount(tx, kernel.pii, { username: 'city-bench-admin', displayName: '市级管理员', password: 'x', passwordHash: 'x' });
    await grantRole(tx, accountId, 'platform_admin', city.city.id);
    return { accountId, token: (await createSession(tx, accountId, kernel.clock.now())).token };
  });
  const official: Ctx = {
    kernel,
    actor: {
      accountId,
      name: '市级管理员',
      personId: null,
      grants: [{ role: 'platform_admin', placeId: city.city.id, placePath: city.city.path, placeName: city.city.name }],
      requestId: null,
      locale: 'zh-CN',
    } satisfies Actor,
  };

  // ——— last month's snapshots, untimed: the report's "previous" column ———
  const h0 = performance.now();
  const prev = previousPeriod(period);
  for (const street of city.streets) {
    await write(system, async (tx) => {
      const n = await takeSnapshot(tx, defs, { streetId: street.id, period: prev, to: periodEnd(prev), takenAt: kernel.clock.now(), takenBy: null, replace: false });
      await audit(tx, system, { action: 'figures.snapshot.taken', placeId: street.id, subjectType: 'figure_snapshot', subjectId: street.id, detail: { period: prev, by: 'bench', rows: n } });
    });
  }
  out(`${prev} snapshots (untimed, for the report's last month): ${((performance.now() - h0) / 1000).toFixed(1)} s`);

  // ——— a. the monthly report for the whole city: the month-end job, then the report ———
  const s0 = performance.now();
  const job = await buildMonthlyReports(kernel);
  const reportS = (performance.now() - s0) / 1000;
  const r0 = performance.now();
  const report = await buildDispatchReport(official, (await findPlace(kernel.db, city.city.id))!, period);
  const reportMs = performance.now() - r0;
  out(`monthly job for ${job.period}: ${job.built} reports kept (${defs.length} figures) in ${reportS.toFixed(1)} s; the city's report alone from the snapshots in ${reportMs.toFixed(0)} ms`);
  const shown = report.figures.filter((i) => i.current && i.current.numerator > 0);
  out(`the city's report for ${period}: ${report.figures.length} figures, ${shown.length} non-zero:`);
  for (const i of shown) out(`  ${i.key.padEnd(36)} ${i.current!.value}${i.unit === 'percent' ? ' %' : ''} (${i.current!.numerator}/${i.current!.denominator ?? '-'}); ${prev}: ${i.previous?.value ?? '-'}`);

  // ——— c. the alternative: every figure counted live from the raw rows, as one request would ———
  const from = periodStart(period);
  const to = periodEnd(period);
  const perFigure = new Map<string, number>();
  const l0 = performance.now();
  for (const def of defs) {
    const f0 = performance.now();
    for (const street of city.streets) await def.count(kernel.db, { streetId: street.id, from, to, placeKinds: def.placeKinds });
    perFigure.set(def.key, performance.now() - f0);
  }
  const liveS = (performance.now() - l0) / 1000;
  const slowest = [...perFigure].sort((a, b) => b[1] - a[1]).slice(0, 6);
  out(`live count of every figure (${defs.length}) for the ${city.streets.length} streets over ${period}: ${liveS.toFixed(1)} s; slowest: ${slowest.map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)} s`).join(', ')}`);

  // ——— b. the dashboard over HTTP at 20 connections, and /api/health as the baseline ———
  const headers = { cookie: `gz_session=${token}` };
  const dashboardUrl = `${base}/api/dashboards/overview?placeId=${city.city.id}&period=${period}`;
  const check = await fetch(dashboardUrl, { headers });
  if (check.status !== 200) throw new Error(`${dashboardUrl} answered ${check.status}: ${await check.text()}`);
  await check.arrayBuffer();
  await autocannon(`${base}/api/health`, { connections: CONNECTIONS, seconds: 2 }); // warm-up, not counted
  const health = await autocannon(`${base}/api/health`, { connections: CONNECTIONS, seconds: SECONDS });
  await autocannon(dashboardUrl, { connections: CONNECTIONS, seconds: 2, headers }); // warm-up, not counted
  const dash = await autocannon(dashboardUrl, { connections: CONNECTIONS, seconds: SECONDS, headers });
  if (dash.non2xx || dash.errors || health.non2xx || health.errors) throw new Error(`failed requests: dashboard ${dash.non2xx}/${dash.errors}, health ${health.non2xx}/${health.errors}`);
  out(`/api/health: ${health.reqPerSec.toFixed(0)} req/s, p50 ${health.p50} ms, p99 ${health.p99} ms`);
  out(`city dashboard (${dashboardUrl.slice(base.length).split('?')[0]}): ${dash.reqPerSec.toFixed(0)} req/s, p50 ${dash.p50} ms, p99 ${dash.p99} ms (goal < 300 ms)`);
  out(
    `city dashboard: p99 ${dash.p99} ms at ${CONNECTIONS} connections over ${city.households} households and ${city.orders} repair orders (baseline /api/health p99 ${health.p99} ms); monthly report for the whole city: ${reportS.toFixed(1)} s (live count of every figure: ${liveS.toFixed(1)} s)`,
  );
  await app.close();
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
