import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { chinaDay } from '../../kernel/clock.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { useWorld } from '../../test/fixture.ts';
import { expectRefused } from '../../test/harness.ts';
import { addService, buildLettersWorld } from './party.letters.test-support.ts';
import { hoursOf } from './use-cases/letters-lines.ts';
import { LettersSort } from './use-cases/letters-list.ts';

/**
 * The rules of the letters part (issue 22 §2) on hand-computed figures: an annual letter's lines and totals are the
 * members' service records of the year — a service on 12-31 in its year, one on 01-01 in the next — for the
 * organisation's employed members whose report to the community is confirmed (a pending one is left out); hours to
 * one decimal from the minutes; sending freezes them; one letter per community, organisation and year, no future
 * year; a 函告 is sent only with a second account's approval, and tells the member and the liaison.
 */
const { env, w, afterSetUp } = useWorld();
const TABLES = ['pty_letters', 'approvals', 'audit_log', 'notify_batches'];
const base = '/api/party/letters';
let L: Awaited<ReturnType<typeof buildLettersWorld>>;
let secretary: Client;
let shuji2: Client;
let staff: Client;
let liaison: Client;
let resident: Client;
let thisYear: number;

afterSetUp(async () => {
  L = await buildLettersWorld(env.kernel, w);
  thisYear = Number(chinaDay(env.kernel.clock.now()).slice(0, 4));
  const S = w.places.S;
  const service = (memberId: string, post: string, day: string, minutes: number, points: number) => addService(env.kernel, S, { memberId, projectId: L.project, postId: post, day, minutes, points });
  // 王丽: 2024-12-31 (2024), 2025-03-01 and 2025-12-31 (2025), 2026-01-01 (2026).
  await service(L.members.alice, L.posts.clean, '2024-12-31', 60, 10);
  await service(L.members.alice, L.posts.clean, '2025-03-01', 90, 15);
  await service(L.members.alice, L.posts.elderly, '2025-12-31', 45, 8);
  await service(L.members.alice, L.posts.clean, '2026-01-01', 120, 20);
  // 陈涛: 50 minutes in 2025. 李波's report is pending: his 100 minutes count nowhere. 孙宁宁 is the school's.
  await service(L.members.tom, L.posts.clean, '2025-06-15', 50, 8);
  await service(L.members.bob, L.posts.clean, '2025-05-01', 100, 17);
  await service(L.members.sun, L.posts.elderly, '2025-05-01', 30, 5);
  secretary = await signInClient(env.app, 'community_secretary');
  shuji2 = await signInClient(env.app, 'shuji2');
  staff = await signInClient(env.app, 'committee_staff');
  liaison = await signInClient(env.app, 'workplace_party_contact');
  resident = await signInClient(env.app, '13800000001');
});

const annual = (c: Client, organisationId: string, year: number, communityId = w.places.C1) => c.request('POST', `${base}/annual`, { communityId, organisationId, year });
type Line = { name: string; minutes: number; hours: string; points: number; posts: string[] };
const byName = (lines: Line[], name: string): Line => {
  const line = lines.find((l) => l.name === name);
  assert.ok(line, `a line for ${name}`);
  return line;
};
const sorted = (xs: string[]) => [...xs].sort();

describe('hours', () => {
  test('minutes to hours with one decimal, half up, from whole minutes', () => {
    assert.equal(hoursOf(0), '0.0');
    assert.equal(hoursOf(50), '0.8'); // 0.833…
    assert.equal(hoursOf(135), '2.3'); // 2.25 → 2.3
    assert.equal(hoursOf(129), '2.2'); // 2.15 → 2.2
    assert.equal(hoursOf(128), '2.1'); // 2.133…
    assert.equal(hoursOf(185), '3.1');
    assert.equal(hoursOf(600), '10.0');
  });
});

describe('the annual letter', () => {
  let id2025: string;

  test("its totals equal the members' records of the year (12-31 in its year, 01-01 in the next)", async () => {
    const made = await annual(secretary, L.orgs.T, 2025);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    id2025 = made.body.id;
    const l = (await secretary.request('GET', `${base}/${id2025}`)).body;
    assert.equal(l.status, 'draft');
    assert.equal(l.lines.length, 2, '王丽 and 陈涛 (李波 is pending, 孙宁宁 is the school’s)');
    const alice = byName(l.lines, '王丽');
    assert.deepEqual({ minutes: alice.minutes, hours: alice.hours, points: alice.points }, { minutes: 135, hours: '2.3', points: 23 });
    assert.deepEqual(sorted(alice.posts), sorted(['楼道清洁', '助老陪伴']));
    const tom = byName(l.lines, '陈涛');
    assert.deepEqual({ minutes: tom.minutes, hours: tom.hours, points: tom.points, posts: tom.posts }, { minutes: 50, hours: '0.8', points: 8, posts: ['楼道清洁'] });
    assert.deepEqual(l.totals, { members: 2, minutes: 185, hours: '3.1', points: 31 });
    assert.equal(l.subject.startsWith('关于') && l.subject.endsWith('同志等在职党员到社区报到服务情况的函'), true, l.subject);

    const y2024 = await annual(secretary, L.orgs.T, 2024);
    const l2024 = (await secretary.request('GET', `${base}/${y2024.body.id}`)).body;
    assert.deepEqual(l2024.totals, { members: 2, minutes: 60, hours: '1.0', points: 10 });
    if (thisYear >= 2026) {
      const y2026 = await annual(secretary, L.orgs.T, 2026);
      const l2026 = (await secretary.request('GET', `${base}/${y2026.body.id}`)).body;
      const a26 = byName(l2026.lines, '王丽');
      assert.deepEqual([a26.minutes, a26.hours, a26.points], [120, '2.0', 20]);
      assert.deepEqual(l2026.totals, { members: 2, minutes: 120, hours: '2.0', points: 20 });
    }
  });

  test('sending freezes the lines and totals and tells the liaison', async () => {
    const sent = await secretary.request('POST', `${base}/${id2025}/send`);
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    await addService(env.kernel, w.places.S, { memberId: L.members.tom, projectId: L.project, postId: L.posts.clean, day: '2025-07-01', minutes: 60, points: 10 });
    const l = (await secretary.request('GET', `${base}/${id2025}`)).body;
    assert.equal(l.status, 'sent');
    assert.ok(l.sentAt);
    assert.deepEqual(l.totals, { members: 2, minutes: 185, hours: '3.1', points: 31 }, 'a later record does not change a sent letter');
    assert.deepEqual(l.timeline.map((e: { event: string }) => e.event), ['created', 'sent']);
    const told = await env.kernel.db
      .selectFrom('notify_messages as m')
      .innerJoin('notify_batches as b', (j) => j.onRef('b.street_id', '=', 'm.street_id').onRef('b.id', '=', 'm.batch_id'))
      .select(['b.template', 'm.channel'])
      .where('m.account_id', '=', w.accounts.workplace_party_contact)
      .where('b.subject_id', '=', id2025)
      .execute();
    assert.deepEqual(told, [{ template: 'party.letters_sent', channel: 'inbox' }]);
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `${base}/${id2025}/send`), 409, 'WRONG_STATUS');
  });

  test('downloads: a PDF and an xlsx with a row per member and the totals, as attachments', async () => {
    const pdf = await liaison.request('GET', `${base}/${id2025}/letter.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /^attachment; .*\.pdf/);
    assert.equal(pdf.raw.subarray(0, 5).toString(), '%PDF-');
    const xlsx = await liaison.request('GET', `${base}/${id2025}/letter.xlsx`);
    assert.equal(xlsx.status, 200);
    assert.match(String(xlsx.headers['content-disposition']), /^attachment; .*\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    assert.equal(rows.length, 1 + 2 + 1, 'header, two members, totals');
    const total = rows.at(-1)!;
    assert.deepEqual([total[3], total[4], total[5]], ['3.1', 185, 31]);
    const list = await secretary.request('GET', `${base}/export.xlsx`);
    assert.equal(list.status, 200);
    assert.match(String(list.headers['content-disposition']), /^attachment; /);
  });

  test('one letter per community, organisation and year; not a future year; a workplace organisation of the street', async () => {
    await expectRefused(env.kernel, TABLES, () => annual(secretary, L.orgs.T, 2025), 409, 'LETTER_EXISTS');
    await expectRefused(env.kernel, TABLES, () => annual(staff, L.orgs.T, 2025), 409, 'LETTER_EXISTS');
    await expectRefused(env.kernel, TABLES, () => annual(secretary, L.orgs.T, thisYear + 1), 422, 'YEAR_IN_FUTURE');
    await expectRefused(env.kernel, TABLES, () => annual(secretary, L.orgs.Z, 2025), 422, 'NOT_A_WORKPLACE_ORG');
    await expectRefused(env.kernel, TABLES, () => annual(secretary, w.organisations.pc1, 2025), 422, 'NOT_A_WORKPLACE_ORG');
    await expectRefused(env.kernel, TABLES, () => annual(secretary, L.orgs.T, 2025, w.places.A), 422, 'NOT_A_COMMUNITY');
    // Another organisation the same year is another letter.
    const school = await annual(secretary, L.orgs.U, 2025);
    assert.equal(school.status, 201);
    const l = (await secretary.request('GET', `${base}/${school.body.id}`)).body;
    assert.deepEqual(l.totals, { members: 1, minutes: 30, hours: '0.5', points: 5 });
  });

  test('the list: search, filters, sort, pagination', async () => {
    const all = (await secretary.request('GET', `${base}?pageSize=50`)).body;
    assert.ok(all.total >= 3);
    const sent = (await secretary.request('GET', `${base}?status=sent`)).body;
    assert.ok(sent.items.every((r: { status: string }) => r.status === 'sent'));
    const y = (await secretary.request('GET', `${base}?year=2024`)).body;
    assert.deepEqual(y.items.map((r: { year: number }) => r.year), [2024]);
    const q = (await secretary.request('GET', `${base}?q=${encodeURIComponent('实验小学')}`)).body;
    assert.deepEqual(q.items.map((r: { organisationName: string }) => r.organisationName), ['测试实验小学党总支']);
    for (const order of ['asc', 'desc'] as const) {
      const years = (await secretary.request('GET', `${base}?kind=annual&sort=year&order=${order}&pageSize=50`)).body.items.map((r: { year: number }) => r.year);
      assert.deepEqual(years, [...years].sort((a, b) => (order === 'asc' ? a - b : b - a)));
      assert.ok(new Set(years).size >= 2);
    }
    for (const key of LettersSort.keys) assert.equal((await secretary.request('GET', `${base}?sort=${key}&order=desc`)).status, 200);
    assert.equal((await secretary.request('GET', `${base}?sort=nonsense`)).status, 400);
    const paged = (await secretary.request('GET', `${base}?pageSize=1&page=2`)).body;
    assert.equal(paged.items.length, 1);
    assert.equal(paged.total, all.total);
  });
});

describe('函告', () => {
  const facts = '2026年10月12日、10月26日，物业服务企业在阳光花园依法清理消防通道时，该同志两次阻挠清理其堆放的杂物。';
  const draft = (c: Client, memberId: string, organisationId = L.orgs.T) =>
    c.request('POST', `${base}/admonitions`, { communityId: w.places.C1, organisationId, memberId, subject: '关于阻挠消防通道清障的函告', facts });
  const messages = (accountId: string, letterId: string) =>
    env.kernel.db
      .selectFrom('notify_messages as m')
      .innerJoin('notify_batches as b', (j) => j.onRef('b.street_id', '=', 'm.street_id').onRef('b.id', '=', 'm.batch_id'))
      .select(['b.template', 'm.channel'])
      .where('m.account_id', '=', accountId)
      .where('b.subject_id', '=', letterId)
      .orderBy('m.channel')
      .execute();

  test('the member must be an employed member of that organisation', async () => {
    await expectRefused(env.kernel, TABLES, () => draft(staff, L.members.sun, L.orgs.T), 422, 'NOT_EMPLOYED_MEMBER');
    await expectRefused(env.kernel, TABLES, () => draft(staff, L.members.alice, L.orgs.U), 422, 'NOT_EMPLOYED_MEMBER');
  });

  test('needs the approval: no send without it, the requester cannot approve; on approval the member and the liaison are told', async () => {
    const made = await draft(secretary, L.members.alice);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const id = made.body.id;
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `${base}/${id}/send`), 409, 'WRONG_STATUS');
    assert.deepEqual(await messages(w.accounts.resident, id), [], 'a draft tells nobody');
    const asked = await secretary.request('POST', `${base}/${id}/approval`);
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    const approvalId = asked.body.approvalId;
    await expectRefused(env.kernel, ['pty_letters', 'audit_log'], () => secretary.request('POST', `/api/approvals/${approvalId}/approve`, {}), 403, 'APPROVAL_SELF');
    await expectRefused(env.kernel, ['pty_letters', 'audit_log'], () => staff.request('POST', `/api/approvals/${approvalId}/approve`, {}), 403, 'FORBIDDEN');
    assert.equal((await secretary.request('GET', `${base}/${id}`)).body.status, 'pending_approval');
    assert.deepEqual(await messages(w.accounts.resident, id), [], 'nobody is told before the approval');
    assert.equal((await liaison.request('GET', `${base}/${id}`)).status, 404, 'the liaison sees a 函告 only once sent');

    const approved = await shuji2.request('POST', `/api/approvals/${approvalId}/approve`, {});
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const l = (await secretary.request('GET', `${base}/${id}`)).body;
    assert.equal(l.status, 'sent');
    assert.equal(l.facts, facts);
    assert.deepEqual(l.timeline.map((e: { event: string }) => e.event), ['created', 'approval_requested', 'approved', 'sent']);
    assert.deepEqual(await messages(w.accounts.resident, id), [
      { template: 'party.letters_admonition_member', channel: 'inbox' },
      { template: 'party.letters_admonition_member', channel: 'sms' },
    ]);
    assert.deepEqual(await messages(w.accounts.workplace_party_contact, id), [{ template: 'party.letters_sent', channel: 'inbox' }]);
    assert.equal((await liaison.request('GET', `${base}/${id}`)).status, 200);
    const pdf = await liaison.request('GET', `${base}/${id}/letter.pdf`);
    assert.equal(pdf.status, 200);
    await expectRefused(env.kernel, TABLES, () => liaison.request('GET', `${base}/${id}/letter.xlsx`), 409, 'WRONG_STATUS');
  });

  test('turned down: the letter reads rejected and may be asked again', async () => {
    const made = await draft(staff, L.members.tom);
    const asked = await staff.request('POST', `${base}/${made.body.id}/approval`);
    assert.equal(asked.status, 202);
    assert.equal((await secretary.request('POST', `/api/approvals/${asked.body.approvalId}/reject`, { note: '事实不清，请补充' })).status, 200);
    const l = (await staff.request('GET', `${base}/${made.body.id}`)).body;
    assert.equal(l.status, 'rejected');
    assert.equal(l.can.requestApproval, true);
    assert.equal((await staff.request('GET', `${base}?status=rejected`)).body.items.some((r: { id: string }) => r.id === made.body.id), true);
    assert.equal((await staff.request('POST', `${base}/${made.body.id}/approval`)).status, 202);
    assert.equal((await staff.request('GET', `${base}/${made.body.id}`)).body.status, 'pending_approval');
  });
});
