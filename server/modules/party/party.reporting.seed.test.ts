import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './party.db.ts';
import { servicePoints } from './party.reporting.constants.ts';
import { seedReporting } from './party.reporting.seed.ts';
import { seedMembersForReporting } from './party.reporting.test-support.ts';
import { memberServiceTotals } from './use-cases/services-totals.ts';

/**
 * The reporting part of the demo on the registry's street after the members part: both workplace organisations
 * reported and confirmed (the tax branch to 和顺社区, not 安和社区), members reported — one pending, one rejected with
 * its reason, 张明远 not at all — projects in both communities, claims for 2025 and 2026, service in both years with
 * points as the rule computes them; and a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
  await seedMembersForReporting(env.kernel, demo);
});
after(() => env.close());

test('the reporting demo: confirmed organisations, members reported and decided, projects, claims and service over two years', async () => {
  const t0 = performance.now();
  const done = await seedReporting(env.kernel, demo);
  console.log(`reporting demo seeded in ${(performance.now() - t0).toFixed(0)} ms`, done);
  assert.ok(!('skipped' in done), JSON.stringify(done));
  const street = demo.get(DEMO_STREET)!;
  const [anhe, heshun] = street.communities;
  const db = read(env.kernel);

  const orgReports = await db.selectFrom('pty_org_reports').select(['organisation_name', 'community_id', 'status']).where('street_id', '=', street.street.id).orderBy('organisation_name').execute();
  assert.deepEqual(
    orgReports.map((r) => [r.organisation_name, r.community_id === anhe!.id ? '安和' : r.community_id === heshun!.id ? '和顺' : '?', r.status]),
    [
      ['和平区实验小学党总支', '安和', 'confirmed'],
      ['和平区税务局第一税务所党支部', '和顺', 'confirmed'],
    ],
  );
  const projects = await db.selectFrom('pty_projects').select(['community_id']).where('street_id', '=', street.street.id).execute();
  assert.equal(projects.filter((p) => p.community_id === anhe!.id).length, 6);
  assert.equal(projects.filter((p) => p.community_id === heshun!.id).length, 5);

  const reports = await db.selectFrom('pty_member_reports').select(['status', 'decision_note', 'member_id']).where('street_id', '=', street.street.id).execute();
  assert.equal(reports.filter((r) => r.status === 'pending').length, 1);
  const rejected = reports.filter((r) => r.status === 'rejected');
  assert.equal(rejected.length, 1);
  assert.ok(rejected[0]!.decision_note, 'rejected with its reason');
  assert.ok(reports.filter((r) => r.status === 'confirmed').length >= 3);
  const zhang = await db.selectFrom('pty_members').select('id').where('person_id', '=', demo.account('13800000001')!.personId!).executeTakeFirst();
  assert.ok(zhang, '张明远 is an employed member');
  assert.equal(reports.filter((r) => r.member_id === zhang!.id).length, 0, '张明远 is left for the e2e to report');

  const orgClaims = await db.selectFrom('pty_org_claims').select(['year']).where('street_id', '=', street.street.id).execute();
  assert.deepEqual([...new Set(orgClaims.map((c) => c.year))].sort(), [2025, 2026]);
  const services = await db
    .selectFrom('pty_services as s')
    .innerJoin('pty_member_claims as mc', 'mc.id', 's.claim_id')
    .innerJoin('pty_posts as t', 't.id', 'mc.post_id')
    .select(['s.served_on', 's.minutes', 's.points', 't.points_per_hour', 's.member_id', 'mc.year'])
    .where('s.street_id', '=', street.street.id)
    .execute();
  assert.ok(services.some((s) => s.served_on.startsWith('2025')) && services.some((s) => s.served_on.startsWith('2026')), 'service in both years');
  for (const s of services) {
    assert.equal(s.points, servicePoints(s.minutes, s.points_per_hour));
    assert.equal(Number(s.served_on.slice(0, 4)), s.year);
  }
  // Only confirmed members claimed.
  const claimers = await db.selectFrom('pty_member_claims').select('member_id').distinct().where('street_id', '=', street.street.id).execute();
  const confirmed = new Set(reports.filter((r) => r.status === 'confirmed').map((r) => r.member_id));
  assert.ok(claimers.every((c) => confirmed.has(c.member_id)));
  // The letters part's totals equal the records.
  const memberIds = [...new Set(services.map((s) => s.member_id))];
  const totals = await memberServiceTotals(db, street.street.id, memberIds, 2025);
  const in2025 = services.filter((s) => s.served_on.startsWith('2025'));
  assert.equal(totals.reduce((n, t) => n + t.minutes, 0), in2025.reduce((n, s) => n + s.minutes, 0));
  assert.equal(totals.reduce((n, t) => n + t.points, 0), in2025.reduce((n, s) => n + s.points, 0));

  // shuji sees the pending report (if in 安和) in the review list; danwei sees only its organisation's report.
  const danwei = await signIn(env.app, 'danwei', demo.password);
  const mine = (await danwei.request('GET', '/api/party/org-reports')).body;
  assert.deepEqual(mine.items.map((r: { organisationName: string }) => r.organisationName), ['和平区税务局第一税务所党支部']);
  const shuji = await signIn(env.app, 'shuji', demo.password);
  const theirs = (await shuji.request('GET', '/api/party/org-reports')).body;
  assert.deepEqual(theirs.items.map((r: { organisationName: string }) => r.organisationName), ['和平区实验小学党总支']);

  assert.deepEqual(await seedReporting(env.kernel, demo), { skipped: 'seeded already' });
});
