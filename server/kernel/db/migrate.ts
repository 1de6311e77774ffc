import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from './index.ts';

const SERVER_DIR = new URL('../../', import.meta.url).pathname;

/**
 * Where migrations live: the kernel's and the first modules' in server/migrations/, and each newer
 * module's in its own folder (server/modules/<m>/migrations/, so adding a module touches no shared
 * folder). One numbering runs through all of them.
 */
export async function migrationDirs(): Promise<string[]> {
  const modules = join(SERVER_DIR, 'modules');
  const own = (await readdir(modules)).map((m) => join(modules, m, 'migrations')).filter((d) => existsSync(d));
  return [join(SERVER_DIR, 'migrations'), ...own];
}

/**
 * Applies the forward-only numbered `.sql` migrations that have not run yet, each in its own
 * transaction, in file-name order across `dirs`. An advisory lock keeps two app processes from racing.
 */
export async function migrate(database: Database, dirs?: string[]): Promise<string[]> {
  await database.execScript(
    'create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())',
  );
  const paths = new Map<string, string>();
  for (const dir of dirs ?? (await migrationDirs())) {
    for (const f of await readdir(dir)) {
      if (!/^\d{4}_.+\.sql$/.test(f)) continue;
      if (paths.has(f)) throw new Error(`Migration ${f} exists twice: ${paths.get(f)} and ${join(dir, f)}`);
      paths.set(f, join(dir, f));
    }
  }
  const files = [...paths.keys()].sort();
  const applied = new Set(
    (await sql<{ version: string }>`select version from schema_migrations`.execute(database.db)).rows.map((r) => r.version),
  );
  const ran: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const body = await readFile(paths.get(file)!, 'utf8');
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
