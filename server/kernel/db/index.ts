import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Config } from '../config.ts';
import type { KernelTables } from './tables.ts';
import { forgetReads, notifyWrite } from './read-cache.ts';
import { runningEmbeddedUrl, startEmbeddedServer } from './embedded.ts';
import { parsers } from './types.ts';
import { preparingStatements } from './prepared.ts';

/**
 * The database as code sees it: the kernel's tables, or `KernelTables & <a module's tables>` in a
 * module (its `<name>.db.ts`). One pool serves all; the type decides which tables a piece of code may name.
 */
export type Db<Tables = KernelTables> = Kysely<Tables>;
export type Tx<Tables = KernelTables> = Transaction<Tables>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor<Tables = KernelTables> = Kysely<Tables> | Transaction<Tables>;

export interface Database {
  db: Db;
  /** `embedded`: the server this process started on its data dir; `pg`: a server at DATABASE_URL. */
  driver: 'embedded' | 'pg';
  /** Runs a multi-statement SQL script (migrations, backups); not for user input. */
  execScript(sql: string): Promise<void>;
  /**
   * One transaction that may also bulk-load rows with COPY (imports): `copy(table, columns, data)`
   * loads `data` (COPY's text format) inside the transaction, on either driver.
   */
  copyTransaction<T>(work: (tx: Tx, copy: CopyIn) => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel` on a connection of its own. `onMessage` gets each payload; `onState` is told
   * when the listener is (re)connected or lost, so a cache can stop trusting itself meanwhile. It
   * reconnects by itself until `close()`.
   */
  listen(channel: string, onMessage: (payload: string) => void, onState: (listening: boolean) => void): Promise<void>;
  /**
   * Holds the session advisory lock (`lockClass`, `key`) on a connection of its own while this process
   * lives (re-taken after a reconnect): other processes can see in `pg_locks` that it is alive.
   */
  hold(lockClass: number, key: number): Promise<void>;
  close(): Promise<void>;
}

/** COPY `table (columns)` from `data` in COPY's text format (tab-separated, `\N` for null). */
export type CopyIn = (table: string, columns: readonly string[], data: Uint8Array | string) => Promise<void>;

const copyStatement = (table: string, columns: readonly string[], source: string) => {
  const ident = /^[a-z_][a-z0-9_]*$/;
  if (!ident.test(table) || !columns.every((c) => ident.test(c))) throw new Error(`COPY into ${table}: bad identifier`);
  return `copy ${table} (${columns.join(', ')}) from ${source}`;
};

/**
 * Opens the configured database: the embedded server (started here, stopped by `close()`) or an
 * external PostgreSQL server at `DATABASE_URL`; either way one `pg` pool and one COPY path.
 */
export async function openDatabase(
  config: Config['database'],
  opts: { log?: (line: string) => void; /** CLI: use the embedded server a running app owns, if one does. */ besideRunning?: boolean } = {},
): Promise<Database> {
  if (config.driver === 'embedded' && opts.besideRunning) {
    const running = runningEmbeddedUrl(config.dataDir);
    if (running) return connect(running, 'embedded', { max: 4 });
  }
  const embedded = config.driver === 'embedded' ? await startEmbeddedServer(config.dataDir, { log: opts.log }) : null;
  try {
    const url = config.driver === 'pg' ? config.url : embedded!.url;
    const unsafe = config.driver === 'pg' ? (config.allowUnsafe ?? 'refuse') : 'refuse';
    return await connect(url, config.driver, { onClose: async () => embedded?.stop(), unsafe });
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

/** A pool on `url`, with the project's type parsers, checked for durability settings. */
export async function connect(
  url: string,
  driver: Database['driver'],
  opts: { onClose?: () => Promise<void>; max?: number; unsafe?: Unsafe } = {},
): Promise<Database> {
  const { onClose = async () => {}, max = 20, unsafe = 'refuse' } = opts;
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server (a restart) must not take the process down with it.
  pool.on('error', () => {});
  pool.on('connect', preparingStatements);
  const db = new Kysely<KernelTables>({ dialect: new PostgresDialect({ pool }) });
  const listeners = new Set<pg.Client>();
  let closed = false;
  /** A connection of its own, set up by `setup`, re-opened a second after it is lost, until `close()`. */
  const dedicated = async (setup: (client: pg.Client) => Promise<void>, onState: (up: boolean) => void): Promise<void> => {
    const open = async (): Promise<void> => {
      if (closed) return;
      const client = new pg.Client({ connectionString: url });
      const lost = () => {
        if (listeners.delete(client)) {
          onState(false);
          setTimeout(() => void open().catch(lost), 1000).unref();
        }
      };
      client.on('error', lost);
      client.on('end', lost);
      listeners.add(client);
      try {
        await client.connect();
        await setup(client);
        onState(true);
      } catch {
        lost();
      }
    };
    await open();
  };
  try {
    await checkDurability(pool, unsafe);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return {
    db,
    driver,
    execScript: async (sql) => {
      await pool.query(sql);
    },
    // Kysely does not hand out the client behind a transaction, so this transaction runs on a Kysely
    // whose "pool" is the one client it takes from the real pool; COPY streams on that same client.
    copyTransaction: async (work) => {
      let client: pg.PoolClient | null = null;
      const single = new Kysely<KernelTables>({
        dialect: new PostgresDialect({
          pool: { connect: async () => (client = await pool.connect()), end: async () => {} } as unknown as pg.Pool,
        }),
      });
      try {
        const result = await single.transaction().execute(async (tx) => {
          const out = await work(tx, async (table, columns, data) => {
            await pipeline(Readable.from([typeof data === 'string' ? Buffer.from(data) : data]), client!.query(copyFromStdin(copyStatement(table, columns, 'stdin'))));
          });
          // A bulk load (an import) changes shared reads like any write, in every process.
          await notifyWrite().execute(tx);
          return out;
        });
        forgetReads();
        return result;
      } finally {
        await single.destroy();
      }
    },
    listen: async (channel, onMessage, onState) => {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel ${channel}`);
      await dedicated(
        async (client) => {
          client.on('notification', (n) => n.channel === channel && onMessage(n.payload ?? ''));
          await client.query(`listen ${channel}`);
        },
        onState,
      );
    },
    hold: async (lockClass, key) => {
      await dedicated(async (client) => void (await client.query('select pg_advisory_lock($1::int, $2::int)', [lockClass, key])), () => {});
    },
    close: async () => {
      closed = true;
      await Promise.all([...listeners].map((c) => (listeners.delete(c), c.end().catch(() => {}))));
      await db.destroy();
      await onClose();
    },
  };
}

/** What to do on a server that can lose acknowledged writes: refuse, warn (GZ_ALLOW_UNSAFE_DB), or allow (tests). */
export type Unsafe = 'refuse' | 'warn' | 'allow';

/**
 * A write the app acknowledged must survive a crash. A server run with fsync, synchronous_commit or
 * full_page_writes off can lose it, so the app refuses to start on one unless told otherwise
 * (GZ_ALLOW_UNSAFE_DB=true: a throwaway cluster; it then warns).
 */
export async function checkDurability(pool: pg.Pool, unsafe: Unsafe): Promise<void> {
  const { rows } = await pool.query<{ name: string; setting: string }>(
    "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes')",
  );
  const off = rows.filter((r) => r.setting === 'off').map((r) => r.name);
  if (off.length === 0 || unsafe === 'allow') return;
  const message = `The PostgreSQL server runs with ${off.join(', ')} = off: acknowledged writes can be lost in a crash.`;
  if (unsafe === 'warn') {
    process.stderr.write(`WARNING: ${message} (allowed by GZ_ALLOW_UNSAFE_DB)\n`);
    return;
  }
  throw new Error(`${message} Turn them on, or set GZ_ALLOW_UNSAFE_DB=true for a throwaway test database.\n服务器关闭了 ${off.join('、')}，崩溃时可能丢失已确认的写入，已拒绝启动。`);
}
