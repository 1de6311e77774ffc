import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { withIdChecksum } from '../../kernel/pii/pii.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { createPerson, DEMO_STREET } from '../registry/index.ts';
import { read, write } from './party.db.ts';
import { seedLetters } from './party.letters.seed.ts';

/**
 * The letters part of the demo on the registry's street, with one employed member of the tax office (刘建国, reporting
 * to 和顺社区, 3 hours of service in 2025) standing in for the members and reporting parts' seeds: the two 2025 annual
 * letters sent (和顺 → the tax office with 刘建国's line, 安和 → the school with none), a 2026 draft of 和顺, and a 函告
 * of 安和社区 about 刘建国 waiting for approval (an approval row, by juweihui); a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
  const street = demo.get(DEMO_STREET)!;
  const heshun = street.communities.find((c) => c.name === '和顺社区')!;
  const tax = street.workplaceOrgs.find((o) => o.name === '和平区税务局第一税务所党支部')!;
  const system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const compound = street.compounds.find((c) => c.communityId === heshun.id)!;
  const person = await createPerson(system, { placeId: compound.id, name: '刘建国', phone: '13912345678', idNumber: withIdChecksum('33010219800101123'), tags: [] });
  await write(system, async (tx) => {
    const S = street.street.id;
    const member = newId();
    await tx.insertInto('pty_members').values({ street_id: S, id: member, person_id: person.id, person_name: '刘建国', place_id: compound.id, membership: 'employed', workplace_org_id: tax.id, joined_on: '2008-07-01' }).execute();
    await tx.insertInto('pty_member_reports').values({ street_id: S, id: newId(), member_id: member, community_id: heshun.id, status: 'confirmed', decided_at: new Date('2025-02-01T02:00:00Z') }).execute();
    const project = newId();
    await tx.insertInto('pty_projects').values({ street_id: S, id: project, community_id: heshun.id, place_id: compound.id, title: '和顺社区助老服务' }).execute();
    const post = newId();
    await tx.insertInto('pty_posts').values({ street_id: S, id: post, project_id: project, title: '助老陪伴', slots: 4 }).execute();
    const claim = newId();
    await tx.insertInto('pty_member_claims').values({ street_id: S, id: claim, member_id: member, project_id: project, post_id: post, year: 2025 }).execute();
    await tx.insertInto('pty_services').values({ street_id: S, id: newId(), member_id: member, claim_id: claim, served_on: '2025-09-20', minutes: 180, points: 30 }).execute();
  });
});
after(() => env.close());

test('the letters demo: two 2025 letters sent, a 2026 draft, a 函告 waiting for approval; a second run adds nothing', async () => {
  const done = await seedLetters(env.kernel, demo);
  assert.equal(done.sent?.length, 2);
  assert.ok(done.draft);
  assert.ok(done.admonition);
  const street = demo.get(DEMO_STREET)!;
  const rows = await read(env.kernel)
    .selectFrom('pty_letters as l')
    .innerJoin('street_places as c', 'c.id', 'l.community_id')
    .select(['c.name as community', 'l.organisation_name as org', 'l.kind', 'l.year', 'l.status', 'l.subject', 'l.body', 'l.approval_id as approvalId'])
    .where('l.street_id', '=', street.street.id)
    .execute();
  const key = (x: unknown[]) => JSON.stringify(x);
  assert.deepEqual(
    rows.map((r) => key([r.kind, r.community, r.org, r.year, r.status])).sort(),
    [
      ['admonition', '安和社区', '和平区税务局第一税务所党支部', null, 'pending_approval'],
      ['annual', '和顺社区', '和平区税务局第一税务所党支部', 2025, 'sent'],
      ['annual', '安和社区', '和平区实验小学党总支', 2025, 'sent'],
      ['annual', '和顺社区', '和平区税务局第一税务所党支部', 2026, 'draft'],
    ]
      .map(key)
      .sort(),
  );
  const heshun2025 = rows.find((r) => r.kind === 'annual' && r.year === 2025 && r.community === '和顺社区')!;
  const body = heshun2025.body as { lines: { name: string; hours: string; points: number; posts: string[] }[]; totals: { hours: string; points: number }; communityPartyOrg: string };
  assert.deepEqual(body.lines.map((l) => [l.name, l.hours, l.points, l.posts]), [['刘建国', '3.0', 30, ['助老陪伴']]]);
  assert.deepEqual([body.totals.hours, body.totals.points], ['3.0', 30]);
  assert.equal(body.communityPartyOrg, '中共和顺社区总支部委员会');
  assert.equal(heshun2025.subject, '关于刘建国同志等在职党员到社区报到服务情况的函');
  const anhe = rows.find((r) => r.community === '安和社区' && r.kind === 'annual')!;
  assert.deepEqual((anhe.body as { lines: unknown[] }).lines, [], 'no member of the school reports: no lines');
  const admonition = rows.find((r) => r.kind === 'admonition')!;
  assert.match(admonition.subject, /刘建国同志多次阻挠物业企业依法开展消防通道清障/);
  const approval = await env.kernel.db.selectFrom('approvals').select(['status', 'requested_by']).where('id', '=', admonition.approvalId!).executeTakeFirstOrThrow();
  assert.equal(approval.status, 'pending');
  assert.equal(approval.requested_by, demo.account('juweihui')!.id);
  assert.deepEqual(await seedLetters(env.kernel, demo), { skipped: 'seeded already' });
});
