import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET, roomsWithOwnershipOf } from '../registry/index.ts';
import { read, write } from './fees.db.ts';
import { seedRatings } from './fees.ratings.seed.ts';
import { openBill } from './fees.test-support.ts';
import { bookPayment } from './use-cases/book-payment.ts';
import { shiftMonth } from './use-cases/rating-rules.ts';

/**
 * The ratings part of the demo: a no-op without paid bills; given last month's bills at 阳光花园, most paid (as the
 * bills and payments parts leave them), owners of paid rooms rate the company — never for a room left unpaid,
 * never 张明远 (left to try it) — and a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the ratings demo: owners who paid last month rate it; nobody with an unpaid bill; once', async () => {
  assert.equal((await seedRatings(env.kernel, demo)).skipped, 'no paid bills');
  const compound = demo.get(DEMO_STREET)!.compounds.find((c) => c.name === '阳光花园')!;
  const db = read(env.kernel);
  const period = shiftMonth(chinaDay(demo.now).slice(0, 7), -1);
  const rooms = await db.selectFrom('street_places').select(['id', 'street_id']).where('kind', '=', 'room').where('path', 'like', `${compound.path}%`).orderBy('path').limit(80).execute();
  const system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const unpaid = new Set<string>();
  for (const [i, room] of rooms.entries()) {
    const bill = await openBill(env.kernel, { roomId: room.id, compoundId: compound.id, companyId: compound.propertyCompanyId, amountFen: 20_000 + i, periodLabel: period, periodStart: `${period}-01`, periodEnd: `${shiftMonth(period, 1)}-01` });
    if (i % 5 === 0) {
      unpaid.add(room.id);
      continue;
    }
    await write(system, (tx) => bookPayment(tx, system, { streetId: room.street_id!, channel: 'cash', voucherNo: `RDEMO-${i}`, amountFen: 20_000 + i, billIds: [bill], payerAccountId: null, payerNameMasked: null, bookedBy: null }));
  }
  const start = Date.now();
  const done = await seedRatings(env.kernel, demo);
  process.stdout.write(`ratings demo seeded in ${Date.now() - start} ms\n`);
  assert.equal(done.period, period);
  assert.ok((done.ratings ?? 0) >= 20, JSON.stringify(done));
  const ratings = await db.selectFrom('fee_ratings').selectAll().execute();
  assert.equal(ratings.length, done.ratings);
  assert.ok(ratings.every((r) => r.period === period && r.company_id === compound.propertyCompanyId));
  const zhang = demo.account('13800000001')?.personId;
  assert.ok(!ratings.some((r) => r.person_id === zhang), '张明远 rates himself on the H5');
  for (const r of ratings) {
    const owned = (await roomsWithOwnershipOf(env.kernel.db, r.person_id)).filter((x) => x.owner);
    assert.ok(!owned.some((x) => unpaid.has(x.roomId)), 'no rater has an unpaid room');
  }
  const averages = ['cleaning', 'repairs'] as const;
  const avg = (d: (typeof averages)[number]) => ratings.reduce((s, r) => s + r[d], 0) / ratings.length;
  assert.ok(avg('repairs') < avg('cleaning'), 'upkeep is the usual complaint');
  assert.ok(new Set(ratings.map((r) => r.cleaning)).size >= 3, 'a spread, not one score');
  assert.equal((await seedRatings(env.kernel, demo)).skipped, 'seeded already');
});
