import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { appDb, buildApp } from '../server/app.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { newId } from '../server/kernel/ids.ts';
import { DEMO_STREET } from '../server/modules/registry/index.ts';
import { openBill } from '../server/modules/fees/fees.test-support.ts';
import { sandboxOf } from '../server/modules/fees/gateway/providers.ts';
import { autocannon, HOST } from './util.ts';

/**
 * Payment notifications at 50 connections, on the embedded default: N rooms of the demo street each get an open
 * bill and a pay order, paid in the sandbox (which queues its signed notification); the notifications — with
 * every fifth sent twice, shuffled — are POSTed to the app's notify route by a separate client process at 50
 * concurrent connections. Then every payment must be booked exactly once: N payments, one per transaction.
 * Baseline in the same run: /api/health at 50 connections (autocannon).
 * Last line: `payment notifications: X/s at 50 connections, N of N booked exactly once (baseline /api/health Y/s)`.
 */
const N = Number(process.env.BENCH_ORDERS ?? 2000);
const CONNECTIONS = 50;

interface Posted {
  body: string;
  headers: Record<string, string>;
}

if (process.argv[2] === 'client') {
  // The load client, in its own process: posts every notification over `CONNECTIONS` keep-alive connections.
  const [url, file] = [process.argv[3]!, process.argv[4]!];
  const all = JSON.parse(readFileSync(file, 'utf8')) as Posted[];
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL(url);
  const post = (n: Posted) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { ...n.headers, 'content-length': Buffer.byteLength(n.body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(n.body);
    });
  let next = 0;
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < all.length) {
        const n = all[next++]!;
        if ((await post(n)) === 200) ok++;
        else failed++;
      }
    }),
  );
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, ok, failed }));
  process.exit(0);
}

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-fees-notify-'));
const config = loadConfig({ GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
const kernel = await bootKernel(config);
try {
  const demo = await seedDemo(kernel);
  const street = demo.get(DEMO_STREET)!;
  const db = appDb(kernel);
  const compounds = new Map(street.compounds.map((c) => [c.id, c]));
  const rooms = await db
    .selectFrom('street_places')
    .select(['id', 'path'])
    .where('street_id', '=', street.street.id)
    .where('kind', '=', 'room')
    .orderBy('path')
    .limit(N)
    .execute();
  if (rooms.length < N) throw new Error(`the demo street has ${rooms.length} rooms, fewer than ${N}`);
  const sandbox = sandboxOf(kernel);
  const app = await buildApp(kernel, { logger: false });
  await app.listen({ host: HOST, port: 0 });
  const base = `http://${HOST}:${(app.server.address() as { port: number }).port}`;
  const notifyUrl = `${base}/api/fees/gateway/sandbox/notify`;

  // N bills, N pay orders, N payments in the sandbox (each queues its signed notification).
  const setUp = performance.now();
  for (const room of rooms) {
    const compoundId = room.path.split('/').filter(Boolean).find((id) => compounds.has(id))!;
    const company = compounds.get(compoundId)!.propertyCompanyId;
    const amountFen = 10_000 + Math.floor(Math.random() * 50_000);
    const billId = await openBill(kernel, { roomId: room.id, compoundId, companyId: company, amountFen });
    const orderId = newId();
    const no = `PO${orderId.replaceAll('-', '').slice(0, 20).toUpperCase()}`;
    const made = await sandbox.createOrder({ merchantId: street.street.id, subMerchantId: company, outTradeNo: no, amountFen, subject: '物业费', notifyUrl, returnUrl: '/' });
    await db
      .insertInto('fee_pay_orders')
      .values({ street_id: street.street.id, id: orderId, no, provider: 'sandbox', room_id: room.id, compound_id: compoundId, company_id: company, payer_account_id: null, payer_name_masked: null, amount_fen: amountFen, provider_order_no: made.providerOrderNo, created_at: new Date() })
      .execute();
    await db.insertInto('fee_pay_order_bills').values({ street_id: street.street.id, order_id: orderId, bill_id: billId, due_fen: amountFen }).execute();
    await sandbox.pay(made.providerOrderNo);
  }
  const queued = await db.selectFrom('fee_sbx_notifications').select(['body', 'headers']).where('delivered_at', 'is', null).execute();
  const posted: Posted[] = queued.flatMap((q, i) => (i % 5 === 0 ? [q, q] : [q]));
  for (let i = posted.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [posted[i], posted[j]] = [posted[j]!, posted[i]!];
  }
  const file = join(dataDir, 'notifications.json');
  writeFileSync(file, JSON.stringify(posted));
  process.stdout.write(`set up ${N} bills, orders and sandbox payments in ${((performance.now() - setUp) / 1000).toFixed(1)} s; ${posted.length} notifications to post (${posted.length - N} duplicates)\n`);

  await autocannon(`${base}/api/health`, { connections: CONNECTIONS, seconds: 2 });
  const health = await autocannon(`${base}/api/health`, { connections: CONNECTIONS, seconds: 10 });

  const run = await new Promise<{ ms: number; ok: number; failed: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, 'client', notifyUrl, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`client exited ${code}`))));
  });
  const booked = await db.selectFrom('fee_payments').select(['provider_txn_id']).where('channel', '=', 'gateway').execute();
  const distinct = new Set(booked.map((b) => b.provider_txn_id)).size;
  const exactlyOnce = booked.length === N && distinct === N ? N : Math.min(distinct, N) - (booked.length - distinct);
  await app.close();
  process.stdout.write(`posted ${posted.length} in ${(run.ms / 1000).toFixed(1)} s: ${run.ok} answered 200, ${run.failed} not; ${booked.length} payments booked for ${distinct} transactions\n`);
  process.stdout.write(
    `payment notifications: ${((posted.length * 1000) / run.ms).toFixed(0)}/s at ${CONNECTIONS} connections, ${exactlyOnce} of ${N} booked exactly once (baseline /api/health ${health.reqPerSec.toFixed(0)}/s)\n`,
  );
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
