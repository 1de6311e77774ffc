import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { DEMO_STREET } from '../server/modules/registry/index.ts';
import { SYSTEM_ACTOR } from '../server/kernel/access/index.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { type Ctx, write } from '../server/kernel/context.ts';
import { DEMO_PASSWORD } from '../server/kernel/demo-seed.ts';
import { newId } from '../server/kernel/ids.ts';
import { startJobs } from '../server/kernel/jobs/jobs.ts';
import { deliveryJob } from '../server/kernel/notify/deliver.ts';
import { notify } from '../server/kernel/notify/notify.ts';
import { autocannon, HOST, type LoadResult } from './util.ts';

/**
 * A notification to 10,000 people while a colleague works: on the embedded default, the demo street and
 * 10,000 more accounts with phones. A street official's room list is driven at 20 connections — alone for
 * 15 s (the baseline), then in 5-second windows from before one transaction queues the batch (inbox and
 * SMS: 20,000 messages) until the delivery job, running in the app's process as in production, has sent
 * the last of the 10,000 texts through the SMS sandbox. Prints how long queuing and delivery took, the
 * baseline's p99 and the worst window's.
 * Last line: `notify-batch recipients 10000 queued <ms> ms delivered <s> s p99 <ms> ms (alone <ms> ms)`.
 */
/** BENCH_RECIPIENTS=164253 tries Quzhou's whole city (minutes of delivery: the sandbox takes every text). */
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const CONNECTIONS = 20;
const SECONDS = 15;
const WINDOW_SECONDS = 5;

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-notify-'));
const config = loadConfig({ GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
const kernel = await bootKernel(config);
const report = (name: string, r: LoadResult) =>
  process.stdout.write(`${name.padEnd(36)} ${r.reqPerSec.toFixed(0).padStart(6)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   ${r.non2xx} non-2xx, ${r.errors} errors\n`);

try {
  const demo = await seedDemo(kernel);
  const street = demo.get(DEMO_STREET)!;
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  // 10,000 people with phones (138 0000 0000 + i): what the batch reaches.
  const ids: string[] = [];
  await write(system, async (tx) => {
    for (let start = 0; start < RECIPIENTS; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, RECIPIENTS - start) }, (_, j) => {
        const phone = `137${String(start + j).padStart(8, '0')}`;
        const id = newId();
        ids.push(id);
        return { id, username: null, phone_enc: kernel.pii.encrypt(phone), phone_hash: kernel.pii.hash(phone), phone_masked: phone, display_name: `居民${start + j}`, password_hash: 'x' };
      });
      await tx.insertInto('accounts').values(rows).execute();
    }
  });

  const app = await buildApp(kernel, { logger: false });
  await app.listen({ host: HOST, port: 0 });
  const base = `http://${HOST}:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'street', password: DEMO_PASSWORD }),
  });
  const cookie = /gz_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`login failed: ${login.status}`);
  const url = `${base}/api/rooms?pageSize=50`;
  await autocannon(url, { connections: CONNECTIONS, seconds: 2, headers: { cookie } });
  const alone = await autocannon(url, { connections: CONNECTIONS, seconds: SECONDS, headers: { cookie } });

  // The delivery job as main.ts runs it: every second, in this process.
  const stopJobs = startJobs(kernel, [deliveryJob], (msg, err) => process.stderr.write(`${msg}: ${err}\n`));
  // The colleague's list is driven in windows of 5 s until the last text is out, so every moment of the
  // batch — queuing and delivery — is under load; the figure is the worst window's p99.
  let finished = false;
  const windows: LoadResult[] = [];
  const driving = (async () => {
    while (!finished) windows.push(await autocannon(url, { connections: CONNECTIONS, seconds: WINDOW_SECONDS, headers: { cookie } }));
  })();
  await new Promise((r) => setTimeout(r, 1000));
  const t0 = performance.now();
  const { batchId, recipients } = await write(system, (tx) =>
    notify(tx, system, {
      template: 'notices.emergency',
      placeId: street.street.id,
      to: { accounts: ids },
      data: { title: '台风预警：请关好门窗，减少外出', issuer: '安和街道办事处', noticeId: newId() },
      channels: ['inbox', 'sms'],
      urgent: true,
    }),
  );
  const queuedMs = performance.now() - t0;
  let sent = 0;
  while (performance.now() - t0 < Math.max(120_000, RECIPIENTS * 20)) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from notify_messages where batch_id = ${batchId} and channel = 'sms' and status = 'sent'`.execute(kernel.db);
    sent = rows[0]!.n;
    if (sent >= recipients) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const deliveredS = (performance.now() - t0) / 1000;
  finished = true;
  await driving;
  stopJobs();
  await app.close();
  if (sent < recipients) throw new Error(`only ${sent} of ${recipients} texts delivered in time`);
  const worst = windows.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const busy: LoadResult = {
    ...worst,
    reqPerSec: windows.reduce((a, b) => a + b.requests, 0) / (windows.length * WINDOW_SECONDS),
    requests: windows.reduce((a, b) => a + b.requests, 0),
    non2xx: windows.reduce((a, b) => a + b.non2xx, 0),
    errors: windows.reduce((a, b) => a + b.errors, 0),
  };
  if (alone.non2xx || busy.non2xx || alone.errors || busy.errors) throw new Error('the room list answered errors; the figure is not valid');

  report('room list alone', alone);
  report(`room list during the batch (${windows.length} × ${WINDOW_SECONDS} s, worst)`, busy);
  process.stdout.write(`batch: ${recipients} recipients, ${recipients * 2} messages queued in one transaction in ${queuedMs.toFixed(0)} ms; ${sent} texts delivered in ${deliveredS.toFixed(1)} s\n`);
  process.stdout.write(
    `notify-batch recipients ${recipients} queued ${queuedMs.toFixed(0)} ms delivered ${deliveredS.toFixed(1)} s p99 ${busy.p99} ms (alone ${alone.p99} ms)\n`,
  );
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
