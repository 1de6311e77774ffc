import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Config } from '../config.ts';
import type { DB } from '../../schema.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { lockDataDir } from './lock.ts';
import { parsers } from './types.ts';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  driver: 'pglite' | 'pg';
  /** Runs a multi-statement SQL script (migrations, backups); not for user input. */
  execScript(sql: string): Promise<void>;
  /** Embedded only: the whole data directory as a gzip tarball (for backups). */
  dumpDataDir?: () => Promise<Buffer>;
  /**
   * One transaction that may also bulk-load rows with COPY (imports): `copy(table, columns, data)`
   * loads `data` (COPY's text format) inside the transaction, on either driver.
   */
  copyTransaction<T>(work: (tx: Tx, copy: CopyIn) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** COPY `table (columns)` from `data` in COPY's text format (tab-separated, `\N` for null). */
export type CopyIn = (table: string, columns: readonly string[], data: Uint8Array | string) => Promise<void>;

const copyStatement = (table: string, columns: readonly string[], source: string) => {
  const ident = /^[a-z_][a-z0-9_]*$/;
  if (!ident.test(table) || !columns.every((c) => ident.test(c))) throw new Error(`COPY into ${table}: bad identifier`);
  return `copy ${table} (${columns.join(', ')}) from ${source}`;
};

/** Opens the configured database: one PGlite per process (it needs ~0.75 GB), or a pg pool. */
export async function openDatabase(config: Config['database']): Promise<Database> {
  if (config.driver === 'pglite') {
    const inMemory = config.dataDir.startsWith('memory://');
    const unlock = inMemory ? () => {} : lockDataDir(config.dataDir);
    const pglite = await PGlite.create(config.dataDir, { parsers }).catch((err) => {
      unlock();
      throw err;
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      driver: 'pglite',
      execScript: async (sql) => {
        await pglite.exec(sql);
      },
      dumpDataDir: async () => Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer()),
      // Inside the transaction the one connection is already ours, so COPY goes straight to PGlite.
      copyTransaction: (work) =>
        db.transaction().execute((tx) =>
          work(tx, async (table, columns, data) => {
            await pglite.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([data as BlobPart]) });
          }),
        ),
      close: async () => {
        await db.destroy();
        await pglite.close();
        unlock();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 20,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    driver: 'pg',
    execScript: async (sql) => {
      await pool.query(sql);
    },
    // Kysely does not hand out the client behind a transaction, so this transaction runs on a Kysely
    // whose "pool" is the one client it takes from the real pool; COPY streams on that same client.
    copyTransaction: async (work) => {
      let client: pg.PoolClient | null = null;
      const single = new Kysely<DB>({
        dialect: new PostgresDialect({
          pool: { connect: async () => (client = await pool.connect()), end: async () => {} } as unknown as pg.Pool,
        }),
      });
      try {
        return await single.transaction().execute((tx) =>
          work(tx, async (table, columns, data) => {
            await pipeline(Readable.from([typeof data === 'string' ? Buffer.from(data) : data]), client!.query(copyFromStdin(copyStatement(table, columns, 'stdin'))));
          }),
        );
      } finally {
        await single.destroy();
      }
    },
    close: async () => {
      await db.destroy();
    },
  };
}
