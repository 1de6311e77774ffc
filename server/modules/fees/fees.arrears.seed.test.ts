import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { seedArrears } from './fees.arrears.seed.ts';
import { read, write } from './fees.db.ts';
import { openBill } from './fees.test-support.ts';
import { bookPayment } from './use-cases/book-payment.ts';

/**
 * The arrears part of the demo: a no-op without bills (this branch's demo has none yet), and — given overdue and
 * paid bills at 阳光花园, as the bills and payments parts leave them — a reminder batch, a case at a grid visit,
 * an invoice request and a receipt voided through the approval flow; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  // The registry alone: the bills and payments parts' seeds would leave this part nothing to start from.
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the arrears demo: nothing without bills; with them, one batch, a case at a visit, an invoice request, a voided receipt', async () => {
  assert.deepEqual(await seedArrears(env.kernel, demo).then((r) => Object.keys(r).filter((k) => k !== 'skipped')), []);
  const compound = demo.get(DEMO_STREET)!.compounds.find((c) => c.name === '阳光花园')!;
  const db = read(env.kernel);
  const rooms = await db.selectFrom('street_places').select(['id', 'street_id']).where('kind', '=', 'room').where('path', 'like', `${compound.path}%`).orderBy('path').limit(4).execute();
  const companyId = compound.propertyCompanyId;
  const system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const start = Date.now();
  for (const [i, room] of rooms.entries()) {
    const bill = await openBill(env.kernel, { roomId: room.id, compoundId: compound.id, companyId, amountFen: 28_650 + i * 100, periodLabel: '2026-06', periodStart: '2026-06-01', periodEnd: '2026-07-01', dueOn: '2026-06-15' });
    if (i >= 2) {
      await write(system, (tx) =>
        bookPayment(tx, system, { streetId: room.street_id, channel: 'cash', voucherNo: `DEMO-${i}`, amountFen: 28_650 + i * 100, billIds: [bill], payerAccountId: null, payerNameMasked: '张*', bookedBy: null }),
      );
    }
  }
  const done = await seedArrears(env.kernel, demo);
  // Timed, not asserted: a loaded machine is no failure of the seed.
  process.stdout.write(`arrears demo seeded in ${Date.now() - start} ms\n`);
  assert.ok('batch' in done && 'case' in done && 'mediationCase' in done && 'invoice' in done && 'voided' in done, JSON.stringify(done));
  const batch = await db.selectFrom('fee_reminder_batches').selectAll().where('compound_id', '=', compound.id).execute();
  assert.equal(batch.length, 1);
  assert.equal(batch[0]!.rooms, 2);
  assert.deepEqual((await db.selectFrom('fee_arrears_cases').select('status').orderBy('status desc').execute()).map((c) => c.status), ['visit', 'mediation']);
  assert.equal((await db.selectFrom('fee_invoice_requests').select('status').executeTakeFirstOrThrow()).status, 'requested');
  assert.equal((await db.selectFrom('fee_receipts').select('status').where('id', '=', done.voided as string).executeTakeFirstOrThrow()).status, 'voided');
  assert.equal((await seedArrears(env.kernel, demo)).skipped, 'seeded already');
});
