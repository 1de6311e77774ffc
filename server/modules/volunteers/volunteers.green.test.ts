import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import { signInClient as signIn } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { expectRefused } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { read } from './volunteers.db.ts';
import { addYears, areaText, latestToDay, rateBasisPoints } from './volunteers.green.constants.ts';
import { adoptionRateParts } from './volunteers.green.figures.ts';
import { applyForPlot } from './use-cases/green-adoptions-apply.ts';
import { decideAdoption, endAdoption } from './use-cases/green-adoptions-decide.ts';
import { closePlot, createPlot } from './use-cases/green-plots-save.ts';
import { PlotsSort } from './use-cases/green-plots-list.ts';

/**
 * 认栽认养: plots (areas in hundredths of m²), applications with the period rule (at most two years), review with one
 * adopter per plot on any day, ending early, care records with photos and banned words, what neighbours see, and the
 * adoption rate by area against hand-computed boundaries. The test clock: 2026-11-22 09:00 Shanghai.
 */
const { env, w } = useWorld();
const T = '/api/volunteers/green';
const ME = '/api/me/volunteers/green';
const TABLES = ['vol_green_plots', 'vol_green_adoptions', 'vol_green_care', 'vol_photos', 'audit_log'];
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
const as = (login: string) => signIn(env.app, login, PASSWORD);
const plotBody = (over: object = {}) => ({ compoundId: w.places.A, name: '3栋东侧花坛', area: '120.50', location: '3栋楼前', description: '种有月季', ...over });
const residentCtx = (personId: string, name: string): Ctx => ({ kernel: env.kernel, actor: { ...SYSTEM_ACTOR, name, personId } });

async function tomAccount() {
  const { createAccount } = await import('../../kernel/auth/accounts.ts');
  const { hashPassword } = await import('../../kernel/auth/passwords.ts');
  const { write: kwrite } = await import('../../kernel/context.ts');
  await kwrite(w.ctx, async (tx) => {
    await createAccount(tx, env.kernel.pii, { phone: '13800000088', displayName: '陈涛', password: PASSWORD, passwordHash: await hashPassword(PASSWORD), personId: w.persons.tom });
  });
  return as('13800000088');
}

describe('green adoption', () => {
  test('areas and periods: hundredths of m², two years less a day, rates in basis points', () => {
    assert.equal(areaText(12050), '120.50');
    assert.equal(areaText(8000), '80.00');
    assert.equal(areaText(5), '0.05');
    assert.equal(latestToDay('2026-11-22'), '2028-11-21');
    assert.equal(addYears('2028-02-29', 2), '2030-02-28', 'as PostgreSQL adds an interval');
    assert.equal(latestToDay('2028-02-29'), '2030-02-27');
    assert.equal(rateBasisPoints(12050 + 8000, 12050 + 8000 + 4950), 8020);
    assert.equal(rateBasisPoints(1, 3), 3333);
    assert.equal(rateBasisPoints(2, 3), 6667, 'half up');
    assert.equal(rateBasisPoints(0, 0), null);
  });

  test('plots: validation, create, edit, list with search, filter, sort and export', async () => {
    const shuji = await as('community_secretary');
    assert.equal((await shuji.request('POST', `${T}/plots`, plotBody({ compoundId: w.places.C1 }))).body.error.code, 'NOT_A_COMPOUND');
    for (const area of ['0', '0.00', '-1', '1.234', 'abc', 0, 1.005, '10000000.01']) {
      assert.equal((await shuji.request('POST', `${T}/plots`, plotBody({ area }))).status, 400, `area ${area}`);
    }
    assert.equal((await shuji.request('POST', `${T}/plots`, plotBody({ name: '' }))).status, 400);
    const made = await shuji.request('POST', `${T}/plots`, plotBody());
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal(made.body.areaCenti, 12050);
    assert.equal(made.body.areaText, '120.50');
    assert.equal(made.body.status, 'available');
    const other = (await shuji.request('POST', `${T}/plots`, plotBody({ name: '中心花园草坪', area: 80, location: '中心花园' }))).body;
    assert.equal(other.areaCenti, 8000);
    const third = (await shuji.request('POST', `${T}/plots`, plotBody({ name: '南门绿化带', area: 49.5, location: '南门' }))).body;
    assert.equal(third.areaCenti, 4950);
    const edited = await shuji.request('PUT', `${T}/plots/${made.body.id}`, { name: '3栋东侧花坛', area: '120.5', location: '3栋东侧', description: '月季和茶花' });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.areaCenti, 12050);
    assert.equal(edited.body.location, '3栋东侧');

    const list = (await shuji.request('GET', `${T}/plots?q=${encodeURIComponent('草坪')}`)).body;
    assert.deepEqual(list.items.map((p: { name: string }) => p.name), ['中心花园草坪'], 'search by name');
    assert.equal((await shuji.request('GET', `${T}/plots?q=${encodeURIComponent('南门')}`)).body.total, 1, 'and location');
    assert.equal((await shuji.request('GET', `${T}/plots?q=${encodeURIComponent('阳光')}`)).body.total, 3, 'and compound');
    assert.equal((await shuji.request('GET', `${T}/plots?placeId=${w.places.A}&status=available`)).body.total, 3);
    assert.equal((await shuji.request('GET', `${T}/plots?placeId=${w.places.B}`)).status, 404, 'compound B is outside community C1');
    const idOf = { '3栋东侧花坛': made.body.id, 中心花园草坪: other.id, 南门绿化带: third.id } as Record<string, string>;
    const ids = (names: string[]) => names.map((n) => idOf[n]!);
    const byName = ids(Object.keys(idOf).sort());
    await expectSorts(env.kernel, shuji, `${T}/plots?placeId=${w.places.A}`, PlotsSort, {
      compound: byName,
      name: byName,
      area: ids(['南门绿化带', '中心花园草坪', '3栋东侧花坛']),
      // All three are available: the status order is checked on the seeded data's mix (volunteers.green.seed.test.ts).
      status: [],
      // The test clock stands still: equal times, then the id (the order made).
      updatedAt: ids(['3栋东侧花坛', '中心花园草坪', '南门绿化带']),
    });
    const xlsx = await shuji.request('GET', `${T}/plots/export.xlsx`);
    assert.equal(xlsx.status, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    assert.ok(xlsx.raw.length > 1000);
  });

  test('adoption: the period rule, one application, approval, overlaps refused, rejection, withdrawal, ending early', async () => {
    const shuji = await as('community_secretary');
    const plot = (await shuji.request('POST', `${T}/plots`, plotBody({ name: '儿童乐园旁花圃', area: '35.00' }))).body.id;
    const alice = await as('13800000001');
    const apply = (body: object, who = alice, id = plot) => who.request('POST', `${ME}/plots/${id}/adoptions`, body);
    const table = ['vol_green_adoptions', 'audit_log'];
    await expectRefused(env.kernel, table, () => apply({ fromDay: '2026-12-01', toDay: '2028-12-01' }), 400, 'PERIOD_TOO_LONG');
    await expectRefused(env.kernel, table, () => apply({ fromDay: '2026-12-01', toDay: '2026-11-30' }), 400, 'PERIOD_INVALID');
    await expectRefused(env.kernel, table, () => apply({ fromDay: '2026-10-01', toDay: '2026-11-21' }), 400, 'PERIOD_INVALID');
    await expectRefused(env.kernel, table, () => apply({ fromDay: '2026-11-22', toDay: '2027-11-21', roomId: w.rooms.A102 }), 400, 'ROOM_NOT_YOURS');
    // It starts at most a year back (2025-11-22) and two years ahead (2028-11-22).
    await expectRefused(env.kernel, table, () => apply({ fromDay: '2025-11-21', toDay: '2026-12-31' }), 400, 'PERIOD_INVALID');
    await expectRefused(env.kernel, table, () => apply({ fromDay: '2028-11-23', toDay: '2028-12-31' }), 400, 'PERIOD_INVALID');
    await expectRefused(env.kernel, table, () => apply({ fromDay: '0000-01-01', toDay: '2026-12-31' }), 400, 'PERIOD_INVALID');

    const applied = await apply({ fromDay: '2026-11-22', toDay: '2028-11-21', roomId: w.rooms.A101 });
    assert.equal(applied.status, 201, `two years less a day is allowed: ${JSON.stringify(applied.body)}`);
    await expectRefused(env.kernel, table, () => apply({ fromDay: '2026-11-22', toDay: '2027-01-01' }), 409, 'ALREADY_APPLIED');
    const tom = await tomAccount();
    const tomApplied = (await apply({ fromDay: '2027-01-01', toDay: '2027-06-30' }, tom)).body.id;
    assert.ok(tomApplied, 'two applications may wait on one plot');

    assert.equal((await shuji.request('POST', `${T}/adoptions/${applied.body.id}/approve`)).body.status, 'active');
    assert.equal((await shuji.request('POST', `${T}/adoptions/${applied.body.id}/approve`)).body.error.code, 'ADOPTION_NOT_PENDING');
    const told = await env.kernel.db
      .selectFrom('notify_messages as m')
      .innerJoin('notify_batches as b', 'b.id', 'm.batch_id')
      .select(['b.template', 'b.data'])
      .where('m.account_id', '=', w.accounts.resident)
      .where('b.subject_id', '=', applied.body.id)
      .execute();
    assert.deepEqual(told.map((m) => m.template), ['volunteers.green.approved'], 'the applicant is told in the app');
    const taken = await expectRefused(env.kernel, table, () => shuji.request('POST', `${T}/adoptions/${tomApplied}/approve`), 409, 'PERIOD_TAKEN');
    assert.match(taken.message, /2026-11-22 至 2028-11-21/);
    await expectRefused(env.kernel, table, () => apply({ fromDay: '2028-11-21', toDay: '2028-12-31' }, tom), 409, 'PERIOD_TAKEN');
    assert.equal((await apply({ fromDay: '2028-11-22', toDay: '2029-11-21' }, tom)).status, 409, 'tom still waits on his first application: ALREADY_APPLIED');
    assert.equal((await shuji.request('POST', `${T}/adoptions/${tomApplied}/reject`, { reason: '' })).status, 400, 'a reason is required');
    const rejected = (await shuji.request('POST', `${T}/adoptions/${tomApplied}/reject`, { reason: '期限与现有认养重叠' })).body;
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejectReason, '期限与现有认养重叠');
    const after = await apply({ fromDay: '2028-11-22', toDay: '2029-11-21' }, tom);
    assert.equal(after.status, 201, 'the day after the adoption ends is free');
    assert.equal((await tom.request('POST', `${ME}/adoptions/${after.body.id}/withdraw`)).body.status, 'withdrawn');
    assert.equal((await alice.request('POST', `${ME}/adoptions/${after.body.id}/withdraw`)).status, 404, "not alice's");

    // The plot is adopted now: the resident's page says so, neighbours see the adopter's name masked.
    const tomsView = (await tom.request('GET', `${ME}/plots/${plot}`)).body;
    assert.equal(tomsView.plot.status, 'adopted');
    assert.equal(tomsView.plot.adopterName, '王*');
    assert.equal(tomsView.plot.adoptedByMe, false);
    const alicesView = (await alice.request('GET', `${ME}/plots/${plot}`)).body;
    assert.equal(alicesView.plot.adopterName, '王丽');
    assert.equal(alicesView.plot.adoptedByMe, true);
    assert.equal(alicesView.adoptions[0].current, true);
    assert.equal(alicesView.adoptions[0].roomLabel !== null, true, 'adopted for the household of A-101');

    // Closing is refused while adopted; ending early frees the plot from today; then it can close.
    await expectRefused(env.kernel, ['vol_green_plots', 'audit_log'], () => shuji.request('POST', `${T}/plots/${plot}/close`, { reason: '改建' }), 409, 'PLOT_HAS_ADOPTION');
    const ended = (await shuji.request('POST', `${T}/adoptions/${applied.body.id}/end`, { reason: '住户搬离' })).body;
    assert.equal(ended.status, 'ended');
    assert.equal(ended.endedOn, '2026-11-22');
    assert.equal((await shuji.request('GET', `${T}/plots/${plot}`)).body.plot.status, 'available');
    assert.equal((await shuji.request('POST', `${T}/adoptions/${applied.body.id}/end`, { reason: '再次' })).body.error.code, 'ADOPTION_NOT_ACTIVE');
    const waiting = (await apply({ fromDay: '2026-12-01', toDay: '2027-11-30' }, tom)).body.id;
    assert.equal((await shuji.request('POST', `${T}/plots/${plot}/close`, { reason: '小区改造，绿地改为消防通道' })).body.status, 'closed');
    const waitingNow = (await shuji.request('GET', `${T}/adoptions?plotId=${plot}&status=rejected`)).body.items.map((a: { id: string }) => a.id);
    assert.ok(waitingNow.includes(waiting), 'a waiting application is rejected with the closing');
    await expectRefused(env.kernel, table, () => apply({ fromDay: '2026-12-01', toDay: '2027-11-30' }, tom), 409, 'PLOT_CLOSED');
    assert.equal((await tom.request('GET', ME)).body.compounds[0].plots.some((p: { id: string }) => p.id === plot), false, 'a closed plot leaves the H5');
    const adoptions = (await shuji.request('GET', `${T}/adoptions?plotId=${plot}`)).body;
    assert.ok(adoptions.total >= 4);
    const xlsx = await shuji.request('GET', `${T}/adoptions/export.xlsx?plotId=${plot}`);
    assert.equal(xlsx.status, 200);
  });

  test('care records: the adopter posts with photos; banned words refused; neighbours see them, other compounds do not', async () => {
    const shuji = await as('community_secretary');
    const plot = (await shuji.request('POST', `${T}/plots`, plotBody({ name: '景观水池边花境', area: '60.25' }))).body.id;
    const alice = await as('13800000001');
    const id = (await alice.request('POST', `${ME}/plots/${plot}/adoptions`, { fromDay: '2026-11-22', toDay: '2027-11-21', roomId: w.rooms.A101 })).body.id;
    const tom = await as('13800000088');
    const care = `${ME}/adoptions/${id}/care`;
    await expectRefused(env.kernel, TABLES, () => alice.upload(care, { kind: 'watering', note: '浇水' }, { filename: 'a.png', type: 'image/png', content: PNG }), 409, 'ADOPTION_NOT_ACTIVE');
    await shuji.request('POST', `${T}/adoptions/${id}/approve`);
    await read(env.kernel).insertInto('vol_banned_words').values({ street_id: w.places.S, id: newId(), word: '微信转账' }).execute();
    await expectRefused(env.kernel, TABLES, () => alice.upload(care, { kind: 'watering', note: '有偿代浇水，微 信 转 账' }, { filename: 'a.png', type: 'image/png', content: PNG }), 400, 'BANNED_WORD');
    await expectRefused(env.kernel, TABLES, () => alice.upload(care, { kind: 'dancing', note: '' }, []), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, () => alice.upload(care, { kind: 'watering' }, { filename: 'a.png', type: 'image/png', content: Buffer.from('not an image') }), 415, 'PHOTO_TYPE_NOT_ALLOWED');
    await expectRefused(env.kernel, TABLES, () => tom.upload(care, { kind: 'watering', note: '帮忙浇水' }, []), 404, 'ADOPTION_NOT_FOUND');
    const posted = await alice.upload(care, { kind: 'planting', note: '补种了十株矮牵牛' }, [{ filename: 'a.png', type: 'image/png', content: PNG }]);
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    assert.equal(posted.body.photoIds.length, 1);
    assert.equal((await alice.request('POST', care, { kind: 'watering', note: '傍晚浇透' })).status, 201, 'JSON without photos');

    const seen = (await tom.request('GET', `${ME}/plots/${plot}`)).body.care;
    assert.deepEqual(seen.map((c: { kind: string }) => c.kind).sort(), ['planting', 'watering']);
    assert.ok(seen.every((c: { personName: string }) => c.personName === '王*'), 'masked for a neighbour');
    assert.equal((await tom.request('GET', `/api/volunteers/photos/${posted.body.photoIds[0]}`)).status, 200, 'a resident of the compound sees the photo');
    assert.equal((await alice.request('GET', `${ME}/plots/${plot}`)).body.care[0].personName, '王丽');
    const staffView = (await shuji.request('GET', `${T}/plots/${plot}`)).body;
    assert.equal(staffView.care.length, 2);
    assert.equal(staffView.care[0].personName, '王丽');
    assert.equal(staffView.adoptions[0].personName, '王丽');

    const { createAccount } = await import('../../kernel/auth/accounts.ts');
    const { hashPassword } = await import('../../kernel/auth/passwords.ts');
    const { write: kwrite } = await import('../../kernel/context.ts');
    await kwrite(w.ctx, async (tx) => {
      await createAccount(tx, env.kernel.pii, { phone: '13800000089', displayName: '李波', password: PASSWORD, passwordHash: await hashPassword(PASSWORD), personId: w.persons.bob });
    });
    const bob = await as('13800000089');
    assert.equal((await bob.request('GET', `${ME}/plots/${plot}`)).status, 404, 'compound B: not his');
    assert.equal((await bob.request('GET', `/api/volunteers/photos/${posted.body.photoIds[0]}`)).status, 404);
    assert.equal((await bob.request('POST', `${ME}/plots/${plot}/adoptions`, { fromDay: '2027-12-01', toDay: '2028-11-30' })).body.error.code, 'PLOT_NOT_FOUND');
    const cert = await alice.request('GET', `${ME}/adoptions/${id}/certificate.pdf`);
    assert.equal(cert.status, 200, String(cert.body).slice(0, 200));
    assert.equal(cert.raw.subarray(0, 4).toString(), '%PDF');
    assert.equal((await tom.request('GET', `${ME}/adoptions/${id}/certificate.pdf`)).status, 404);
  });

  test('the adoption rate by area: 120.50 + 80.00 + 49.50 m², two adopted → 80.20%; the day boundaries; a closed plot leaves it', async () => {
    // Compound B (community C2), written through the use cases as the system and its resident 李波.
    const system = w.ctx;
    const bob = residentCtx(w.persons.bob, '李波');
    const p1 = await createPlot(system, { compoundId: w.places.B, name: '1栋东侧花坛', area: 12050, location: '', description: '' });
    const p2 = await createPlot(system, { compoundId: w.places.B, name: '中心草坪', area: 8000, location: '', description: '' });
    const p3 = await createPlot(system, { compoundId: w.places.B, name: '南门绿篱', area: 4950, location: '', description: '' });
    const a1 = await applyForPlot(bob, p1.id, { fromDay: '2026-11-22', toDay: '2027-11-21', note: '' });
    const a2 = await applyForPlot(bob, p2.id, { fromDay: '2026-11-01', toDay: '2026-11-22', note: '' });
    await applyForPlot(bob, p3.id, { fromDay: '2026-11-22', toDay: '2027-11-21', note: '' });
    await decideAdoption(system, a1.id, { decision: 'approve' });
    await decideAdoption(system, a2.id, { decision: 'approve' });
    const partsOn = async (to: string) =>
      (await adoptionRateParts(read(env.kernel), { streetId: w.places.S, from: new Date('2026-11-01T00:00:00+08:00'), to: new Date(to), placeKinds: ['compound', 'community', 'street'] })).find((p) => p.placeId === w.places.B);
    const now = await partsOn('2026-11-22T09:00:01+08:00');
    assert.deepEqual(now, { placeId: w.places.B, numerator: 12050 + 8000, denominator: 25000 });
    assert.equal(rateBasisPoints(now!.numerator, now!.denominator!), 8020);
    const official = await as('street_official');
    const rates = (await official.request('GET', `${T}/rates?placeId=${w.places.B}`)).body;
    assert.equal(rates.compounds.length, 1);
    assert.equal(rates.compounds[0].rateBp, 8020);
    assert.equal(rates.compounds[0].adoptedText, '200.50');
    assert.equal(rates.compounds[0].totalText, '250.00');
    // 23:59:59 on the 22nd is still the 22nd (a2's last day); from 00:00 on the 23rd only a1 counts.
    assert.equal((await partsOn('2026-11-23T00:00:00+08:00'))!.numerator, 20050, 'counted to the end of the 22nd');
    assert.equal((await partsOn('2026-11-23T00:00:01+08:00'))!.numerator, 12050, 'the 23rd: a2 is over');
    // Before the approvals were made (the window ends before now) nothing was adopted.
    assert.equal((await partsOn('2026-11-22T08:00:00+08:00'))?.numerator ?? 0, 0);
    // Ending a1 early today: it no longer covers today.
    await endAdoption(system, a1.id, '住户申请退出');
    assert.equal((await partsOn('2026-11-22T09:00:01+08:00'))!.numerator, 8000);
    await closePlot(system, p1.id, '改建为停车位');
    assert.deepEqual(await partsOn('2026-11-22T09:00:01+08:00'), { placeId: w.places.B, numerator: 8000, denominator: 8000 + 4950 });
    const community = (await adoptionRateParts(read(env.kernel), { streetId: w.places.S, from: new Date(0), to: new Date('2026-11-22T09:00:01+08:00'), placeKinds: ['community'] })).find((p) => p.placeId === w.places.C2);
    assert.deepEqual(community, { placeId: w.places.C2, numerator: 8000, denominator: 12950 }, 'rolled up to the community');
  });
  test('two overlapping applications approved at once: exactly one becomes active (the plot row is locked)', async () => {
    const system = w.ctx;
    const plot = await createPlot(system, { compoundId: w.places.B, name: '并发测试花坛', area: 1000, location: '', description: '' });
    const bob = residentCtx(w.persons.bob, '李波');
    const ids = [];
    for (const [fromDay, toDay] of [['2027-03-01', '2027-08-31'], ['2027-06-01', '2027-12-31'], ['2027-08-31', '2028-02-28']] as const) {
      const { write: kwrite } = await import('../../kernel/context.ts');
      // Three applicants on one plot: the resident's own, and two more made directly (the rule is one pending per person).
      if (!ids.length) ids.push((await applyForPlot(bob, plot.id, { fromDay, toDay, note: '' })).id);
      else {
        const id = newId();
        await kwrite(system, (tx) =>
          read(tx)
            .insertInto('vol_green_adoptions')
            .values({ street_id: w.places.S, id, plot_id: plot.id, place_id: w.places.B, person_id: newId(), person_name: '测试', account_id: null, room_id: null, room_label: null, from_day: fromDay, to_day: toDay })
            .execute(),
        );
        ids.push(id);
      }
    }
    const results = await Promise.allSettled(ids.map((id) => decideAdoption(system, id, { decision: 'approve' })));
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.equal(won.length, 1, JSON.stringify(results.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ok'))));
    assert.ok(results.every((r) => r.status === 'fulfilled' || (r.reason as { code?: string }).code === 'PERIOD_TAKEN'));
    const active = await read(env.kernel).selectFrom('vol_green_adoptions').select('id').where('plot_id', '=', plot.id).where('status', '=', 'active').execute();
    assert.equal(active.length, 1);
  });
});
