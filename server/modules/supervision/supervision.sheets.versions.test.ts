import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useWorld } from '../../test/fixture.ts';
import { expectRefused } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { read } from './supervision.db.ts';
import { type Client, TEST_SHEET, signInClient } from './supervision.sheets.test-support.ts';
import { SheetsSort } from './use-cases/list-sheets.ts';
import { retireSheetsJob } from './use-cases/retire-sheets.ts';
import { sheetInForce } from './use-cases/sheet-in-force.ts';

/**
 * Sheet versions by the kernel clock (2026-11-22, in 2026-Q4): a first version applies from the current quarter, a
 * later one from the next; a frozen sheet never changes; weights must add up to 100 to activate.
 */
const { env, w, afterSetUp } = useWorld();
let official: Client;
const SHEET_TABLES = ['sup_sheets', 'sup_sheet_sections', 'sup_sheet_indicators', 'audit_log'];
const ids: Record<'v1' | 'v2' | 'civility', string> = { v1: '', v2: '', civility: '' };

afterSetUp(async () => {
  official = await signInClient(env.app, 'street_official');
});

const inForce = async (period: string) => (await sheetInForce(env.kernel.db, w.places.S, 'property_service', period))?.id;
const content = async (id: string) => ({
  sheet: await read(env.kernel).selectFrom('sup_sheets').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  sections: await read(env.kernel).selectFrom('sup_sheet_sections').selectAll().where('sheet_id', '=', id).orderBy('position').execute(),
  indicators: await read(env.kernel).selectFrom('sup_sheet_indicators').selectAll().where('sheet_id', '=', id).orderBy('position').execute(),
});

describe('sheet versions', () => {
  test('a draft is edited freely; activation needs weights adding up to exactly 100 and no empty section', async () => {
    const created = await official.request('POST', '/api/supervision/sheets', { placeId: w.places.S, kind: 'property_service', name: '草稿' });
    assert.equal(created.status, 201);
    assert.deepEqual([created.body.version, created.body.status, created.body.appliesFrom], [1, 'draft', null]);
    ids.v1 = created.body.id;
    await expectRefused(env.kernel, SHEET_TABLES, () => official.request('POST', '/api/supervision/sheets', { placeId: w.places.S, kind: 'property_service', name: '又一个' }), 409, 'SHEET_DRAFT_EXISTS');
    await expectRefused(env.kernel, SHEET_TABLES, () => official.request('POST', '/api/supervision/sheets', { placeId: w.places.A, kind: 'civility', name: '小区' }), 400, 'NOT_A_STREET');
    await expectRefused(env.kernel, SHEET_TABLES, () => official.request('POST', '/api/supervision/sheets', { placeId: w.places.S2, kind: 'civility', name: '邻街' }), 404, 'PLACE_NOT_FOUND');
    await expectRefused(env.kernel, SHEET_TABLES, () => official.request('POST', `/api/supervision/sheets/${ids.v1}/activate`), 409, 'SHEET_EMPTY');

    // 60 + 39 = 99, then 60 + 41 = 101: refused at activation, the draft stays a draft.
    for (const [second, sum] of [
      [39, 99],
      [41, 101],
    ] as const) {
      const off = { ...TEST_SHEET, sections: [TEST_SHEET.sections[0]!, { ...TEST_SHEET.sections[1]!, weight: second }] };
      assert.equal((await official.request('PUT', `/api/supervision/sheets/${ids.v1}`, off)).body.weightSum, sum);
      const err = await expectRefused(env.kernel, SHEET_TABLES, () => official.request('POST', `/api/supervision/sheets/${ids.v1}/activate`), 409, 'WEIGHTS_NOT_100');
      assert.match(err.message, new RegExp(`${sum}%`));
    }
    const empty = { ...TEST_SHEET, sections: [...TEST_SHEET.sections, { name: '空', weight: 0, indicators: [] }] };
    await official.request('PUT', `/api/supervision/sheets/${ids.v1}`, empty);
    await expectRefused(env.kernel, SHEET_TABLES, () => official.request('POST', `/api/supervision/sheets/${ids.v1}/activate`), 409, 'SECTION_EMPTY');
    // Codes unique, points per finding exactly for deductions.
    const dup = { ...TEST_SHEET, sections: [TEST_SHEET.sections[0]!, { ...TEST_SHEET.sections[1]!, indicators: [{ ...TEST_SHEET.sections[1]!.indicators[0]!, code: 'T1' }] }] };
    await expectRefused(env.kernel, SHEET_TABLES, () => official.request('PUT', `/api/supervision/sheets/${ids.v1}`, dup), 400, 'DUPLICATE_CODE');
    const noPer = { ...TEST_SHEET, sections: [{ ...TEST_SHEET.sections[0]!, indicators: [{ ...TEST_SHEET.sections[0]!.indicators[1]!, deductionCenti: null }] }] };
    await expectRefused(env.kernel, SHEET_TABLES, () => official.request('PUT', `/api/supervision/sheets/${ids.v1}`, noPer), 400, 'DEDUCTION_POINTS_REQUIRED');
    assert.equal((await read(env.kernel).selectFrom('sup_sheets').select('status').where('id', '=', ids.v1).executeTakeFirstOrThrow()).status, 'draft');
    assert.equal(await inForce('2026-Q4'), undefined, 'nothing in force before an activation');
  });

  test('the first version applies from the current quarter', async () => {
    assert.equal((await official.request('PUT', `/api/supervision/sheets/${ids.v1}`, TEST_SHEET)).status, 200);
    const activated = await official.request('POST', `/api/supervision/sheets/${ids.v1}/activate`);
    assert.equal(activated.status, 200, JSON.stringify(activated.body));
    assert.deepEqual([activated.body.status, activated.body.appliesFrom, activated.body.weightSum], ['active', '2026-Q4', 100]);
    assert.ok(activated.body.frozenAt);
    assert.equal(await inForce('2026-Q4'), ids.v1);
    assert.equal(await inForce('2027-Q3'), ids.v1);
    assert.equal(await inForce('2026-Q3'), undefined, 'never backwards');
  });

  test('a frozen sheet cannot change: every edit answers 409 SHEET_FROZEN and writes nothing', async () => {
    const before = await content(ids.v1);
    const changed = { ...TEST_SHEET, name: '改名' };
    await expectRefused(env.kernel, SHEET_TABLES, () => official.request('PUT', `/api/supervision/sheets/${ids.v1}`, changed), 409, 'SHEET_FROZEN');
    await expectRefused(env.kernel, SHEET_TABLES, () => official.request('POST', `/api/supervision/sheets/${ids.v1}/activate`), 409, 'SHEET_FROZEN');
    await expectRefused(env.kernel, SHEET_TABLES, () => official.request('DELETE', `/api/supervision/sheets/${ids.v1}`), 409, 'SHEET_FROZEN');
    // The platform's admin is held to it too.
    const admin = await signInClient(env.app, 'platform_admin');
    await expectRefused(env.kernel, SHEET_TABLES, () => admin.request('PUT', `/api/supervision/sheets/${ids.v1}`, changed), 409, 'SHEET_FROZEN');
    assert.deepEqual(await content(ids.v1), before);
  });

  test('a new version copies the frozen one and, activated, applies only from the next quarter', async () => {
    const copied = await official.request('POST', `/api/supervision/sheets/${ids.v1}/copy`);
    assert.equal(copied.status, 201);
    ids.v2 = copied.body.id;
    assert.deepEqual([copied.body.version, copied.body.status, copied.body.indicatorCount, copied.body.weightSum], [2, 'draft', 4, 100]);
    const v1 = await content(ids.v1);
    const v2 = await content(ids.v2);
    assert.deepEqual(
      v2.indicators.map((i) => [i.code, i.method, i.max_points, i.deduction_points, i.evidence]),
      v1.indicators.map((i) => [i.code, i.method, i.max_points, i.deduction_points, i.evidence]),
    );
    assert.ok(v2.indicators.every((i) => !v1.indicators.some((o) => o.id === i.id)), 'fresh rows, the frozen ones untouched');
    await expectRefused(env.kernel, SHEET_TABLES, () => official.request('POST', `/api/supervision/sheets/${ids.v1}/copy`), 409, 'SHEET_DRAFT_EXISTS');
    await expectRefused(env.kernel, SHEET_TABLES, () => official.request('POST', `/api/supervision/sheets/${ids.v2}/copy`), 409, 'SHEET_NOT_FROZEN');

    const edited = { ...TEST_SHEET, name: '第二版', sections: [{ ...TEST_SHEET.sections[0]!, weight: 50 }, { ...TEST_SHEET.sections[1]!, weight: 50 }] };
    assert.equal((await official.request('PUT', `/api/supervision/sheets/${ids.v2}`, edited)).status, 200);
    const activated = await official.request('POST', `/api/supervision/sheets/${ids.v2}/activate`);
    assert.deepEqual([activated.body.status, activated.body.appliesFrom], ['active', '2027-Q1']);
    // The current quarter keeps v1; v2 from the next one on.
    assert.equal(await inForce('2026-Q4'), ids.v1);
    assert.equal(await inForce('2027-Q1'), ids.v2);
    assert.equal(await inForce('2027-Q2'), ids.v2);
    const started = await official.request('POST', '/api/supervision/inspections', { compoundId: w.places.A });
    assert.equal(started.body.sheetId, ids.v1, 'an inspection now is on the version in force now');
    assert.equal((await read(env.kernel).selectFrom('sup_sheets').select('status').where('id', '=', ids.v1).executeTakeFirstOrThrow()).status, 'active', 'v1 still governs this quarter');

    const civility = await official.request('POST', '/api/supervision/sheets', { placeId: w.places.S, kind: 'civility', name: '有礼小区' });
    ids.civility = civility.body.id;
  });

  test('sheets list: sorts', async () => {
    // updatedAt: v1 (activated), v2 (activated later), civility (created last). name: 有礼小区 / 物业服务考评（测试） / 第二版.
    const names = await read(env.kernel).selectFrom('sup_sheets').select(['id', 'name']).where('id', 'in', [ids.v1, ids.v2, ids.civility]).orderBy('name').orderBy('id').execute();
    await expectSorts(env.kernel, official, '/api/supervision/sheets', SheetsSort, {
      updatedAt: [ids.v1, ids.v2, ids.civility],
      name: names.map((n) => n.id),
      // kind, then version: civility before property_service
      version: [ids.civility, ids.v1, ids.v2],
      // 2026-Q4, 2027-Q1; a draft (null) sorts after in ascending order (PostgreSQL: nulls are largest)
      appliesFrom: [ids.v1, ids.v2, ids.civility],
    });
  });

  test('in the next quarter the new version takes over: the job marks the old one retired, which still governs its past', async () => {
    env.clock.advance(Date.parse('2027-01-01T01:00:00+08:00') - env.clock.now().getTime());
    await retireSheetsJob.run(env.kernel);
    const status = async (id: string) => (await read(env.kernel).selectFrom('sup_sheets').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    assert.equal(await status(ids.v1), 'retired');
    assert.equal(await status(ids.v2), 'active');
    assert.equal(await inForce('2026-Q4'), ids.v1, 'a retired version still governs the quarters it was in force for');
    assert.equal(await inForce('2027-Q1'), ids.v2);
    const audit = await read(env.kernel).selectFrom('audit_log').select('action').where('subject_id', '=', ids.v1).where('action', '=', 'supervision.sheet.retired').execute();
    assert.equal(audit.length, 1);
    // Running again changes nothing.
    await retireSheetsJob.run(env.kernel);
    assert.equal((await read(env.kernel).selectFrom('audit_log').select('action').where('subject_id', '=', ids.v1).where('action', '=', 'supervision.sheet.retired').execute()).length, 1);
  });
});
