import type { Kernel } from '../context.ts';

/**
 * A background job a module declares in its manifest (escalate overdue orders, close unrated ones).
 * `run` must be idempotent and read "now" from the kernel's clock, so tests call it directly with a
 * ManualClock instead of waiting for timers.
 */
export interface Job {
  name: string;
  everyMs: number;
  run(kernel: Kernel): Promise<unknown>;
}

/**
 * Runs each job on its interval, one run at a time per job (a slow run is never overlapped by the
 * next). Returns a stop function. Timers are unref'd so they never keep the process alive.
 */
export function startJobs(kernel: Kernel, jobs: Job[], log: (msg: string, err?: unknown) => void = () => {}): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await job.run(kernel);
      } catch (err) {
        log(`job ${job.name} failed`, err);
      } finally {
        running = false;
      }
    };
    const t = setInterval(tick, job.everyMs);
    t.unref();
    return t;
  });
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
