import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Ctx } from '../../kernel/context.ts';
import { useWorld } from '../../test/fixture.ts';
import { expectRefused } from '../../test/harness.ts';
import { inspectionScoresFor } from './index.ts';
import { read } from './supervision.db.ts';
import { type Client, JPEG, PDF, TEST_SHEET, otherStreetOfficial, signInClient } from './supervision.sheets.test-support.ts';
import { activateSheet } from './use-cases/activate-sheet.ts';
import { createSheet } from './use-cases/create-sheet.ts';
import { saveSheet } from './use-cases/save-sheet.ts';

/**
 * Inspections on the test sheet (supervision.sheets.test-support.ts TEST_SHEET, weights 60/40), clock at
 * 2026-11-22 (2026-Q4): entries checked against each indicator's method, evidence, the score computed exactly on
 * submission and frozen after it, and `inspectionScoresFor` against a hand count.
 */
const { env, w, afterSetUp } = useWorld();
let official: Client;
let sheetId: string;
let outside: Ctx;
const TABLES = ['sup_inspections', 'sup_inspection_items', 'sup_inspection_files', 'audit_log'];

afterSetUp(async () => {
  official = await signInClient(env.app, 'street_official');
  const created = await official.request('POST', '/api/supervision/sheets', { placeId: w.places.S, kind: 'property_service', name: TEST_SHEET.name });
  sheetId = created.body.id;
  assert.equal((await official.request('PUT', `/api/supervision/sheets/${sheetId}`, TEST_SHEET)).status, 200);
  assert.equal((await official.request('POST', `/api/supervision/sheets/${sheetId}/activate`)).status, 200);
  outside = await otherStreetOfficial(env.kernel, w.places.S2);
});

type View = { id: string; scoreCenti: number; status: string; sections: { indicators: { id: string; code: string; creditedCenti: number; files: { id: string }[]; finding: boolean }[] }[] };
const indicator = (v: View, code: string) => v.sections.flatMap((s) => s.indicators).find((i) => i.code === code)!;
const item = (v: View, code: string) => `/api/supervision/inspections/${v.id}/items/${indicator(v, code).id}`;

async function start(client: Client, compoundId: string, body: object = {}) {
  const res = await client.request('POST', '/api/supervision/inspections', { compoundId, ...body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as View;
}

/** Fills every indicator: T1 awarded, T2 findings, T3 met, T4 awarded; evidence as told. */
async function fill(client: Client, v: View, e: { t1: number; t2: number; t3: boolean; t4: number; photo: boolean; document: boolean }) {
  for (const [code, body] of [
    ['T1', { awardedCenti: e.t1 }],
    ['T2', { findings: e.t2 }],
    ['T3', { met: e.t3 }],
    ['T4', { awardedCenti: e.t4 }],
  ] as const) {
    const res = await client.request('PUT', item(v, code), body);
    assert.equal(res.status, 200, `${code}: ${JSON.stringify(res.body)}`);
  }
  if (e.photo) assert.equal((await client.upload(`${item(v, 'T1')}/files`, { kind: 'photo' }, { filename: 'a.jpg', type: 'image/jpeg', content: JPEG })).status, 201);
  if (e.document) assert.equal((await client.upload(`${item(v, 'T3')}/files`, { kind: 'document' }, { filename: '消杀记录.pdf', type: 'application/pdf', content: PDF })).status, 201);
}

describe('an inspection', () => {
  test('starts on the sheet in force, records the company, checks each entry against its method', async () => {
    const v = await start(official, w.places.A);
    const full = (await official.request('GET', `/api/supervision/inspections/${v.id}`)).body;
    assert.equal(full.period, '2026-Q4');
    assert.equal(full.sheetId, sheetId);
    assert.equal(full.companyId, w.organisations.pc1);
    assert.equal(full.status, 'draft');
    assert.deepEqual(full.missingCodes, ['T1', 'T3', 'T4'], 'points and yes/no must be entered; a deduction counts 0 findings');

    // More than the maximum, or another method's field: 400, nothing written.
    await expectRefused(env.kernel, TABLES, () => official.request('PUT', item(v, 'T1'), { awardedCenti: 1001 }), 400, 'POINTS_OVER_MAX');
    await expectRefused(env.kernel, TABLES, () => official.request('PUT', item(v, 'T1'), { findings: 2 }), 400, 'ENTRY_NOT_FOR_METHOD');
    await expectRefused(env.kernel, TABLES, () => official.request('PUT', item(v, 'T3'), { awardedCenti: 100 }), 400, 'ENTRY_NOT_FOR_METHOD');
    // Incomplete: refused, so a forgotten indicator is never a silent zero.
    const incomplete = await expectRefused(env.kernel, TABLES, () => official.request('POST', `/api/supervision/inspections/${v.id}/submit`, {}), 409, 'INSPECTION_INCOMPLETE');
    assert.deepEqual(incomplete.details.codes, ['T1', 'T3', 'T4']);
    // A PDF is no photo.
    await expectRefused(env.kernel, TABLES, () => official.upload(`${item(v, 'T1')}/files`, { kind: 'photo' }, { filename: 'a.pdf', type: 'application/pdf', content: PDF }), 415, 'PHOTO_MUST_BE_IMAGE');
    // A text file named .jpg is refused by its content.
    await expectRefused(env.kernel, TABLES, () => official.upload(`${item(v, 'T1')}/files`, {}, { filename: 'a.jpg', type: 'image/jpeg', content: Buffer.from('not an image') }), 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
  });

  test('scores by hand: weights, a deduction floored at 0, missing evidence credited 0; frozen once submitted', async () => {
    const v = await start(official, w.places.A);
    await fill(official, v, { t1: 750, t2: 3, t3: true, t4: 700, photo: false, document: true });
    // Without T1's photo: 物业管理 (0 + max(0, 5.00 − 3 × 2.00) = 0) / 15.00 → 0; 环境 (3.00 + 7.00) / 10.00 → 1.
    // 60 × 0 + 40 × 1 = 40.00.
    let now = (await official.request('GET', `/api/supervision/inspections/${v.id}`)).body as View;
    assert.equal(now.scoreCenti, 4000);
    assert.equal(indicator(now, 'T1').creditedCenti, 0);
    // With it: 物业管理 7.50 / 15.00 = 1/2 → 60 × 1/2 = 30; total 70.00.
    assert.equal((await official.upload(`${item(v, 'T1')}/files`, {}, { filename: 'photo.jpg', type: 'image/jpeg', content: JPEG })).status, 201);
    const submitted = await official.request('POST', `/api/supervision/inspections/${v.id}/submit`, { note: '抽查 3 栋' });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    now = submitted.body;
    assert.equal(now.scoreCenti, 7000);
    assert.equal(now.status, 'submitted');
    const stored = await read(env.kernel).selectFrom('sup_inspection_items as it').innerJoin('sup_sheet_indicators as i', 'i.id', 'it.indicator_id').select(['i.code', 'it.credited_points']).where('it.inspection_id', '=', v.id).orderBy('i.code').execute();
    assert.deepEqual(stored.map((r) => [r.code, r.credited_points]), [['T1', 750], ['T2', 0], ['T3', 300], ['T4', 700]]);
    assert.deepEqual(
      ['T1', 'T2', 'T3', 'T4'].map((c) => indicator(now, c).finding),
      [true, true, false, false],
      'T1 below its maximum and T2 with findings can become rectification notices',
    );

    // Submitted: every change is 409 and writes nothing.
    const file = indicator(now, 'T1').files[0]!;
    await expectRefused(env.kernel, TABLES, () => official.request('PUT', item(now, 'T4'), { awardedCenti: 100 }), 409, 'INSPECTION_SUBMITTED');
    await expectRefused(env.kernel, TABLES, () => official.upload(`${item(now, 'T1')}/files`, {}, { filename: 'b.jpg', type: 'image/jpeg', content: JPEG }), 409, 'INSPECTION_SUBMITTED');
    await expectRefused(env.kernel, TABLES, () => official.request('DELETE', `/api/supervision/inspections/${v.id}/files/${file.id}`), 409, 'INSPECTION_SUBMITTED');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', `/api/supervision/inspections/${v.id}/submit`, {}), 409, 'INSPECTION_SUBMITTED');
    await expectRefused(env.kernel, TABLES, () => official.request('DELETE', `/api/supervision/inspections/${v.id}`), 409, 'INSPECTION_SUBMITTED');
    const got = await official.request('GET', `/api/supervision/inspections/${v.id}/files/${file.id}`);
    assert.equal(got.status, 200);
    assert.equal(got.headers['content-type'], 'image/jpeg');
  });

  test('periods: the current quarter by default; one not begun, or without a sheet in force, is refused', async () => {
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/supervision/inspections', { compoundId: w.places.A, period: '2027-Q1' }), 409, 'PERIOD_NOT_STARTED');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/supervision/inspections', { compoundId: w.places.A, period: '2026-Q3' }), 409, 'NO_SHEET_IN_FORCE');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/supervision/inspections', { compoundId: w.places.A, kind: 'civility' }), 409, 'NO_SHEET_IN_FORCE');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/supervision/inspections', { compoundId: w.places.A, period: '2026-Q5' }), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/supervision/inspections', { compoundId: w.places.C1 }), 400, 'NOT_A_COMPOUND');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/supervision/inspections', { compoundId: w.places.Z }), 404, 'PLACE_NOT_FOUND');
  });

  test('inspectionScoresFor: per compound, the submitted inspections of the period and their score sum (a hand count)', async () => {
    const before = await inspectionScoresFor(env.kernel.db, { streetId: w.places.S, period: '2026-Q4' });
    const count = (rows: typeof before, id: string) => rows.find((r) => r.compoundId === id) ?? { inspections: 0, scoreSumCenti: 0 };
    // A: one at 100.00 (everything, with evidence) and one at 60.00 (T1 without its photo: 60 × 5.00 / 15.00 + 40).
    const a1 = await start(official, w.places.A);
    await fill(official, a1, { t1: 1000, t2: 0, t3: true, t4: 700, photo: true, document: true });
    assert.equal((await official.request('POST', `/api/supervision/inspections/${a1.id}/submit`, {})).body.scoreCenti, 10000);
    const a2 = await start(official, w.places.A);
    await fill(official, a2, { t1: 1000, t2: 0, t3: true, t4: 700, photo: false, document: true });
    assert.equal((await official.request('POST', `/api/supervision/inspections/${a2.id}/submit`, {})).body.scoreCenti, 6000);
    // B: 60 × (T1 5.00 + T2 5.00 − 2.00) / 15.00 + 40 × (T3 no: 0 + T4 3.50) / 10.00 = 32.00 + 14.00 = 46.00.
    // A draft at B never counts.
    const b1 = await start(official, w.places.B);
    await fill(official, b1, { t1: 500, t2: 1, t3: false, t4: 350, photo: true, document: false });
    assert.equal((await official.request('POST', `/api/supervision/inspections/${b1.id}/submit`, {})).body.scoreCenti, 4600);
    await start(official, w.places.B);
    // The other street: its own sheet and an inspection at Z, never in S's figures.
    const zs = await createSheet(outside, { placeId: w.places.S2, kind: 'property_service', name: '邻街标准' });
    await saveSheet(outside, zs.id, TEST_SHEET);
    await activateSheet(outside, zs.id);

    const after = await inspectionScoresFor(env.kernel.db, { streetId: w.places.S, period: '2026-Q4' });
    assert.deepEqual(count(after, w.places.A), { compoundId: w.places.A, inspections: count(before, w.places.A).inspections + 2, scoreSumCenti: count(before, w.places.A).scoreSumCenti + 16000 });
    assert.deepEqual(count(after, w.places.B), { compoundId: w.places.B, inspections: count(before, w.places.B).inspections + 1, scoreSumCenti: count(before, w.places.B).scoreSumCenti + 4600 });
    assert.ok(!after.some((r) => r.compoundId === w.places.Z));
    // Narrowed to community C1 (A only), and another quarter (none).
    const c1 = await read(env.kernel).selectFrom('places').select('path').where('id', '=', w.places.C1).executeTakeFirstOrThrow();
    assert.deepEqual((await inspectionScoresFor(env.kernel.db, { streetId: w.places.S, period: '2026-Q4', placePath: c1.path })).map((r) => r.compoundId), [w.places.A]);
    assert.deepEqual(await inspectionScoresFor(env.kernel.db, { streetId: w.places.S, period: '2026-Q3' }), []);
    // The hand count straight from the rows.
    const rows = await read(env.kernel).selectFrom('sup_inspections').select(['place_id', 'score_centi']).where('street_id', '=', w.places.S).where('period', '=', '2026-Q4').where('status', '=', 'submitted').execute();
    for (const r of after) {
      const mine = rows.filter((x) => x.place_id === r.compoundId);
      assert.deepEqual([r.inspections, r.scoreSumCenti], [mine.length, mine.reduce((a, x) => a + x.score_centi!, 0)]);
    }
  });

  test('a draft inspection can be deleted; its entries and files go with it', async () => {
    const v = await start(official, w.places.A);
    await fill(official, v, { t1: 100, t2: 0, t3: true, t4: 0, photo: true, document: false });
    assert.equal((await official.request('DELETE', `/api/supervision/inspections/${v.id}`)).status, 200);
    assert.equal((await official.request('GET', `/api/supervision/inspections/${v.id}`)).status, 404);
    const left = await read(env.kernel).selectFrom('sup_inspection_files').select('id').where('inspection_id', '=', v.id).execute();
    assert.deepEqual(left, []);
  });
});

