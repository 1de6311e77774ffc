import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET, partyPersons } from '../registry/index.ts';
import { read } from './party.db.ts';
import { EMPLOYED_DEMO, seedMembers } from './party.members.seed.ts';

/**
 * The members part of the demo on the registry's street: a record for every person tagged party_member (but the
 * workplace organisations' office holders), 20 employed members over the two workplace organisations with 张明远 at
 * the tax office (badge off), both company branches linked to their companies; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the members demo: the tagged persons as local members, 20 employed members, 张明远 at the tax office, two hosts', async () => {
  const t0 = performance.now();
  const done = (await seedMembers(env.kernel, demo)) as { local: number; employed: number; badges: number; hosts: number };
  console.log(`members demo seeded in ${(performance.now() - t0).toFixed(0)} ms`, done);
  const street = demo.get(DEMO_STREET)!;
  const db = read(env.kernel);
  const rows = await db.selectFrom('pty_members').selectAll().where('street_id', '=', street.street.id).execute();
  const tagged = await partyPersons(db, { streetId: street.street.id, taggedPartyMember: true });
  assert.ok(tagged.length > 100, `${tagged.length} tagged persons`);
  assert.equal(done.local, tagged.length - 2, 'every tagged person but the two workplace office holders');
  assert.equal(rows.filter((r) => r.membership === 'local').length, done.local);
  const employed = rows.filter((r) => r.membership === 'employed');
  assert.equal(employed.length, EMPLOYED_DEMO);
  assert.deepEqual(new Set(employed.map((r) => r.workplace_org_id)), new Set(street.workplaceOrgs.map((o) => o.id)), 'spread over both organisations');
  const owner = await demo.as('13800000001');
  const zhang = rows.find((r) => r.person_id === owner!.actor.personId)!;
  assert.equal(zhang.person_name, '张明远');
  assert.equal(zhang.membership, 'employed');
  assert.equal(zhang.workplace_org_id, street.workplaceOrgs.find((o) => o.name === '和平区税务局第一税务所党支部')!.id);
  assert.equal(zhang.badge_public, false);
  assert.ok(done.badges > 10 && rows.some((r) => r.membership === 'local' && r.badge_public), 'some show their identity');
  assert.ok(rows.every((r) => r.joined_on <= '2026-12-31'));
  assert.equal(done.hosts, 2);
  assert.equal((await db.selectFrom('pty_branch_hosts').select('branch_id').where('street_id', '=', street.street.id).execute()).length, 2);

  const h5 = await signIn(env.app, '13800000001', demo.password);
  const me = (await h5.request('GET', '/api/party/me')).body;
  assert.equal(me.organisationName, '和平区税务局第一税务所党支部');
  assert.equal(me.badgePublic, false);
  const danwei = await signIn(env.app, 'danwei', demo.password);
  const seen = (await danwei.request('GET', '/api/party/members?pageSize=200')).body;
  assert.equal(seen.total, employed.filter((r) => r.workplace_org_id === zhang.workplace_org_id).length, 'the liaison: its own employed members only');

  assert.deepEqual(await seedMembers(env.kernel, demo), { skipped: 'seeded already' });
});
