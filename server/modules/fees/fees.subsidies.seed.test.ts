import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { previousPeriod } from '../../kernel/payouts/payouts.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { SUBSIDY_PAYOUT_KIND } from './fees.constants.ts';
import { read } from './fees.db.ts';
import { SUBSIDY_E2E_LOGIN, seedSubsidies } from './fees.subsidies.seed.ts';
import { arrearsPart } from './fees.arrears.part.ts';
import { billsPart } from './fees.bills.part.ts';
import { paymentsPart } from './fees.payments.part.ts';
import { subsidiesPart } from './fees.subsidies.part.ts';

/**
 * 先缴后补 in the demo, after the registry and the fees parts before it: 安和街道's policy (50 %, 300 元), lines for the
 * tagged households' paid bills, last month's statements in the first community paid, and the journey's household
 * (林晓雯) with a draft statement of two months ago; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  // The registry, activation (the resident logins), then the fees parts before this one; this part timed on its own.
  demo = await seedDemo(env.kernel, { only: ['registry', 'activation'] });
  for (const part of [billsPart, paymentsPart, arrearsPart]) await part.seed?.(env.kernel, demo);
  const start = Date.now();
  const done = await subsidiesPart.seed?.(env.kernel, demo);
  process.stdout.write(`${JSON.stringify(done)}\n`);
  // Timed, not asserted: a loaded machine is no failure of the seed.
  process.stdout.write(`subsidies demo seeded in ${Date.now() - start} ms\n`);
});
after(() => env.close());

test('the subsidies demo: a policy, lines, paid statements, and a draft for the journey', async () => {
  const db = read(env.kernel);
  const street = demo.get(DEMO_STREET)!;
  const policy = await db.selectFrom('fee_subsidy_policies').selectAll().where('street_id', '=', street.street.id).execute();
  assert.equal(policy.length, 1);
  assert.deepEqual([policy[0]!.mode, policy[0]!.share_bp, policy[0]!.cap_fen], ['share', 5000, 30_000]);
  const lines = await db.selectFrom('fee_subsidy_lines').select(['amount_fen', 'payee_name']).where('street_id', '=', street.street.id).execute();
  assert.ok(lines.length >= 3, `${lines.length} lines`);
  assert.ok(lines.every((l) => l.amount_fen > 0 && l.amount_fen <= 30_000));
  const lastMonth = previousPeriod('month', demo.now);
  const twoAgo = previousPeriod('month', lastMonth.start);
  const statements = await db.selectFrom('payout_statements').select(['period', 'status', 'payee_name']).where('kind', '=', SUBSIDY_PAYOUT_KIND).execute();
  assert.ok(statements.some((s) => s.period === lastMonth.label && s.status === 'paid'), 'last month’s statements paid');
  assert.deepEqual(
    statements.filter((s) => s.payee_name === '林晓雯').map((s) => [s.period, s.status]).sort(),
    [[twoAgo.label, 'draft'], ...(statements.some((s) => s.payee_name === '林晓雯' && s.period === lastMonth.label) ? [[lastMonth.label, 'paid']] : [])].sort(),
    'the journey’s household: two months ago a draft',
  );
  assert.ok(demo.account(SUBSIDY_E2E_LOGIN));
  assert.equal(await seedSubsidies(env.kernel, demo), undefined, 'a second run adds nothing');
});
