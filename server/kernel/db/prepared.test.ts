import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { useTestEnv } from '../../test/harness.ts';
import type { Executor } from './index.ts';
import { statementName } from './prepared.ts';

const { env } = useTestEnv();

const prepared = (tx: Executor) => sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(tx);

test('a parameterised statement runs prepared under its name on its connection; one without parameters does not', async () => {
  await env.kernel.db.transaction().execute(async (tx) => {
    // One transaction is one connection: what it prepared is visible to it.
    const text = 'select $1::int + 1 as n';
    const r = await sql<{ n: number }>`select ${41}::int + 1 as n`.execute(tx);
    assert.equal(r.rows[0]!.n, 42);
    await sql`select 'no parameters here' as s`.execute(tx);
    const names = (await prepared(tx)).rows;
    const mine = names.find((p) => p.statement === text);
    assert.ok(mine, `prepared: ${JSON.stringify(names.map((p) => p.statement))}`);
    assert.equal(mine.name, statementName(text));
    assert.ok(!names.some((p) => p.statement.includes('no parameters here')), 'the simple protocol for statements without parameters');
    // Run again: still the one prepared statement, and the same answer.
    assert.equal((await sql<{ n: number }>`select ${1}::int + 1 as n`.execute(tx)).rows[0]!.n, 2);
    assert.equal((await prepared(tx)).rows.filter((p) => p.statement === text).length, 1);
  });
});

test('statement names are stable per text and distinct between texts', () => {
  assert.equal(statementName('select $1'), statementName('select $1'));
  assert.notEqual(statementName('select $1'), statementName('select $2'));
  assert.match(statementName('select $1')!, /^gz_[A-Za-z0-9_-]{22}$/);
});
