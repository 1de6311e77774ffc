import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { DB } from '../../schema.ts';
import { PGliteDialect } from './pglite-dialect.ts';
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
  close(): Promise<void>;
}

/** Opens the configured database: one PGlite per process (it needs ~0.75 GB), or a pg pool. */
export async function openDatabase(config: Config['database']): Promise<Database> {
  if (config.driver === 'pglite') {
    const pglite = await PGlite.create(config.dataDir.startsWith('memory://') ? config.dataDir : config.dataDir, {
      parsers,
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      driver: 'pglite',
      execScript: async (sql) => {
        await pglite.exec(sql);
      },
      close: async () => {
        await db.destroy();
        await pglite.close();
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
