import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newId } from '../../kernel/ids.ts';
import { signInClient as signIn } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { createOrganisation } from '../registry/index.ts';
import { write } from './party.db.ts';

/**
 * Party activities: the audience (the branch's local members, with those of the branches under it; employed members
 * only with a confirmed report to the branch's community, and only when asked), the notice, the sign-in code (its
 * expiry instant refused, a reopened code replacing the old, a repeated sign-in writing nothing), attendance by hand,
 * the year's attendance per member, and who may do what (community staff within their community; a resident only
 * their own).
 */
const { env, w, afterSetUp } = useWorld();
const T = '/api/party/activities';
const org: Record<'street' | 'c1' | 'a' | 'c2' | 'work', string> = {} as never;
const member: Record<'alice' | 'tom' | 'pending' | 'elsewhere' | 'left', string> = {} as never;

afterSetUp(async () => {
  const make = (placeId: string, name: string, partyLevel: string, parentId?: string) =>
    createOrganisation(w.ctx, { placeId, kind: 'party_org', name, partyLevel, ...(parentId ? { parentId } : {}) } as never).then((o) => o.id);
  org.street = await make(w.places.S, '测试街道党工委', 'street_committee');
  org.c1 = await make(w.places.C1, '一社区党委', 'community_branch', org.street);
  org.a = await make(w.places.A, '阳光花园党支部', 'compound_branch', org.c1);
  org.c2 = await make(w.places.C2, '二社区党委', 'community_branch', org.street);
  org.work = await make(w.places.S, '税务所党支部', 'workplace');
  const pending = await w.person(w.places.A, '周平');
  const elsewhere = await w.person(w.places.B, '吴远');
  const left = await w.person(w.places.A, '郑离');
  await write(w.ctx, async (tx) => {
    const add = async (key: keyof typeof member, personId: string, name: string, placeId: string, local: boolean, status: 'active' | 'left' = 'active') => {
      member[key] = newId();
      await tx
        .insertInto('pty_members')
        .values({
          street_id: w.places.S,
          id: member[key],
          person_id: personId,
          person_name: name,
          place_id: placeId,
          membership: local ? 'local' : 'employed',
          branch_id: local ? org.a : null,
          workplace_org_id: local ? null : org.work,
          joined_on: '2010-07-01',
          status,
          left_on: status === 'left' ? '2025-01-01' : null,
        })
        .execute();
    };
    await add('alice', w.persons.alice, '王丽', w.places.A, true);
    await add('left', left, '郑离', w.places.A, true, 'left');
    await add('tom', w.persons.tom, '陈涛', w.places.A, false);
    await add('pending', pending, '周平', w.places.A, false);
    await add('elsewhere', elsewhere, '吴远', w.places.B, false);
    const report = (memberId: string, communityId: string, status: 'pending' | 'confirmed') =>
      tx
        .insertInto('pty_member_reports')
        .values({ street_id: w.places.S, id: newId(), member_id: memberId, community_id: communityId, status, decided_at: status === 'confirmed' ? new Date() : null })
        .execute();
    await report(member.tom, w.places.C1, 'confirmed');
    await report(member.pending, w.places.C1, 'pending');
    await report(member.elsewhere, w.places.C2, 'confirmed');
  });
});

const body = (over: object = {}) => ({
  branchId: org.c1,
  kind: 'theme_day',
  title: '主题党日',
  startsAt: '2026-11-25T09:00:00+08:00',
  endsAt: '2026-11-25T11:00:00+08:00',
  venue: '社区党群服务中心',
  ...over,
});
const staff = (role: string) => signIn(env.app, role, PASSWORD);
const resident = () => signIn(env.app, '13800000001', PASSWORD);
const auditCount = async () => Number((await env.kernel.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('the audience', () => {
  test('local members of the branch and the branches under it; employed members only with a confirmed report to its community, when asked', async () => {
    const shuji = await staff('community_secretary');
    const withReported = await shuji.request('POST', T, body());
    assert.equal(withReported.status, 201, JSON.stringify(withReported.body));
    const view = (await shuji.request('GET', `${T}/${withReported.body.id}`)).body;
    assert.deepEqual(view.attendees.map((a: { personName: string }) => a.personName).sort(), ['王丽', '陈涛'].sort(), 'not the one who left, the pending report or the report to another community');
    const without = await shuji.request('POST', T, body({ includeReported: false }));
    const view2 = (await shuji.request('GET', `${T}/${without.body.id}`)).body;
    assert.deepEqual(view2.attendees.map((a: { personName: string }) => a.personName), ['王丽']);
    const branchOnly = await shuji.request('POST', T, body({ branchId: org.a, includeReported: false }));
    assert.equal(branchOnly.body.invited, 1);
  });

  test('scheduling notifies the audience in the app; cancelling tells them too and stops the code', async () => {
    const shuji = await staff('community_secretary');
    const made = (await shuji.request('POST', T, body({ title: '通知测试' }))).body;
    assert.equal(made.notified, 1, "王丽 has an account; 陈涛 has none");
    const inbox = async () =>
      env.kernel.db
        .selectFrom('notify_messages as m')
        .innerJoin('notify_batches as b', 'b.id', 'm.batch_id')
        .select(['b.template', 'b.data'])
        .where('m.account_id', '=', w.accounts.resident)
        .where('b.subject_id', '=', made.id)
        .orderBy('m.id')
        .execute();
    const first = await inbox();
    assert.equal(first.length, 1);
    assert.equal(first[0]!.template, 'party.activities.scheduled');
    assert.equal((first[0]!.data as { title: string }).title, '通知测试');
    const { code } = (await shuji.request('POST', `${T}/${made.id}/sign-in`, {})).body;
    assert.equal((await shuji.request('POST', `${T}/${made.id}/cancel`, { reason: '天气原因' })).status, 200);
    assert.deepEqual((await inbox()).map((m) => m.template).sort(), ['party.activities.cancelled', 'party.activities.scheduled']);
    const alice = await resident();
    assert.equal((await alice.request('POST', '/api/me/party/activities/sign-in', { code })).body.error.code, 'CODE_INVALID');
    assert.equal((await shuji.request('POST', `${T}/${made.id}/cancel`, { reason: '再次' })).body.error.code, 'ACTIVITY_CANCELLED');
  });

  test('a branch with no members to invite is refused; times must run forward', async () => {
    const shuji = await staff('community_secretary');
    const empty = await createOrganisation(w.ctx, { placeId: w.places.G1, kind: 'party_org', name: '一网格党支部', partyLevel: 'compound_branch', parentId: org.c1 } as never);
    assert.equal((await shuji.request('POST', T, body({ branchId: empty.id, includeReported: false }))).body.error.code, 'NO_AUDIENCE');
    assert.equal((await shuji.request('POST', T, body({ endsAt: '2026-11-25T08:00:00+08:00' }))).body.error.code, 'TIMES_INVALID');
  });
});

describe('sign-in by code', () => {
  test('valid until just before its expiry instant; at the instant it is refused', async () => {
    const shuji = await staff('community_secretary');
    const alice = await resident();
    const a1 = (await shuji.request('POST', T, body({ title: '到期边界一' }))).body.id;
    const opened = (await shuji.request('POST', `${T}/${a1}/sign-in`, { minutes: 5 })).body;
    assert.match(opened.code, /^\d{6}$/);
    assert.equal(Date.parse(opened.expiresAt) - Date.parse(opened.openedAt), 5 * 60_000);
    env.clock.advance(5 * 60_000 - 1);
    const ok = await alice.request('POST', '/api/me/party/activities/sign-in', { code: opened.code });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.already, false);

    const a2 = (await shuji.request('POST', T, body({ title: '到期边界二' }))).body.id;
    const second = (await shuji.request('POST', `${T}/${a2}/sign-in`, { minutes: 5 })).body;
    env.clock.advance(5 * 60_000);
    const late = await alice.request('POST', '/api/me/party/activities/sign-in', { code: second.code });
    assert.equal(late.status, 400);
    assert.equal(late.body.error.code, 'CODE_EXPIRED');
    const view = (await shuji.request('GET', `${T}/${a2}`)).body;
    assert.equal(view.signIn, null, 'the expired code is no longer shown');
    assert.equal(view.counts.present, 0);
  });

  test('reopening makes a new code and the old one stops working', async () => {
    const shuji = await staff('community_secretary');
    const alice = await resident();
    const id = (await shuji.request('POST', T, body({ title: '重开签到' }))).body.id;
    const old = (await shuji.request('POST', `${T}/${id}/sign-in`, {})).body;
    const fresh = (await shuji.request('POST', `${T}/${id}/sign-in`, { minutes: 60 })).body;
    assert.notEqual(fresh.code, old.code);
    assert.equal((await shuji.request('GET', `${T}/${id}`)).body.signIn.code, fresh.code);
    assert.equal((await alice.request('POST', '/api/me/party/activities/sign-in', { code: old.code })).body.error.code, 'CODE_INVALID');
    assert.equal((await alice.request('POST', '/api/me/party/activities/sign-in', { code: fresh.code })).body.already, false);
  });

  test('a second sign-in answers as the first and writes nothing; the first is audited', async () => {
    const shuji = await staff('community_secretary');
    const alice = await resident();
    const id = (await shuji.request('POST', T, body({ title: '重复签到' }))).body.id;
    const { code } = (await shuji.request('POST', `${T}/${id}/sign-in`, {})).body;
    const before = await auditCount();
    const first = (await alice.request('POST', '/api/me/party/activities/sign-in', { code })).body;
    assert.equal(await auditCount(), before + 1);
    const again = (await alice.request('POST', '/api/me/party/activities/sign-in', { code })).body;
    assert.equal(await auditCount(), before + 1, 'nothing written on repeat');
    assert.deepEqual(again, { ...first, already: true });
    const me = (await shuji.request('GET', `${T}/${id}`)).body.attendees.find((a: { personName: string }) => a.personName === '王丽');
    assert.equal(me.status, 'present');
    assert.equal(me.via, 'code');
  });

  test('a member outside the audience is refused; a wrong code is refused; bounds on the minutes', async () => {
    const shuji = await staff('community_secretary');
    const alice = await resident();
    const id = (await shuji.request('POST', T, body({ branchId: org.c2, title: '二社区活动' }))).body;
    assert.equal(id.error?.code ?? null, 'BRANCH_NOT_FOUND', 'a community secretary of C1 cannot organise for C2');
    const ownId = (await shuji.request('POST', T, body({ includeReported: false, branchId: org.a, title: '支部活动' }))).body.id;
    const { code } = (await shuji.request('POST', `${T}/${ownId}/sign-in`, { minutes: 240 })).body;
    // 李波 (compound B) is no member of the branch: given an account, he signs in with a current code.
    const { createAccount } = await import('../../kernel/auth/accounts.ts');
    const { hashPassword } = await import('../../kernel/auth/passwords.ts');
    const { write: kwrite } = await import('../../kernel/context.ts');
    const bob = w.persons.bob;
    await kwrite(w.ctx, async (tx) => {
      await createAccount(tx, env.kernel.pii, { phone: '13800000077', displayName: '李波', password: PASSWORD, passwordHash: await hashPassword(PASSWORD), personId: bob });
    });
    const stranger = await signIn(env.app, '13800000077', PASSWORD);
    assert.equal((await stranger.request('POST', '/api/me/party/activities/sign-in', { code })).body.error.code, 'NOT_INVITED');
    const wrong = code === '000000' ? '000001' : '000000';
    assert.equal((await alice.request('POST', '/api/me/party/activities/sign-in', { code: wrong })).body.error.code, 'CODE_INVALID');
    assert.equal((await shuji.request('POST', `${T}/${ownId}/sign-in`, { minutes: 4 })).status, 400);
    assert.equal((await shuji.request('POST', `${T}/${ownId}/sign-in`, { minutes: 241 })).status, 400);
  });
});

describe('attendance', () => {
  test('by hand: present, or excused with a reason; the year per member; the member sees their own', async () => {
    const shuji = await staff('committee_staff');
    const id = (await shuji.request('POST', T, body({ title: '手工考勤', startsAt: '2026-11-01T09:00:00+08:00', endsAt: '2026-11-01T11:00:00+08:00' }))).body.id;
    const view = (await shuji.request('GET', `${T}/${id}`)).body;
    const tom = view.attendees.find((a: { personName: string }) => a.personName === '陈涛');
    const alice = view.attendees.find((a: { personName: string }) => a.personName === '王丽');
    assert.equal((await shuji.request('PUT', `${T}/${id}/attendees/${tom.id}`, { status: 'excused' })).status, 400, 'an excuse needs a reason');
    assert.equal((await shuji.request('PUT', `${T}/${id}/attendees/${tom.id}`, { status: 'excused', reason: '出差' })).status, 200);
    assert.equal((await shuji.request('PUT', `${T}/${id}/attendees/${alice.id}`, { status: 'present' })).status, 200);
    const after = (await shuji.request('GET', `${T}/${id}`)).body;
    assert.deepEqual(after.counts, { invited: 2, present: 1, excused: 1 });
    assert.equal(after.attendees.find((a: { personName: string }) => a.personName === '陈涛').excuseReason, '出差');

    const sheet = await shuji.request('GET', `${T}/${id}/attendees.xlsx`);
    assert.equal(sheet.status, 200);
    assert.match(String(sheet.headers['content-type']), /spreadsheetml/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.raw as never);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 4));
    assert.ok(rows.some((r) => r[0] === '陈涛' && r[2] === '请假'));
    assert.ok(rows.some((r) => r[0] === '王丽' && r[2] === '出席'));
    const year = (await shuji.request('GET', `${T}/attendance?year=2026&q=陈涛`)).body;
    assert.equal(year.total, 1);
    assert.equal(year.items[0].excused, 1);
    const xlsx = await env.app.inject({ method: 'GET', url: `${T}/attendance/export.xlsx?year=2026` });
    assert.equal(xlsx.statusCode, 401, 'signed out: no file');

    const me = (await (await resident()).request('GET', '/api/me/party/activities')).body;
    assert.ok(me.history.some((a: { title: string; attendance: string }) => a.title === '手工考勤' && a.attendance === 'present'));
    assert.ok(me.upcoming.every((a: { endsAt: string }) => Date.parse(a.endsAt) > env.clock.now().getTime()));
    const home = (await (await resident()).request('GET', '/api/me/home')).body;
    assert.ok(home.partyActivities, 'a member’s home has the section');
    assert.equal(home.partyActivities.year.present >= 1, true);
    const stranger = await signIn(env.app, '13800000077', PASSWORD);
    assert.equal((await stranger.request('GET', '/api/me/home')).body.partyActivities, undefined, 'not for someone who was never invited');
    assert.deepEqual((await stranger.request('GET', '/api/me/party/activities')).body.upcoming, [], 'a resident sees only their own');
  });
});

describe('access', () => {
  test('community staff within their community; the street reads but does not manage; others and residents are refused', async () => {
    const shuji = await staff('community_secretary');
    const id = (await shuji.request('POST', T, body({ title: '权限测试' }))).body.id;
    for (const role of ['platform_admin', 'street_official']) {
      const s = await staff(role);
      assert.equal((await s.request('GET', `${T}/${id}`)).status, 200, role);
      assert.ok((await s.request('GET', T)).body.total >= 1, role);
      assert.equal((await s.request('GET', `${T}/${id}`)).body.signIn, null, `${role} does not see the code`);
      assert.equal((await s.request('POST', `${T}/${id}/sign-in`, {})).status, 403, role);
      assert.equal((await s.request('POST', T, body())).status, 403, role);
    }
    for (const role of ['grid_worker', 'building_leader', 'property_manager', 'owners_committee_member', 'workplace_party_contact', 'assessor']) {
      const s = await staff(role);
      assert.equal((await s.request('GET', T)).status, 403, role);
      assert.equal((await s.request('GET', `${T}/${id}`)).status, 404, role);
      assert.equal((await s.request('POST', `${T}/${id}/sign-in`, {})).status, 404, role);
    }
    const alice = await resident();
    assert.equal((await alice.request('GET', T)).status, 403);
    assert.equal((await alice.request('GET', `${T}/${id}`)).status, 404);
    assert.equal((await alice.request('GET', `${T}/attendance?year=2026`)).status, 403);
    const branches = (await shuji.request('GET', `${T}/branches`)).body;
    const names = branches.map((b: { name: string }) => b.name);
    assert.equal(names[0], '一社区党委', 'the community’s own first');
    assert.ok(names.includes('阳光花园党支部'));
    for (const not of ['二社区党委', '测试街道党工委', '税务所党支部']) assert.ok(!names.includes(not), not);
    assert.equal(branches[0].isCommunityOrg, true);
  });
});
