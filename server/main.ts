import { loadConfig } from './kernel/config.ts';
import { bootKernel } from './kernel/boot.ts';
import { MODULES, buildApp } from './app.ts';
import { startJobs } from './kernel/jobs/jobs.ts';
import { endInterruptedTasks } from './kernel/tasks/tasks.ts';
import { isRegistryEmpty, printDemoLogins, seedDemo } from './demo/seed-demo.ts';

/** Start: config → database → migrations → demo data (first run only) → HTTP. */
export async function main() {
  const started = performance.now();
  const config = loadConfig();
  const kernel = await bootKernel(config, undefined, undefined, { log: (line) => process.stdout.write(`${line}\n`) });
  // Work a crash cut short — whose process is gone; other live processes' work is left alone.
  const ended = await endInterruptedTasks(kernel.db, kernel.clock.now());
  for (const m of MODULES) await m.recover?.(kernel);
  if (ended) process.stdout.write(`Ended ${ended} task(s) interrupted by the last stop.\n`);
  if (config.seedDemo && (await isRegistryEmpty(kernel))) {
    process.stdout.write('Empty database: seeding the demo street …\n');
    printDemoLogins(await seedDemo(kernel));
  }
  const app = await buildApp(kernel, { logger: config.logLevel !== 'silent' && process.env.GZ_LOG_REQUESTS === 'true' });
  const address = await app.listen({ host: config.host, port: config.port });
  const stopJobs = startJobs(
    kernel,
    MODULES.flatMap((m) => m.jobs ?? []),
    (msg, err) => app.log.error({ err }, msg),
  );
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `Gongzhi 共治 is listening on ${address} (${kernel.database.driver}, ready in ${ms} ms)\n` +
      `  workbench ${address}/   resident H5 ${address}/h5/   API docs ${address}/api/docs\n`,
  );
  const stop = async () => {
    stopJobs();
    await app.close();
    await kernel.database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { app, kernel };
}

if (import.meta.main) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
