import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRefused } from '../../test/harness.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { useWorld } from '../../test/fixture.ts';
import { read } from './party.db.ts';
import { servicePoints } from './party.reporting.constants.ts';
import { reportingWorld } from './party.reporting.test-support.ts';
import { memberServiceTotals } from './use-cases/services-totals.ts';

/**
 * The reporting part's rules, in the order a year goes: a liaison reports its organisation, a member reports where
 * they live, the community confirms (only then does either count: projects to claim, posts to claim), members claim
 * posts within their slots, the community records service with the points the server computes.
 */
const { env, w, afterSetUp } = useWorld();
let r: Awaited<ReturnType<typeof reportingWorld>>;
const c: Record<string, Client> = {};
afterSetUp(async () => {
  r = await reportingWorld(env.kernel, w);
  for (const login of ['workplace_party_contact', 'committee_staff', 'community_secretary', 'street_official', '13800000001', '13800000002', '13800000003']) {
    c[login] = await signInClient(env.app, login);
  }
});
const liaison = () => c.workplace_party_contact!;
const staff = () => c.committee_staff!;
const alice = () => c['13800000001']!;
const tom = () => c['13800000002']!;
const bob = () => c['13800000003']!;
const TABLES = ['pty_org_reports', 'pty_member_reports', 'pty_member_claims', 'pty_org_claims', 'pty_services', 'audit_log'];
const inbox = async (accountId: string, template: string) =>
  (
    await read(env.kernel)
      .selectFrom('notify_messages as m')
      .innerJoin('notify_batches as b', (j) => j.onRef('b.street_id', '=', 'm.street_id').onRef('b.id', '=', 'm.batch_id'))
      .select(['b.subject_id'])
      .where('m.channel', '=', 'inbox')
      .where('b.template', '=', template)
      .where('m.account_id', '=', accountId)
      .execute()
  ).map((x) => x.subject_id);
const audited = async (id: string) => (await read(env.kernel).selectFrom('audit_log').select('action').where('subject_id', '=', id).orderBy('seq').execute()).map((a) => a.action);
const report = (body: object) => liaison().request('POST', '/api/party/org-reports', body);
const contact = { contactName: '刘联络', contactPhone: '13900001111' };

let projectC1: string;
let postOne: string;
let projectC2: string;
let postC2: string;

test('a liaison reports only its own organisation, once per community; withdraws a pending report', async () => {
  const ctx = (await liaison().request('GET', '/api/party/reporting/context')).body;
  assert.deepEqual(ctx.organisations.map((o: { id: string }) => o.id), [r.W1]);
  assert.ok(ctx.communities.some((x: { id: string }) => x.id === w.places.C1));
  await expectRefused(env.kernel, TABLES, () => report({ organisationId: r.W2, communityId: w.places.C1, ...contact }), 404, 'ORG_NOT_YOURS');
  await expectRefused(env.kernel, TABLES, () => report({ organisationId: r.W1, communityId: w.places.A, ...contact }), 400, 'NOT_A_COMMUNITY');
  await expectRefused(env.kernel, TABLES, () => report({ organisationId: r.W1, communityId: w.places.C3, ...contact }), 404, 'PLACE_NOT_FOUND');
  const first = await report({ organisationId: r.W1, communityId: w.places.C1, ...contact });
  assert.equal(first.status, 201);
  await expectRefused(env.kernel, TABLES, () => report({ organisationId: r.W1, communityId: w.places.C1, ...contact }), 409, 'ALREADY_REPORTED');
  assert.equal((await liaison().request('POST', `/api/party/org-reports/${first.body.id}/withdraw`)).body.status, 'withdrawn');
  await expectRefused(env.kernel, TABLES, () => liaison().request('POST', `/api/party/org-reports/${first.body.id}/withdraw`), 409, 'NOT_PENDING');
  const again = await report({ organisationId: r.W1, communityId: w.places.C1, ...contact });
  assert.equal(again.status, 201, 'a withdrawn report is no longer live');
  const list = (await liaison().request('GET', '/api/party/org-reports')).body;
  assert.deepEqual(list.items.map((x: { status: string }) => x.status), ['pending', 'withdrawn']);
  assert.equal(list.items[0].contactPhone, '139****1111', 'the phone masked');
  assert.deepEqual(await audited(again.body.id), ['party.reporting.org_reported']);
});

test('before the community confirms, the organisation counts nowhere: no projects to claim', async () => {
  const created = await staff().request('POST', '/api/party/projects', {
    communityId: w.places.C1,
    placeId: w.places.A,
    title: '楼道清洁日',
    description: '每月第一个周六',
    posts: [{ title: '周六楼道清洁岗', slots: 1, pointsPerHour: 10 }],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  [projectC1, postOne] = [created.body.id, created.body.postIds[0]];
  await expectRefused(
    env.kernel,
    TABLES,
    () => staff().request('POST', '/api/party/projects', { communityId: w.places.C1, placeId: w.places.B, title: '错地点' }),
    400,
    'PLACE_OUTSIDE_COMMUNITY',
  );
  const official = await c.street_official!.request('POST', '/api/party/projects', { communityId: w.places.C2, title: '垃圾分类督导', posts: [{ title: '督导岗', slots: 3, pointsPerHour: 10 }] });
  assert.equal(official.status, 403, 'the street reads but does not run a community’s projects');
  assert.equal((await liaison().request('GET', '/api/party/projects')).body.total, 0);
  await expectRefused(env.kernel, TABLES, () => liaison().request('POST', `/api/party/projects/${projectC1}/org-claims`, { organisationId: r.W1 }), 409, 'NOT_CONFIRMED');
});

test('the community confirms (a reason to reject), the liaison is told; then the organisation claims a project once a year', async () => {
  const pending = (await staff().request('GET', '/api/party/org-reports?status=pending')).body;
  assert.equal(pending.total, 1);
  const id = pending.items[0].id;
  await expectRefused(env.kernel, TABLES, () => staff().request('POST', `/api/party/org-reports/${id}/decision`, { decision: 'reject' }), 400, 'REASON_REQUIRED');
  await expectRefused(env.kernel, TABLES, () => liaison().request('POST', `/api/party/org-reports/${id}/decision`, { decision: 'confirm' }), 404, 'REPORT_NOT_FOUND');
  assert.equal((await staff().request('POST', `/api/party/org-reports/${id}/decision`, { decision: 'confirm' })).body.status, 'confirmed');
  assert.deepEqual(await inbox(w.accounts.workplace_party_contact, 'party.report_confirmed'), [id]);
  await expectRefused(env.kernel, TABLES, () => staff().request('POST', `/api/party/org-reports/${id}/decision`, { decision: 'confirm' }), 409, 'NOT_PENDING');

  const unclaimed = (await staff().request('GET', '/api/party/org-reports?unclaimed=true')).body;
  assert.deepEqual(unclaimed.items.map((x: { id: string }) => x.id), [id], '本年未认领');
  const projects = (await liaison().request('GET', '/api/party/projects')).body;
  assert.deepEqual(projects.items.map((p: { id: string }) => p.id), [projectC1], 'the confirmed community’s projects');
  const claim = await liaison().request('POST', `/api/party/projects/${projectC1}/org-claims`, { organisationId: r.W1 });
  assert.equal(claim.status, 201);
  assert.equal(claim.body.year, 2026);
  await expectRefused(env.kernel, TABLES, () => liaison().request('POST', `/api/party/projects/${projectC1}/org-claims`, { organisationId: r.W1 }), 409, 'ALREADY_CLAIMED');
  assert.equal((await staff().request('GET', '/api/party/org-reports?unclaimed=true')).body.total, 0);
  assert.equal((await staff().request('GET', '/api/party/org-reports')).body.items.find((x: { id: string }) => x.id === id).claimedThisYear, true);
  assert.equal((await liaison().request('GET', '/api/party/org-claims')).body.total, 1);
});

test('a member reports to the community where they live; a local member cannot; one live report', async () => {
  await expectRefused(env.kernel, TABLES, () => bob().request('POST', '/api/party/me/reports', { skills: '书法' }), 403, 'NOT_EMPLOYED_MEMBER');
  const mine = (await alice().request('GET', '/api/party/me/reporting')).body;
  assert.equal(mine.canReport, true);
  assert.deepEqual(mine.communities.map((x: { id: string }) => x.id), [w.places.C1]);
  await expectRefused(env.kernel, TABLES, () => alice().request('POST', '/api/party/me/reports', { communityId: w.places.C2, skills: '财务' }), 400, 'NOT_YOUR_COMMUNITY');
  const sent = await alice().request('POST', '/api/party/me/reports', { skills: '财务会计' });
  assert.equal(sent.status, 201);
  assert.equal(sent.body.communityId, w.places.C1);
  await expectRefused(env.kernel, TABLES, () => alice().request('POST', '/api/party/me/reports', { skills: '财务会计' }), 409, 'ALREADY_REPORTED');
  assert.equal((await alice().request('GET', '/api/party/me/reporting')).body.canReport, false);
});

test('a member counts only once confirmed: no posts to claim before, the member is told, then claims within the slots', async () => {
  assert.equal((await alice().request('GET', '/api/party/me/projects')).body.confirmed, false);
  await expectRefused(env.kernel, TABLES, () => alice().request('POST', '/api/party/me/claims', { postId: postOne }), 409, 'NOT_CONFIRMED');
  const aliceReport = (await staff().request('GET', '/api/party/member-reports?status=pending')).body.items[0];
  assert.equal(aliceReport.memberName, '王丽');
  await c.community_secretary!.request('POST', `/api/party/member-reports/${aliceReport.id}/decision`, { decision: 'confirm' });
  assert.deepEqual(await inbox(w.accounts.resident, 'party.report_confirmed'), [aliceReport.id], 'the member hears of it');

  const view = (await alice().request('GET', '/api/party/me/projects')).body;
  assert.equal(view.confirmed, true);
  assert.deepEqual(view.projects[0].posts.map((p: { id: string; claimed: number; slots: number }) => [p.id, p.claimed, p.slots]), [[postOne, 0, 1]]);
  const claim = await alice().request('POST', '/api/party/me/claims', { postId: postOne });
  assert.equal(claim.status, 201);
  await expectRefused(env.kernel, TABLES, () => alice().request('POST', '/api/party/me/claims', { postId: postOne }), 409, 'ALREADY_CLAIMED');

  // tom reports, is rejected with a reason (told), reports again, is confirmed; the only slot is alice's.
  const t1 = await tom().request('POST', '/api/party/me/reports', { skills: '电工' });
  await staff().request('POST', `/api/party/member-reports/${t1.body.id}/decision`, { decision: 'reject', reason: '住址待核实' });
  assert.deepEqual(await inbox((await env.kernel.db.selectFrom('accounts').select('id').where('person_id', '=', w.persons.tom).executeTakeFirstOrThrow()).id, 'party.report_rejected'), [t1.body.id]);
  assert.equal((await tom().request('GET', '/api/party/me/reporting')).body.reports[0].decisionNote, '住址待核实');
  await expectRefused(env.kernel, TABLES, () => tom().request('POST', '/api/party/me/claims', { postId: postOne }), 409, 'NOT_CONFIRMED');
  const t2 = await tom().request('POST', '/api/party/me/reports', { skills: '电工' });
  await staff().request('POST', `/api/party/member-reports/${t2.body.id}/decision`, { decision: 'confirm' });
  await expectRefused(env.kernel, TABLES, () => tom().request('POST', '/api/party/me/claims', { postId: postOne }), 409, 'POST_FULL');
  await expectRefused(env.kernel, TABLES, () => staff().request('PATCH', `/api/party/posts/${postOne}`, { title: 'x', slots: 0, pointsPerHour: 10 }), 400, 'VALIDATION_FAILED');
  assert.equal((await alice().request('POST', `/api/party/me/claims/${claim.body.id}/withdraw`)).body.status, 'withdrawn');
  const tomClaim = await tom().request('POST', '/api/party/me/claims', { postId: postOne });
  assert.equal(tomClaim.status, 201, 'the slot freed');
  await expectRefused(env.kernel, TABLES, () => alice().request('POST', `/api/party/me/claims/${tomClaim.body.id}/withdraw`), 404, 'CLAIM_NOT_FOUND');
  await expectRefused(env.kernel, TABLES, () => tom().request('POST', '/api/party/me/claims', { postId: postOne }), 409, 'ALREADY_CLAIMED');
});

test('a member claims only in the community they reported to, only open posts of open projects', async () => {
  // A project of C2, made by the system (no C2 login in the fixture).
  const { createProject } = await import('./use-cases/projects-create.ts');
  const made = await createProject(w.ctx, { communityId: w.places.C2, title: '四点半课堂', posts: [{ title: '作业辅导', slots: 5, pointsPerHour: 12 }] });
  [projectC2, postC2] = [made.id, made.postIds[0]!];
  await expectRefused(env.kernel, TABLES, () => tom().request('POST', '/api/party/me/claims', { postId: postC2 }), 409, 'NOT_CONFIRMED');
  const second = await staff().request('POST', `/api/party/projects/${projectC1}/posts`, { title: '消防通道巡查岗', slots: 3, pointsPerHour: 12 });
  await staff().request('PATCH', `/api/party/posts/${second.body.id}`, { title: '消防通道巡查岗', slots: 3, pointsPerHour: 12, status: 'closed' });
  await expectRefused(env.kernel, TABLES, () => tom().request('POST', '/api/party/me/claims', { postId: second.body.id }), 409, 'POST_CLOSED');
  await expectRefused(env.kernel, TABLES, () => staff().request('POST', `/api/party/projects/${projectC2}/close`), 404, 'PROJECT_NOT_FOUND');
  // Slots never below this year's claims: two members on a post of two, then one slot is refused.
  const pair = await staff().request('POST', `/api/party/projects/${projectC1}/posts`, { title: '独居老人结对岗', slots: 2, pointsPerHour: 15 });
  assert.equal((await tom().request('POST', '/api/party/me/claims', { postId: pair.body.id })).status, 201);
  assert.equal((await alice().request('POST', '/api/party/me/claims', { postId: pair.body.id })).status, 201);
  await expectRefused(env.kernel, TABLES, () => staff().request('PATCH', `/api/party/posts/${pair.body.id}`, { title: '独居老人结对岗', slots: 1, pointsPerHour: 15 }), 409, 'SLOTS_BELOW_CLAIMS');
});

test('service records: the server computes floor(minutes × points per hour / 60), days within the claim’s year and not ahead', async () => {
  const claims = (await staff().request('GET', '/api/party/member-claims?status=active')).body;
  const tomClaim = claims.items.find((x: { memberName: string; postTitle: string }) => x.memberName === '陈涛' && x.postTitle === '周六楼道清洁岗');
  const aliceClaim = (await staff().request('GET', '/api/party/member-claims?status=withdrawn')).body.items[0];
  assert.equal(claims.total, 3);
  const record = (body: object) => staff().request('POST', '/api/party/services', { claimId: tomClaim.id, ...body });
  await expectRefused(env.kernel, TABLES, () => record({ servedOn: '2026-11-23', minutes: 60 }), 400, 'DATE_IN_FUTURE');
  await expectRefused(env.kernel, TABLES, () => record({ servedOn: '2025-12-31', minutes: 60 }), 400, 'DATE_OUTSIDE_YEAR');
  await expectRefused(env.kernel, TABLES, () => record({ servedOn: '2026-11-01', minutes: 0 }), 400, 'VALIDATION_FAILED');
  await expectRefused(env.kernel, TABLES, () => record({ servedOn: '2026-11-01', minutes: 1441 }), 400, 'VALIDATION_FAILED');
  await expectRefused(env.kernel, TABLES, () => staff().request('POST', '/api/party/services', { claimId: aliceClaim.id, servedOn: '2026-11-01', minutes: 60 }), 409, 'CLAIM_WITHDRAWN');
  await expectRefused(env.kernel, TABLES, () => tom().request('POST', '/api/party/services', { claimId: tomClaim.id, servedOn: '2026-11-01', minutes: 60 }), 404, 'CLAIM_NOT_FOUND');
  const points: number[] = [];
  for (const [day, minutes] of [['2026-01-01', 1], ['2026-03-08', 59], ['2026-06-01', 61], ['2026-11-22', 1440]] as const) {
    const res = await record({ servedOn: day, minutes, note: '楼道清理' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    points.push(res.body.points);
  }
  assert.deepEqual(points, [0, 9, 10, 240]);
  assert.deepEqual(points, [1, 59, 61, 1440].map((m) => servicePoints(m, 10)));
  // Correcting: delete with a reason (audited), record again.
  const list = (await staff().request('GET', '/api/party/services?year=2026')).body;
  assert.equal(list.total, 4);
  assert.equal(list.minutes, 1 + 59 + 61 + 1440);
  assert.equal(list.points, 259);
  const wrong = list.items.find((x: { minutes: number }) => x.minutes === 1440);
  await expectRefused(env.kernel, TABLES, () => staff().request('POST', `/api/party/services/${wrong.id}/delete`, { reason: '' }), 400, 'VALIDATION_FAILED');
  assert.equal((await staff().request('POST', `/api/party/services/${wrong.id}/delete`, { reason: '时长录入错误，应为 120 分钟' })).status, 200);
  assert.deepEqual(await audited(wrong.id), ['party.reporting.service_recorded', 'party.reporting.service_deleted']);
  assert.equal((await record({ servedOn: '2026-11-22', minutes: 120 })).body.points, 20);

  const totals = await memberServiceTotals(read(env.kernel), w.places.S, [r.members.tom, r.members.alice], 2026);
  assert.deepEqual(totals, [{ memberId: r.members.tom, minutes: 1 + 59 + 61 + 120, points: 0 + 9 + 10 + 20, posts: ['周六楼道清洁岗'] }]);
  assert.deepEqual(await memberServiceTotals(read(env.kernel), w.places.S, [r.members.tom], 2025), []);
  const mine = (await tom().request('GET', '/api/party/me/service')).body;
  assert.equal(mine.records.length, 4);
  assert.deepEqual(mine.totals, [{ year: 2026, minutes: 241, points: 39, posts: ['周六楼道清洁岗'] }]);
});

test('a closed project takes no more claims; the community’s to-dos count pending reports', async () => {
  assert.equal((await staff().request('POST', `/api/party/projects/${projectC1}/close`)).body.status, 'closed');
  await expectRefused(env.kernel, TABLES, () => liaison().request('POST', `/api/party/projects/${projectC1}/org-claims`, { organisationId: r.W1 }), 409, 'PROJECT_CLOSED');
  await expectRefused(env.kernel, TABLES, () => alice().request('POST', '/api/party/me/claims', { postId: postOne }), 409, 'PROJECT_CLOSED');
  const home = (await staff().request('GET', '/api/me/workbench')).body;
  const todos = Object.fromEntries(home.todos.map((t: { key: string; count: number }) => [t.key, t.count]));
  assert.equal(todos.partyOrgReportsToConfirm, 0);
  assert.equal(todos.partyMemberReportsToConfirm, 0);
});
