import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { watchSources } from '../../kernel/figures/watchlist.ts';
import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR, findPlace, insertPlace } from '../../kernel/access/index.ts';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { type Ctx, write } from '../../kernel/context.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { countRows, expectRefused } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { read } from './dashboards.db.ts';
import { ReportsSort } from './dashboards.schemas.ts';
import { fileRequest, restoreFigures, setClock, useTestFigures } from './test-support.ts';
import type { DispatchFigure, DispatchReport } from './use-cases/report-build.ts';
import { figureLines, reportTitle } from './use-cases/report-rows.ts';
import { buildMonthlyReports } from './use-cases/report-store.ts';

/**
 * The monthly dispatch report (月度调度通报) on a fixed clock, over the fixture's street S (communities 一社区 and 二社区)
 * with a third community added (三社区, compound 丙苑), a district 测试区 over a street of its own, and the test's
 * figures over approval requests (dashboards.test-support.ts): the job builds each place's report once, after the month;
 * the report's figures are the dashboard's, and so are the workbook's sheets and the PDF's text; a closed month stays
 * as its snapshot after the data changed; the current month counts to now; the lagging places are the worse children,
 * worst first; a watch source's open items appear.
 */
const { env, w, afterSetUp } = useWorld();
let official: Client;
let secretary: Client;
const p = {} as { C4: string; D4: string; D: string; T1: string; X1: string };
const TABLES = ['dash_reports', 'dash_region_reports', 'audit_log', 'figure_snapshots'];

afterSetUp(async () => {
  useTestFigures();
  const ctx: Ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  await write(ctx, async (tx) => {
    const S = (await findPlace(tx, w.places.S))!;
    const C4 = await insertPlace(tx, { parent: S, kind: 'community', name: '三社区' });
    const D4 = await insertPlace(tx, { parent: C4, kind: 'compound', name: '丙苑' });
    const D = await insertPlace(tx, { parent: null, kind: 'district', name: '测试区' });
    const T1 = await insertPlace(tx, { parent: D, kind: 'street', name: '区属街道' });
    const X1 = await insertPlace(tx, { parent: T1, kind: 'community', name: '区属社区' });
    Object.assign(p, { C4: C4.id, D4: D4.id, D: D.id, T1: T1.id, X1: X1.id });
    const district = await createAccount(tx, env.kernel.pii, { username: 'district', displayName: '区管理员', password: PASSWORD });
    await grantRole(tx, district, 'platform_admin', D.id);
  });
  official = await signInClient(env.app, 'street_official');
  secretary = await signInClient(env.app, 'community_secretary');
  const by = w.accounts.street_official;
  const { S, A, B } = w.places;
  // September: 阳光花园 1 of 2 approved.
  await fileRequest(env.kernel, by, A, S, '2026-09-10T10:00:00+08:00', 'approved');
  await fileRequest(env.kernel, by, A, S, '2026-09-11T10:00:00+08:00', 'pending', '九月未批');
  // October: 阳光花园 3 of 3, 明月小区 1 of 4, 丙苑 0 of 2 → the street 4 of 9 (44.4%); 一社区 100%, 二社区 25%, 三社区 0%.
  for (const d of ['02', '03', '04']) await fileRequest(env.kernel, by, A, S, `2026-10-${d}T10:00:00+08:00`, 'approved');
  await fileRequest(env.kernel, by, B, S, '2026-10-05T10:00:00+08:00', 'approved');
  for (const d of ['06', '07', '31']) await fileRequest(env.kernel, by, B, S, `2026-10-${d}T10:00:00+08:00`, 'pending', `明月${d}`);
  for (const d of ['08', '09']) await fileRequest(env.kernel, by, p.D4, S, `2026-10-${d}T10:00:00+08:00`, 'pending', `丙苑${d}`);
  // The district's street: 1 of 1.
  await fileRequest(env.kernel, by, p.X1, p.T1, '2026-10-12T10:00:00+08:00', 'approved');
});
after(restoreFigures);

const figureOf = (r: DispatchReport, key: string) => r.figures.find((f) => f.key === key)!;
const reportsOf = async (who: Client, placeId: string) => {
  const res = await who.request('GET', `/api/dashboards/reports?placeId=${placeId}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { items: { id: string; period: string; builtBy: string | null; figures: number; watchTotal: number; place: { id: string } }[]; total: number };
};
const reportOf = async (who: Client, id: string) => {
  const res = await who.request('GET', `/api/dashboards/reports/${id}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { id: string; builtBy: string | null; report: DispatchReport };
};
const overviewOf = async (who: Client, placeId: string, period: string) => {
  const res = await who.request('GET', `/api/dashboards/overview?placeId=${placeId}&period=${period}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { figures: (DispatchFigure & { key: string })[] };
};
/** Every figure's this month, last month and a year ago, as the dashboard shows them and as the report kept them. */
const threeMonths = (figures: { key: string; current: unknown; previous: unknown; lastYear: unknown }[]) =>
  Object.fromEntries(figures.map((f) => [f.key, { current: f.current, previous: f.previous, lastYear: f.lastYear }]));

describe('the monthly dispatch report', () => {
  test('the job builds last month’s report of every street, community and region once, and only after the month ended', async () => {
    setClock(env.clock, '2026-10-01T00:20:00+08:00');
    const september = await buildMonthlyReports(env.kernel);
    // Streets S, S2, 区属街道; communities 一, 二, 三, 邻, 区属; the district.
    assert.deepEqual(september, { period: '2026-09', built: 9 });
    setClock(env.clock, '2026-10-20T09:00:00+08:00');
    assert.deepEqual(await buildMonthlyReports(env.kernel), { period: '2026-09', built: 0 }, 'October has not ended: nothing more');
    setClock(env.clock, '2026-11-01T00:10:00+08:00');
    const before = await countRows(env.kernel, TABLES);
    assert.deepEqual(await buildMonthlyReports(env.kernel), { period: '2026-10', built: 9 });
    const afterFirst = await countRows(env.kernel, TABLES);
    assert.equal(afterFirst.dash_reports! - before.dash_reports!, 8);
    assert.equal(afterFirst.dash_region_reports! - before.dash_region_reports!, 1);
    const entries = await read(env.kernel).selectFrom('audit_log').select(['actor_id', 'detail']).where('action', '=', 'dashboards.report.built').execute();
    assert.equal(entries.length, 18, 'one audit entry per report');
    assert.ok(entries.every((e) => [null, SYSTEM_ACTOR.accountId].includes(e.actor_id) && (e.detail as { by: string }).by === 'job'), 'by the system');
    setClock(env.clock, '2026-11-03T09:00:00+08:00');
    assert.deepEqual(await buildMonthlyReports(env.kernel), { period: '2026-10', built: 0 });
    assert.deepEqual(await countRows(env.kernel, TABLES), afterFirst, 'a second run writes nothing');

    const list = await reportsOf(official, w.places.S);
    assert.deepEqual(list.items.map((i) => i.period), ['2026-10', '2026-09'], 'month by month, newest first');
    assert.equal(list.items[0]!.builtBy, null, '系统任务');
    assert.equal(list.items[0]!.place.id, w.places.S);
    const [octId, sepId] = list.items.map((i) => i.id) as [string, string];
    await expectSorts(env.kernel, official, `/api/dashboards/reports?placeId=${w.places.S}`, ReportsSort, { period: [sepId, octId], builtAt: [sepId, octId] });
  });

  test('every figure of the report is the dashboard’s, with its change and the lagging places worst first', async () => {
    const [latest] = (await reportsOf(official, w.places.S)).items;
    const { report } = await reportOf(official, latest!.id);
    const overview = await overviewOf(official, w.places.S, '2026-10');
    assert.deepEqual(threeMonths(report.figures), threeMonths(overview.figures));
    assert.ok(report.figures.length > 2, 'the modules’ figures too');

    const share = figureOf(report, 'test.approved_share');
    assert.deepEqual(share.current, { numerator: 4, denominator: 9, value: 44.4 });
    assert.deepEqual(share.previous, { numerator: 1, denominator: 2, value: 50 });
    assert.equal(share.lastYear, null);
    assert.equal(share.change, -5.6);
    assert.equal(share.changeYear, null);
    assert.deepEqual(
      share.lagging.map((l) => [l.place.name, l.value]),
      [['三社区', 0], ['二社区', 25]],
      'the communities below the street’s 44.4%, worst first; 一社区 (100%) is not lagging',
    );
    // Lower is better on a count of what is still pending: no community has more than the street itself.
    assert.deepEqual(figureOf(report, 'test.still_pending').lagging, []);
    assert.equal(figureOf(report, 'test.still_pending').current?.numerator, 5);
    // A figure without a direction has none lagging.
    assert.ok(report.figures.filter((f) => f.better === null).every((f) => f.lagging.length === 0));

    // A community's report: its grid one level down.
    const c2 = (await reportsOf(official, w.places.C2)).items[0]!;
    const c2report = (await reportOf(official, c2.id)).report;
    assert.deepEqual(figureOf(c2report, 'test.approved_share').current, { numerator: 1, denominator: 4, value: 25 });
    assert.deepEqual(threeMonths(c2report.figures), threeMonths((await overviewOf(official, w.places.C2, '2026-10')).figures));

    // The district's report sums its streets.
    const district = await signInClient(env.app, 'district');
    const regional = (await reportsOf(district, p.D)).items;
    assert.deepEqual(regional.map((r) => r.period), ['2026-10', '2026-09']);
    const dreport = (await reportOf(district, regional[0]!.id)).report;
    assert.deepEqual(figureOf(dreport, 'test.approved_share').current, { numerator: 1, denominator: 1, value: 100 });
    assert.deepEqual(threeMonths(dreport.figures), threeMonths((await overviewOf(district, p.D, '2026-10')).figures));
    assert.equal((await official.request('GET', `/api/dashboards/reports/${regional[0]!.id}`)).status, 404, 'a region’s report needs a grant on the region');
  });

  test('the open work of the watch sources is listed, oldest first, with its total', async () => {
    const [latest] = (await reportsOf(official, w.places.S)).items;
    const { report } = await reportOf(official, latest!.id);
    const pending = report.watch.find((x) => x.key === 'test.pending_requests')!;
    assert.equal(pending.title.zh, '待审批事项');
    // As they stood at the month's end: September's one, 明月 ×3, 丙苑 ×2.
    assert.equal(pending.total, 6);
    assert.deepEqual(pending.items.map((i) => i.title), ['审批 九月未批', '审批 明月06', '审批 明月07', '审批 丙苑08', '审批 丙苑09', '审批 明月31']);
    assert.equal(latest!.watchTotal, 6);
    const district = await signInClient(env.app, 'district');
    const dreport = (await reportOf(district, (await reportsOf(district, p.D)).items[0]!.id)).report;
    assert.equal(dreport.watch.find((x) => x.key === 'test.pending_requests')!.total, 0);
  });

  test('the workbook has a sheet per topic and its figures are the dashboard’s', async () => {
    const [latest] = (await reportsOf(official, w.places.S)).items;
    const res = await official.request('GET', `/api/dashboards/reports/${latest!.id}/report.xlsx`);
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    // A sheet per topic: the figures, the lagging places, then every watch source the modules declare, in their order.
    assert.deepEqual(wb.worksheets.map((s) => s.name), ['指标', '落后地点', ...watchSources().map((s) => s.title.zh)]);
    assert.ok(wb.worksheets.some((s) => s.name === '待审批事项'), 'the test source has its sheet');
    const overview = await overviewOf(official, w.places.S, '2026-10');
    const sheet = wb.getWorksheet('指标')!;
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1, 10), ['指标', '单位', '本月', '分子/分母', '上月', '环比变化', '去年同月', '同比变化', '落后地点（由差到好）']);
    const cell = (v: unknown) => (v === undefined || v === '' ? null : v);
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(10).value), [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => cell(row.getCell(c).value)));
    });
    assert.equal(rows.size, overview.figures.length);
    for (const f of overview.figures) {
      const r = rows.get(f.key)!;
      assert.ok(r, f.key);
      assert.deepEqual([r[2], r[4], r[6]], [f.current?.value ?? null, f.previous?.value ?? null, f.lastYear?.value ?? null], f.key);
    }
    assert.deepEqual(rows.get('test.approved_share'), ['审批通过率', '%', 44.4, '4/9', 50, -5.6, null, null, '三社区 0%、二社区 25%']);
    const lagging: unknown[][] = [];
    wb.getWorksheet('落后地点')!.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === '审批通过率') lagging.push((row.values as unknown[]).slice(1));
    });
    assert.deepEqual(lagging, [
      ['审批通过率', '44.4%', 1, '三社区', '0%', '0/2'],
      ['审批通过率', '44.4%', 2, '二社区', '25%', '1/4'],
    ]);
    const watch = wb.getWorksheet('待审批事项')!;
    assert.equal(watch.getRow(2).getCell(1).value, '审批 九月未批');
  });

  test('the PDF carries the title, the figures’ values, the lagging places and the open work', async () => {
    const [latest] = (await reportsOf(official, w.places.S)).items;
    const { report } = await reportOf(official, latest!.id);
    const res = await official.request('GET', `/api/dashboards/reports/${latest!.id}/report.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.raw.subarray(0, 5).toString(), '%PDF-');
    const text = await pdfText(res.raw);
    const has = (s: string, from = 0) => text.indexOf(s.replace(/\s+/g, ''), from);
    assert.ok(has(reportTitle(report)) >= 0, text.slice(0, 200));
    assert.equal(reportTitle(report), '测试街道 2026年10月 月度调度通报');
    const overview = await overviewOf(official, w.places.S, '2026-10');
    // Each figure's line, in the order the dashboard lists them: its name, this month, last month, the change.
    const lines = figureLines(report);
    assert.deepEqual(lines.map((l) => l.key), overview.figures.map((f) => f.key));
    let from = 0;
    for (const l of lines) {
      const at = has(`${l.name}${l.unit}${l.text.current}${l.parts}${l.text.previous}${l.text.change}`, from);
      assert.ok(at >= 0, `${l.name} ${l.text.current} ${l.text.previous} ${l.text.change} in the PDF`);
      from = at;
    }
    for (const s of ['44.4%', '4/9', '-5.6', '三社区', '待审批事项（共 6 项）', '审批 明月31']) assert.ok(has(s) >= 0, s);
  });

  test('a closed month stays as its snapshot after the data changed; the current month counts to now', async () => {
    const by = w.accounts.street_official;
    // Late entries dated in October, after October's snapshot.
    await fileRequest(env.kernel, by, w.places.B, w.places.S, '2026-10-20T10:00:00+08:00', 'approved');
    await fileRequest(env.kernel, by, w.places.B, w.places.S, '2026-10-21T10:00:00+08:00', 'approved');
    const rebuilt = await official.request('POST', '/api/dashboards/reports', { placeId: w.places.S });
    assert.equal(rebuilt.status, 200, JSON.stringify(rebuilt.body));
    assert.equal(rebuilt.body.report.period, '2026-10', 'last month by default');
    assert.equal(rebuilt.body.builtBy, 'street_official');
    assert.deepEqual(figureOf(rebuilt.body.report, 'test.approved_share').current, { numerator: 4, denominator: 9, value: 44.4 }, 'October as its snapshot');
    const list = await reportsOf(official, w.places.S);
    assert.equal(list.total, 2, 'the month’s report replaced, not added');
    assert.equal(list.items[0]!.id, rebuilt.body.id);
    assert.equal(figureOf((await overviewOf(official, w.places.S, '2026-10')) as unknown as DispatchReport, 'test.approved_share').current?.numerator, 4);

    // November so far: the snapshot is taken again up to now, and the dashboard then shows the same.
    await fileRequest(env.kernel, by, w.places.A, w.places.S, '2026-11-02T10:00:00+08:00', 'approved');
    await fileRequest(env.kernel, by, w.places.B, w.places.S, '2026-11-02T11:00:00+08:00', 'pending', '十一月');
    const now = await secretary.request('POST', '/api/dashboards/reports', { placeId: w.places.C1, period: '2026-11' });
    assert.equal(now.status, 200, JSON.stringify(now.body));
    assert.deepEqual(figureOf(now.body.report, 'test.approved_share').current, { numerator: 1, denominator: 1, value: 100 });
    assert.deepEqual(threeMonths(now.body.report.figures), threeMonths((await overviewOf(secretary, w.places.C1, '2026-11')).figures));
    const entry = await read(env.kernel)
      .selectFrom('audit_log')
      .select(['actor_id', 'detail', 'subject_id'])
      .where('action', '=', 'dashboards.report.built')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_id, w.accounts.community_secretary);
    assert.equal(entry.subject_id, now.body.id);
    assert.deepEqual({ ...(entry.detail as object), figures: 0, snapshotRows: 0 }, {
      period: '2026-11',
      by: 'on-demand',
      figures: 0,
      watch: 1,
      countedTo: env.clock.now().toISOString(),
      snapshotRows: 0,
    });

    // The report kept for October still reads as built, the next month's job leaves it be.
    setClock(env.clock, '2026-11-20T09:00:00+08:00');
    assert.deepEqual(await buildMonthlyReports(env.kernel), { period: '2026-10', built: 0 });
  });

  test('a month not snapshotted, a month to come and a place of the wrong kind are refused, nothing written', async () => {
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/dashboards/reports', { placeId: w.places.S, period: '2026-07' }), 409, 'REPORT_NO_SNAPSHOT');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/dashboards/reports', { placeId: w.places.S, period: '2026-12' }), 400, 'PERIOD_FUTURE');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/dashboards/reports', { placeId: w.places.A1.building }), 400, 'REPORT_PLACE_KIND');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/dashboards/reports', { placeId: w.places.S, period: '2026-13' }), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/dashboards/reports', { placeId: w.places.S2 }), 404, 'PLACE_NOT_FOUND');
  });
});

/** The PDF's text, page by page, as pdf.js extracts it (the legacy build for Node; no canvas: text only). */
async function pdfText(pdf: Buffer): Promise<string> {
  // pdf.js 5 makes a DOMMatrix at load, for drawing; extracting text needs none.
  (globalThis as { DOMMatrix?: unknown }).DOMMatrix ??= class DOMMatrix {};
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((x) => ('str' in x ? x.str : '')).join('');
  }
  await doc.destroy();
  return text.replace(/\s+/g, '');
}
