import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from './index.ts';

const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url).pathname;

/**
 * Applies the forward-only numbered `.sql` migrations that have not run yet, each in its own
 * transaction, in file-name order. An advisory lock keeps two app processes from racing.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await database.execScript(
    'create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())',
  );
  const files = (await readdir(dir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  const applied = new Set(
    (await sql<{ version: string }>`select version from schema_migrations`.execute(database.db)).rows.map((r) => r.version),
  );
  const ran: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const body = await readFile(join(dir, file), 'utf8');
    try {
      await database.execScript(
        `begin;\nselect pg_advisory_xact_lock(727001);\n${body}\n;insert into schema_migrations(version) values ('${file}') on conflict do nothing;\ncommit;`,
      );
    } catch (err) {
      await database.execScript('rollback').catch(() => {});
      throw new Error(`Migration ${file} failed: ${(err as Error).message}`);
    }
    ran.push(file);
  }
  return ran;
}
