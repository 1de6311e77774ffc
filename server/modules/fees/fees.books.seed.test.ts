import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { seedBooks } from './fees.books.seed.ts';
import { read } from './fees.db.ts';
import { statementTotals } from './use-cases/books-access.ts';

/**
 * The books part of the demo, on the registry's street: 阳光花园's last month published with twelve lines, every
 * manual line with a masked voucher, an owner's question answered; this month a draft; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the books demo: last month published with vouchers and an answered question, this month a draft', async () => {
  const start = Date.now();
  const done = await seedBooks(env.kernel, demo);
  process.stdout.write(`books demo seeded in ${Date.now() - start} ms\n`);
  assert.ok('published' in done && 'draft' in done && 'question' in done, JSON.stringify(done));
  const compound = demo.get(DEMO_STREET)!.compounds.find((c) => c.name === '阳光花园')!;
  const db = read(env.kernel);
  const statements = await db.selectFrom('fee_book_statements').selectAll().where('compound_id', '=', compound.id).orderBy('month').execute();
  assert.deepEqual(
    statements.map((s) => s.status),
    ['published', 'draft'],
  );
  const lines = await db.selectFrom('fee_book_lines').selectAll().where('statement_id', '=', statements[0]!.id).execute();
  assert.equal(lines.length, 12);
  const vouchers = await db.selectFrom('fee_book_vouchers').selectAll().where('line_id', 'in', lines.map((l) => l.id)).execute();
  assert.equal(vouchers.length, 10, 'every manual line has its voucher');
  assert.ok(vouchers.every((v) => v.masked));
  const totals = (await statementTotals(db, [statements[0]!.id])).get(statements[0]!.id)!;
  assert.ok(totals.incomeFen > 0 && totals.expenseFen > 0);
  const opinion = await sql<{ status: string }>`select status from op_opinions where id = ${(done as { question: string }).question}`.execute(env.kernel.db);
  assert.equal(opinion.rows[0]?.status, 'answered');
  assert.deepEqual(await seedBooks(env.kernel, demo), { skipped: 'seeded already' });
});
