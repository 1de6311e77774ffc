import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { write } from '../../kernel/context.ts';
import { generatePayouts, previousPeriod } from '../../kernel/payouts/payouts.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './grid.db.ts';
import { ventureGrant } from './grid.social.payouts.ts';
import { DEMO_AFFILIATED_ORG, DEMO_ORGS, DEMO_ROUND_2025, DEMO_ROUND_2026, DEMO_ROUND_MICRO, seedSocial } from './grid.social.seed.ts';
import { socialStaffHome } from './use-cases/social-staff-home.ts';

/**
 * The social part of the demo: ten organisations, the 2025 round closed with evaluations, the 2026 round running with
 * its funded list proposed by `street` and approved by `street2`, juweihui's organisation unscored by juweihui, one
 * report accepted last month (a payout line) and one waiting, the micro round in review with shuji's scores to come;
 * a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
  // The second street official: the supervision module's seed adds the login in the full demo (before the grid's).
  const street = demo.get(DEMO_STREET)!;
  await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, async (tx) => {
    const id = await createAccount(tx, env.kernel.pii, { username: 'street2', displayName: '周卫东', password: demo.password, passwordHash: demo.passwordHash });
    await grantRole(tx, id, 'street_official', street.street.id);
    demo.accounts.push({ id, login: 'street2', name: '周卫东', role: 'street_official', personId: null, placeIds: [street.street.id], place: street.street.name });
  });
});
after(() => env.close());

test('the social demo: organisations, three rounds in their states, the panel’s conflict, a payout line last month', async () => {
  const t0 = performance.now();
  const done = (await seedSocial(env.kernel, demo)) as { orgs: number; applications: number; scores: number; accepted: number; microRound: string };
  const ms = performance.now() - t0;
  console.log(`social demo seeded in ${ms.toFixed(0)} ms`, done);
  assert.ok(ms < 8000, 'fast');
  assert.equal(done.orgs, DEMO_ORGS.length);
  assert.equal(done.applications, 4 + 6 + 3);
  assert.equal(done.accepted, 4 * 2 + 1);

  const street = demo.get(DEMO_STREET)!;
  const streetId = street.street.id;
  const db = read(env.kernel);
  const rounds = await db.selectFrom('grid_venture_rounds').select(['id', 'title', 'status']).where('street_id', '=', streetId).orderBy('title').execute();
  assert.deepEqual(Object.fromEntries(rounds.map((r) => [r.title, r.status])), { [DEMO_ROUND_2025]: 'closed', [DEMO_ROUND_2026]: 'running', [DEMO_ROUND_MICRO]: 'review' });
  const r26 = rounds.find((r) => r.title === DEMO_ROUND_2026)!;
  const funding = await db.selectFrom('grid_venture_fundings').select(['proposed_by', 'approved_by', 'status']).where('round_id', '=', r26.id).executeTakeFirstOrThrow();
  assert.equal(funding.status, 'approved');
  assert.equal(funding.proposed_by, demo.account('street')!.id);
  assert.equal(funding.approved_by, demo.account('street2')!.id);

  // juweihui never scored their own organisation's applications.
  const affiliated = await db.selectFrom('grid_social_orgs').select('id').where('street_id', '=', streetId).where('name', '=', DEMO_AFFILIATED_ORG).executeTakeFirstOrThrow();
  const own = await db
    .selectFrom('grid_venture_scores as s')
    .innerJoin('grid_venture_applications as a', (j) => j.onRef('a.street_id', '=', 's.street_id').onRef('a.id', '=', 's.application_id'))
    .select('s.score')
    .where('s.account_id', '=', demo.account('juweihui')!.id)
    .where('a.org_id', '=', affiliated.id)
    .execute();
  assert.equal(own.length, 0);
  const evaluated = await db.selectFrom('grid_venture_applications').select('grade').where('round_id', '=', rounds.find((r) => r.title === DEMO_ROUND_2025)!.id).orderBy('no').execute();
  assert.deepEqual(evaluated.map((e) => e.grade), ['excellent', 'good', 'pass', 'fail']);

  // Last month's statement: the 2026 round's first accepted tranche.
  const lines = await ventureGrant.lines(env.kernel.db, { streetId, period: previousPeriod('month', demo.now) });
  assert.equal(lines.length, 1);
  assert.equal(lines[0]!.payeeName, DEMO_AFFILIATED_ORG);
  assert.equal(lines[0]!.amountFen, 1_650_000, 'half of the 33,000 yuan grant');
  const made = await generatePayouts({ kernel: env.kernel, actor: SYSTEM_ACTOR }, { kind: 'grid.venture_grant', streetId, period: previousPeriod('month', demo.now).label });
  assert.equal(made.lines, 1);

  // The to-dos the demo shows: shuji's scores, a report to review.
  const shuji = await demo.as('shuji');
  const home = await socialStaffHome(shuji!);
  assert.equal(home.todos?.find((t) => t.key === 'gridSocialToScore')?.count, 1, 'the micro round: three applications wait for her scores');
  const street1 = await socialStaffHome((await demo.as('street'))!);
  assert.equal(street1.todos?.find((t) => t.key === 'gridSocialReportsToReview')?.count, 1);

  assert.deepEqual(await seedSocial(env.kernel, demo), { skipped: 'seeded already' });
});
