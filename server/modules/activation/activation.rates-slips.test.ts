import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { write, read } from './activation.db.ts';
import { cjkFont } from '../../kernel/pdf/fonts.ts';
import { waitForTask } from '../../kernel/tasks/tasks.ts';
import { createPlace, insertHousehold } from '../registry/index.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { fixtureIdNumber, last4, nextPhone, signUpResident } from './test-support.ts';
import { renderSlips } from './slips-pdf.ts';

/**
 * Activation rate = activated households / households, per place and drillable down to the room;
 * and the slips PDF: one household per slip, eight to an A4 page, codes stable across reprints.
 */
const { env, w, signedIn } = useWorld();
const official = signedIn('street_official', { each: true });

type Row = { id: string; name: string; households: number; activated: number; rate: number | null };
const rates = async (placeId?: string) => {
  const res = await official.request('GET', `/api/activation/rates${placeId ? `?placeId=${placeId}` : ''}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { totals: { households: number; activated: number; rate: number | null }; items: Row[]; breadcrumb: { name: string }[] };
};
const pick = (items: Row[]) => Object.fromEntries(items.map((i) => [i.name, [i.households, i.activated]]));

describe('activation rates', () => {
  test('households and activated households, level by level down to the room', async () => {
    // The fixture: A101 (王丽, owner, has an account), A102 (tenant), A201 (tenant), B101 (owner); Z is another street.
    const top = await rates();
    assert.deepEqual(pick(top.items), { 测试街道: [4, 1] });
    const street = await rates(w.places.S);
    assert.deepEqual(street.totals, { households: 4, activated: 1, rate: 0.25 });
    assert.deepEqual(pick(street.items), { 一社区: [3, 1], 二社区: [1, 0] });
    assert.deepEqual(pick((await rates(w.places.C1)).items), { 一网格: [3, 1] });
    assert.deepEqual(pick((await rates(w.places.A)).items), { '1栋': [2, 1], '2栋': [1, 0] });
    const unit = await rates(w.places.A1.unit);
    assert.deepEqual(pick(unit.items), { '101': [1, 1], '102': [1, 0], '103': [0, 0] });
    assert.equal(unit.items.find((i) => i.name === '103')!.rate, null, 'no household, no rate');
    assert.deepEqual(unit.breadcrumb.map((b) => b.name), ['测试街道', '一社区', '一网格', '阳光花园', '1栋', '1单元']);
    const room = await rates(w.rooms.A101);
    assert.deepEqual(room.totals, { households: 1, activated: 1, rate: 1 });
    assert.deepEqual(room.items, []);
  });

  test('a claim raises the rate; developer-held rooms, shops and disabled accounts do not count', async () => {
    const r = await signUpResident(env, nextPhone());
    assert.equal((await r.request('POST', '/api/activation/claims', { roomId: w.rooms.A102, name: '陈涛', idLast4: last4(fixtureIdNumber(2)) })).status, 200);
    assert.deepEqual(pick((await rates(w.places.A)).items), { '1栋': [2, 2], '2栋': [1, 0] });

    // A flat the developer still holds, and a shop with a person as owner: neither is a household.
    const ctx = w.ctx;
    const unsold = (await createPlace(ctx, { parentId: w.places.A2.unit, kind: 'room', name: '202', room: { area: '80', areaSource: 'surveyed', use: 'residential' } })).id;
    const shop = (await createPlace(ctx, { parentId: w.places.A2.unit, kind: 'room', name: 'S01', room: { area: '40', areaSource: 'register', use: 'commercial' } })).id;
    await write(ctx, (tx) => insertHousehold(tx, ctx, { roomId: unsold, organisationId: w.organisations.pc1, relation: 'owner', shareBp: 10000 }));
    await w.household(shop, await w.person(w.places.A, '商户甲'), 'owner');
    assert.deepEqual(pick((await rates(w.places.A)).items), { '1栋': [2, 2], '2栋': [1, 0] });

    await read(env.kernel).updateTable('accounts').set({ disabled: true }).where('id', '=', r.accountId).execute();
    assert.deepEqual(pick((await rates(w.places.A)).items), { '1栋': [2, 1], '2栋': [1, 0] });
    await read(env.kernel).updateTable('accounts').set({ disabled: false }).where('id', '=', r.accountId).execute();
  });
});

describe('activation slips', () => {
  test('one slip per household, eight to a page; reprinting keeps the codes', async () => {
    // Twelve more households in 2栋: 13 in all → 2 pages.
    for (let i = 1; i <= 12; i++) {
      const room = (await createPlace(w.ctx, { parentId: w.places.A2.unit, kind: 'room', name: `${i + 2}01`, room: { floor: i + 2, area: '90', areaSource: 'register', use: 'residential' } })).id;
      await w.household(room, await w.person(w.places.A, `住户${i}`), i % 3 === 0 ? 'tenant' : 'owner');
    }
    const info = await official.request('GET', `/api/activation/buildings/${w.places.A2.building}/slips`);
    assert.deepEqual(info.body, { buildingId: w.places.A2.building, households: 13, withCode: 0, canPrint: true });

    const print = async () => {
      const res = await official.request('POST', `/api/activation/buildings/${w.places.A2.building}/slips`);
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const actor = { accountId: w.accounts.street_official, name: 'street_official', personId: null, grants: [], requestId: null, locale: 'zh-CN' as const };
      const task = await waitForTask(env.kernel, actor, res.body.taskId);
      assert.equal(task.status, 'done', JSON.stringify(task.error));
      const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'street_official', password: PASSWORD } });
      const pdf = await env.app.inject({ method: 'GET', url: `/api/activation/slips/${res.body.taskId}`, headers: { cookie: `gz_session=${login.cookies[0]!.value}` } });
      assert.equal(pdf.statusCode, 200);
      assert.match(String(pdf.headers['content-disposition']), /filename\*=UTF-8''%E9%98%B3%E5%85%89%E8%8A%B1%E5%9B%AD2%E6%A0%8B/);
      return { body: res.body, pdf: pdf.rawPayload };
    };
    const first = await print();
    assert.equal(first.body.households, 13);
    assert.equal(first.body.codesIssued, 13);
    assert.equal(first.pdf.subarray(0, 5).toString(), '%PDF-');
    assert.equal((first.pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length, 2, 'two pages');
    const codes = await read(env.kernel).selectFrom('act_household_codes').select(['place_id', 'code']).orderBy('place_id').execute();
    const second = await print();
    assert.equal(second.body.codesIssued, 0);
    assert.deepEqual(await read(env.kernel).selectFrom('act_household_codes').select(['place_id', 'code']).orderBy('place_id').execute(), codes, 'same codes');
    assert.equal(new Set(codes.map((c) => c.code)).size, codes.length, 'unique');
    const audited = await read(env.kernel).selectFrom('audit_log').select('detail').where('action', '=', 'activation.slips_printed').execute();
    assert.equal(audited.length, 2);

    if (process.env.GZ_SAVE_SLIPS) writeFileSync(process.env.GZ_SAVE_SLIPS, first.pdf);
  });

  test('a building without households, or a place that is not a building, prints nothing', async () => {
    const empty = (await createPlace(w.ctx, { parentId: w.places.A, kind: 'building', name: '9栋' })).id;
    const res = await official.request('POST', `/api/activation/buildings/${empty}/slips`);
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'NO_HOUSEHOLDS');
    assert.equal((await official.request('POST', `/api/activation/buildings/${w.rooms.A101}/slips`)).status, 404);
  });

  test('no CJK font: a clear error naming the package', async () => {
    assert.ok(cjkFont().path, 'this machine has one');
    assert.throws(
      () => cjkFont({ GZ_CJK_FONT: '/nonexistent/font.ttf' }),
      (e: { code?: string; messages?: Record<string, string> }) => e.code === 'PDF_FONT_MISSING' && /fonts-wqy-microhei/.test(e.messages!.en),
    );
    const pdf = await renderSlips([{ compound: '测试', building: '1栋', unit: '1单元', room: '101', code: 'ABCD2345' }], { baseUrl: 'http://x', title: 't', printedOn: '2026-11-22' });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  });
});
