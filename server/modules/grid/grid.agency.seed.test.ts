import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { generatePayouts, previousPeriod } from '../../kernel/payouts/payouts.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { agencyCasePay } from './grid.agency.payouts.ts';
import { DEMO_AGENCY_POINT, DEMO_SERVICES, seedAgency } from './grid.agency.seed.ts';
import { read } from './grid.db.ts';

/**
 * The agency part of the demo on the registry's street: eleven services, two points of 锦华物业, fifteen cases in every
 * status with some completed last month (a statement has lines), old documents deleted under the retention, two
 * bookings; 张明远 has no open case, 周雨桐 nothing; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the agency demo: services, two points, cases in every status, a statement’s lines last month, bookings', async () => {
  const t0 = performance.now();
  const done = (await seedAgency(env.kernel, demo)) as { services: number; points: number; cases: Record<string, number>; bookings: number; purged: number };
  const ms = performance.now() - t0;
  console.log(`agency demo seeded in ${ms.toFixed(0)} ms`, done);
  assert.ok(ms < 5000, 'fast');
  assert.equal(done.services, DEMO_SERVICES.length);
  assert.equal(done.points, 2);
  assert.deepEqual(done.cases, { completed: 9, withdrawn: 1, result: 1, sent: 2, accepted: 2 });
  assert.equal(done.bookings, 2);
  assert.ok(done.purged >= 5, 'documents of cases completed over 30 days ago are deleted');

  const street = demo.get(DEMO_STREET)!;
  const db = read(env.kernel);
  const points = await db.selectFrom('grid_agency_points').select(['name', 'compound_id']).where('street_id', '=', street.street.id).orderBy('name').execute();
  assert.ok(points.some((p) => p.name === DEMO_AGENCY_POINT && p.compound_id === street.compounds[0]!.id));
  const cases = await db.selectFrom('grid_agency_cases').selectAll().where('street_id', '=', street.street.id).execute();
  assert.equal(cases.length, 15);
  const zhang = demo.account('13800000001')!.personId;
  const zhou = demo.account('13800000003')!.personId;
  assert.ok(cases.some((c) => c.applicant_person_id === zhang && c.status === 'completed'));
  assert.ok(!cases.some((c) => c.applicant_person_id === zhang && c.status !== 'completed'), '张明远 has no open case');
  assert.ok(!cases.some((c) => c.applicant_person_id === zhang && c.service_name === '老年人优待证办理'), 'nor one of the service the e2e opens');
  assert.ok(!cases.some((c) => c.applicant_person_id === zhou), '周雨桐 untouched');
  assert.ok(cases.filter((c) => c.status === 'completed').every((c) => c.on_time !== null && c.pay_fen! > 0), 'completed cases: on time known, pay fixed');
  assert.ok(cases.some((c) => c.outcome === 'refused'));
  assert.ok(cases.some((c) => c.status !== 'completed' && c.status !== 'withdrawn' && c.due_on < new Date(demo.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)), 'an overdue case');

  const lines = await agencyCasePay.lines(env.kernel.db, { streetId: street.street.id, period: previousPeriod('month', demo.now) });
  assert.ok(lines.length >= 4, `last month's statement has lines: ${lines.length}`);
  assert.ok(lines.every((l) => l.amountFen > 0));
  // Through the kernel's payout flow: one statement per point with lines, each case paid once.
  const system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const period = previousPeriod('month', demo.now).label;
  const made = await generatePayouts(system, { kind: 'grid.agency_case_pay', streetId: street.street.id, period });
  assert.equal(made.lines, lines.length);
  assert.equal(made.created, new Set(lines.map((l) => l.payeeId)).size);
  assert.equal((await generatePayouts(system, { kind: 'grid.agency_case_pay', streetId: street.street.id, period })).lines, 0, 'a case is paid once');

  const bookings = await db.selectFrom('grid_agency_bookings').select(['status']).where('street_id', '=', street.street.id).orderBy('status').execute();
  assert.deepEqual(bookings.map((b) => b.status), ['confirmed', 'requested']);

  const again = await seedAgency(env.kernel, demo);
  assert.deepEqual(again, { skipped: 'seeded already' });
});
