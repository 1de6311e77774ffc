import { appDb, MODULES } from '../server/app.ts';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRegistryEmpty, printDemoLogins, seedDemo } from '../server/demo/seed-demo.ts';
import { verifyAllChains, verifyAuditChain } from '../server/kernel/audit/audit.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { type Config, loadConfig } from '../server/kernel/config.ts';
import { onlineBackup, restoreBackup } from '../server/kernel/db/backup.ts';
import { runningEmbeddedUrl, startEmbeddedServer } from '../server/kernel/db/embedded.ts';
import { openDatabase } from '../server/kernel/db/index.ts';
import { createPii } from '../server/kernel/pii/pii.ts';
import { importCommand } from './import.ts';
import { reportCommand } from './report.ts';

/**
 * `npm run cli -- <command>`: operator commands that run beside (never inside) the server.
 * Exit codes: 0 done, 1 the command found a problem or refused, 2 usage error.
 */

const HELP = `Gongzhi 共治 command line

Usage: npm run cli -- <command> [arguments]

  audit verify      Walk the audit hash chain; report every edited, deleted or inserted entry.
                    校验审计日志哈希链
  seed-demo         Seed the demo street (安和街道) into an empty database and print its logins.
                    向空数据库写入演示街道
  backup <file>     Online backup of the embedded PostgreSQL to <file> (gzip tarball), while the
                    server runs or not (PostgreSQL's low-level backup API: data dir + WAL).
                    在线备份内置数据库（服务运行中亦可）
  restore <file>    Load a backup into an empty data directory, start it, verify the audit chain.
                    从备份恢复到空的数据目录
  import <file> --place <compound id or path> [--dry-run] [--skip-invalid]
                    Import rooms, owners, co-owners, tenants and family members from .xlsx or
                    .csv (UTF-8 or GBK) into a compound (or a place above compounds whose file
                    names the compound per row). Path: 安和街道/安和社区/阳光花园. Checks every row
                    first; commits all rows or none, or with --skip-invalid only the valid ones.
                    导入住户（房屋、业主、共有人、租户、家属）
  report <place id or path> [--period YYYY-MM] [--format text|json|xlsx|pdf] [--out FILE]
                    A place's monthly dispatch report from the month's snapshots (last month unless
                    told): figure, this month, last month, change; or the JSON, workbook or PDF.
                    Builds it as the system and keeps nothing. Path: 安和街道/安和社区.
                    月度调度通报（与驾驶舱同一数据）
  verify-decision <bundle.json> [--head <seq>:<hash>]
                    Check a decision's evidence bundle with the independent verifier (verifier/):
                    roll, manifest, receipts, hash chain, published heads, recount; prints JSON.
                    校验业主共同决定的证据包（独立校验程序）
  help              This text.

Settings come from the same environment as the server (GZ_DATA_DIR, DATABASE_URL, GZ_PORT …).
Beside a running server the commands use its database; with none running they start the embedded
server for the command and stop it after. Backups hold the database only; keep the PII key (GZ_PII_KEY or <data dir>/pii.key) apart
from them, safely: without it the personal data in a backup cannot be read.
`;

class CliError extends Error {
  code: number;
  constructor(message: string, code = 1) {
    super(message);
    this.code = code;
  }
}

const say = (text: string) => process.stdout.write(`${text}\n`);

/**
 * The configuration for commands that never read personal data. loadConfig() generates a PII key
 * file when none exists; a stand-in key keeps audit/backup/restore from leaving a stray key behind
 * (which a later server start would then use to write data no old key can read, or vice versa).
 */
function configWithoutKey(): Config {
  return loadConfig({ ...process.env, GZ_PII_KEY: process.env.GZ_PII_KEY ?? Buffer.alloc(32).toString('base64') });
}

// Mirrors the key file name in kernel/config.ts (not exported there).
const keyFileOf = (config: Config) => join(config.dataDir, 'pii.key');

function embeddedDataDir(config: Config, command: string): string {
  if (config.database.driver !== 'embedded') {
    throw new CliError(`${command} works on the embedded database only; with DATABASE_URL use pg_dump / pg_restore.`);
  }
  return config.database.dataDir;
}

const hasDatabase = (dataDir: string) => existsSync(join(dataDir, 'pg', 'PG_VERSION'));

async function auditVerify(): Promise<number> {
  const config = configWithoutKey();
  if (config.database.driver === 'embedded' && !hasDatabase(config.database.dataDir)) {
    throw new CliError(`No embedded database in ${config.database.dataDir} (set GZ_DATA_DIR or DATABASE_URL).`);
  }
  const database = await openDatabase(config.database, { besideRunning: true });
  try {
    const started = performance.now();
    const chains = await verifyAllChains(database.db, MODULES);
    const ms = Math.round(performance.now() - started);
    for (const chain of chains) {
      if (chain.ok) {
        say(`OK: the ${chain.name} chain is intact, ${chain.entries} entries. ${chain.name === 'audit log' ? '审计链完整。' : '链完整。'}`);
        continue;
      }
      say(`FAILED: ${chain.problems.length} problem(s) in the ${chain.name}'s ${chain.entries} entries. 链被篡改：`);
      for (const p of chain.problems) say(`  seq ${String(p.seq).padStart(8)}  ${p.kind.padEnd(8)}  ${p.message}`);
    }
    say(`(${ms} ms)`);
    return chains.every((c) => c.ok) ? 0 : 1;
  } finally {
    await database.close();
  }
}

async function seedDemoCommand(): Promise<number> {
  // The real key: the seed writes encrypted personal data, and the server must read it later.
  const config = loadConfig();
  const kernel = await bootKernel(config, undefined, undefined, { besideRunning: true });
  try {
    if (!(await isRegistryEmpty(kernel)))
      throw new CliError('The database already holds places: the demo seeds only into an empty database.');
    const started = performance.now();
    const demo = await seedDemo(kernel);
    say(`Seeded the demo street in ${Math.round(performance.now() - started)} ms.`);
    printDemoLogins(demo);
    return 0;
  } finally {
    await kernel.database.close();
  }
}

async function backup(file: string | undefined): Promise<number> {
  if (!file) throw new CliError('Usage: npm run cli -- backup <file>', 2);
  const config = configWithoutKey();
  const dataDir = embeddedDataDir(config, 'backup');
  if (!hasDatabase(dataDir)) throw new CliError(`No embedded database in ${dataDir}.`);
  if (existsSync(file)) throw new CliError(`${file} exists; choose a new file name (a backup never overwrites).`);
  const started = performance.now();
  // Beside a running server: an online backup of it. Otherwise the command starts the server itself.
  const running = runningEmbeddedUrl(dataDir);
  const own = running ? null : await startEmbeddedServer(dataDir);
  try {
    const result = await onlineBackup(running ?? own!.url, dataDir, file);
    const size = statSync(file).size;
    say(
      `Backed up ${dataDir} → ${file}${running ? ' while the server ran' : ''}: ${result.files} files, ` +
        `${(result.bytes / 1024 / 1024).toFixed(1)} MB (${(size / 1024 / 1024).toFixed(1)} MB compressed), WAL ${result.startLsn} → ${result.stopLsn}, ` +
        `${Math.round(performance.now() - started)} ms.`,
    );
  } finally {
    await own?.stop();
  }
  say(`The PII key is not in the backup: keep ${process.env.GZ_PII_KEY ? 'GZ_PII_KEY' : keyFileOf(config)} safe, apart from it.`);
  return 0;
}

async function restore(file: string | undefined): Promise<number> {
  if (!file) throw new CliError('Usage: npm run cli -- restore <file>', 2);
  const config = configWithoutKey();
  const dataDir = embeddedDataDir(config, 'restore');
  if (!existsSync(file)) throw new CliError(`${file} does not exist.`);
  // Restoring over live data would silently lose it: only a data dir without a database will do.
  const pgDir = join(dataDir, 'pg');
  if (existsSync(pgDir) && readdirSync(pgDir).length > 0) {
    throw new CliError(`${pgDir} is not empty: restore into a fresh GZ_DATA_DIR (or move the old data away first).`);
  }
  if (runningEmbeddedUrl(dataDir)) throw new CliError(`A Gongzhi server runs on ${dataDir}: stop it first.`);
  const started = performance.now();
  await restoreBackup(file, dataDir);

  // Start the restored database (it replays the backup's WAL) and prove its audit chain is whole.
  const database = await openDatabase(config.database);
  try {
    const chain = await verifyAuditChain(database.db);
    const persons = await appDb(database).selectFrom('reg_persons').select(['phone_enc', 'id_number_enc']).limit(1).executeTakeFirst();
    say(
      `Restored ${file} → ${dataDir} (${Math.round(performance.now() - started)} ms); audit chain ${chain.ok ? 'intact' : 'BROKEN'}, ${chain.entries} entries.`,
    );
    for (const p of chain.problems) say(`  seq ${String(p.seq).padStart(8)}  ${p.kind.padEnd(8)}  ${p.message}`);

    const keyFile = keyFileOf(config);
    if (!process.env.GZ_PII_KEY && !existsSync(keyFile)) {
      say(`Put the original PII key at ${keyFile} (or set GZ_PII_KEY) before starting the server:`);
      say('without it a new key is generated and the restored personal data cannot be decrypted.');
    } else if (persons?.id_number_enc ?? persons?.phone_enc) {
      const pii = createPii(loadConfig().piiKey);
      try {
        pii.decrypt((persons.id_number_enc ?? persons.phone_enc)!);
        say('The PII key in use decrypts the restored personal data.');
      } catch {
        say('WARNING: the PII key in use does NOT decrypt the restored personal data; use the key of the original installation.');
        return 1;
      }
    }
    return chain.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'audit':
      if (rest[0] !== 'verify') throw new CliError('Usage: npm run cli -- audit verify', 2);
      return auditVerify();
    case 'seed-demo':
      return seedDemoCommand();
    case 'backup':
      return backup(rest[0]);
    case 'restore':
      return restore(rest[0]);
    case 'import':
      return importCommand(rest);
    case 'report':
      return reportCommand(rest);
    case 'verify-decision': {
      // The same standalone script a scrutineer runs with plain `node`; it needs no database.
      const { cli } = await import('../verifier/verify-decision.mjs');
      return cli(rest);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return 0;
    default:
      process.stderr.write(`Unknown command: ${command}\n\n${HELP}`);
      return 2;
  }
}

if (import.meta.main) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(err instanceof CliError ? err.code : 1);
    },
  );
}
