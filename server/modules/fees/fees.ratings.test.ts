import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { STAFF_ROLES, type StaffRole, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { countRows, type Session, signIn, useTestEnv } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { read, write } from './fees.db.ts';
import { buildBillsWorld, ctxFor } from './fees.bills.test-support.ts';
import { PASSWORD } from '../../test/fixture.ts';
import { openBill } from './fees.test-support.ts';
import { ownerRatingsFor } from './index.ts';
import { bookPayment } from './use-cases/book-payment.ts';
import { RatingsSort } from './use-cases/list-ratings.ts';
import { average2, hundredths, isRatingOpen, openMonths, ratingWindow } from './use-cases/rating-rules.ts';
import { submitRating } from './use-cases/submit-rating.ts';

/**
 * The owner's right to rate (issue 19 §1): a month's rating only once every owners' bill of the month is paid; once
 * per owner, compound and month (co-owners each rate; tenants never); the window from the month's 1st to the last
 * day of the next month, on Shanghai days; the staff's list and summary with names masked for the company; and the
 * public face's sums against a hand count.
 *
 * World: fees.bills.test-support.ts — 9栋901 owned by 周一 with co-owner 周二, tenant 吴三 and family 郑四; 周一 owns the
 * parking space P1 too. The HTTP clock stands at 2027-02-10 10:00 (Shanghai): January and February are open.
 */
const { env, w, afterSetUp } = useTestEnv((e) => buildBillsWorld(e.kernel));
const s = new Map<string, Session>();
let system: Ctx;
const TODAY = '2027-02-10';
const SCORES = { cleaning: 5, security: 4, repairs: 3, greenery: 2, attitude: 1 };

afterSetUp(async () => {
  system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  env.clock.advance(Date.parse(`${TODAY}T10:00:00+08:00`) - env.clock.now().getTime());
  for (const role of STAFF_ROLES) s.set(role, await signIn(env.app, role, PASSWORD));
  for (const [name, login] of [['owner', '13900000901'], ['coOwner', '13900000902'], ['tenant', '13900000903'], ['family', '13900000904']] as const) s.set(name, await signIn(env.app, login, PASSWORD));
});

/** An owners' bill of a month for a room of compound A. */
const bill = (roomId: string, period: string, amountFen: number) =>
  openBill(env.kernel, { roomId, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen, periodLabel: period, periodStart: `${period}-01`, periodEnd: nextMonthStart(period) });
const nextMonthStart = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
let voucher = 0;
const pay = (billId: string, amountFen: number) =>
  write(system, (tx) => bookPayment(tx, system, { streetId: w.places.S, channel: 'cash', voucherNo: `RT-${++voucher}`, amountFen, billIds: [billId], payerAccountId: null, payerNameMasked: '周*', bookedBy: null }));
/** 周一's two rooms (901 and P1) billed for a month and paid. */
async function paidMonth(period: string) {
  for (const [room, fen] of [[w.r.R901, 22049], [w.r.P1, 15000]] as const) await pay(await bill(room, period, fen), fen);
}
/** The owner's use-case context with the kernel's clock at an instant. */
async function ownerAt(iso: string, account = w.accounts.owner): Promise<Ctx> {
  const ctx = await ctxFor(env.kernel, account);
  return { ...ctx, kernel: { ...ctx.kernel, clock: { now: () => new Date(iso) } } };
}
const refusalOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'allowed';
};

describe('the rules, by hand', () => {
  test('the window runs from the 1st of the month to the last day of the next (leap years too)', () => {
    assert.deepEqual(ratingWindow('2027-01'), { opensOn: '2027-01-01', closesOn: '2027-02-28' });
    assert.deepEqual(ratingWindow('2028-01'), { opensOn: '2028-01-01', closesOn: '2028-02-29' });
    assert.deepEqual(ratingWindow('2026-12'), { opensOn: '2026-12-01', closesOn: '2027-01-31' });
    assert.equal(isRatingOpen('2027-01', '2027-02-28'), true);
    assert.equal(isRatingOpen('2027-01', '2027-03-01'), false);
    assert.equal(isRatingOpen('2027-03', '2027-02-28'), false, 'a month not begun');
    assert.deepEqual(openMonths('2027-03-01'), ['2027-03', '2027-02']);
    assert.deepEqual(openMonths('2027-01-31'), ['2027-01', '2026-12']);
  });

  test('averages are exact fractions shown with two decimals, rounded half up', () => {
    assert.equal(average2(9, 2), '4.50');
    assert.equal(average2(25, 6), '4.17'); // 4.1666…
    assert.equal(hundredths(33, 8), 413); // 4.125: the half rounds up
    assert.equal(average2(13, 3), '4.33');
    assert.equal(average2(5, 5), '1.00');
    assert.equal(average2(0, 0), '—');
  });
});

describe('the right to rate', () => {
  test('refused while a bill of the month is unpaid; allowed once every one is paid', async () => {
    const room = await bill(w.r.R901, '2027-01', 22049);
    const parking = await bill(w.r.P1, '2027-01', 15000);
    const owner = s.get('owner')!;
    const before = await countRows(env.kernel, ['fee_ratings', 'audit_log']);
    const body = { compoundId: w.places.A, period: '2027-01', ...SCORES, comment: '电梯维修太慢' };
    const refused = await owner.request('POST', '/api/me/fees/ratings', body);
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'RATING_UNPAID');
    assert.match(refused.body.error.message, /2 笔.*370\.49 元/);
    assert.deepEqual(await countRows(env.kernel, ['fee_ratings', 'audit_log']), before, 'a refusal writes nothing');

    const mine = await owner.request('GET', '/api/me/fees/ratings');
    assert.equal(mine.status, 200);
    assert.equal(mine.body.today, TODAY);
    const a = mine.body.compounds.find((c: { compoundId: string }) => c.compoundId === w.places.A);
    assert.equal(a.company.name, '安和物业');
    const jan = a.months.find((m: { period: string }) => m.period === '2027-01');
    assert.equal(jan.state, 'unpaid');
    assert.equal(jan.unpaidFen, 37049);
    assert.deepEqual(jan.unpaid.map((b: { billId: string }) => b.billId).sort(), [room, parking].sort());
    assert.equal(jan.closesOn, '2027-02-28');
    assert.equal(a.months.find((m: { period: string }) => m.period === '2027-02').state, 'noBills');

    await pay(room, 22049);
    const stillOne = await owner.request('POST', '/api/me/fees/ratings', body);
    assert.equal(stillOne.body.error.code, 'RATING_UNPAID', 'the parking space of the same owner is still open');
    await pay(parking, 15000);
    const ok = await owner.request('POST', '/api/me/fees/ratings', body);
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const after = await owner.request('GET', '/api/me/fees/ratings');
    const rated = after.body.compounds.find((c: { compoundId: string }) => c.compoundId === w.places.A).months.find((m: { period: string }) => m.period === '2027-01');
    assert.equal(rated.state, 'rated');
    assert.deepEqual({ ...rated.rating, id: undefined, period: undefined, ratedAt: undefined }, { ...SCORES, comment: '电梯维修太慢', id: undefined, period: undefined, ratedAt: undefined });
    const row = await read(env.kernel).selectFrom('fee_ratings').selectAll().where('id', '=', ok.body.id).executeTakeFirstOrThrow();
    assert.equal(row.company_id, w.organisations.pc1, 'the company serving the compound when rated');
    assert.equal(row.person_id, w.personsB.owner);
    const entry = await read(env.kernel).selectFrom('audit_log').select(['action']).where('subject_id', '=', ok.body.id).executeTakeFirstOrThrow();
    assert.equal(entry.action, 'fees.rating.submitted');
  });

  test('a written-off bill does not count; no bill at all is no rating', async () => {
    const ctx = await ownerAt('2027-02-10T10:00:00+08:00');
    assert.equal(await refusalOf(submitRating(ctx, { compoundId: w.places.A, period: '2027-02', ...SCORES })), 'RATING_NO_BILLS');
    const a = await bill(w.r.R901, '2026-12', 22049);
    await pay(a, 22049);
    const gone = await bill(w.r.P1, '2026-12', 15000);
    await read(env.kernel).updateTable('fee_bills').set({ status: 'written_off' }).where('id', '=', gone).execute();
    assert.equal(await refusalOf(submitRating(await ownerAt('2027-01-15T10:00:00+08:00'), { compoundId: w.places.A, period: '2026-12', ...SCORES })), 'allowed');
  });

  test('once per owner and month, never changed; the co-owner of the same room rates separately; tenants and family never', async () => {
    const owner = s.get('owner')!;
    const before = await countRows(env.kernel, ['fee_ratings', 'audit_log']);
    const again = await owner.request('POST', '/api/me/fees/ratings', { compoundId: w.places.A, period: '2027-01', ...SCORES, cleaning: 1 });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'RATING_EXISTS');
    assert.deepEqual(await countRows(env.kernel, ['fee_ratings', 'audit_log']), before);
    // A co-owner holds the right as an owner: their own rating of the same month, their own scores.
    const co = await s.get('coOwner')!.request('POST', '/api/me/fees/ratings', { compoundId: w.places.A, period: '2027-01', cleaning: 4, security: 4, repairs: 4, greenery: 4, attitude: 5 });
    assert.equal(co.status, 201, JSON.stringify(co.body));
    // 吴三 is even authorised to pay the room's bills: paying is not owning.
    await write(system, (tx) => tx.insertInto('fee_tenant_payers').values({ street_id: w.places.S, id: newId(), room_id: w.r.R901, person_id: w.personsB.tenant, granted_by: null }).execute());
    for (const who of ['tenant', 'family']) {
      const r = await s.get(who)!.request('POST', '/api/me/fees/ratings', { compoundId: w.places.A, period: '2027-01', ...SCORES });
      assert.equal(r.status, 404, who);
      assert.equal(r.body.error.code, 'RATING_NOT_OWNER');
      assert.deepEqual((await s.get(who)!.request('GET', '/api/me/fees/ratings')).body.compounds, [], `${who} has nothing to rate`);
    }
    const stranger = await s.get('owner')!.request('POST', '/api/me/fees/ratings', { compoundId: w.places.B, period: '2027-01', ...SCORES });
    assert.equal(stranger.body.error.code, 'RATING_NOT_OWNER', 'not an owner in that compound');
    const bad = await owner.request('POST', '/api/me/fees/ratings', { compoundId: w.places.A, period: '2027-01', ...SCORES, cleaning: 6 });
    assert.equal(bad.status, 400);
    const long = await owner.request('POST', '/api/me/fees/ratings', { compoundId: w.places.A, period: '2027-02', ...SCORES, comment: '好'.repeat(501) });
    assert.equal(long.status, 400);
  });

  test('the window on Shanghai days: the last day of M+1 allowed, the day after refused, a month not begun refused', async () => {
    for (const m of ['2026-10', '2026-11', '2027-04']) await paidMonth(m);
    const rate = async (period: string, at: string) => refusalOf(submitRating(await ownerAt(at), { compoundId: w.places.A, period, ...SCORES }));
    // October's window closed with 30 November: 1 December 00:00 in Shanghai is still 30 November in UTC.
    assert.equal(await rate('2026-10', '2026-12-01T00:00:00+08:00'), 'RATING_NOT_OPEN');
    assert.equal(await rate('2026-11', '2026-12-31T23:59:59+08:00'), 'allowed', 'the last day of the next month');
    assert.equal(await rate('2027-04', '2027-03-31T23:59:59+08:00'), 'RATING_NOT_OPEN', 'April has not begun');
    assert.equal(await rate('2027-04', '2027-04-01T00:00:00+08:00'), 'allowed', 'from its first day');
  });
});

describe('staff', () => {
  const READ: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'property_manager', 'property_staff'];
  test('access: the roles reading fees over the compound see ratings, the company without names or rooms; others 404', async () => {
    // A rating at Z, the other street's compound.
    await write(system, (tx) =>
      tx
        .insertInto('fee_ratings')
        .values({ street_id: w.places.S2, id: newId(), compound_id: w.places.Z, company_id: w.organisations.pcZ, period: '2027-01', person_id: w.persons.zed, account_id: null, rooms_label: '远方小区 / 1栋 / 1单元 / 101', ...SCORES, comment: '', rated_at: env.kernel.clock.now() })
        .execute(),
    );
    for (const role of STAFF_ROLES) {
      const session = s.get(role)!;
      const list = await session.request('GET', `/api/fees/ratings?placeId=${w.places.A}&from=2027-01&to=2027-01`);
      assert.equal(list.status, READ.includes(role) ? 200 : 404, `${role} lists A`);
      const summary = await session.request('GET', `/api/fees/ratings/summary?placeId=${w.places.A}&from=2027-01&to=2027-01`);
      assert.equal(summary.status, READ.includes(role) ? 200 : 404, `${role} summary at A`);
      const xlsx = await session.request('GET', `/api/fees/ratings/export.xlsx?placeId=${w.places.A}`);
      assert.equal(xlsx.status, READ.includes(role) ? 200 : 404, `${role} export at A`);
      for (const path of [`/api/fees/ratings?placeId=${w.places.Z}`, `/api/fees/ratings/summary?placeId=${w.places.Z}&from=2027-01&to=2027-01`]) {
        assert.equal((await session.request('GET', path)).status, 404, `${role} at Z, another street`);
      }
      const all = await session.request('GET', '/api/fees/ratings?pageSize=200');
      assert.equal(all.status, 200);
      assert.equal(all.body.items.length > 0, READ.includes(role), `${role}: whole scope`);
      assert.ok(all.body.items.every((r: { compoundId: string }) => r.compoundId !== w.places.Z), `${role} never sees Z`);
      if (!READ.includes(role)) continue;
      const owner = list.body.items.find((r: { comment: string }) => r.comment === '电梯维修太慢');
      const full = role === 'platform_admin' || role === 'street_official';
      assert.equal(owner.owner, full ? '周一' : '周*', `${role} reads the name ${full ? 'in full' : 'masked'}`);
      if (full) assert.deepEqual(owner.roomsLabel.split('、').sort(), ['阳光花园 / 9栋 / 1单元 / 901', '阳光花园 / 9栋 / 1单元 / P1'], `${role}: the rooms`);
      else assert.equal(owner.roomsLabel, null, `${role}: no room for the company or the committee`);
    }
    const resident = await signIn(env.app, '13800000001', PASSWORD);
    assert.deepEqual((await resident.request('GET', '/api/fees/ratings')).body.items, [], 'a resident reads no staff list');
    assert.equal((await resident.request('GET', `/api/fees/ratings/summary?placeId=${w.places.A}&from=2027-01&to=2027-01`)).status, 404);
    const zmanager = await signIn(env.app, 'zmanager', PASSWORD);
    assert.equal((await zmanager.request('GET', `/api/fees/ratings/summary?placeId=${w.places.Z}&from=2027-01&to=2027-01`)).body.count, 1, 'Z’s own manager reads Z');
  });

  test('the summary and the xlsx, by hand', async () => {
    // January at A: 周一 (5,4,3,2,1) and 周二 (4,4,4,4,5).
    const r = await s.get('street_official')!.request('GET', `/api/fees/ratings/summary?placeId=${w.places.A}&from=2027-01&to=2027-01`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.count, 2);
    assert.equal(r.body.raters, 2);
    // Owners of record under A: 王丽 (101), 周一 and 周二 (901), 钱五 (902), 孙六 (903); 904 is the developer's.
    assert.equal(r.body.owners, 5);
    assert.deepEqual(
      r.body.dimensions.map((d: { key: string; sum: number; count: number; average: string }) => [d.key, d.sum, d.count, d.average]),
      [
        ['cleaning', 9, 2, '4.50'],
        ['security', 8, 2, '4.00'],
        ['repairs', 7, 2, '3.50'],
        ['greenery', 6, 2, '3.00'],
        ['attitude', 6, 2, '3.00'],
      ],
    );
    assert.equal(r.body.compounds.length, 1);
    assert.equal(r.body.compounds[0].companyName, '安和物业');
    // Over November..April: 周一 rated November, December, January and April; 周二 January.
    const wide = await s.get('property_manager')!.request('GET', `/api/fees/ratings/summary?placeId=${w.places.A}&from=2026-11&to=2027-04`);
    assert.equal(wide.body.count, 5);
    assert.equal(wide.body.raters, 2);
    assert.equal(wide.body.dimensions[0].average, '4.80', 'cleaning: (5 × 4 + 4) / 5');
    // The xlsx as the company reads it: names masked, no room.
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'property_manager', password: PASSWORD } });
    const cookie = `gz_session=${login.cookies.find((x) => x.name === 'gz_session')!.value}`;
    const res = await env.app.inject({ method: 'GET', url: `/api/fees/ratings/export.xlsx?placeId=${w.places.A}&from=2027-01&to=2027-01&sort=total&order=asc`, headers: { cookie } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const rows = book.worksheets[0]!.getSheetValues().filter((x) => Array.isArray(x)).slice(1) as unknown[][];
    assert.deepEqual(
      rows.map((x) => [x[1], x[4], x[5] ?? '', x[11]]),
      [
        ['2027-01', '周*', '', 15],
        ['2027-01', '周*', '', 21],
      ],
    );
  });

  test('the public face: sums and counts per compound and company equal a hand count', async () => {
    const rows = await ownerRatingsFor(env.kernel.db, { from: '2026-11', to: '2027-04' });
    const a = rows.find((r) => r.compoundId === w.places.A)!;
    // 周一 × 4 months (5,4,3,2,1 each) + 周二 once (4,4,4,4,5).
    assert.deepEqual(a, { compoundId: w.places.A, companyId: w.organisations.pc1, count: 5, raters: 2, sums: { cleaning: 24, security: 20, repairs: 16, greenery: 12, attitude: 9 } });
    const z = rows.find((r) => r.compoundId === w.places.Z)!;
    assert.deepEqual(z.sums, SCORES);
    assert.deepEqual(
      (await ownerRatingsFor(env.kernel.db, { companyId: w.organisations.pcZ, from: '2026-01', to: '2027-12' })).map((r) => r.compoundId),
      [w.places.Z],
      'one company',
    );
    assert.deepEqual(
      (await ownerRatingsFor(env.kernel.db, { streetId: w.places.S2, from: '2026-01', to: '2027-12' })).map((r) => r.compoundId),
      [w.places.Z],
      'one street',
    );
    const placeRows = await ownerRatingsFor(env.kernel.db, { placePath: (await read(env.kernel).selectFrom('street_places').select('path').where('id', '=', w.places.S).executeTakeFirstOrThrow()).path, from: '2027-01', to: '2027-01' });
    assert.deepEqual(placeRows.map((r) => [r.compoundId, r.count]), [[w.places.A, 2]], 'under a place, one month');
  });

  test('the list sorts by each declared key and searches the comments', async () => {
    const at = (m: number) => new Date(Date.parse('2027-02-01T10:00:00+08:00') + m * 60_000);
    const ids: string[] = [];
    for (const [period, score, minute, comment] of [['2025-03', 2, 1, '绿化不错'], ['2025-01', 4, 3, '维修及时'], ['2025-02', 3, 2, '']] as const) {
      const id = newId();
      ids.push(id);
      await write(system, (tx) =>
        tx
          .insertInto('fee_ratings')
          .values({ street_id: w.places.S, id, compound_id: w.places.A, company_id: w.organisations.pc1, period, person_id: w.personsB.buyer, account_id: null, rooms_label: '902', cleaning: score, security: score, repairs: score, greenery: score, attitude: score, comment, rated_at: at(minute) })
          .execute(),
      );
    }
    const [r1, r2, r3] = ids as [string, string, string];
    await expectSorts(env.kernel, s.get('street_official')!, `/api/fees/ratings?placeId=${w.places.A}&from=2025-01&to=2025-12`, RatingsSort, {
      ratedAt: [r1, r3, r2],
      period: [r2, r3, r1],
      total: [r1, r3, r2],
    });
    const found = await s.get('property_staff')!.request('GET', `/api/fees/ratings?q=${encodeURIComponent('维修')}&pageSize=200`);
    const foundIds = found.body.items.map((r: { id: string }) => r.id);
    assert.ok(foundIds.includes(r2) && !foundIds.includes(r1) && !foundIds.includes(r3));
    assert.ok(found.body.items.every((r: { comment: string }) => r.comment.includes('维修')));
  });
});
