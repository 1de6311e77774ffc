import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { loadGrants } from '../../kernel/auth/sessions.ts';
import { makeRng, type DemoSeedContext } from '../../kernel/demo-seed.ts';
import { appDb } from '../../app.ts';
import { useWorld } from '../../test/fixture.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { seedPayments } from './fees.payments.seed.ts';
import { openBill } from './fees.test-support.ts';

/** The payments demo: nothing without bills; with bills, each payment through bookPayment, a refund, an open difference, a matched batch. */
const { env, w } = useWorld();

function demoOf(): DemoSeedContext {
  const as = async (login: string) => {
    const id = login === 'wuye' ? w.accounts.property_manager : w.accounts.street_official;
    return { kernel: env.kernel, actor: { accountId: id, name: login, personId: null, grants: await loadGrants(env.kernel.db, id), requestId: null, locale: 'zh-CN' as const } };
  };
  return {
    now: env.clock.now(),
    password: '',
    passwordHash: '',
    random: makeRng,
    accounts: [],
    account: () => undefined,
    as,
    notes: [],
    put: () => {},
    get: ((part: { name: string }) => (part.name === DEMO_STREET.name ? { street: { id: w.places.S }, communities: [], compounds: [{ id: w.places.A, propertyCompanyId: w.organisations.pc1 }] } : undefined)) as DemoSeedContext['get'],
  } as unknown as DemoSeedContext;
}

test('without bills the payments demo does nothing; with bills it books them through bookPayment and leaves a refund, an open difference and a matched batch', async () => {
  assert.deepEqual(await seedPayments(env.kernel, demoOf()), { paid: 0, payments: 0 });
  const rooms = [w.rooms.A101, w.rooms.A102, w.rooms.A103, w.rooms.A201];
  for (const room of rooms) {
    for (const [label, start, end] of [['2026-08', '2026-08-01', '2026-09-01'], ['2026-09', '2026-09-01', '2026-10-01'], ['2026-10', '2026-10-01', '2026-11-01']] as const) {
      await openBill(env.kernel, { roomId: room, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen: 15_000 + rooms.indexOf(room), periodLabel: label, periodStart: start, periodEnd: end, dueOn: start });
    }
  }
  const started = Date.now();
  const r = await seedPayments(env.kernel, demoOf());
  // Timed, not asserted: a loaded machine is no failure of the seed.
  process.stdout.write(`payments demo seeded in ${Date.now() - started} ms\n`);
  const db = appDb(env.kernel);
  const paidBills = await db.selectFrom('fee_bills').select(sql<number>`count(*)::int`.as('n')).where('status', '=', 'paid').executeTakeFirstOrThrow();
  const allocated = await db.selectFrom('fee_payment_allocations').select(sql<number>`count(distinct bill_id)::int`.as('n')).where('amount_fen', '>', 0).executeTakeFirstOrThrow();
  assert.ok(r.paid > 0 && r.payments > 0);
  assert.equal(allocated.n, r.paid, 'every bill paid has its allocation from bookPayment');
  assert.ok(paidBills.n <= r.paid);
  const open = await db.selectFrom('fee_recon_diffs').select(['kind', 'status']).execute();
  if ((await db.selectFrom('fee_payments').select('id').where('channel', '=', 'gateway').execute()).length > 0) {
    assert.ok(open.some((d) => d.kind === 'missing_in_book' && d.status === 'open'));
  }
  const batches = await db.selectFrom('fee_settlement_batches').select(['status', 'period_label']).execute();
  assert.deepEqual(batches, [{ status: 'matched', period_label: '2026-10' }]);
});
