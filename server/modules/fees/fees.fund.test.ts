import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type Actor, STAFF_ROLES, type StaffRole } from '../../kernel/access/index.ts';
import { loadGrants } from '../../kernel/auth/sessions.ts';
import type { Ctx } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import { buildWorld, PASSWORD, type World } from '../../test/fixture.ts';
import { countRows, expectRefused, type Session, signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { read } from './fees.db.ts';
import { fundTotals } from './fees.fund.repository.ts';
import { commitFundStatement, uploadFundStatement } from './use-cases/import-fund-statement.ts';
import { linkFundUse } from './use-cases/link-fund-use.ts';
import { FundEntriesSort } from './use-cases/list-fund-entries.ts';
import { publishFundQuarter } from './use-cases/publish-fund-quarter.ts';
import { fundStatementXlsx, readDay, yuanToFen } from './use-cases/read-fund-statement.ts';

/**
 * The maintenance fund (issue 19 §4): statements imported twice change nothing; a known serial with different
 * content is an error row and nothing is written; bad files are refused whole; a use's basis is a passed decision
 * of the same compound or a complete emergency record; a quarter is published only when every use has a basis,
 * with totals computed by hand; owners read their compound's publications (their own rooms' lines only); the
 * public page carries no personal data; and the access matrix of the routes. The clock: 2026-11-10 (Shanghai).
 */
let env: TestEnv;
let w: World;
const s = new Map<StaffRole | 'resident', Session>();
const ctx = new Map<StaffRole | 'resident', Ctx>();
const decisions = { passedA: '', failedA: '', passedB: '' };
const FUND_TABLES = ['fee_fund_entries', 'fee_fund_imports', 'fee_fund_use_bases', 'fee_fund_publications', 'audit_log'];

/** The roles written out again (not read from FUND_ROLES), so that a change to the policy must be made twice. */
const READ: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'owners_committee_member', 'property_manager', 'property_staff'];
const IMPORT: StaffRole[] = ['platform_admin', 'street_official'];
const LINK: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'owners_committee_member'];
const PUBLISH: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'];
/** The roles whose grant covers the street itself (the import's place); the others sit at a community or below. */
const AT_STREET: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'department_reviewer', 'assessor'];

// 阳光花园 (A) and 明月小区 (B) of 测试街道; A's balance by hand:
// 8950.00 + 4475.50 − 1200.00 + 12.34 − 100.01 − 3000.00 = 9137.83 yuan.
const ROWS: (string | number)[][] = [
  ['A-1', '2026-06-20', '阳光花园', '1栋1单元101', '交存', '8950.00', '', '首期交存'],
  ['A-2', '2026-07-05', '阳光花园', '1栋/1单元/102', '交存', '4475.5', '', '首期交存'],
  ['A-3', '2026-08-01', '阳光花园', '', '使用', '1200', '', '更换楼道灯'],
  ['A-4', '2026-09-21', '阳光花园', '', '利息', '12.34', '', '结息'],
  ['A-5', '2026-09-25', '阳光花园', '1栋 1单元 101', '退还', '100.01', '', '退还多缴'],
  ['A-6', '2026-08-15', '阳光花园', '', '使用', '3,000.00', '', '电梯紧急维修'],
  ['B-2', '2026-07-01', '明月小区', '1栋1单元101', '交存', '5000.00', '', '首期交存'],
  ['B-3', '2026-08-10', '明月小区', '', '使用', '200.00', '', '修补围墙'],
  ['B-1', '2026-09-21', '明月小区', '', '利息', '3.21', '', '结息'],
];
const BALANCE_A = 913_783;

const serialId = async (serial: string) => (await read(env.kernel).selectFrom('fee_fund_entries').select('id').where('serial', '=', serial).executeTakeFirstOrThrow()).id;
const entries = async () => Number((await countRows(env.kernel, ['fee_fund_entries'])).fee_fund_entries);
const balanceOf = async (compoundId: string) => (await fundTotals(read(env.kernel), w.places.S, compoundId)).netFen;
const importAs = async (who: StaffRole, rows: (string | number)[][], placeId = w.places.S) => uploadFundStatement(ctx.get(who)!, { placeId, fileName: 'statement.xlsx', content: await fundStatementXlsx(rows) });

/** A multipart body with text fields and one file under `fileField`. */
function multipart(fields: Record<string, string>, file: { field: string; name: string; type: string; content: Buffer } | null) {
  const boundary = `----gz${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const sessions = new Map<string, { cookie: string; csrf: string }>();
/** Signed in before the tests (a sign-in is audited: inside a refusal's check it would count as a write). */
async function signInForUploads(who: StaffRole) {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: who, password: PASSWORD } });
  sessions.set(who, { cookie: res.cookies.find((c) => c.name === 'gz_session')!.value, csrf: res.json().csrfToken });
}
async function upload(who: StaffRole, url: string, fields: Record<string, string>, file: Parameters<typeof multipart>[1]) {
  const auth = sessions.get(who)!;
  const m = multipart(fields, file);
  const r = await env.app.inject({ method: 'POST', url, headers: { cookie: `gz_session=${auth.cookie}`, 'x-csrf-token': auth.csrf, ...m.headers }, payload: m.payload });
  return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
}
const xlsxFile = (content: Buffer, name = 'statement.xlsx') => ({ field: 'file', name, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function insertDecision(compoundId: string, passed: boolean, title: string) {
  const id = newId();
  const now = env.clock.now();
  await sql`insert into dec_decisions (street_id, id, place_id, compound_id, title, organiser_kind, organiser_authority, status, voting_days, published_at, result, created_at, updated_at)
    values (${w.places.S}, ${id}, ${compoundId}, ${compoundId}, ${title}, 'owners_committee', '业主委员会决议', 'published', 7, ${now}, ${JSON.stringify({ items: [{ passed, quorum: { met: true } }] })}::jsonb, ${now}, ${now})`.execute(env.kernel.db);
  return id;
}

before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  env.clock.advance(Date.parse('2026-11-10T10:00:00+08:00') - env.clock.now().getTime());
  for (const role of STAFF_ROLES) {
    s.set(role, await signIn(env.app, role, PASSWORD));
    await signInForUploads(role);
    const accountId = w.accounts[role];
    const actor: Actor = { accountId, name: role, personId: null, grants: await loadGrants(read(env.kernel), accountId), requestId: null, locale: 'zh-CN' };
    ctx.set(role, { kernel: env.kernel, actor });
  }
  s.set('resident', await signIn(env.app, '13800000001', PASSWORD));
  ctx.set('resident', { kernel: env.kernel, actor: { accountId: w.accounts.resident, name: '王丽', personId: w.persons.alice, grants: [], requestId: null, locale: 'zh-CN' } });
  decisions.passedA = await insertDecision(w.places.A, true, '使用维修资金更换路灯');
  decisions.failedA = await insertDecision(w.places.A, false, '使用维修资金改造绿化');
  decisions.passedB = await insertDecision(w.places.B, true, '明月小区使用维修资金修补围墙');
});
after(() => env.close());

describe('amounts and days as the statement writes them', () => {
  test('yuan to fen on the digits: two decimals at most, no sign, thousands separators allowed', () => {
    const cases: [string, number | null][] = [
      ['0.01', 1],
      ['1', 100],
      ['4475.5', 447_550],
      ['1,280.05', 128_005],
      ['0', 0],
      ['1.234', null],
      ['-0', null],
      ['-5', null],
      ['+5', null],
      ['1e3', null],
      ['', null],
      ['12.', null],
    ];
    for (const [text, fen] of cases) assert.equal(yuanToFen(text), fen, text);
  });
  test('days: real calendar days only', () => {
    assert.equal(readDay('2026/7/1'), '2026-07-01');
    assert.equal(readDay('2026.07.01'), '2026-07-01');
    assert.equal(readDay('2026-02-29'), null);
    assert.equal(readDay('2024-02-29'), '2024-02-29');
    assert.equal(readDay('07/01/2026'), null);
  });
});

describe('importing statements', () => {
  test('a statement imported twice changes nothing: the second report says every row is present already', async () => {
    const first = await importAs('street_official', ROWS);
    assert.deepEqual(first.report.errors, []);
    assert.equal(first.report.added, ROWS.length);
    assert.equal(first.report.present, 0);
    assert.equal(await entries(), 0, 'the dry run writes no entry');
    await commitFundStatement(ctx.get('street_official')!, first.id);
    assert.equal(await entries(), ROWS.length);
    assert.equal(await balanceOf(w.places.A), BALANCE_A, 'the balance, by hand');
    assert.equal(await balanceOf(w.places.B), 500_000 - 20_000 + 321);
    const room = await read(env.kernel).selectFrom('fee_fund_entries').select('room_id').where('serial', '=', 'A-2').executeTakeFirstOrThrow();
    assert.equal(room.room_id, w.rooms.A102, '1栋/1单元/102 resolves to the room');

    const again = await importAs('street_official', ROWS);
    assert.equal(again.report.added, 0);
    assert.equal(again.report.present, ROWS.length);
    assert.deepEqual(again.report.errors, []);
    await commitFundStatement(ctx.get('street_official')!, again.id);
    assert.equal(await entries(), ROWS.length, 'no row added');
    assert.equal(await balanceOf(w.places.A), BALANCE_A, 'the balance unchanged');
    // A committed import is not committed twice.
    await assert.rejects(commitFundStatement(ctx.get('street_official')!, again.id), { code: 'FUND_IMPORT_COMMITTED' });
  });

  test('a changed row with a known serial is an error row, not an overwrite: the commit is refused and writes nothing', async () => {
    const changed = ROWS.map((r) => (r[0] === 'A-1' ? [...r.slice(0, 5), '8950.01', ...r.slice(6)] : r));
    const checked = await importAs('street_official', [...changed, ['A-7', '2026-10-08', '阳光花园', '', '利息', '1.00', '', '补息']]);
    assert.equal(checked.report.errors.length, 1);
    assert.equal(checked.report.errors[0]!.row, 2);
    assert.equal(checked.report.errors[0]!.serial, 'A-1');
    assert.match(checked.report.errors[0]!.zh, /A-1.*内容不同/);
    assert.match(checked.report.errors[0]!.en, /different content/);
    const rows = await countRows(env.kernel, ['fee_fund_entries']);
    await assert.rejects(commitFundStatement(ctx.get('street_official')!, checked.id), { code: 'FUND_IMPORT_HAS_ERRORS' });
    assert.deepEqual(await countRows(env.kernel, ['fee_fund_entries']), rows, 'nothing written, not even the good new row');
    assert.equal(await balanceOf(w.places.A), BALANCE_A);
  });

  test('rows that cannot be read or matched are error rows with their numbers; the good ones are reported new', async () => {
    const checked = await importAs('street_official', [
      ['X-1', '2026-10-01', '阳光花园', '', '交存', '1.234', '', '三位小数'],
      ['X-2', '2026-10-01', '阳光花园', '', '交存', '-0', '', '负零'],
      ['X-3', '2026-10-01', '阳光花园', '', '交存', '0', '', '零'],
      ['X-4', '2026-13-01', '阳光花园', '', '交存', '1.00', '', '坏日期'],
      ['X-5', '2026-10-01', '无此小区', '', '交存', '1.00', '', ''],
      ['X-6', '2026-10-01', '阳光花园', '9栋1单元101', '交存', '1.00', '', '无此房'],
      ['X-7', '2026-10-01', '阳光花园', '', '捐赠', '1.00', '', '坏类型'],
      ['X-8', '2026-10-01', '远方小区', '', '交存', '1.00', '', '别的街道'],
      ['', '2026-10-01', '阳光花园', '', '交存', '1.00', '', '无流水号'],
      ['X-9', '2026-10-01', '阳光花园', '', '交存', '1.00', '', '好的'],
    ]);
    assert.deepEqual(
      checked.report.errors.map((e) => e.row),
      [2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    assert.ok(checked.report.errors.every((e) => e.zh && e.en));
    assert.equal(checked.report.added, 1);
    const rows = await entries();
    await assert.rejects(commitFundStatement(ctx.get('street_official')!, checked.id), { code: 'FUND_IMPORT_HAS_ERRORS' });
    assert.equal(await entries(), rows);
  });

  test('bad files are refused whole with a clear error, and keep nothing (no row, no file)', async () => {
    const send = (file: Parameters<typeof multipart>[1]) => () => upload('street_official', '/api/fees/fund/imports', { placeId: w.places.S }, file);
    await expectRefused(env.kernel, FUND_TABLES, send({ field: 'file', name: 'a.csv', type: 'text/csv', content: Buffer.from('流水号,日期\nA,2026-01-01\n') }), 400, 'FUND_FILE_NOT_XLSX');
    await expectRefused(env.kernel, FUND_TABLES, send(xlsxFile(Buffer.from('PK\u0003\u0004 not really a zip'))), 400, 'FUND_FILE_NOT_XLSX');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['编号', '日期', '小区', '房号', '类型', '金额', '余额', '摘要']);
    const wrongHeaders = Buffer.from(await wb.xlsx.writeBuffer());
    const refused = await expectRefused(env.kernel, FUND_TABLES, send(xlsxFile(wrongHeaders)), 400, 'FUND_FILE_HEADERS');
    assert.match(refused.message, /流水号/);
    await expectRefused(env.kernel, FUND_TABLES, send(xlsxFile(await fundStatementXlsx([]))), 400, 'FUND_FILE_EMPTY');
    await expectRefused(env.kernel, FUND_TABLES, send(null), 400, 'FUND_FILE_REQUIRED');
    // Through the route, a good file answers its report.
    const ok = await upload('street_official', '/api/fees/fund/imports', { placeId: w.places.S }, xlsxFile(await fundStatementXlsx(ROWS)));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.report.present, ROWS.length);
  });
});

describe('uses and their basis', () => {
  test('an emergency use without its whole procedure record is refused', async () => {
    const use = await serialId('A-6');
    const c = ctx.get('owners_committee_member')!;
    const full = { kind: 'emergency' as const, what: '电梯困人，曳引机故障', day: '2026-08-14', certifiedBy: '测试街道办事处' };
    const doc = { filename: '认定书.pdf', mimetype: 'application/pdf', content: PDF };
    const rows = await countRows(env.kernel, FUND_TABLES);
    await assert.rejects(linkFundUse(c, use, full, null), { code: 'FUND_EMERGENCY_RECORD' });
    await assert.rejects(linkFundUse(c, use, { ...full, certifiedBy: undefined }, doc), { code: 'FUND_EMERGENCY_RECORD' });
    await assert.rejects(linkFundUse(c, use, { ...full, what: '' }, doc), { code: 'FUND_EMERGENCY_RECORD' });
    await assert.rejects(linkFundUse(c, use, { ...full, day: undefined }, doc), { code: 'FUND_EMERGENCY_RECORD' });
    assert.deepEqual(await countRows(env.kernel, FUND_TABLES), rows, 'nothing written');
    // Through the route: the form without its document.
    await expectRefused(env.kernel, FUND_TABLES, () => upload('owners_committee_member', `/api/fees/fund/entries/${use}/basis`, { kind: 'emergency', what: full.what, day: full.day, certifiedBy: full.certifiedBy }, null), 400, 'FUND_EMERGENCY_RECORD');
    const linked = await upload('owners_committee_member', `/api/fees/fund/entries/${use}/basis`, { kind: 'emergency', what: full.what, day: full.day, certifiedBy: full.certifiedBy }, { field: 'document', name: '认定书.pdf', type: 'application/pdf', content: PDF });
    assert.equal(linked.status, 200, JSON.stringify(linked.body));
    const document = await s.get('street_official')!.request('GET', `/api/fees/fund/entries/${use}/document`);
    assert.equal(document.status, 200);
  });

  test('a use linked to a decision that did not pass, or of another compound, is refused; a deposit needs no basis', async () => {
    const use = await serialId('A-3');
    const c = ctx.get('community_secretary')!;
    const rows = await countRows(env.kernel, FUND_TABLES);
    await assert.rejects(linkFundUse(c, use, { kind: 'decision', decisionId: decisions.failedA }, null), { code: 'FUND_DECISION_INVALID' });
    await assert.rejects(linkFundUse(c, use, { kind: 'decision', decisionId: decisions.passedB }, null), { code: 'FUND_DECISION_INVALID' });
    await assert.rejects(linkFundUse(c, use, { kind: 'decision', decisionId: newId() }, null), { code: 'FUND_DECISION_INVALID' });
    await assert.rejects(linkFundUse(c, await serialId('A-1'), { kind: 'decision', decisionId: decisions.passedA }, null), { code: 'FUND_NOT_A_USE' });
    assert.deepEqual(await countRows(env.kernel, FUND_TABLES), rows, 'nothing written');
  });

  test('publication is refused while a use of the quarter lacks a basis; then published with the totals by hand', async () => {
    const c = ctx.get('street_official')!;
    const rows = await countRows(env.kernel, FUND_TABLES);
    await assert.rejects(publishFundQuarter(c, { placeId: w.places.A, quarter: '2026-Q3' }), { code: 'FUND_USE_WITHOUT_BASIS' });
    await assert.rejects(publishFundQuarter(c, { placeId: w.places.A, quarter: '2026-Q4' }), { code: 'FUND_BAD_QUARTER' }, 'a quarter not ended yet');
    assert.deepEqual(await countRows(env.kernel, FUND_TABLES), rows);

    await linkFundUse(c, await serialId('A-3'), { kind: 'decision', decisionId: decisions.passedA }, null);
    const p = await publishFundQuarter(c, { placeId: w.places.A, quarter: '2026-Q3' });
    // Opening: A-1 (Q2) 8950.00. Raised A-2 4475.50; interest A-4 12.34; used A-3 + A-6 = 4200.00; returned A-5 100.01.
    assert.equal(p.opening_fen, 895_000);
    assert.equal(p.raised_fen, 447_550);
    assert.equal(p.interest_fen, 1_234);
    assert.equal(p.used_fen, 420_000);
    assert.equal(p.refunded_fen, 10_001);
    assert.equal(p.closing_fen, 895_000 + 447_550 + 1_234 - 420_000 - 10_001);
    assert.equal(p.closing_fen, BALANCE_A);
    assert.equal(p.uses, 2);
    assert.ok(p.recipients >= 1, 'the owners are told');
    await assert.rejects(publishFundQuarter(c, { placeId: w.places.A, quarter: '2026-Q3' }), { code: 'FUND_PUBLISHED_ALREADY' });
    const inbox = await s.get('resident')!.request('GET', '/api/notify/inbox?pageSize=50');
    assert.ok(inbox.body.items.some((m: { title: string }) => m.title.includes('维修资金')), 'the owner 王丽 has the notice in her inbox');
  });

  test('a basis changes only with a reason, audited before and after', async () => {
    const use = await serialId('A-3');
    const c = ctx.get('owners_committee_member')!;
    await assert.rejects(linkFundUse(c, use, { kind: 'emergency', what: '路灯短路起火', day: '2026-07-30', certifiedBy: '测试街道办事处' }, { filename: 'a.pdf', mimetype: 'application/pdf', content: PDF }), { code: 'FUND_REASON_REQUIRED' });
    await linkFundUse(c, use, { kind: 'emergency', what: '路灯短路起火', day: '2026-07-30', certifiedBy: '测试街道办事处', reason: '核对原始凭证，实为紧急抢修' }, { filename: 'a.pdf', mimetype: 'application/pdf', content: PDF });
    const entry = await read(env.kernel).selectFrom('audit_log').select(['detail']).where('action', '=', 'fees.fund.use_relinked').where('subject_id', '=', use).executeTakeFirstOrThrow();
    const detail = entry.detail as { reason: string; before: { kind: string; decisionId: string }; after: { kind: string } };
    assert.equal(detail.reason, '核对原始凭证，实为紧急抢修');
    assert.equal(detail.before.kind, 'decision');
    assert.equal(detail.before.decisionId, decisions.passedA);
    assert.equal(detail.after.kind, 'emergency');
  });
});

describe('owners and the public', () => {
  test("an owner reads the compound's publications, with the lines of their own rooms only", async () => {
    const r = s.get('resident')!;
    const mine = await r.request('GET', '/api/me/fees/fund');
    assert.equal(mine.status, 200);
    const a = mine.body.compounds.find((c: { compoundId: string }) => c.compoundId === w.places.A);
    assert.ok(a, '王丽 owns A101');
    assert.equal(mine.body.compounds.length, 1, 'only the compounds where she owns a room');
    const pub = await r.request('GET', `/api/me/fees/fund/publications/${a.publications[0].id}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.closingFen, BALANCE_A);
    // Q3 lines of A101 (hers): A-5, the refund. Not A-2 (A102's) nor A-1 (Q2).
    assert.deepEqual(pub.body.myLines.map((l: { serial: string }) => l.serial), ['A-5']);
    // Staff have no rooms: the resident route shows them nothing of it.
    assert.equal((await s.get('street_official')!.request('GET', `/api/me/fees/fund/publications/${a.publications[0].id}`)).status, 404);
    assert.equal((await r.request('GET', `/api/fees/fund/summary?placeId=${w.places.A}`)).status, 404, 'an owner has no staff view');
  });

  test('the public page shows totals and uses with their basis, and no personal data; the notice PDF carries its QR code', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/public/fees.fund/${w.places.A}` });
    assert.equal(res.statusCode, 200, res.body);
    const text = res.body;
    assert.match(text, /2026-Q3/);
    assert.match(text, /9137\.83/);
    assert.match(text, /紧急使用/);
    for (const personal of ['王丽', '陈涛', '139', '101', '102', '1单元']) assert.ok(!text.includes(personal), `no ${personal} on the public page`);
    assert.equal((await env.app.inject({ method: 'GET', url: `/api/public/fees.fund/${w.places.B}` })).statusCode, 404, 'nothing published at B');
    const pubs = await s.get('street_official')!.request('GET', `/api/fees/fund/publications?placeId=${w.places.A}`);
    const pdf = await env.app.inject({ method: 'GET', url: `/api/fees/fund/publications/${pubs.body.items[0].id}/notice.pdf`, headers: { cookie: '' } });
    assert.equal(pdf.statusCode, 401, 'the notice PDF is for signed-in staff');
    const staffPdf = await s.get('street_official')!.request('GET', `/api/fees/fund/publications/${pubs.body.items[0].id}/notice.pdf`);
    assert.equal(staffPdf.status, 200);
  });
});

describe('lists', () => {
  test('entries sort by each key and search by serial or summary', async () => {
    const c = s.get('street_official')!;
    const [b1, b2, b3] = [await serialId('B-1'), await serialId('B-2'), await serialId('B-3')];
    await expectSorts(env.kernel, c, `/api/fees/fund/entries?placeId=${w.places.B}`, FundEntriesSort, {
      day: [b2, b3, b1],
      amount: [b1, b3, b2],
      serial: [b1, b2, b3],
      kind: [b2, b1, b3],
    });
    const found = await c.request('GET', `/api/fees/fund/entries?q=${encodeURIComponent('围墙')}`);
    assert.deepEqual(found.body.items.map((i: { serial: string }) => i.serial), ['B-3']);
    const xlsx = await c.request('GET', `/api/fees/fund/entries/export.xlsx?placeId=${w.places.B}`);
    assert.equal(xlsx.status, 200);
  });
});

describe('access matrix', () => {
  test('reading the fund: the readers over the compound; 404 for everyone else and outside', async () => {
    for (const role of STAFF_ROLES) {
      const c = s.get(role)!;
      const inside = await c.request('GET', `/api/fees/fund/summary?placeId=${w.places.A}`);
      assert.equal(inside.status, READ.includes(role) ? 200 : 404, `${role} at A`);
      if (inside.status === 200) assert.equal(inside.body.balanceFen, BALANCE_A);
      assert.equal((await c.request('GET', `/api/fees/fund/summary?placeId=${w.places.Z}`)).status, 404, `${role} at Z`);
      const list = await c.request('GET', '/api/fees/fund/entries');
      assert.equal(list.status, 200);
      assert.equal(list.body.total > 0, READ.includes(role), `${role} lists entries`);
      const pubs = await c.request('GET', '/api/fees/fund/publications');
      assert.equal(pubs.body.total > 0, READ.includes(role), `${role} lists publications`);
    }
  });

  test('importing: the street officials; 403 for other readers at the street; 404 below it', async () => {
    const file = xlsxFile(await fundStatementXlsx(ROWS));
    for (const role of STAFF_ROLES) {
      const res = await upload(role, '/api/fees/fund/imports', { placeId: w.places.S }, file);
      const expected = IMPORT.includes(role) ? 201 : AT_STREET.includes(role) && READ.includes(role) ? 403 : 404;
      assert.equal(res.status, expected, `${role}: ${JSON.stringify(res.body)}`);
      const outside = await upload(role, '/api/fees/fund/imports', { placeId: w.places.S2 }, file);
      assert.equal(outside.status, 404, `${role} at the other street`);
    }
  });

  test('linking: officials of the street and community and the owners committee; 403 for other readers; 404 for the rest', async () => {
    const use = await serialId('A-6');
    for (const role of STAFF_ROLES) {
      const res = await upload(role, `/api/fees/fund/entries/${use}/basis`, { kind: 'decision', decisionId: decisions.passedA, reason: '以业主共同决定为依据' }, null);
      assert.equal(res.status, LINK.includes(role) ? 200 : READ.includes(role) ? 403 : 404, `${role}: ${JSON.stringify(res.body)}`);
    }
  });

  test('publishing: officials of the street and community; 403 for other readers; 404 for the rest', async () => {
    const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
    for (const role of STAFF_ROLES) {
      const quarter = PUBLISH.includes(role) ? quarters.shift()! : '2024-Q4';
      const res = await s.get(role)!.request('POST', '/api/fees/fund/publications', { placeId: w.places.A, quarter });
      assert.equal(res.status, PUBLISH.includes(role) ? 201 : READ.includes(role) ? 403 : 404, `${role}: ${JSON.stringify(res.body)}`);
    }
  });
});
