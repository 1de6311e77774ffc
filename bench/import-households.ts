import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp, appDb } from '../server/app.ts';
import { insertPlace } from '../server/kernel/access/index.ts';
import { createAccount, grantRole } from '../server/kernel/auth/accounts.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { loadConfig } from '../server/kernel/config.ts';
import type { Kernel } from '../server/kernel/context.ts';
import { withIdChecksum } from '../server/kernel/pii/pii.ts';
import { HOST } from './util.ts';

/**
 * Household import at Quzhou's scale: a CSV of 164,253 households (owners, 30% with a co-owner,
 * 15% with a tenant: ~238,000 rows, one person per row) across 60 compounds of one street,
 * uploaded over HTTP by a street official into an empty registry, dry run then commit, on the
 * embedded PostgreSQL and (when DATABASE_URL is set) on PostgreSQL.
 *
 * Printed: seconds for the dry run and the commit; the longest wait of a request made during the
 * commit (responsiveness: a colleague's request every 100 ms); peak RSS of this process, which is
 * the server (VmHWM, reset before the import). Baselines in the same run: the same rows the import
 * wrote, loaded with one COPY per table into equivalent tables — bare (same columns, no indexes, no
 * constraints), and with the registry's indexes (`like … including indexes`, still no foreign keys).
 * Last line: import commit / each baseline, per database.
 */

const HOUSEHOLDS = Number(process.env.GZ_BENCH_HOUSEHOLDS ?? 164_253);
const COMPOUNDS = 60;
const PASSWORD = 'Bench@2026';

function makeCsv(): { csv: string; rows: number } {
  const lines = ['小区,楼栋,单元,房号,楼层,专有面积,面积来源,用途,姓名,身份证号,手机号,关系,份额'];
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰浩宇鑫博晨阳凯婷雪倩琳颖佳悦欣瑶';
  let seq = 0;
  const person = (n: number) => {
    seq++;
    const name = surnames[n % surnames.length]! + given[(n * 7) % given.length]! + given[(n * 13 + 5) % given.length]!;
    // Region + birth date + sequence, all derived from seq: unique for millions of people.
    const year = 1950 + (seq % 50);
    const month = 1 + (Math.floor(seq / 50) % 12);
    const day = 1 + (Math.floor(seq / 600) % 28);
    const id = withIdChecksum(`330802${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(Math.floor(seq / 16800) % 1000).padStart(3, '0')}`);
    return { name, id, phone: `13${String(seq).padStart(9, '0')}` };
  };
  const perCompound = Math.ceil(HOUSEHOLDS / COMPOUNDS);
  let rows = 0;
  let h = 0;
  for (let c = 0; c < COMPOUNDS && h < HOUSEHOLDS; c++) {
    for (let i = 0; i < perCompound && h < HOUSEHOLDS; i++, h++) {
      const building = `${1 + Math.floor(i / 96)}栋`;
      const unit = `${1 + (Math.floor(i / 32) % 3)}单元`;
      const floor = 1 + (Math.floor(i / 2) % 16);
      const room = `${floor}0${1 + (i % 2)}`;
      const area = `${80 + (i % 50)}.${String(i % 100).padStart(2, '0')}`;
      const base = `小区${String(c + 1).padStart(2, '0')},${building},${unit},${room},${floor},${area},不动产登记,住宅`;
      const coOwner = h % 10 < 3;
      const tenant = h % 20 < 3;
      const people: [ReturnType<typeof person>, string, string][] = [];
      const owner = person(h);
      people.push([owner, '业主', coOwner ? '50%' : '100%']);
      if (coOwner) people.push([person(h + 1), '共有人', '50%']);
      if (tenant) people.push([person(h + 2), '租户', '']);
      for (const [p, relation, share] of people) {
        lines.push(`${base},${p.name},${p.id},${p.phone},${relation},${share}`);
        rows++;
      }
    }
  }
  return { csv: `${lines.join('\n')}\n`, rows };
}

const hwmKb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
const resetHwm = () => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
};

async function seedStreet(kernel: Kernel) {
  return appDb(kernel).transaction().execute(async (tx) => {
    const street = await insertPlace(tx, { parent: null, kind: 'street', name: '基准街道' });
    const community = await insertPlace(tx, { parent: street, kind: 'community', name: '基准社区' });
    for (let c = 0; c < COMPOUNDS; c++) {
      const compound = await insertPlace(tx, { parent: community, kind: 'compound', name: `小区${String(c + 1).padStart(2, '0')}` });
      await tx.insertInto('reg_compounds').values({ street_id: street.id, place_id: compound.id, management_mode: 'professional' }).execute();
    }
    const account = await createAccount(tx, kernel.pii, { username: 'bench', displayName: 'bench', password: PASSWORD });
    await grantRole(tx, account, 'street_official', street.id);
    return street;
  });
}

interface Figures {
  driver: string;
  dryRunS: number;
  commitS: number;
  maxWaitMs: number;
  medianWaitMs: number;
  probes: number;
  p99WaitMs: number;
  peakRssMb: number;
  baselineBareS: number;
  baselineIndexedS: number;
  rows: Record<string, number>;
}

async function runOn(driver: 'embedded' | 'pg', csv: string, adminUrl?: string): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-import-'));
  let dbName: string | null = null;
  const env: Record<string, string> = { GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent', GZ_SEED_DEMO: 'never' };
  if (driver === 'pg') {
    dbName = `gz_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  }
  const kernel = await bootKernel(loadConfig(env));
  try {
    const street = await seedStreet(kernel);
    const app = await buildApp(kernel, { logger: false });
    await app.listen({ host: HOST, port: 0 });
    const base = `http://${HOST}:${(app.server.address() as { port: number }).port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench', password: PASSWORD }) });
    const cookie = /gz_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const waitTask = async (taskId: string) => {
      for (;;) {
        const t = (await (await fetch(`${base}/api/tasks/${taskId}`, { headers })).json()) as { status: string; error: unknown };
        if (t.status !== 'running') return t;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    // A colleague using the workbench meanwhile: one request every 100 ms, its waits recorded.
    const probe = () => {
      let stop = false;
      const waits: number[] = [];
      const done = (async () => {
        while (!stop) {
          const t0 = performance.now();
          await fetch(`${base}/api/places/${street.id}/children`, { headers });
          waits.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      return async () => {
        stop = true;
        await done;
        return waits;
      };
    };

    const hwmReset = resetHwm();
    const t0 = performance.now();
    const form = new FormData();
    form.append('placeId', street.id);
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'households.csv');
    const up = (await (await fetch(`${base}/api/registry/imports`, { method: 'POST', headers, body: form })).json()) as { importId: string; taskId: string };
    const dry = await waitTask(up.taskId);
    const dryRunS = (performance.now() - t0) / 1000;
    if (dry.status !== 'done') throw new Error(`dry run ${JSON.stringify(dry)}`);
    const t1 = performance.now();
    const stopProbe = probe();
    const commit = (await (
      await fetch(`${base}/api/registry/imports/${up.importId}/commit`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ skipInvalid: false }) })
    ).json()) as { taskId: string };
    const done = await waitTask(commit.taskId);
    const commitS = (performance.now() - t1) / 1000;
    const waits = await stopProbe();
    const peakRssMb = hwmKb() / 1024;
    if (done.status !== 'done') throw new Error(`commit ${JSON.stringify(done)}`);
    await app.close();
    if (!hwmReset) process.stdout.write('(could not reset VmHWM: peak RSS covers the whole process)\n');

    // ——— baseline: the same rows into bare tables ———
    const tables = ['places', 'reg_rooms', 'reg_persons', 'reg_households'] as const;
    const rows: Record<string, number> = {};
    const data: Record<string, { columns: string[]; rows: unknown[][] }> = {};
    for (const t of tables) {
      const r = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(appDb(kernel));
      const columns = Object.keys(r.rows[0] ?? {});
      data[t] = { columns, rows: r.rows.map((x) => columns.map((c) => x[c])) };
      rows[t] = r.rows.length;
    }
    const text = (v: unknown): string => {
      if (v === null || v === undefined) return '\\N';
      if (v instanceof Date) return v.toISOString();
      if (Array.isArray(v)) return `{${v.map((x) => `"${x}"`).join(',')}}`;
      return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
    };
    const copyText = Object.fromEntries(tables.map((t) => [t, `${data[t]!.rows.map((r) => r.map(text).join('\t')).join('\n')}\n`]));
    const load = async (suffix: string, like: string) => {
      for (const t of tables) await sql.raw(`create table bench_${t}_${suffix} (like ${t} ${like})`).execute(appDb(kernel));
      const started = performance.now();
      await kernel.database.copyTransaction(async (_tx, copy) => {
        for (const t of tables) await copy(`bench_${t}_${suffix}`, data[t]!.columns, copyText[t]!);
      });
      return (performance.now() - started) / 1000;
    };
    const baselineBareS = await load('bare', '');
    const baselineIndexedS = await load('indexed', 'including defaults including indexes');
    return {
      driver: kernel.database.driver,
      dryRunS,
      commitS,
      maxWaitMs: Math.max(0, ...waits),
      medianWaitMs: [...waits].sort((a, b) => a - b)[Math.floor(waits.length / 2)] ?? 0,
      p99WaitMs: [...waits].sort((a, b) => a - b)[Math.min(waits.length - 1, Math.floor(waits.length * 0.99))] ?? 0,
      probes: waits.length,
      peakRssMb,
      baselineBareS,
      baselineIndexedS,
      rows,
    };
  } finally {
    await kernel.database.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (dbName && adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }
}

const g0 = performance.now();
const { csv, rows } = makeCsv();
process.stdout.write(
  `generated ${HOUSEHOLDS.toLocaleString('en')} households in ${COMPOUNDS} compounds: ${rows.toLocaleString('en')} rows, ${(csv.length / 1e6).toFixed(1)} MB of CSV (${Math.round(performance.now() - g0)} ms)\n`,
);

const results: Figures[] = [await runOn('embedded', csv)];
if (process.env.DATABASE_URL) results.push(await runOn('pg', csv, process.env.DATABASE_URL));
else process.stdout.write('DATABASE_URL not set: PostgreSQL figures skipped\n');

for (const f of results) {
  const written = Object.values(f.rows).reduce((a, b) => a + b, 0);
  process.stdout.write(
    [
      `\n[${f.driver}] rows written: ${Object.entries(f.rows).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')} (${written.toLocaleString('en')})`,
      `[${f.driver}] upload + dry run:  ${f.dryRunS.toFixed(1)} s`,
      `[${f.driver}] commit:            ${f.commitS.toFixed(1)} s   (${Math.round(written / f.commitS).toLocaleString('en')} rows/s)`,
      `[${f.driver}] requests during the commit: ${f.probes}, median wait ${Math.round(f.medianWaitMs)} ms, p99 ${Math.round(f.p99WaitMs)} ms, longest ${Math.round(f.maxWaitMs)} ms`,
      `[${f.driver}] peak RSS of the server process during the import: ${Math.round(f.peakRssMb)} MB`,
      `[${f.driver}] baseline COPY into bare tables:    ${f.baselineBareS.toFixed(1)} s`,
      `[${f.driver}] baseline COPY into indexed tables: ${f.baselineIndexedS.toFixed(1)} s`,
      '',
    ].join('\n'),
  );
}
process.stdout.write(
  `ratio import commit / COPY of the same rows (goal <= 1.3x): ${results
    .map((f) => `${f.driver} ${(f.commitS / f.baselineIndexedS).toFixed(2)}x vs indexed tables, ${(f.commitS / f.baselineBareS).toFixed(2)}x vs bare tables`)
    .join('; ')}\n`,
);
const [embedded] = results;
process.stdout.write(
  `import-households commit/indexed-copy ${(embedded!.commitS / embedded!.baselineIndexedS).toFixed(2)}x p99 during commit ${Math.round(embedded!.p99WaitMs)} ms\n`,
);
