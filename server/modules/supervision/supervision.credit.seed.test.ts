import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './supervision.db.ts';
import { seedAssessment } from './supervision.assessment.seed.ts';
import { seedCredit } from './supervision.credit.seed.ts';
import { companyCreditGrades } from './use-cases/company-credit-grades.ts';

/**
 * The credit part's demo on the registry's street and the assessment's published quarter (the notices' part absent:
 * its records come from its own seed in the full demo): the rules saved with the street's clauses, the colours
 * synced, a repair approved last month and one pending from wuye, grades differing between the companies, the
 * resident's grade on the home; fast, and a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
  await seedAssessment(env.kernel, demo);
});
after(() => env.close());

test('the credit demo: rules, synced records, an approved and a pending repair, differing grades, the resident’s grade', async () => {
  const t0 = performance.now();
  const done = await seedCredit(env.kernel, demo);
  const ms = performance.now() - t0;
  assert.ok(ms < 3000, `seeded in ${ms.toFixed(0)} ms`);
  assert.ok((done.records ?? 0) > 3, JSON.stringify(done));
  const street = demo.get(DEMO_STREET)!;
  const db = read(env.kernel);
  const settings = await db.selectFrom('sup_credit_settings').select(['version', 'kinds']).where('street_id', '=', street.street.id).execute();
  assert.equal(settings.length, 1);
  assert.match(settings[0]!.kinds.notice_overdue.basis, /^《.+物业服务企业信用评价办法》第九条第（三）项$/);
  const kinds = await db.selectFrom('sup_credit_records').select('kind').where('street_id', '=', street.street.id).execute();
  assert.ok(kinds.some((k) => k.kind.startsWith('assessment_')), 'the published colours synced');
  const repairs = await db.selectFrom('sup_credit_repairs').select(['status', 'decided_at', 'applicant_name']).where('street_id', '=', street.street.id).orderBy('applied_at').execute();
  assert.deepEqual(
    repairs.map((r) => r.status),
    ['approved', 'pending'],
  );
  const daysAgo = (demo.now.getTime() - repairs[0]!.decided_at!.getTime()) / 86_400_000;
  assert.ok(daysAgo > 28 && daysAgo < 45, `approved ${daysAgo.toFixed(1)} days ago: last month`);
  const grades = await companyCreditGrades(db, { streetId: street.street.id, at: demo.now });
  assert.ok(new Set(grades.map((g) => g.grade)).size >= 2, `grades differ: ${grades.map((g) => `${g.companyName} ${g.scoreCenti} ${g.grade}`).join('; ')}`);

  const resident = await signIn(env.app, '13800000001', demo.password);
  const home = await resident.request('GET', '/api/me/home');
  const sunny = street.compounds.find((c) => c.name === '阳光花园')!;
  assert.deepEqual(
    home.body.supervisionCredit.map((c: { compoundId: string }) => c.compoundId),
    [sunny.id],
  );
  const wuye = await signIn(env.app, 'wuye', demo.password);
  const street1 = await signIn(env.app, 'street', demo.password);
  const todo = (await street1.request('GET', '/api/me/workbench')).body.todos.find((t: { key: string }) => t.key === 'supervisionCreditRepairsToReview');
  assert.equal(todo.count, 1);
  assert.equal((await wuye.request('GET', '/api/supervision/credit/companies')).body.total, 1, 'wuye sees its own company only');

  assert.deepEqual(await seedCredit(env.kernel, demo), { skipped: 'seeded already' });
});
