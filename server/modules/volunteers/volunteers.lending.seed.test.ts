import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chinaDay } from '../../kernel/clock.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './volunteers.db.ts';
import { E2E_BOOK, E2E_LENDER_PHONE, seedLending } from './volunteers.lending.seed.ts';

/**
 * The lending part of the demo on the registry's street: 张明远's 「三体」 (刘慈欣, 14 days) available and never asked for
 * and his 「电钻」; the neighbours' books and tools at 阳光花园 and the second compound with loans in every state, exactly
 * one overdue; 周雨桐 (13800000003) untouched; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the lending demo: 三体 available for the e2e journey, loans in every state, one overdue; a second run adds nothing', async () => {
  const started = Date.now();
  const done = await seedLending(env.kernel, demo);
  assert.ok(Date.now() - started < 15_000, 'fast');
  assert.equal(done.skipped, undefined, JSON.stringify(done));
  assert.deepEqual(done.loans, { requested: 2, declined: 1, cancelled: 1, lent: 3, returned: 3, overdue: 1 });
  const street = demo.get(DEMO_STREET)!;
  const zhang = demo.account(E2E_LENDER_PHONE)!;
  const db = read(env.kernel);
  const books = await db.selectFrom('vol_listings').selectAll().where('owner_person_id', '=', zhang.personId!).orderBy('title').execute();
  assert.deepEqual(books.map((b) => [b.kind, b.title, b.author, b.loan_days, b.status, b.place_id]).sort(), [
    ['book', E2E_BOOK.title, '刘慈欣', 14, 'open', street.compounds[0]!.id],
    ['tool', '电钻', null, 7, 'open', street.compounds[0]!.id],
  ].sort());
  const threeBody = books.find((b) => b.title === '三体')!;
  assert.equal(threeBody.hidden_at, null);
  const asked = await db.selectFrom('vol_loans').select('id').where('owner_person_id', '=', zhang.personId!).execute();
  assert.equal(asked.length, 0, 'his items never asked for: the journey asks, and his 我的出借 shows only its request');
  const loans = await db.selectFrom('vol_loans').selectAll().execute();
  const today = chinaDay(env.kernel.clock.now());
  const overdue = loans.filter((l) => l.status === 'lent' && l.due_on! < today);
  assert.equal(overdue.length, 1);
  const lentListings = await db.selectFrom('vol_listings').select('id').where('status', '=', 'lent').execute();
  assert.deepEqual(lentListings.map((l) => l.id).sort(), loans.filter((l) => l.status === 'lent').map((l) => l.listing_id).sort(), 'a listing is lent iff it has a loan out');
  const places = new Set(loans.map((l) => l.place_id));
  assert.equal(places.size, 2, 'two compounds');
  const untouched = demo.account('13800000003')!.personId!;
  assert.equal(loans.filter((l) => l.borrower_person_id === untouched || l.owner_person_id === untouched).length, 0);
  const audit = await env.kernel.db.selectFrom('audit_log').select('action').where('action', 'like', 'volunteers.lending.%').execute();
  assert.equal(audit.length, loans.length + loans.filter((l) => l.decided_at).length + loans.filter((l) => l.returned_at).length, 'every step through the use cases');
  assert.deepEqual(await seedLending(env.kernel, demo), { skipped: 'already seeded' });
});
