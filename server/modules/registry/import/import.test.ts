import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { recordAudit } from '../../../kernel/audit/audit.ts';
import { withIdChecksum } from '../../../kernel/pii/pii.ts';
import { PASSWORD, useWorld } from '../../../test/fixture.ts';
import { anotherLiveProcess, countRows } from '../../../test/harness.ts';
import { decodeText, parseCsv } from './read-file.ts';
import { parseArea, parseShare } from './lines.ts';
import { createPerson } from '../use-cases/create-person.ts';
import { endInterruptedImports } from '../use-cases/import-recover.ts';
import { read } from '../registry.db.ts';

/**
 * The household import end to end over HTTP: golden files (fixtures/, made by make-fixtures.ts)
 * through upload → dry run → commit, on the real database of the test fixture world.
 */
const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(`${FIXTURES}${name}`);
const TABLES = ['places', 'reg_rooms', 'reg_persons', 'reg_households', 'audit_log'];

const { env, w, afterSetUp } = useWorld();

interface Client {
  get(url: string): Promise<{ status: number; body: any; raw: Buffer; headers: Record<string, unknown> }>;
  post(url: string, body?: unknown): Promise<{ status: number; body: any }>;
  upload(placeId: string | null, file: { name: string; content: Buffer } | null): Promise<{ status: number; body: any }>;
}

async function client(login: string): Promise<Client> {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
  assert.equal(res.statusCode, 200, `login ${login}`);
  const cookie = `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
  const headers = { cookie, 'x-csrf-token': res.json().csrfToken, 'x-gz-lang': 'zh-CN' };
  const json = (body: string) => {
    try {
      return JSON.parse(body);
    } catch {
      return body;
    }
  };
  return {
    async get(url) {
      const r = await env.app.inject({ method: 'GET', url, headers });
      return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? json(r.body) : null, raw: r.rawPayload, headers: r.headers };
    },
    async post(url, body = {}) {
      const r = await env.app.inject({ method: 'POST', url, headers, payload: body as object });
      return { status: r.statusCode, body: json(r.body) };
    },
    async upload(placeId, file) {
      const boundary = '----gzimport';
      const parts: Buffer[] = [];
      if (placeId !== null) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="placeId"\r\n\r\n${placeId}\r\n`));
      if (file) {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
        parts.push(file.content, Buffer.from('\r\n'));
      }
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/registry/imports',
        headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat(parts),
      });
      return { status: r.statusCode, body: json(r.body) };
    },
  };
}

async function waitTask(c: Client, taskId: string) {
  for (let i = 0; i < 2000; i++) {
    const t = await c.get(`/api/tasks/${taskId}`);
    assert.equal(t.status, 200);
    if (t.body.status !== 'running') return t.body;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('task did not finish');
}

/** Upload + dry run; returns the import id and its report. */
async function dryRun(c: Client, placeId: string, name: string, content: Buffer) {
  const up = await c.upload(placeId, { name, content });
  assert.equal(up.status, 202, JSON.stringify(up.body));
  const task = await waitTask(c, up.body.taskId);
  assert.equal(task.status, 'done', JSON.stringify(task.error));
  const imp = await c.get(`/api/registry/imports/${up.body.importId}`);
  assert.equal(imp.status, 200);
  return { id: up.body.importId as string, report: imp.body.report, task };
}

async function commit(c: Client, id: string, skipInvalid: boolean) {
  const r = await c.post(`/api/registry/imports/${id}/commit`, { skipInvalid });
  assert.equal(r.status, 202, JSON.stringify(r.body));
  return waitTask(c, r.body.taskId);
}

let street: Client;
afterSetUp(async () => {
  street = await client('street_official');
});

describe('reading files', () => {
  test('encodings: BOM, UTF-8, GBK', async () => {
    assert.equal(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0xe6, 0xa5, 0xbc])).text, '楼');
    assert.equal(decodeText(Buffer.from('楼栋', 'utf8')).encoding, 'utf-8');
    const gbk = decodeText(fixture('gbk.csv'));
    assert.equal(gbk.encoding, 'gb18030');
    assert.ok(gbk.text.startsWith('楼号,单元号,室号'));
  });
  test('CSV quotes, doubled quotes and line breaks inside fields', async () => {
    const rows = await parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n');
    assert.deepEqual(rows.map((r) => r.cells), [['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', 'z']]);
    assert.deepEqual(rows.map((r) => r.row), [1, 2, 3]);
  });
  test('areas are exact and shares read as people write them', () => {
    assert.deepEqual(parseArea('89.5'), { centi: 8950 });
    assert.deepEqual(parseArea('１０２.３５㎡'), { centi: 10235 });
    assert.deepEqual(parseArea('89.120'), { centi: 8912 });
    assert.deepEqual(parseArea('89.123'), { code: 'AREA_DECIMALS' });
    assert.deepEqual(parseArea('-3'), { code: 'AREA_INVALID' });
    assert.deepEqual(parseArea('0.5'), { code: 'AREA_ABSURD' });
    assert.deepEqual([parseShare('100%'), parseShare('1/3'), parseShare('0.5'), parseShare('50'), parseShare('120%')], [10000, 3333, 5000, 5000, null]);
  });
});

describe('golden files', () => {
  test('a GBK CSV with header variants imports into 明月小区', async () => {
    const { id, report } = await dryRun(street, w.places.B, 'gbk.csv', fixture('gbk.csv'));
    assert.equal(report.sheet.encoding, 'gb18030');
    assert.equal(report.errorCount, 0, JSON.stringify(report.issues));
    assert.deepEqual(report.unmapped, []);
    assert.deepEqual(report.counts.rooms, { created: 2, updated: 0, unchanged: 0 });
    assert.deepEqual(report.counts.persons, { created: 5, updated: 0, unchanged: 0 });
    assert.deepEqual(report.counts.households, { created: 5, updated: 0, unchanged: 0 });
    const before = await countRows(env.kernel, TABLES);
    const t = await commit(street, id, false);
    assert.equal(t.status, 'done', JSON.stringify(t.error));
    const afterCounts = await countRows(env.kernel, TABLES);
    assert.equal(afterCounts.places - before.places, 4); // 5栋, 2单元, 501, 502
    assert.equal(afterCounts.reg_persons - before.reg_persons, 5);
    assert.equal(afterCounts.audit_log - before.audit_log, 1);
    const people = await read(env.kernel).selectFrom('reg_persons').select(['name', 'tags', 'phone_masked']).where('name', 'in', ['欧阳娜', '欧阳晓', '龚秀英']).orderBy('name').execute();
    assert.deepEqual(
      people.map((p) => [p.name, p.tags]),
      [
        ['欧阳娜', ['party_member', 'volunteer']],
        ['欧阳晓', ['elderly']],
        ['龚秀英', ['low_income']],
      ],
    );
    // The import writes the tags' history in its transaction: held from the day of the commit (issue 19 §2).
    const spans = await sql<{ name: string; tag: string; held_from: string; held_until: string | null }>`
      select p.name, s.tag, s.held_from, s.held_until from reg_person_tag_spans s join reg_persons p on p.id = s.person_id
      where p.name in ('欧阳娜', '欧阳晓', '龚秀英') order by p.name, s.tag`.execute(read(env.kernel));
    const today = new Date(env.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    assert.deepEqual(
      spans.rows.map((r) => [r.name, r.tag, r.held_from, r.held_until]),
      [
        ['欧阳娜', 'party_member', today, null],
        ['欧阳娜', 'volunteer', today, null],
        ['欧阳晓', 'elderly', today, null],
        ['龚秀英', 'low_income', today, null],
      ],
    );
    const shares = await sql<{ name: string; share_bp: number; relation: string }>`
      select p.name, h.share_bp, h.relation from reg_households h join reg_persons p on p.id = h.person_id join places r on r.id = h.room_id
      where r.name = '502' and r.path like ${`%${w.places.B}%`} order by p.name`.execute(read(env.kernel));
    assert.deepEqual(
      shares.rows.map((r) => [r.name, r.relation, r.share_bp]),
      [
        ['褚天宇', 'tenant', null],
        ['龚建国', 'owner', 5000],
        ['龚秀英', 'co_owner', 5000],
      ],
    );
  });

  test('an xlsx with a title row, merged cells, formulas, full-width digits and stray spaces', async () => {
    const { id, report } = await dryRun(street, w.places.B, 'merged-formulas.xlsx', fixture('merged-formulas.xlsx'));
    assert.equal(report.errorCount, 0, JSON.stringify(report.issues));
    assert.equal(report.headerRow, 2);
    assert.deepEqual(report.counts.rows, { total: 4, blank: 1, valid: 4, invalid: 0 });
    assert.deepEqual(report.counts.rooms, { created: 3, updated: 0, unchanged: 0 });
    assert.deepEqual(report.counts.buildings, { created: 1, unchanged: 0 });
    const t = await commit(street, id, false);
    assert.equal(t.status, 'done', JSON.stringify(t.error));
    const rooms = await read(env.kernel)
      .selectFrom('places as r')
      .innerJoin('reg_rooms as d', 'd.place_id', 'r.id')
      .innerJoin('places as u', 'u.id', 'r.parent_id')
      .innerJoin('places as b', 'b.id', 'u.parent_id')
      .select(['b.name as building', 'u.name as unit', 'r.name', 'd.floor', 'd.area_centi', 'd.area_source', 'd.use'])
      .where('b.name', '=', '6栋')
      .orderBy('r.name')
      .execute();
    assert.deepEqual(rooms, [
      { building: '6栋', unit: '1单元', name: '601', floor: 6, area_centi: 8950, area_source: 'surveyed', use: 'residential' },
      { building: '6栋', unit: '1单元', name: '602', floor: 6, area_centi: 9546, area_source: 'surveyed', use: 'residential' },
      { building: '6栋', unit: '1单元', name: '603', floor: 6, area_centi: 7600, area_source: 'contract', use: 'commercial' },
    ]);
    const names = await read(env.kernel).selectFrom('reg_persons').select(['name', 'phone_masked']).where('name', 'in', ['林小雨', '林大山', '郑秀兰']).orderBy('name').execute();
    assert.deepEqual(names.map((n) => n.name), ['林大山', '林小雨', '郑秀兰']);
    assert.equal(names.find((n) => n.name === '郑秀兰')?.phone_masked, '136****0013');
  });
});

// Every row of errors.csv and what the report must say about it: [row, column, code].
const EXPECTED_ERRORS: [number, string, string][] = [
  [3, 'D', 'MISSING'],
  [4, 'J', 'ID_INVALID'],
  [5, 'F', 'AREA_INVALID'],
  [6, 'F', 'AREA_DECIMALS'],
  [7, 'F', 'AREA_ABSURD'],
  [8, 'F', 'ROOM_CONFLICT'],
  [9, 'I', 'DUPLICATE_ROW'],
  [10, 'I', 'ID_TWO_NAMES'],
  [11, 'J', 'PERSON_TWO_IDS'],
  [12, 'J', 'ID_REGISTERED_OTHER_NAME'],
  [13, 'L', 'VALUE_UNKNOWN'],
  [14, 'K', 'PHONE_INVALID'],
  [15, 'J', 'OWNER_NEEDS_ID'],
  [16, 'A', 'COMPOUND_MISMATCH'],
  [18, 'F', 'ROOM_NEEDS_AREA'],
  [19, 'M', 'SHARE_TOTAL'],
  [20, 'M', 'SHARE_TOTAL'],
  [21, 'E', 'FLOOR_INVALID'],
  [22, 'J', 'PERSON_REGISTERED_OTHER_ID'],
  [25, 'N', 'VALUE_UNKNOWN'],
];

describe('a file with every kind of row error', () => {
  let importId: string;
  let report: any;
  before(async () => {
    ({ id: importId, report } = await dryRun(street, w.places.A, 'errors.csv', fixture('errors.csv')));
  });

  test('the report names each error at its file row and column, in zh-CN and en', () => {
    const errors = report.issues.filter((i: any) => i.level === 'error');
    assert.deepEqual(
      errors.map((i: any) => [i.row, i.column, i.code]),
      EXPECTED_ERRORS,
    );
    for (const e of errors) {
      assert.ok(e.messageZh && e.messageEn && e.messageZh !== e.messageEn, `row ${e.row} has both languages`);
      assert.doesNotMatch(e.messageZh + e.messageEn, /\{\w+\}/, 'every placeholder is filled');
    }
    assert.match(errors.find((e: any) => e.row === 8).messageZh, /第 2 行.*95\.20.*96\.00/);
    assert.match(errors.find((e: any) => e.row === 11).messageEn, /row 2/);
    assert.equal(report.sheet.encoding, 'utf-8-bom');
    assert.deepEqual(report.counts.rows, { total: 23, blank: 1, valid: 3, invalid: 20 });
  });

  test('a room with another area in the registry is an update, not an error', () => {
    const updates = report.issues.filter((i: any) => i.level === 'update');
    assert.deepEqual(updates.map((i: any) => [i.row, i.column, i.code]), [[17, 'F', 'ROOM_UPDATE']]);
    assert.match(updates[0].messageZh, /89\.50.*90\.00/);
    assert.deepEqual(report.counts.rooms, { created: 1, updated: 1, unchanged: 0 });
  });

  test('the report downloads as xlsx with the rows and an error column', async () => {
    const res = await street.get(`/api/registry/imports/${importId}/report.xlsx`);
    assert.equal(res.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.equal(header[0], '文件行号');
    assert.equal(header.at(-1), '错误说明');
    assert.equal(sheet.rowCount - 1, new Set(EXPECTED_ERRORS.map((e) => e[0])).size);
    const row4 = sheet.getRow(3).values as unknown[];
    assert.equal(row4[1], 4);
    assert.equal(row4[5], '302');
    assert.match(String(row4.at(-1)), /^J 身份证号: 身份证号.*校验不通过/);
    assert.equal(book.worksheets[1]!.rowCount - 1, EXPECTED_ERRORS.length + 1);
  });

  test('committing all-or-nothing writes nothing and fails with the error count', async () => {
    const before = await countRows(env.kernel, TABLES);
    const t = await commit(street, importId, false);
    assert.equal(t.status, 'failed');
    assert.equal(t.error.code, 'IMPORT_HAS_ERRORS');
    assert.deepEqual(await countRows(env.kernel, TABLES), before);
    const staging = await countRows(env.kernel, ['reg_import_rooms', 'reg_import_persons', 'reg_import_households']);
    assert.deepEqual(Object.values(staging), [0, 0, 0]);
    assert.equal((await street.get(`/api/registry/imports/${importId}`)).body.status, 'analysed');
  });

  test('skipping invalid rows commits exactly the valid rows', async () => {
    const before = await countRows(env.kernel, TABLES);
    const t = await commit(street, importId, true);
    assert.equal(t.status, 'done', JSON.stringify(t.error));
    const afterCounts = await countRows(env.kernel, TABLES);
    // Rows 2, 17, 24: building 3栋, its unit and room 301 (赵一 owner, 周四 tenant); room 101's area.
    assert.equal(afterCounts.places - before.places, 3);
    assert.equal(afterCounts.reg_rooms - before.reg_rooms, 1);
    assert.equal(afterCounts.reg_persons - before.reg_persons, 2);
    assert.equal(afterCounts.reg_households - before.reg_households, 2);
    assert.equal(afterCounts.audit_log - before.audit_log, 1);
    const room101 = await read(env.kernel).selectFrom('reg_rooms').select('area_centi').where('place_id', '=', w.rooms.A101).executeTakeFirstOrThrow();
    assert.equal(room101.area_centi, 9000);
    const entry = await read(env.kernel).selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.equal(entry.action, 'registry.import.committed');
    assert.equal(entry.subject_id, importId);
    assert.equal(entry.actor_id, w.accounts.street_official);
    const detail = entry.detail as { importedRows: number; skippedRows: number; rooms: { created: number; updated: number } };
    assert.deepEqual([detail.importedRows, detail.skippedRows, detail.rooms.created, detail.rooms.updated], [3, 20, 1, 1]);
    // A committed import cannot be committed again.
    assert.equal((await street.post(`/api/registry/imports/${importId}/commit`, { skipInvalid: true })).status, 409);
  });

  test('importing the same file again creates and updates nothing', async () => {
    const { id, report: again } = await dryRun(street, w.places.A, 'errors.csv', fixture('errors.csv'));
    const c = again.counts;
    assert.deepEqual([c.rooms.created, c.rooms.updated, c.persons.created, c.persons.updated, c.households.created, c.households.updated, c.buildings.created, c.units.created], [0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual([c.rooms.unchanged, c.households.unchanged], [2, 2]);
    const before = await countRows(env.kernel, ['places', 'reg_rooms', 'reg_persons', 'reg_households']);
    const t = await commit(street, id, true);
    assert.equal(t.status, 'done');
    assert.deepEqual(await countRows(env.kernel, ['places', 'reg_rooms', 'reg_persons', 'reg_households']), before);
  });
});

test('idempotence: the GBK file a second time finds everything in place', async () => {
  const { report } = await dryRun(street, w.places.B, 'gbk.csv', fixture('gbk.csv'));
  const c = report.counts;
  assert.equal(report.errorCount, 0);
  assert.deepEqual(c.rooms, { created: 0, updated: 0, unchanged: 2 });
  assert.deepEqual(c.persons, { created: 0, updated: 0, unchanged: 5 });
  assert.deepEqual(c.households, { created: 0, updated: 0, unchanged: 5 });
});

test('a column mapping names what the headers do not', async () => {
  const file = Buffer.from('座,单元,房号,面积,业主,证号\n9栋,1单元,901,80,何一,' + withIdChecksum('44030519850101091') + '\n', 'utf8');
  const { id, report } = await dryRun(street, w.places.B, 'odd.csv', file);
  assert.deepEqual(report.unmapped.map((u: any) => [u.letter, u.header]), [['A', '座'], ['E', '业主']]);
  assert.equal(report.issues[0].code, 'REQUIRED_COLUMNS');
  const again = await street.post(`/api/registry/imports/${id}/dry-run`, { mapping: { A: 'building', E: 'name' } });
  assert.equal(again.status, 202);
  assert.equal((await waitTask(street, again.body.taskId)).status, 'done');
  const r2 = (await street.get(`/api/registry/imports/${id}`)).body.report;
  // 业主 in column E is the name, but nothing says the relation: that is the row's error.
  assert.deepEqual(r2.issues.map((i: any) => [i.row, i.column, i.code]), [[2, null, 'RELATION_REQUIRED']]);
  assert.equal((await street.post(`/api/registry/imports/${id}/dry-run`, { mapping: { A: 'building', B: 'building' } })).status, 202);
  assert.equal((await street.post(`/api/registry/imports/${id}/dry-run`, { mapping: { A: 'nonsense' } })).status, 400);
});

describe('access: only those who may write the registry over the target may import', () => {
  const file = () => ({ name: 'gbk.csv', content: fixture('gbk.csv') });
  test('officials over the compound may; others get 403, or 404 outside their scope', async () => {
    const cases: [string, string, number][] = [
      ['street_official', w.places.A, 202],
      ['platform_admin', w.places.A, 202],
      ['community_secretary', w.places.A, 202],
      ['committee_staff', w.places.A, 202],
      ['community_secretary', w.places.B, 404],
      ['street_official', w.places.Z, 404],
      ['grid_worker', w.places.A, 403],
      ['property_manager', w.places.A, 403],
      ['property_staff', w.places.A, 403],
      ['owners_committee_member', w.places.A, 403],
      ['building_leader', w.places.A, 404],
      ['property_committee_member', w.places.A, 403],
      ['department_reviewer', w.places.A, 403],
      ['assessor', w.places.A, 403],
      ['13800000001', w.places.A, 404],
    ];
    for (const [login, place, status] of cases) {
      const c = await client(login);
      const r = await c.upload(place, file());
      assert.equal(r.status, status, `${login} → ${r.status} ${JSON.stringify(r.body)}`);
      if (status === 202) await waitTask(c, r.body.taskId);
    }
  });

  test("another official's import is not found; a unit is no import target", async () => {
    const { id } = await dryRun(street, w.places.A, 'gbk.csv', fixture('gbk.csv'));
    const other = await client('community_secretary');
    assert.equal((await other.get(`/api/registry/imports/${id}`)).status, 200); // same compound, may import there
    const grid = await client('grid_worker');
    assert.equal((await grid.get(`/api/registry/imports/${id}`)).status, 404);
    assert.equal((await grid.post(`/api/registry/imports/${id}/commit`, { skipInvalid: true })).status, 404);
    assert.equal((await street.upload(w.places.A1.unit, file())).status, 400);
  });
});

describe('bad input never answers 500', () => {
  test('missing file, missing place, old .xls, garbage, empty', async () => {
    const before = await countRows(env.kernel, ['reg_imports']);
    assert.equal((await street.upload(w.places.A, null)).status, 400);
    assert.equal((await street.upload(null, { name: 'a.csv', content: fixture('gbk.csv') })).status, 404);
    assert.equal((await street.upload('not-a-uuid', { name: 'a.csv', content: fixture('gbk.csv') })).status, 404);
    assert.equal((await street.upload(w.places.A, { name: 'a.csv', content: Buffer.alloc(0) })).status, 400);
    assert.equal((await street.post('/api/registry/imports', { placeId: w.places.A })).status, 400);
    assert.deepEqual(await countRows(env.kernel, ['reg_imports']), before);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const up = await street.upload(w.places.A, { name: 'old.xls', content: xls });
    assert.equal(up.status, 202);
    const t = await waitTask(street, up.body.taskId);
    assert.equal(t.status, 'failed');
    assert.equal(t.error.code, 'IMPORT_FILE_XLS');
    const zip = await street.upload(w.places.A, { name: 'broken.xlsx', content: Buffer.from('PK\x03\x04garbage') });
    assert.equal((await waitTask(street, zip.body.taskId)).error.code, 'IMPORT_FILE_UNREADABLE');
    const junk = await dryRun(street, w.places.A, 'junk.csv', Buffer.from([0x00, 0xff, 0x10, 0x80, 0x81]));
    assert.equal(junk.report.issues[0].code, 'NO_HEADER');
    assert.equal((await street.get('/api/registry/imports/00000000-0000-7000-8000-000000000000')).status, 404);
    assert.equal((await street.post('/api/registry/imports/00000000-0000-7000-8000-000000000000/commit', { skipInvalid: 'yes' })).status, 400);
  });

  test('the template downloads and its own rows import cleanly', async () => {
    const res = await street.get('/api/registry/imports/template.xlsx');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const { report } = await dryRun(street, w.places.A, '模板.xlsx', res.raw);
    assert.equal(report.errorCount, 0, JSON.stringify(report.issues));
    assert.equal(report.counts.households.created, 2);
  });
});

describe("the dry run's plan at commit", () => {
  const file = (name: string, idNumber: string) =>
    Buffer.from(`楼栋,单元,房号,面积,姓名,身份证号,关系,份额\n12栋,1单元,${name.length}01,90,${name},${idNumber},业主,100%\n`);
  const committedEntry = (importId: string) =>
    read(env.kernel)
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'registry.import.committed')
      .where('subject_id', '=', importId)
      .executeTakeFirstOrThrow()
      .then((r) => r.detail as { checkedAt: string });

  test('is written as it was checked when the registry has not changed since the dry run', async () => {
    const { id } = await dryRun(street, w.places.B, 'plan-reuse.csv', file('卫青', withIdChecksum('33080219700101771')));
    // The upload and the dry run are audited, and neither counts as a change of the registry.
    const trail = await read(env.kernel).selectFrom('audit_log').select(['action', 'detail']).where('subject_id', '=', id).orderBy('seq').execute();
    assert.deepEqual(
      trail.map((e) => e.action),
      ['registry.import.uploaded', 'registry.import.analysed'],
    );
    assert.equal((trail[0]!.detail as { file: string }).file, 'plan-reuse.csv');
    assert.deepEqual(trail[1]!.detail, { rows: 1, validRows: 1, invalidRows: 0, errors: 0 });
    // Changes elsewhere in the platform (not the registry) do not matter.
    await read(env.kernel)
      .transaction()
      .execute((tx) => recordAudit(tx, { accountId: null, name: 'test', requestId: null }, { action: 'notices.notice.read', subjectType: 'notice', subjectId: 'x' }, env.kernel.clock.now()));
    const t = await commit(street, id, false);
    assert.equal(t.status, 'done', JSON.stringify(t.error));
    assert.equal((await committedEntry(id)).checkedAt, 'dry-run');
  });

  test('is checked again when the registry changed meanwhile, and the file is judged by the registry as it is now', async () => {
    const idNumber = withIdChecksum('33080219700101772');
    const { id, report } = await dryRun(street, w.places.B, 'plan-stale.csv', file('霍去病', idNumber));
    assert.equal(report.errorCount, 0);
    // Meanwhile someone registers that ID number under another name.
    await createPerson({ kernel: env.kernel, actor: SYSTEM_ACTOR }, { placeId: w.places.B, name: '霍光', idNumber, tags: [] });
    const before = await countRows(env.kernel, TABLES);
    const t = await commit(street, id, false);
    // Not a constraint failure at write time: the commit re-read the registry and found the conflict.
    assert.equal(t.status, 'failed');
    assert.equal(t.error.code, 'IMPORT_HAS_ERRORS');
    const after = await street.get(`/api/registry/imports/${id}`);
    assert.deepEqual(after.body.report.issues.map((i: any) => i.code), ['ID_REGISTERED_OTHER_NAME']);
    assert.deepEqual(await countRows(env.kernel, TABLES), before);
  });
});

test('after a crash: an import left committing by a process that is gone goes back to failed; one a live process commits is left alone', async () => {
  const { id } = await dryRun(street, w.places.A, 'errors.csv', fixture('errors.csv'));
  // Another app process, alive while its session holds its liveness lock, is committing the import.
  const other = await anotherLiveProcess(env.kernel);
  await read(env.kernel).updateTable('reg_imports').set({ status: 'committing', owner: other.instance }).where('id', '=', id).execute();
  const statusNow = async () => (await read(env.kernel).selectFrom('reg_imports').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  await endInterruptedImports(env.kernel);
  assert.equal(await statusNow(), 'committing', 'its process is alive');
  assert.equal((await street.post(`/api/registry/imports/${id}/commit`, { skipInvalid: true })).status, 409, 'and a second commit is refused meanwhile');

  await other.end();
  await endInterruptedImports(env.kernel);
  assert.equal(await statusNow(), 'failed', 'its process is gone: nothing was written, it may be committed again');
  assert.equal((await commit(street, id, true)).status, 'done');
});
