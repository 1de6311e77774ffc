import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type StaffRole, STAFF_ROLES, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { write as writeKernel } from '../../kernel/context.ts';
import { type Client, ctxFor, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { read } from './volunteers.db.ts';
import { remindOverdueLoans } from './use-cases/lending-remind-overdue.ts';
import { createListing } from './use-cases/listings-create.ts';

/**
 * 工具图书: the catalogue of a compound's tools and books (hidden ones left out), borrowing (not one's own, not a hidden
 * or lent item, one open request per borrower and item, residents of the compound only), the owner lending (due =
 * the day lent + loan days, China days; one borrower at a time, also when two lends race), declining, the borrower
 * cancelling, the return only the owner confirms, the overdue reminder (the due day is not overdue, the next day is;
 * once a day), the workbench's loans by scope, and refusals that write nothing.
 *
 * World: 王丽 (13800000001) and 陈涛 (13800000002) and 吴敏 (13800000004) live in 阳光花园 (A); 李波 (13800000003) in
 * 明月小区 (B) — both compounds of street S; A is under C1/G1, B under C2/G2.
 */
const { env, w, afterSetUp } = useWorld();
const clients = new Map<string, Client>();
const as = (who: string) => clients.get(who)!;
const ME = '/api/me/volunteers/lending';
const STAFF = '/api/volunteers/lending/loans';
const ids: Record<string, string> = {};

/** Moves the test clock to an instant (forward only), then signs in again those who act next: idle sessions end as days pass. */
async function setClock(at: Date, logins = ['13800000002', 'committee_staff']) {
  env.clock.advance(at.getTime() - env.clock.now().getTime());
  for (const login of logins) clients.set(login, await signInClient(env.app, login));
}
const chinaInstant = (day: string, hm: string) => new Date(`${day}T${hm}:00+08:00`);
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const auditCount = async (action?: string) =>
  Number(
    (
      await env.kernel.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .$if(!!action, (s) => s.where('action', '=', action!))
        .executeTakeFirstOrThrow()
    ).n,
  );

afterSetUp(async () => {
  const system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const wu = await w.person(w.places.A, '吴敏');
  await w.household(w.rooms.A103, wu, 'owner');
  await writeKernel(system, async (tx) => {
    await createAccount(tx, env.kernel.pii, { phone: '13800000002', displayName: '陈涛', password: PASSWORD, personId: w.persons.tom });
    await createAccount(tx, env.kernel.pii, { phone: '13800000003', displayName: '李波', password: PASSWORD, personId: w.persons.bob });
    await createAccount(tx, env.kernel.pii, { phone: '13800000004', displayName: '吴敏', password: PASSWORD, personId: wu });
  });
  for (const login of ['13800000001', '13800000002', '13800000003', '13800000004', ...STAFF_ROLES]) clients.set(login, await signInClient(env.app, login));
  const alice = await ctxFor(env.kernel, as('13800000001').accountId);
  const tom = await ctxFor(env.kernel, as('13800000002').accountId);
  const bob = await ctxFor(env.kernel, as('13800000003').accountId);
  const post = (ctx: typeof alice, compoundId: string, kind: 'tool' | 'book', title: string, loanDays: number, author?: string) =>
    createListing(ctx, { compoundId, kind, title, body: '', loanDays, ...(author ? { author } : {}) }).then((r) => r.id);
  ids.book = await post(alice, w.places.A, 'book', '三体', 14, '刘慈欣');
  ids.drill = await post(alice, w.places.A, 'tool', '电钻', 7);
  ids.ladder = await post(tom, w.places.A, 'tool', '人字梯', 3);
  ids.hidden = await post(tom, w.places.A, 'book', '不宜流传的书', 14, '某人');
  ids.pump = await post(alice, w.places.A, 'tool', '打气筒', 5);
  ids.race = await post(alice, w.places.A, 'book', '平凡的世界', 21, '路遥');
  ids.bBook = await post(bob, w.places.B, 'book', '红楼梦', 30, '曹雪芹');
  ids.carpool = await createListing(tom, { compoundId: w.places.A, kind: 'secondhand', title: '旧沙发', body: '' }).then((r) => r.id);
  await read(env.kernel).updateTable('vol_listings').set({ hidden_at: new Date(), hidden_by: w.accounts.committee_staff, hidden_reason: '含不实信息' }).where('id', '=', ids.hidden).execute();
});

describe('the catalogue', () => {
  test("a resident sees their compound's tools and books (not hidden, not other kinds), owners masked, searchable and filtered", async () => {
    const r = await as('13800000002').request('GET', ME);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const titles = r.body.items.map((i: { title: string }) => i.title).sort();
    assert.deepEqual(titles, ['三体', '人字梯', '平凡的世界', '打气筒', '电钻'].sort(), 'not the hidden book, not the sofa, not B’s book');
    const book = r.body.items.find((i: { title: string }) => i.title === '三体');
    assert.equal(book.ownerName, '王*');
    assert.equal(book.author, '刘慈欣');
    assert.equal(book.loanDays, 14);
    assert.equal(book.available, true);
    assert.equal(book.mine, false);
    const mineSeen = r.body.items.find((i: { title: string }) => i.title === '人字梯');
    assert.equal(mineSeen.ownerName, '陈涛', 'my own name in full');
    assert.equal(mineSeen.mine, true);
    const byAuthor = await as('13800000002').request('GET', `${ME}?q=${encodeURIComponent('刘慈')}`);
    assert.deepEqual(byAuthor.body.items.map((i: { title: string }) => i.title), ['三体']);
    const tools = await as('13800000002').request('GET', `${ME}?kind=tool&pageSize=2`);
    assert.equal(tools.body.total, 3);
    assert.equal(tools.body.items.length, 2);
    assert.ok(tools.body.items.every((i: { kind: string }) => i.kind === 'tool'));
  });

  test('another compound: not a resident there (403); my own compound has only its own items; the hidden item’s page is not found', async () => {
    const bob = as('13800000003');
    assert.equal((await bob.request('GET', `${ME}?compoundId=${w.places.A}`)).body.error.code, 'NOT_A_RESIDENT');
    assert.deepEqual((await bob.request('GET', ME)).body.items.map((i: { title: string }) => i.title), ['红楼梦']);
    assert.equal((await bob.request('GET', `${ME}/${ids.book}`)).body.error.code, 'NOT_A_RESIDENT');
    assert.equal((await as('13800000001').request('GET', `${ME}/${ids.hidden}`)).status, 404);
    assert.equal((await as('13800000001').request('GET', `${ME}/${ids.carpool}`)).status, 404, 'a sofa is no tool or book');
    const staff = await as('committee_staff').request('GET', ME);
    assert.equal(staff.status, 200);
    assert.equal(staff.body.total, 0, 'staff without a home see an empty catalogue');
  });
});

describe('borrowing', () => {
  test('ask, lend (due = day lent + loan days), return confirmed by the owner; both see the timeline; the item is open again', async () => {
    const tom = as('13800000002');
    const alice = as('13800000001');
    const asked = await tom.request('POST', `${ME}/${ids.book}/requests`, { note: '想读第二部' });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const loanId = asked.body.id;
    assert.equal((await tom.request('GET', `${ME}/${ids.book}`)).body.myLoans[0].status, 'requested');
    const mine = (await alice.request('GET', `${ME}/mine`)).body;
    const request = mine.lent.find((l: { id: string }) => l.id === loanId);
    assert.equal(request.status, 'requested');
    assert.equal(request.borrowerName, '陈*');
    assert.equal(request.contactPhone, null, 'no phone before the owner agrees');
    const today = chinaDay(env.clock.now());
    const lent = await alice.request('POST', `${ME}/loans/${loanId}/lend`);
    assert.equal(lent.status, 200, JSON.stringify(lent.body));
    assert.equal(lent.body.lentOn, today);
    assert.equal(lent.body.dueOn, plusDays(today, 14));
    const item = (await tom.request('GET', `${ME}/${ids.book}`)).body;
    assert.equal(item.available, false);
    assert.equal(item.dueOn, plusDays(today, 14));
    assert.equal(item.myLoans[0].status, 'lent');
    assert.match(item.myLoans[0].contactPhone, /^139\d{8}$/, "while lent, the borrower sees the owner's phone");
    const borrowed = (await tom.request('GET', `${ME}/mine`)).body.borrowed.find((l: { id: string }) => l.id === loanId);
    assert.equal(borrowed.ownerName, '王*');
    const catalogue = (await as('13800000004').request('GET', `${ME}?availability=lent`)).body.items;
    assert.deepEqual(
      catalogue.map((i: { title: string; dueOn: string }) => [i.title, i.dueOn]),
      [['三体', plusDays(today, 14)]],
    );
    assert.equal((await tom.request('POST', `${ME}/loans/${loanId}/return`)).status, 404, 'the borrower cannot return it on his word');
    const back = await alice.request('POST', `${ME}/loans/${loanId}/return`);
    assert.equal(back.status, 200, JSON.stringify(back.body));
    assert.equal(back.body.daysLate, 0);
    assert.equal((await alice.request('POST', `${ME}/loans/${loanId}/return`)).body.error.code, 'LOAN_NOT_LENT');
    const after = (await tom.request('GET', `${ME}/${ids.book}`)).body;
    assert.equal(after.available, true);
    assert.deepEqual(
      after.myLoans[0].timeline.map((s: { step: string }) => s.step),
      ['requested', 'lent', 'returned'],
    );
    const ownerView = (await alice.request('GET', `${ME}/${ids.book}`)).body;
    assert.deepEqual(ownerView.requests[0].timeline.map((s: { step: string }) => s.step), ['requested', 'lent', 'returned']);
    for (const action of ['requested', 'lent', 'returned']) assert.ok((await auditCount(`volunteers.lending.${action}`)) >= 1, action);
    const told = await env.kernel.db
      .selectFrom('notify_messages as m')
      .innerJoin('notify_batches as b', 'b.id', 'm.batch_id')
      .select('b.template')
      .where('b.subject_id', '=', loanId)
      .execute();
    assert.deepEqual(told.map((t) => t.template).sort(), ['volunteers.lending.lent', 'volunteers.lending.requested']);
  });

  test('refusals write nothing: my own item, a hidden item, a second open request, an item lent out, not a resident, not the owner', async () => {
    const tom = as('13800000002');
    const wu = as('13800000004');
    const before = await auditCount();
    assert.equal((await as('13800000001').request('POST', `${ME}/${ids.drill}/requests`, {})).body.error.code, 'LENDING_OWN_ITEM');
    assert.equal((await as('13800000001').request('POST', `${ME}/${ids.hidden}/requests`, {})).body.error.code, 'LENDING_ITEM_NOT_FOUND');
    assert.equal((await as('13800000003').request('POST', `${ME}/${ids.drill}/requests`, {})).body.error.code, 'NOT_A_RESIDENT');
    assert.equal((await as('committee_staff').request('POST', `${ME}/${ids.drill}/requests`, {})).body.error.code, 'NOT_A_RESIDENT');
    assert.equal(await auditCount(), before);
    const first = await tom.request('POST', `${ME}/${ids.drill}/requests`, {});
    assert.equal(first.status, 201);
    assert.equal((await tom.request('POST', `${ME}/${ids.drill}/requests`, {})).body.error.code, 'LENDING_REQUEST_EXISTS');
    const second = await wu.request('POST', `${ME}/${ids.drill}/requests`, {});
    assert.equal(second.status, 201, 'another neighbour may ask too');
    assert.equal((await tom.request('POST', `${ME}/loans/${first.body.id}/lend`)).status, 404, 'only the owner lends');
    assert.equal((await as('13800000001').request('POST', `${ME}/loans/${first.body.id}/lend`)).status, 200);
    const mark = await auditCount();
    assert.equal((await as('13800000001').request('POST', `${ME}/loans/${second.body.id}/lend`)).body.error.code, 'LENDING_ITEM_LENT', 'one borrower at a time');
    assert.equal((await tom.request('POST', `${ME}/${ids.drill}/requests`, {})).body.error.code, 'LENDING_REQUEST_EXISTS', 'he has it');
    const third = await as('13800000001').request('GET', `${ME}/${ids.drill}`);
    assert.equal(third.body.requests.length, 2);
    assert.equal(await auditCount(), mark);
    // The item is hidden while lent: the waiting request cannot be lent, the return still can be confirmed.
    await read(env.kernel).updateTable('vol_listings').set({ hidden_at: new Date(), hidden_by: w.accounts.committee_staff, hidden_reason: '测试' }).where('id', '=', ids.drill).execute();
    assert.equal((await as('13800000001').request('POST', `${ME}/loans/${first.body.id}/return`)).status, 200);
    assert.equal((await as('13800000001').request('POST', `${ME}/loans/${second.body.id}/lend`)).body.error.code, 'LENDING_ITEM_NOT_FOUND', 'a hidden item is not lent');
    assert.equal((await wu.request('POST', `${ME}/${ids.drill}/requests`, {})).body.error.code, 'LENDING_ITEM_NOT_FOUND', 'hidden: not to be asked for');
  });

  test('a request waiting while the item is lent: asking then is refused (LENDING_ITEM_LENT)', async () => {
    const alice = as('13800000001');
    const r = await as('13800000002').request('POST', `${ME}/${ids.pump}/requests`, {});
    await alice.request('POST', `${ME}/loans/${r.body.id}/lend`);
    assert.equal((await as('13800000004').request('POST', `${ME}/${ids.pump}/requests`, {})).body.error.code, 'LENDING_ITEM_LENT');
    await alice.request('POST', `${ME}/loans/${r.body.id}/return`);
    assert.equal((await as('13800000004').request('POST', `${ME}/${ids.pump}/requests`, {})).status, 201, 'back: ask away');
  });

  test('the borrower cancels a waiting request; the owner declines one; each only once and only their own', async () => {
    const tom = as('13800000002');
    const wu = as('13800000004');
    const mine = await tom.request('POST', `${ME}/${ids.race}/requests`, {});
    assert.equal((await wu.request('POST', `${ME}/loans/${mine.body.id}/cancel`)).status, 404);
    assert.equal((await as('13800000001').request('POST', `${ME}/loans/${mine.body.id}/cancel`)).status, 404, 'the owner declines, not cancels');
    const cancelled = await tom.request('POST', `${ME}/loans/${mine.body.id}/cancel`);
    assert.equal(cancelled.body.status, 'cancelled');
    assert.equal((await tom.request('POST', `${ME}/loans/${mine.body.id}/cancel`)).body.error.code, 'LOAN_NOT_PENDING');
    assert.equal((await as('13800000001').request('POST', `${ME}/loans/${mine.body.id}/lend`)).body.error.code, 'LOAN_NOT_PENDING');
    const again = await tom.request('POST', `${ME}/${ids.race}/requests`, {});
    assert.equal(again.status, 201, 'after cancelling he may ask again');
    const declined = await as('13800000001').request('POST', `${ME}/loans/${again.body.id}/decline`, { reason: '自己在读' });
    assert.equal(declined.body.status, 'declined');
    assert.equal((await as('13800000001').request('POST', `${ME}/loans/${again.body.id}/decline`, {})).body.error.code, 'LOAN_NOT_PENDING');
    const view = (await tom.request('GET', `${ME}/${ids.race}`)).body.myLoans;
    assert.deepEqual(view.map((l: { status: string }) => l.status).sort(), ['cancelled', 'declined']);
    assert.equal(view.find((l: { status: string }) => l.status === 'declined').declineReason, '自己在读');
  });

  test('two lends of one item racing: exactly one wins, the other is refused', async () => {
    const alice = as('13800000001');
    const a = await as('13800000002').request('POST', `${ME}/${ids.race}/requests`, {});
    const b = await as('13800000004').request('POST', `${ME}/${ids.race}/requests`, {});
    const results = await Promise.all([alice.request('POST', `${ME}/loans/${a.body.id}/lend`), alice.request('POST', `${ME}/loans/${b.body.id}/lend`)]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    assert.equal(results.find((r) => r.status === 409)!.body.error.code, 'LENDING_ITEM_LENT');
    const out = await read(env.kernel).selectFrom('vol_loans').select('id').where('listing_id', '=', ids.race).where('status', '=', 'lent').execute();
    assert.equal(out.length, 1);
    const winner = results.find((r) => r.status === 200)!.body.id;
    await alice.request('POST', `${ME}/loans/${winner}/return`);
  });
});

describe('the workbench', () => {
  const SEES_ALL: StaffRole[] = ['platform_admin', 'street_official'];
  const SEES_A: StaffRole[] = ['community_secretary', 'committee_staff', 'grid_worker'];
  test('boardsRead by place: the street sees A and B, C1 and its grid only A; every other role and residents are refused', async () => {
    const bookB = await as('13800000003').request('GET', `${ME}/mine`);
    assert.equal(bookB.status, 200);
    // A loan at B: a second resident of B asks for 李波's 红楼梦.
    const zhou = await w.person(w.places.B, '周平');
    await w.household(w.rooms.B103, zhou, 'tenant');
    await writeKernel({ kernel: env.kernel, actor: SYSTEM_ACTOR }, (tx) => createAccount(tx, env.kernel.pii, { phone: '13800000005', displayName: '周平', password: PASSWORD, personId: zhou }));
    const zhouClient = await signInClient(env.app, '13800000005');
    const bLoan = await zhouClient.request('POST', `${ME}/${ids.bBook}/requests`, {});
    assert.equal(bLoan.status, 201);
    const aTotal = Number((await read(env.kernel).selectFrom('vol_loans').select((eb) => eb.fn.countAll().as('n')).where('place_id', '=', w.places.A).executeTakeFirstOrThrow()).n);
    for (const role of STAFF_ROLES) {
      const r = await as(role).request('GET', `${STAFF}?pageSize=200`);
      if (SEES_ALL.includes(role)) {
        assert.equal(r.status, 200, role);
        assert.equal(r.body.total, aTotal + 1, role);
        assert.ok(r.body.items.some((l: { id: string }) => l.id === bLoan.body.id), role);
      } else if (SEES_A.includes(role)) {
        assert.equal(r.status, 200, role);
        assert.equal(r.body.total, aTotal, role);
        assert.ok(!r.body.items.some((l: { id: string }) => l.id === bLoan.body.id), `${role} does not see B`);
        assert.equal((await as(role).request('GET', `${STAFF}?placeId=${w.places.B}`)).status, 404, `${role}: B is out of scope`);
      } else assert.equal(r.status, 403, role);
    }
    for (const phone of ['13800000001', '13800000003']) assert.equal((await as(phone).request('GET', STAFF)).status, 403, phone);
    const row = (await as('street_official').request('GET', `${STAFF}?q=${encodeURIComponent('红楼')}`)).body.items;
    assert.deepEqual(row.map((l: { title: string; borrowerName: string; ownerName: string; compoundName: string; status: string }) => [l.title, l.borrowerName, l.ownerName, l.compoundName, l.status]), [['红楼梦', '周*', '李波', '明月小区', 'requested']]);
    const onlyB = await as('street_official').request('GET', `${STAFF}?placeId=${w.places.B}`);
    assert.equal(onlyB.body.total, 1);
    const books = await as('street_official').request('GET', `${STAFF}?kind=book&status=returned&sort=title&order=asc`);
    assert.ok(books.body.items.length >= 1);
    assert.ok(books.body.items.every((l: { kind: string; status: string }) => l.kind === 'book' && l.status === 'returned'));
    const xlsx = await as('committee_staff').request('GET', `${STAFF}/export.xlsx`);
    assert.equal(xlsx.status, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    assert.ok(xlsx.raw.length > 1000);
    assert.equal((await as('property_manager').request('GET', `${STAFF}/export.xlsx`)).status, 403);
  });
});

describe('overdue', () => {
  test('the due day itself is not overdue, the day after is; the borrower is reminded once a day; the owner sees 逾期', async () => {
    const alice = as('13800000001');
    const r = await as('13800000004').request('POST', `${ME}/${ids.ladder}/requests`, {});
    const lent = await as('13800000002').request('POST', `${ME}/loans/${r.body.id}/lend`);
    const { lentOn, dueOn } = lent.body;
    assert.equal(dueOn, plusDays(lentOn, 3), 'a ladder lends for 3 days');
    const reminders = async () =>
      (
        await env.kernel.db
          .selectFrom('notify_messages as m')
          .innerJoin('notify_batches as b', 'b.id', 'm.batch_id')
          .select('b.data')
          .where('b.template', '=', 'volunteers.lending.overdue')
          .where('b.subject_id', '=', r.body.id)
          .orderBy('b.created_at')
          .execute()
      ).map((m) => m.data as { days: number; due: string });
    await setClock(chinaInstant(dueOn, '23:59'));
    assert.equal((await remindOverdueLoans(env.kernel)).reminded, 0, 'the due day is not overdue');
    const owner = async () => (await as('13800000002').request('GET', `${ME}/mine`)).body.lent.find((l: { id: string }) => l.id === r.body.id);
    assert.equal((await owner()).overdue, false);
    await setClock(chinaInstant(plusDays(dueOn, 1), '00:00'));
    assert.equal((await remindOverdueLoans(env.kernel)).reminded, 1);
    assert.equal((await remindOverdueLoans(env.kernel)).reminded, 0, 'once a day');
    await setClock(chinaInstant(plusDays(dueOn, 1), '23:00'));
    assert.equal((await remindOverdueLoans(env.kernel)).reminded, 0, 'still the same day');
    const o = await owner();
    assert.equal(o.overdue, true);
    assert.equal(o.overdueDays, 1);
    await setClock(chinaInstant(plusDays(dueOn, 2), '08:00'));
    assert.equal((await remindOverdueLoans(env.kernel)).reminded, 1, 'the next day again');
    assert.deepEqual(
      (await reminders()).map((d) => [d.due, d.days]),
      [
        [dueOn, 1],
        [dueOn, 2],
      ],
    );
    const staff = await as('committee_staff').request('GET', `${STAFF}?status=overdue`);
    assert.deepEqual(staff.body.items.map((l: { id: string }) => l.id), [r.body.id]);
    assert.equal(staff.body.items[0].overdueDays, 2);
    const all = await as('committee_staff').request('GET', STAFF);
    assert.equal(all.body.items[0].id, r.body.id, 'the overdue first');
    const back = await as('13800000002').request('POST', `${ME}/loans/${r.body.id}/return`);
    assert.equal(back.body.daysLate, 2);
    assert.equal((await remindOverdueLoans(env.kernel)).reminded, 0, 'returned: no more reminders');
    void alice;
  });

  test('days are China days: lent at 00:30 in Shanghai (16:30 UTC the day before) counts from the Shanghai day', async () => {
    const next = plusDays(chinaDay(env.clock.now()), 1);
    await setClock(chinaInstant(next, '00:30'), ['13800000002', '13800000004']);
    assert.equal(env.clock.now().toISOString().slice(0, 10), plusDays(next, -1), 'still the day before in UTC');
    const r = await as('13800000004').request('POST', `${ME}/${ids.ladder}/requests`, {});
    const lent = await as('13800000002').request('POST', `${ME}/loans/${r.body.id}/lend`);
    assert.equal(lent.body.lentOn, next);
    assert.equal(lent.body.dueOn, plusDays(next, 3));
  });
});

describe('the part declares its job and templates', () => {
  test('the daily overdue job runs hourly and reminds once a day; the templates are registered', async () => {
    const { volunteersModule } = await import('./index.ts');
    const job = volunteersModule.jobs?.find((j) => j.name === 'volunteers.lending.remind-overdue');
    assert.ok(job);
    assert.ok(job.everyMs <= 24 * 3_600_000);
    const keys = volunteersModule.notifications?.templates?.map((t) => t.key) ?? [];
    for (const k of ['requested', 'lent', 'declined', 'overdue']) assert.ok(keys.includes(`volunteers.lending.${k}`), k);
  });
});
