import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Shared by the bench scripts: every figure is measured on 127.0.0.1 only, and within a time limit. */

export const ROOT = new URL('../', import.meta.url).pathname;
export const HOST = '127.0.0.1';

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Polls /api/health until it answers 200; rejects after `timeoutMs` or if `child` exits first. */
export async function waitForHealth(port: number, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    // A server killed by a signal has no exit code, only a signal code.
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before answering`);
    }
    try {
      const res = await fetch(`http://${HOST}:${port}/api/health`, { signal: AbortSignal.timeout(500) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no answer from /api/health on port ${port} within ${timeoutMs} ms`);
}

/** Sends SIGTERM to the child's process group and waits for it to exit (SIGKILL after `graceMs`). */
export async function stop(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      // The child leads its own group (detached), so its pid is the group id.
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface LoadResult {
  reqPerSec: number;
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * Drives `url` with autocannon in a separate process, so the load generator does not share the
 * event loop (and CPU) of the server it measures.
 */
export function autocannon(
  url: string,
  opts: { connections: number; seconds: number; headers?: Record<string, string>; timeoutSeconds?: number },
): Promise<LoadResult> {
  // A slow answer is a measurement, not an error: the socket timeout is well above the run length.
  const timeout = String(opts.timeoutSeconds ?? 60);
  const args = [
    `${ROOT}node_modules/autocannon/autocannon.js`,
    '-c',
    String(opts.connections),
    '-d',
    String(opts.seconds),
    '-t',
    timeout,
    '-n',
    '--json',
  ];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}:${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    // Hard bound: the run plus a generous margin.
    const timer = setTimeout(() => child.kill('SIGKILL'), (opts.seconds + Number(timeout) + 30) * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      const r = JSON.parse(out) as {
        requests: { average: number; total: number };
        latency: { p50: number; p99: number };
        non2xx: number;
        errors: number;
      };
      resolve({
        reqPerSec: r.requests.average,
        requests: r.requests.total,
        p50: r.latency.p50,
        p99: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
      });
    });
  });
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
