import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, HOST, median, ROOT, stop, waitForHealth } from './util.ts';

/**
 * Cold start: how long `sh scripts/node24.sh server/main.ts` takes until /api/health answers —
 * first on an empty data directory (create the database, migrate, seed the demo street), then
 * warm restarts on the same directory. Baseline: the first start. Last line: warm / first.
 */

const WARM_RUNS = 3;
const START_LIMIT_MS = 120_000;

async function startOnce(label: string, dataDir: string, port: number): Promise<{ ms: number; readyMs: number | null; seeded: boolean }> {
  const env: NodeJS.ProcessEnv = { ...process.env, GZ_DATA_DIR: dataDir, GZ_PORT: String(port), GZ_HOST: HOST };
  // The figure is for the embedded database with default settings: no external server, the
  // default GZ_SEED_DEMO (auto), a key generated into the data dir.
  delete env.DATABASE_URL;
  delete env.GZ_SEED_DEMO;
  delete env.GZ_PII_KEY;
  const started = performance.now();
  const child = spawn('sh', ['scripts/node24.sh', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  try {
    await waitForHealth(port, START_LIMIT_MS, child);
    const ms = performance.now() - started;
    const ready = /ready in (\d+) ms/.exec(out);
    return { ms, readyMs: ready ? Number(ready[1]) : null, seeded: out.includes('seeding the demo street') };
  } catch (err) {
    process.stderr.write(`${label} failed; server output:\n${out}\n`);
    throw err;
  } finally {
    await stop(child);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-cold-'));
try {
  const port = await freePort();
  const first = await startOnce('first start', dataDir, port);
  if (!first.seeded) throw new Error('the first start did not seed the demo street');
  process.stdout.write(
    `first start (empty data dir, migrate + seed): ${Math.round(first.ms)} ms to /api/health (server says ready in ${first.readyMs} ms)\n`,
  );
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const w = await startOnce(`warm restart ${i + 1}`, dataDir, port);
    if (w.seeded) throw new Error('a warm restart seeded again');
    warm.push(w.ms);
    process.stdout.write(`warm restart ${i + 1}: ${Math.round(w.ms)} ms to /api/health (server says ready in ${w.readyMs} ms)\n`);
  }
  const warmMs = median(warm);
  process.stdout.write(`cold-start: first ${Math.round(first.ms)} ms, warm (median of ${WARM_RUNS}) ${Math.round(warmMs)} ms\n`);
  process.stdout.write(`ratio warm/first: ${(warmMs / first.ms).toFixed(3)}\n`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
