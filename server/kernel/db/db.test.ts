import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { useTestEnv } from '../../test/harness.ts';

const { env } = useTestEnv();

test('both drivers return the same JS types: int8 → number, numeric → string, date → string, timestamptz → Date', async () => {
  const row = (
    await sql<{ big: unknown; num: unknown; day: unknown; at: unknown; cnt: unknown }>`
      select 9007199254740991::int8 as big, 12.345::numeric as num, date '2026-11-22' as day,
             timestamptz '2026-11-22 09:00:00+08' as at, count(*) as cnt from places`.execute(env.kernel.db)
  ).rows[0]!;
  assert.equal(row.big, 9007199254740991);
  assert.equal(row.num, '12.345');
  assert.equal(row.day, '2026-11-22');
  assert.ok(row.at instanceof Date);
  assert.equal((row.at as Date).toISOString(), '2026-11-22T01:00:00.000Z');
  assert.equal(typeof row.cnt, 'number');
});

test('migrations are recorded and not applied twice', async () => {
  const { migrate } = await import('./migrate.ts');
  const ran = await migrate(env.kernel.database);
  assert.deepEqual(ran, []);
  const versions = await env.kernel.db.selectFrom('schema_migrations').select('version').execute();
  assert.ok(versions.some((v) => v.version === '0001_kernel.sql'));
});
