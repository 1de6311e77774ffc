/**
 * A small load generator for workloads autocannon cannot express: many sessions, one "view" made of
 * several requests. Run as its own process (so it does not share the server's event loop):
 *   node bench/home-load.ts <spec.json>   spec: { connections, seconds, views: [{ cookie, urls[] }] }
 * Each connection loops: take the next view round-robin, fetch its URLs in parallel, record the
 * latency of the whole view. Prints one JSON line: { views, viewsPerSec, p50, p99, errors }.
 */
import { readFileSync } from 'node:fs';

interface Spec {
  connections: number;
  seconds: number;
  views: { cookie?: string; urls: string[] }[];
}
const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Spec;
const latencies: number[] = [];
let errors = 0;
let next = 0;
const until = performance.now() + spec.seconds * 1000;

async function loop() {
  while (performance.now() < until) {
    const view = spec.views[next++ % spec.views.length]!;
    const started = performance.now();
    const results = await Promise.all(
      view.urls.map((u) =>
        fetch(u, { headers: view.cookie ? { cookie: view.cookie } : {} })
          .then(async (r) => {
            await r.arrayBuffer();
            return r.ok;
          })
          .catch(() => false),
      ),
    );
    if (results.every(Boolean)) latencies.push(performance.now() - started);
    else errors++;
  }
}
await Promise.all(Array.from({ length: spec.connections }, loop));
latencies.sort((a, b) => a - b);
const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
process.stdout.write(
  `${JSON.stringify({ views: latencies.length, viewsPerSec: latencies.length / spec.seconds, p50: pct(0.5), p99: pct(0.99), errors })}\n`,
);
