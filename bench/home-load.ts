/**
 * A small load generator for workloads autocannon cannot express: many sessions, one "view" made of
 * several requests in stages. Run as its own process (so it does not share the server's event loop):
 *   node bench/home-load.ts <spec.json>
 *   spec: { connections, seconds, views: [{ cookie?, stages: string[][] }] }  (HTTP)
 *      or { connections, seconds, sql: { url, poolSize, stages: {text, values}[][] } }  (straight to PostgreSQL,
 *         prepared as the app prepares them)
 * A closed loop: each connection takes the next view round-robin, runs its stages one after another
 * (each stage's requests in parallel, as the H5 fetches them), records the latency of the whole view,
 * then takes the next. Prints one JSON line: { views, viewsPerSec, p50, p99, errors }.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { statementName } from '../server/kernel/db/prepared.ts';

interface Statement {
  text: string;
  values: unknown[];
}
interface Spec {
  connections: number;
  seconds: number;
  views?: { cookie?: string; stages: string[][] }[];
  sql?: { url: string; poolSize: number; stages: Statement[][] };
}
const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Spec;
const latencies: number[] = [];
let errors = 0;
let next = 0;
const pool = spec.sql ? new pg.Pool({ connectionString: spec.sql.url, max: spec.sql.poolSize }) : null;
const until = performance.now() + spec.seconds * 1000;

async function httpView(): Promise<boolean> {
  const view = spec.views![next++ % spec.views!.length]!;
  for (const stage of view.stages) {
    const results = await Promise.all(
      stage.map((u) =>
        fetch(u, { headers: view.cookie ? { cookie: view.cookie } : {} })
          .then(async (r) => {
            await r.arrayBuffer();
            return r.ok;
          })
          .catch(() => false),
      ),
    );
    if (!results.every(Boolean)) return false;
  }
  return true;
}

async function sqlView(): Promise<boolean> {
  try {
    for (const stage of spec.sql!.stages) await Promise.all(stage.map((s) => pool!.query({ name: statementName(s.text), text: s.text, values: s.values })));
    return true;
  } catch {
    return false;
  }
}

async function loop() {
  while (performance.now() < until) {
    const started = performance.now();
    if (await (pool ? sqlView() : httpView())) latencies.push(performance.now() - started);
    else errors++;
  }
}
await Promise.all(Array.from({ length: spec.connections }, loop));
await pool?.end();
latencies.sort((a, b) => a - b);
const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
process.stdout.write(
  `${JSON.stringify({ views: latencies.length, viewsPerSec: latencies.length / spec.seconds, p50: pct(0.5), p99: pct(0.99), errors })}\n`,
);
