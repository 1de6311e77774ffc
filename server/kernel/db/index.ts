import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
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
   * Embedded only: `COPY <table> (<columns>) FROM '/dev/blob'` with `data` in COPY's text format,
   * the fastest way to load many rows (bulk imports). It takes its turn on the one connection like
   * any query, so it never runs inside another caller's transaction.
   */
  copyFrom?: (statement: string, data: string) => Promise<void>;
  close(): Promise<void>;
}

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
      copyFrom: async (statement, data) => {
        await db.connection().execute(async () => {
          await pglite.query(statement, [], { blob: new Blob([data]) });
        });
      },
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
    close: async () => {
      await db.destroy();
    },
  };
}
