import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appDb } from '../../app.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { write } from '../../kernel/context.ts';
import { type Client, signInClient as signIn } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { expectSorts, sortTime } from '../../test/sorting.ts';
import { ModerationSort } from './use-cases/moderation-list.ts';
import { itemPng } from './volunteers.boards.seed.ts';

/**
 * The neighbour boards (issue 23 §4): posting under the street's banned words (spacing does not hide a word); a
 * hidden listing gone for residents, in lists and by id, kept for its owner and the moderators with the reason;
 * carpool contacts shown only once both sides agree, to those two only; seats (left = seats − accepted, full at
 * zero); second-hand reserve then give; reports once per neighbour; only residents of the compound; and who among
 * the staff may read and moderate, inside and outside their places.
 */
const { env, w, afterSetUp } = useWorld();
const B = '/api/volunteers/boards';
const M = '/api/volunteers/moderation';
const acct = { tom: '13800000011', sun: '13800000012', bob: '13800000013' };
let sunPerson = '';

afterSetUp(async () => {
  sunPerson = (await appDb(env.kernel).selectFrom('reg_households').select('person_id').where('id', '=', w.households.aliceTenantOfA201).executeTakeFirstOrThrow()).person_id!;
  const passwordHash = await hashPassword(PASSWORD);
  await write(w.ctx, async (tx) => {
    await createAccount(tx, env.kernel.pii, { phone: acct.tom, displayName: '陈涛', password: PASSWORD, passwordHash, personId: w.persons.tom });
    await createAccount(tx, env.kernel.pii, { phone: acct.sun, displayName: '孙宁', password: PASSWORD, passwordHash, personId: sunPerson });
    await createAccount(tx, env.kernel.pii, { phone: acct.bob, displayName: '李波', password: PASSWORD, passwordHash, personId: w.persons.bob });
  });
});

let alice: Client, tom: Client, sun: Client, bob: Client, staff: Client;
const sessions = async () => {
  alice ??= await signIn(env.app, '13800000001');
  tom ??= await signIn(env.app, acct.tom);
  sun ??= await signIn(env.app, acct.sun);
  bob ??= await signIn(env.app, acct.bob);
  staff ??= await signIn(env.app, 'committee_staff');
};
const as = (role: string) => signIn(env.app, role, PASSWORD);
const inDays = (d: number) => new Date(env.kernel.clock.now().getTime() + d * 86_400_000).toISOString();
const carpool = (over: object = {}) => ({ compoundId: w.places.A, kind: 'carpool', title: '顺路去人民医院', carpoolRole: 'offer', routeFrom: '阳光花园北门', routeTo: '人民医院', departsAt: inDays(2), seats: 3, ...over });
const item = (over: object = {}) => ({ compoundId: w.places.A, kind: 'secondhand', title: '婴儿推车', body: '九成新，送邻居', ...over });
const post = async (c: Client, body: object) => {
  const r = await c.request('POST', `${B}/listings`, body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
};
const boardIds = async (c: Client, kind?: string) => (await c.request('GET', `${B}/listings?compoundId=${w.places.A}${kind ? `&kind=${kind}` : ''}&pageSize=200`)).body.items.map((r: { id: string }) => r.id) as string[];
const count = async (table: 'audit_log' | 'vol_listings' | 'vol_board_requests') => Number((await appDb(env.kernel).selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const PHONE = { alice: '13900000001', tom: '13900000002', sun: '13900000005' };

describe('banned words', () => {
  test('a word on the list is refused at posting, spaced out or not, and in a request message; nothing is written', async () => {
    await sessions();
    const added = await staff.request('POST', `${M}/banned-words`, { word: '微信转账' });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal((await staff.request('POST', `${M}/banned-words`, { word: '微信转账' })).body.error.code, 'WORD_EXISTS');
    const [audits, listings] = [await count('audit_log'), await count('vol_listings')];
    for (const title of ['婴儿推车，可微信转账', '婴儿推车 微 信 转 账 也行']) {
      const r = await alice.request('POST', `${B}/listings`, item({ title }));
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'BANNED_WORD');
      assert.match(r.body.error.message, /微信转账/);
    }
    assert.equal((await alice.request('POST', `${B}/listings`, item({ body: '走 微信 转账' }))).body.error.code, 'BANNED_WORD');
    assert.equal(await count('audit_log'), audits);
    assert.equal(await count('vol_listings'), listings);
    const id = await post(alice, item({ title: '电饭煲' }));
    const asked = await tom.request('POST', `${B}/listings/${id}/requests`, { message: '可以微信转账给你' });
    assert.equal(asked.body.error.code, 'BANNED_WORD');
    const list = (await staff.request('GET', `${M}/banned-words?q=微信`)).body;
    assert.deepEqual(list.items.map((r: { word: string }) => r.word), ['微信转账']);
    assert.equal(list.streetName, '测试街道');
    const file = await staff.request('GET', `${M}/banned-words/export.xlsx`);
    assert.equal(file.status, 200);
    assert.match(String(file.headers['content-type']), /spreadsheetml/);
    // Removed, the word may be posted again.
    assert.equal((await staff.request('POST', `${M}/banned-words/${added.body.id}/remove`)).status, 200);
    await post(alice, item({ title: '婴儿推车，可微信转账' }));
  });

  test('the list: boardsRead reads, only boardsModerate keeps it; outside roles are refused', async () => {
    const grid = await as('grid_worker');
    assert.equal((await grid.request('GET', `${M}/banned-words`)).status, 200);
    assert.equal((await grid.request('POST', `${M}/banned-words`, { word: '赌博' })).status, 403);
    const pm = await as('property_manager');
    assert.equal((await pm.request('GET', `${M}/banned-words`)).status, 403);
    const secretary = await as('community_secretary');
    const r = await secretary.request('POST', `${M}/banned-words`, { word: '高利贷' });
    assert.equal(r.status, 201);
    assert.equal((await grid.request('POST', `${M}/banned-words/${r.body.id}/remove`)).status, 403);
    // A street outside the actor's grants is not found.
    assert.equal((await secretary.request('GET', `${M}/banned-words?placeId=${w.places.S2}`)).body.error.code, 'PLACE_NOT_FOUND');
  });
});

describe('hiding', () => {
  test('a hidden listing disappears for residents (list and by id) and stays for its owner and the moderators with the reason', async () => {
    await sessions();
    const id = await post(alice, item({ title: '书桌' }));
    assert.ok((await boardIds(tom)).includes(id));
    assert.equal((await tom.request('POST', `${B}/listings/${id}/report`, { reason: '疑似广告' })).status, 201);
    assert.equal((await staff.request('POST', `${M}/listings/${id}/hide`, { reason: '' })).status, 400, 'a reason is required');
    const hidden = await staff.request('POST', `${M}/listings/${id}/hide`, { reason: '疑似商家广告' });
    assert.equal(hidden.status, 200, JSON.stringify(hidden.body));
    assert.equal(hidden.body.reportsClosed, 1);
    assert.equal((await staff.request('POST', `${M}/listings/${id}/hide`, { reason: '再次' })).body.error.code, 'ALREADY_HIDDEN');

    assert.ok(!(await boardIds(tom)).includes(id), 'gone from the board');
    const byId = await tom.request('GET', `${B}/listings/${id}`);
    assert.equal(byId.status, 404);
    assert.equal(byId.body.error.code, 'LISTING_NOT_FOUND');
    assert.equal((await tom.request('POST', `${B}/listings/${id}/requests`, { message: '' })).status, 404);

    const own = (await alice.request('GET', `${B}/listings?compoundId=${w.places.A}&mine=true`)).body.items.find((r: { id: string }) => r.id === id);
    assert.equal(own.hidden, true);
    assert.equal(own.hiddenReason, '疑似商家广告');
    const ownPage = (await alice.request('GET', `${B}/listings/${id}`)).body;
    assert.equal(ownPage.hidden, true);
    assert.equal(ownPage.hiddenReason, '疑似商家广告');

    const queue = (await staff.request('GET', `${M}?state=hidden&pageSize=200`)).body.items.find((r: { id: string }) => r.id === id);
    assert.equal(queue.hiddenReason, '疑似商家广告');
    const staffPage = (await staff.request('GET', `${B}/listings/${id}`)).body;
    assert.equal(staffPage.hiddenReason, '疑似商家广告');
    assert.deepEqual(staffPage.reports.map((r: { status: string }) => r.status), ['hidden']);

    const told = await env.kernel.db
      .selectFrom('notify_messages as m')
      .innerJoin('notify_batches as b', 'b.id', 'm.batch_id')
      .select(['b.template', 'b.data'])
      .where('m.account_id', '=', w.accounts.resident)
      .where('b.subject_id', '=', id)
      .where('b.template', '=', 'volunteers.boards.hidden')
      .execute();
    assert.equal(told.length, 1);
    assert.equal((told[0]!.data as { reason: string }).reason, '疑似商家广告');
    const entry = await env.kernel.db.selectFrom('audit_log').select(['action', 'detail']).where('subject_id', '=', id).where('action', '=', 'volunteers.boards.listing_hidden').executeTakeFirstOrThrow();
    assert.equal((entry.detail as { reason: string }).reason, '疑似商家广告');

    assert.equal((await staff.request('POST', `${M}/listings/${id}/unhide`)).status, 200);
    assert.ok((await boardIds(tom)).includes(id), 'back on the board');
    assert.equal((await staff.request('POST', `${M}/listings/${id}/unhide`)).body.error.code, 'NOT_HIDDEN');
  });

  test("reports: once per neighbour, not one's own; the queue shows the open ones; dismissing takes it off", async () => {
    await sessions();
    const id = await post(alice, item({ title: '旧沙发' }));
    assert.equal((await alice.request('POST', `${B}/listings/${id}/report`, { reason: '自己举报' })).body.error.code, 'OWN_LISTING');
    const first = await tom.request('POST', `${B}/listings/${id}/report`, { reason: '价格离谱' });
    assert.equal(first.status, 201);
    assert.equal((await tom.request('POST', `${B}/listings/${id}/report`, { reason: '再举报' })).body.error.code, 'ALREADY_REPORTED');
    assert.equal((await tom.request('GET', `${B}/listings/${id}`)).body.reportedByMe, true);
    const reported = (await staff.request('GET', `${M}?state=reported&pageSize=200`)).body.items.find((r: { id: string }) => r.id === id);
    assert.equal(reported.openReports, 1);
    assert.equal(reported.lastReason, '价格离谱');
    const home = (await staff.request('GET', '/api/me/workbench')).body;
    assert.ok(home.todos.some((t: { key: string; count: number }) => t.key === 'volBoardsReported' && t.count >= 1), JSON.stringify(home.todos));
    const grid = await as('grid_worker');
    assert.equal((await grid.request('POST', `${M}/reports/${first.body.id}/dismiss`)).status, 403, 'reads the queue but does not moderate');
    assert.equal((await staff.request('POST', `${M}/reports/${first.body.id}/dismiss`)).status, 200);
    assert.equal((await staff.request('POST', `${M}/reports/${first.body.id}/dismiss`)).body.error.code, 'REPORT_NOT_OPEN');
    assert.ok(!(await staff.request('GET', `${M}?state=reported&pageSize=200`)).body.items.some((r: { id: string }) => r.id === id));
  });
});

describe('carpooling', () => {
  test('contacts are hidden until both agree, then shown to those two only', async () => {
    await sessions();
    const id = await post(alice, carpool());
    const asked = await tom.request('POST', `${B}/listings/${id}/requests`, { seats: 2, message: '我和老伴两人' });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const noPhones = (body: unknown) => {
      const text = JSON.stringify(body);
      for (const p of Object.values(PHONE)) assert.ok(!text.includes(p), `no phone ${p} in ${text}`);
    };
    const ownerBefore = (await alice.request('GET', `${B}/listings/${id}`)).body;
    assert.equal(ownerBefore.requests[0].contact, null);
    assert.equal(ownerBefore.requests[0].requesterName, '陈*');
    noPhones(ownerBefore);
    const askerBefore = (await tom.request('GET', `${B}/listings/${id}`)).body;
    assert.equal(askerBefore.ownerContact, null);
    assert.equal(askerBefore.ownerName, '王*');
    assert.equal(askerBefore.myRequest.status, 'pending');
    noPhones(askerBefore);

    assert.equal((await tom.request('POST', `${B}/requests/${asked.body.id}/accept`)).status, 404, 'only the owner decides');
    assert.equal((await alice.request('POST', `${B}/requests/${asked.body.id}/accept`)).status, 200);
    const ownerAfter = (await alice.request('GET', `${B}/listings/${id}`)).body;
    assert.deepEqual(ownerAfter.requests[0].contact, { name: '陈涛', phone: PHONE.tom });
    const askerAfter = (await tom.request('GET', `${B}/listings/${id}`)).body;
    assert.deepEqual(askerAfter.ownerContact, { name: '王丽', phone: PHONE.alice });
    const third = (await sun.request('GET', `${B}/listings/${id}`)).body;
    assert.equal(third.ownerContact, null);
    assert.deepEqual(third.requests, []);
    noPhones(third);
    noPhones((await staff.request('GET', `${B}/listings/${id}`)).body);
    noPhones((await sun.request('GET', `${B}/listings?compoundId=${w.places.A}&pageSize=200`)).body);
  });

  test('seats: a request wants at most the seats left; accepting takes them; none left is full', async () => {
    await sessions();
    const id = await post(alice, carpool({ seats: 3 }));
    assert.equal((await alice.request('POST', `${B}/listings/${id}/requests`, { seats: 1 })).body.error.code, 'OWN_LISTING');
    assert.equal((await tom.request('POST', `${B}/listings/${id}/requests`, { seats: 4 })).body.error.code, 'SEATS_EXCEEDED', '4 > 3 left');
    assert.equal((await tom.request('POST', `${B}/listings/${id}/requests`, {})).status, 400, 'a carpool request says how many seats');
    const t = (await tom.request('POST', `${B}/listings/${id}/requests`, { seats: 2 })).body;
    assert.equal((await tom.request('POST', `${B}/listings/${id}/requests`, { seats: 1 })).body.error.code, 'REQUEST_EXISTS');
    const s = (await sun.request('POST', `${B}/listings/${id}/requests`, { seats: 2 })).body;
    assert.equal((await alice.request('POST', `${B}/requests/${t.id}/accept`)).body.listingStatus, 'open');
    assert.equal((await tom.request('GET', `${B}/listings/${id}`)).body.seatsLeft, 1);
    const over = await alice.request('POST', `${B}/requests/${s.id}/accept`);
    assert.equal(over.body.error.code, 'SEATS_EXCEEDED', '2 wanted, 1 left');
    assert.match(over.body.error.message, /剩余座位 1 个/);
    assert.equal((await sun.request('POST', `${B}/requests/${s.id}/withdraw`)).status, 200);
    const again = (await sun.request('POST', `${B}/listings/${id}/requests`, { seats: 1 })).body;
    assert.equal((await alice.request('POST', `${B}/requests/${again.id}/accept`)).body.listingStatus, 'full', '1 wanted = 1 left');
    const page = (await alice.request('GET', `${B}/listings/${id}`)).body;
    assert.equal(page.status, 'full');
    assert.equal(page.seatsLeft, 0);
    // Taking back an acceptance frees the seats: the carpool is open again.
    assert.equal((await alice.request('POST', `${B}/requests/${again.id}/decline`)).status, 200);
    assert.equal((await alice.request('GET', `${B}/listings/${id}`)).body.status, 'open');
  });

  test('a carpool that has left takes no more requests and leaves the board', async () => {
    await sessions();
    const id = await post(alice, carpool({ departsAt: inDays(2 / 1440) }));
    assert.equal((await tom.request('POST', `${B}/listings/${id}/report`, { reason: '测试前看得到' })).status, 201);
    env.clock.advance(3 * 60_000);
    assert.equal((await tom.request('POST', `${B}/listings/${id}/requests`, { seats: 1 })).body.error.code, 'CARPOOL_DEPARTED');
    assert.ok(!(await boardIds(tom, 'carpool')).includes(id));
    assert.ok((await boardIds(alice, 'carpool')).includes(id), 'its owner still sees it');
  });
});

describe('second-hand', () => {
  test('with photos; reserved for one asker, then given; the board shows it no more', async () => {
    await sessions();
    const up = await alice.upload(`${B}/listings`, { compoundId: w.places.A, kind: 'secondhand', title: '儿童自行车', body: '带辅助轮' }, { filename: 'bike.png', type: 'image/png', content: itemPng(1) });
    assert.equal(up.status, 201, JSON.stringify(up.body));
    const id = up.body.id as string;
    const page = (await tom.request('GET', `${B}/listings/${id}`)).body;
    assert.equal(page.photoIds.length, 1);
    assert.equal((await tom.request('GET', `/api/volunteers/photos/${page.photoIds[0]}`)).status, 200);
    const t = (await tom.request('POST', `${B}/listings/${id}/requests`, { message: '我想要' })).body;
    const s = (await sun.request('POST', `${B}/listings/${id}/requests`, { message: '我也想要' })).body;
    assert.equal((await alice.request('POST', `${B}/listings/${id}/given`)).body.error.code, 'NOT_RESERVED');
    assert.equal((await alice.request('POST', `${B}/requests/${t.id}/accept`)).body.listingStatus, 'reserved');
    assert.equal((await alice.request('POST', `${B}/requests/${s.id}/accept`)).body.error.code, 'LISTING_NOT_OPEN', 'reserved for one');
    assert.equal((await tom.request('GET', `${B}/listings/${id}`)).body.ownerContact.phone, PHONE.alice);
    assert.equal((await sun.request('GET', `${B}/listings/${id}`)).body.ownerContact, null);
    assert.equal((await tom.request('POST', `${B}/listings/${id}/given`)).status, 403, 'he sees it, but it is not his');
    const given = await alice.request('POST', `${B}/listings/${id}/given`);
    assert.equal(given.body.status, 'given');
    assert.ok(!(await boardIds(sun)).includes(id));
    const mine = (await alice.request('GET', `${B}/listings/${id}`)).body;
    assert.deepEqual(mine.requests.map((r: { status: string }) => r.status), ['accepted', 'declined']);
    const carpoolId = await post(alice, carpool());
    assert.equal((await alice.request('POST', `${B}/listings/${carpoolId}/given`)).body.error.code, 'WRONG_KIND');
  });

  test('the owner closes their own listing: it leaves the board; nobody else may', async () => {
    await sessions();
    const id = await post(alice, item({ title: '三层书架' }));
    assert.equal((await tom.request('POST', `${B}/listings/${id}/close`)).status, 403);
    assert.equal((await alice.request('POST', `${B}/listings/${id}/close`)).body.status, 'closed');
    assert.ok(!(await boardIds(tom)).includes(id));
    assert.equal((await alice.request('POST', `${B}/listings/${id}/close`)).body.error.code, 'LISTING_NOT_OPEN');
  });
});

describe('who may see and do what', () => {
  test('only residents of the compound read and post on its board', async () => {
    await sessions();
    const id = await post(alice, item({ title: '旧台灯' }));
    assert.equal((await bob.request('GET', `${B}/listings?compoundId=${w.places.A}`)).body.error.code, 'NOT_A_RESIDENT');
    assert.equal((await bob.request('POST', `${B}/listings`, item())).body.error.code, 'NOT_A_RESIDENT');
    assert.equal((await bob.request('GET', `${B}/listings/${id}`)).status, 404);
    assert.equal((await bob.request('POST', `${B}/listings/${id}/requests`, { message: '' })).status, 404);
    assert.equal((await bob.request('POST', `${B}/listings/${id}/report`, { reason: '看看' })).status, 404);
    assert.deepEqual((await bob.request('GET', `${B}/compounds`)).body.map((c: { name: string }) => c.name), ['明月小区']);
    assert.equal((await staff.request('POST', `${B}/listings`, item())).body.error.code, 'NOT_A_RESIDENT');
  });

  test('the moderation queue: boardsRead roles inside their places, nobody else; hiding for boardsModerate only', async () => {
    await sessions();
    const inA = await post(alice, item({ title: '阳光花园的闲置' }));
    const inB = await post(bob, { ...item({ title: '明月小区的闲置' }), compoundId: w.places.B });
    const expect: Record<string, { reads: boolean; seesB: boolean; hides: boolean }> = {
      platform_admin: { reads: true, seesB: true, hides: false },
      street_official: { reads: true, seesB: true, hides: false },
      community_secretary: { reads: true, seesB: false, hides: true },
      committee_staff: { reads: true, seesB: false, hides: true },
      grid_worker: { reads: true, seesB: false, hides: false },
      building_leader: { reads: false, seesB: false, hides: false },
      property_manager: { reads: false, seesB: false, hides: false },
      owners_committee_member: { reads: false, seesB: false, hides: false },
    };
    for (const [role, e] of Object.entries(expect)) {
      const c = await as(role);
      const list = await c.request('GET', `${M}?pageSize=200`);
      if (!e.reads) {
        assert.equal(list.status, 403, role);
        assert.equal((await c.request('GET', `${B}/listings/${inA}`)).status, 404, role);
        assert.equal((await c.request('POST', `${M}/listings/${inA}/hide`, { reason: '测试' })).status, 404, role);
        continue;
      }
      const ids = list.body.items.map((r: { id: string }) => r.id);
      assert.ok(ids.includes(inA), `${role} sees A`);
      assert.equal(ids.includes(inB), e.seesB, `${role} and B`);
      assert.equal((await c.request('GET', `${B}/listings/${inB}`)).status, e.seesB ? 200 : 404, role);
      if (!e.seesB) assert.equal((await c.request('POST', `${M}/listings/${inB}/hide`, { reason: '测试' })).status, 404, `${role} outside`);
      const hide = await c.request('POST', `${M}/listings/${inA}/hide`, { reason: '测试' });
      assert.equal(hide.status, e.hides ? 200 : 403, role);
      if (e.hides) assert.equal((await c.request('POST', `${M}/listings/${inA}/unhide`)).status, 200, role);
    }
    assert.equal((await alice.request('GET', `${M}`)).status, 403, 'a resident');
    const xlsx = await staff.request('GET', `${M}/export.xlsx?q=${encodeURIComponent('阳光花园的闲置')}`);
    assert.equal(xlsx.status, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    assert.ok(xlsx.raw.length > 1000);
  });
});

describe('the moderation queue sorts', () => {
  test('by posting time, open reports, title, kind and compound, both ways; pages deterministically', async () => {
    await sessions();
    const r1 = await post(alice, item({ title: 'C 排序测试' }));
    const r2 = await post(alice, carpool({ title: 'A 排序测试' }));
    const r3 = await post(alice, item({ title: 'B 排序测试' }));
    for (const [id, minutes] of [[r1, 3], [r2, 1], [r3, 2]] as const) {
      await appDb(env.kernel).updateTable('vol_listings').set({ created_at: sortTime(minutes) }).where('id', '=', id).execute();
    }
    for (const [c, id] of [[tom, r2], [sun, r2], [tom, r3]] as const) assert.equal((await c.request('POST', `${B}/listings/${id}/report`, { reason: '排序' })).status, 201);
    await expectSorts(env.kernel, staff, `${M}?q=${encodeURIComponent('排序测试')}`, ModerationSort, {
      createdAt: [r2, r3, r1],
      openReports: [r1, r3, r2],
      title: [r2, r3, r1],
      kind: [r2, r1, r3],
      compound: [r1, r2, r3],
    });
  });
});
