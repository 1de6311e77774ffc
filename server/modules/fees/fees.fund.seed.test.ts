import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './fees.db.ts';
import { seedFund } from './fees.fund.seed.ts';

/**
 * The fund part of the demo: the street's statement imported (each room's first deposit, yearly interest, the last
 * quarter's deposits), at 阳光花园 an emergency use with its record and — when the decisions demo left a passed
 * decision — the elevator use linked to it, and the last quarter published; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry', 'decisions'] });
});
after(() => env.close());

test('the fund demo: the statement imported, the uses linked, the last quarter published; once', async () => {
  const start = Date.now();
  const done = await seedFund(env.kernel, demo);
  // Timed, not asserted: a loaded machine is no failure of the seed.
  process.stdout.write(`fund demo seeded in ${Date.now() - start} ms: ${JSON.stringify(done)}\n`);
  assert.ok('published' in done, JSON.stringify(done));
  const sunshine = demo.get(DEMO_STREET)!.compounds[0]!;
  const db = read(env.kernel);
  const uses = await db
    .selectFrom('fee_fund_entries as e')
    .leftJoin('fee_fund_use_bases as b', 'b.entry_id', 'e.id')
    .select(['e.summary', 'b.kind'])
    .where('e.compound_id', '=', sunshine.id)
    .where('e.kind', '=', 'use')
    .execute();
  assert.ok(uses.length >= 1 && uses.every((u) => u.kind), JSON.stringify(uses));
  assert.ok(uses.some((u) => u.kind === 'emergency'));
  const publications = await db.selectFrom('fee_fund_publications').select(['quarter', 'closing_fen']).where('compound_id', '=', sunshine.id).execute();
  assert.equal(publications.length, 1);
  assert.ok(Number(publications[0]!.closing_fen) > 0);
  const rooms = await db.selectFrom('fee_fund_entries').select((eb) => eb.fn.count<number>('room_id').distinct().as('n')).where('compound_id', '=', sunshine.id).executeTakeFirstOrThrow();
  assert.ok(Number(rooms.n) > 50, 'deposits per room');
  assert.equal((await seedFund(env.kernel, demo)).skipped, 'seeded already');
});
