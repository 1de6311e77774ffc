import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { newId } from '../../kernel/ids.ts';
import { PASSWORD } from '../../test/fixture.ts';
import { expectRefused } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { createOrganisation, createPlace } from '../registry/index.ts';
import { DEFAULT_CREDIT_SETTINGS } from './supervision.credit.constants.ts';
import { read, write } from './supervision.db.ts';
import { type Client, ctxFor, pdfFile, png, signInClient, textFile, upload, useRectificationWorld } from './supervision.rectification.test-support.ts';
import { companyCreditGrades } from './use-cases/company-credit-grades.ts';
import { escalateOverdueNotices } from './use-cases/escalate-overdue-notices.ts';
import { issueNotice } from './use-cases/issue-notice.ts';
import { CreditCompaniesSort } from './use-cases/list-credit-companies.ts';
import { CreditRepairsSort } from './use-cases/list-credit-repairs.ts';
import { reissueNotice } from './use-cases/reissue-notice.ts';
import { respondNotice } from './use-cases/respond-notice.ts';
import { syncAllCreditRecords } from './use-cases/sync-credit-records.ts';

/**
 * Company credit over HTTP, hand-computed, on the rectification test world (street S: C1 → G1 → 阳光花园 A served by
 * 安和物业 pc1; C2 → G2 → 明月小区 B (no company) and 德润家园 D (德润物业 pcD, added here); street S2: 远方小区 Z
 * served by 邻街物业 pcZ). The clock starts at 2026-11-22 09:00 China time and only moves forward.
 *
 * pc1's records, as the tests make them: 2026-Q3 published yellow (−3, published 2026-10-10 10:00), a notice sent
 * back (−3), a notice overdue (−5), a complaint upheld (−2) and an award (+10): 80 + 10 − 13 = 77.00 → B. Repairing
 * the overdue notice's record (from its approval on): 82.00 → A; the yellow expires 2027-10-10 10:00: 85.00 → A.
 */
const { env, w, afterSetUp } = useRectificationWorld();
const T = '/api/supervision/credit';
const TABLES = ['sup_credit_settings', 'sup_credit_records', 'sup_credit_repairs', 'sup_credit_files', 'audit_log'];
const PUBLISHED = new Date('2026-10-10T10:00:00+08:00');
const c = new Map<string, Promise<Client>>();
/** A signed-in client, signed in on first use after the clock last moved (a moved clock ends idle sessions). */
const session = (login: string) => {
  if (!c.has(login)) c.set(login, signInClient(env.app, login));
  return c.get(login)!;
};
const as = (login: string): Pick<Client, 'request' | 'upload'> => ({
  request: async (...args: Parameters<Client['request']>) => (await session(login)).request(...args),
  upload: async (...args: Parameters<Client['upload']>) => (await session(login)).upload(...args),
});
let D: string;
let pcD: string;
const ids: Record<string, string> = {};

const setClock = (iso: string | Date) => {
  const target = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  assert.ok(target >= env.clock.now().getTime(), `the clock moves forward to ${new Date(target).toISOString()}`);
  env.clock.advance(target - env.clock.now().getTime());
  c.clear();
};
const records = (companyId: string) =>
  read(env.kernel).selectFrom('sup_credit_records').selectAll().where('company_id', '=', companyId).orderBy('occurred_at').orderBy('kind').execute();
const company = async (login: string, id: string) => {
  const res = await as(login).request('GET', `${T}/companies/${id}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
};
const actions = async () => (await read(env.kernel).selectFrom('audit_log').select('action').where('action', 'like', 'supervision.credit.%').orderBy('seq').execute()).map((a) => a.action);

afterSetUp(async () => {
  pcD = (await createOrganisation(w.ctx, { placeId: w.places.S, kind: 'property_company', name: '德润物业' })).id;
  D = (await createPlace(w.ctx, { parentId: w.places.G2, kind: 'compound', name: '德润家园', compound: { managementMode: 'professional', propertyCompanyId: pcD } })).id;
  const passwordHash = await hashPassword(PASSWORD);
  await write(w.ctx, async (tx) => {
    const id = await createAccount(tx, env.kernel.pii, { username: 'managerd', displayName: 'managerd', password: PASSWORD, passwordHash });
    await grantRole(tx, id, 'property_manager', D);
  });
  // 2026-Q3 published: A yellow (pc1) at S; Z green (pcZ) at S2 — written straight into the assessment part's tables.
  for (const [street, compound, companyId, companyName, colour] of [
    [w.places.S, w.places.A, w.organisations.pc1, '安和物业', 'yellow'],
    [w.places.S2, w.places.Z, w.organisations.pcZ, '邻街物业', 'green'],
  ] as const) {
    await sql`insert into sup_assessment_periods (street_id, period, status, settings_version, settings, computed_at, published_at)
      values (${street}, '2026-Q3', 'published', 1, '{}', ${PUBLISHED}, ${PUBLISHED})`.execute(env.kernel.db);
    await sql`insert into sup_assessments (street_id, period, compound_id, company_id, company_name, rooms, score_centi, colour, partial, breakdown, computed_at)
      values (${street}, '2026-Q3', ${compound}, ${companyId}, ${companyName}, 4, ${colour === 'yellow' ? 7000 : 9500}, ${colour}, false, '[]', ${PUBLISHED})`.execute(env.kernel.db);
  }
  // A draft period must not count.
  await sql`insert into sup_assessment_periods (street_id, period, status, settings_version, settings, computed_at) values (${w.places.S}, '2026-Q4', 'draft', 1, '{}', now())`.execute(env.kernel.db);
  await sql`insert into sup_assessments (street_id, period, compound_id, company_id, company_name, rooms, score_centi, colour, partial, breakdown, computed_at)
    values (${w.places.S}, '2026-Q4', ${w.places.A}, ${w.organisations.pc1}, '安和物业', 4, 5000, 'red', false, '[]', now())`.execute(env.kernel.db);
  // Notices to pc1: one sent back (responded, then reissued), one left to run overdue.
  const official = await ctxFor(env.kernel, w.accounts.street_official);
  const staff = await ctxFor(env.kernel, w.accounts.property_staff);
  const today = chinaDay(env.clock.now());
  ids.noticeBack = (await issueNotice(official, { placeId: w.places.A, title: '绿化补种', description: '北侧绿化带缺株', deadline: today }, [upload(png(1))])).id;
  ids.noticeLate = (await issueNotice(official, { placeId: w.places.A, title: '楼道堆放杂物', description: '请清理', deadline: today }, [upload(png(2))])).id;
  await respondNotice(staff, ids.noticeBack, { text: '已补种' }, [upload(png(3))]);
  await reissueNotice(official, ids.noticeBack, { reason: '仍有缺株', deadline: chinaDay(new Date(env.clock.now().getTime() + 7 * 86_400_000)) });
  setClock('2026-11-23T01:00:00+08:00');
  await escalateOverdueNotices(env.kernel);
});

describe('settings: the published formula, versioned', () => {
  test('the defaults until saved, with the bands as the rules publish them; the company reads them too', async () => {
    for (const login of ['street_official', 'property_manager', 'community_secretary']) {
      const res = await as(login).request('GET', `${T}/settings?streetId=${w.places.S}`);
      assert.equal(res.status, 200, login);
      assert.deepEqual([res.body.version, res.body.baseCenti, res.body.capCenti, res.body.validityMonths, res.body.topCenti], [0, 8000, 4000, 12, 12000]);
      assert.deepEqual(
        res.body.bands.map((b: { grade: string; label: string }) => `${b.grade} ${b.label}`),
        ['AAA [110, 120]', 'AA [100, 110)', 'A [80, 100)', 'B [60, 80)', 'C [0, 60)'],
      );
    }
    for (const login of ['assessor', '13800000001', 'zofficial', 'grid_worker']) {
      assert.equal((await as(login).request('GET', `${T}/settings?streetId=${w.places.S}`)).status, 404, login);
    }
  });

  const body = (over: object = {}) => ({
    streetId: w.places.S,
    baseCenti: 8000,
    capCenti: 4000,
    validityMonths: 12,
    bands: DEFAULT_CREDIT_SETTINGS.bands,
    kinds: { ...DEFAULT_CREDIT_SETTINGS.kinds, notice_overdue: { points: -500, basis: '《测试街道物业服务企业信用评价办法》第九条第（三）项' } },
    ...over,
  });

  test('refused: bands with a gap or not reaching base + cap, a bad kind adding, an award range upside down; not the street; another street', async () => {
    const gap = DEFAULT_CREDIT_SETTINGS.bands.map((b) => (b.grade === 'AA' ? { ...b, to: 10999 } : b));
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('PUT', `${T}/settings`, body({ bands: gap })), 400, 'BANDS_INVALID');
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('PUT', `${T}/settings`, body({ capCenti: 5000 })), 400, 'BANDS_INVALID');
    const adds = { ...DEFAULT_CREDIT_SETTINGS.kinds, assessment_red: { points: 1000, basis: '第九条' } };
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('PUT', `${T}/settings`, body({ kinds: adds })), 400, 'POINTS_INVALID');
    const upside = { ...DEFAULT_CREDIT_SETTINGS.kinds, award: { min: 1000, max: 200, basis: '第八条' } };
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('PUT', `${T}/settings`, body({ kinds: upside })), 400, 'POINTS_INVALID');
    await expectRefused(env.kernel, TABLES, () => as('community_secretary').request('PUT', `${T}/settings`, body()), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => as('property_manager').request('PUT', `${T}/settings`, body()), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => as('zofficial').request('PUT', `${T}/settings`, body()), 404, 'PLACE_NOT_FOUND');
  });

  test('a street official saves: version 1, audited; the basis is what records are made under', async () => {
    const res = await as('street_official').request('PUT', `${T}/settings`, body());
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.version, 1);
    assert.equal((await as('property_manager').request('GET', `${T}/settings?streetId=${w.places.S}`)).body.kinds.notice_overdue.basis, '《测试街道物业服务企业信用评价办法》第九条第（三）项');
    assert.deepEqual(await actions(), ['supervision.credit.settings_updated']);
  });
});

describe('sync: records from the published assessment and the notices, idempotent', () => {
  test('refused to a company, a community and another street', async () => {
    await expectRefused(env.kernel, TABLES, () => as('property_manager').request('POST', `${T}/sync`, { streetId: w.places.S }), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => as('community_secretary').request('POST', `${T}/sync`, { streetId: w.places.S }), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => as('zofficial').request('POST', `${T}/sync`, { streetId: w.places.S }), 404, 'PLACE_NOT_FOUND');
  });

  test('the button: the published yellow, the overdue and the reissued notice (not the draft’s red); twice adds nothing', async () => {
    const first = await as('street_official').request('POST', `${T}/sync`, { streetId: w.places.S });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.added, 3);
    const rows = await records(w.organisations.pc1);
    assert.deepEqual(
      rows.map((r) => [r.kind, r.points_centi, r.source_type]),
      [
        ['assessment_yellow', -300, 'assessment'],
        ['notice_reissued', -300, 'notice'],
        ['notice_overdue', -500, 'notice'],
      ],
    );
    const yellow = rows[0]!;
    assert.equal(yellow.occurred_at.getTime(), PUBLISHED.getTime());
    assert.equal(yellow.expires_at.getTime(), Date.parse('2027-10-10T10:00:00+08:00'), '12 months after publication');
    assert.equal(yellow.source_label, '2026-Q3 阳光花园 考评黄色');
    assert.equal(rows[2]!.basis, '《测试街道物业服务企业信用评价办法》第九条第（三）项', 'the basis of the settings it was made under');
    assert.equal(rows[2]!.occurred_at.getTime(), Date.parse('2026-11-23T01:00:00+08:00'), 'when the notice first ran overdue');
    assert.match(rows[2]!.source_label, /^整改〔2026〕第 00\d 号 楼道堆放杂物（逾期未整改）$/);
    ids.overdue = rows[2]!.id;
    ids.yellow = yellow.id;

    const audits = (await actions()).length;
    const again = await as('street_official').request('POST', `${T}/sync`, { streetId: w.places.S });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.added, 0);
    assert.equal((await records(w.organisations.pc1)).length, 3);
    assert.equal((await actions()).length, audits + 1, 'the run is audited, adding 0');
  });

  test('the hourly job: every street (S2’s green now), then nothing', async () => {
    assert.deepEqual(await syncAllCreditRecords(env.kernel), { added: 1 });
    assert.deepEqual((await records(w.organisations.pcZ)).map((r) => [r.kind, r.points_centi]), [['assessment_green', 500]]);
    assert.deepEqual(await syncAllCreditRecords(env.kernel), { added: 0 });
  });
});

describe('records entered by hand', () => {
  test('refused: an award outside its range or without points, a complaint with other points, a false file; not creditManage; outside', async () => {
    const post = (login: string, fields: Record<string, string>, files = [pdfFile(1)]) => () => as(login).upload(`${T}/records`, fields, files);
    const award = (points?: string) => ({ companyId: w.organisations.pc1, kind: 'award', note: '获评示范项目', ...(points ? { pointsCenti: points } : {}) });
    await expectRefused(env.kernel, TABLES, post('street_official', award()), 400, 'AWARD_POINTS_REQUIRED');
    await expectRefused(env.kernel, TABLES, post('street_official', award('199')), 400, 'AWARD_POINTS_REQUIRED');
    await expectRefused(env.kernel, TABLES, post('street_official', award('1001')), 400, 'AWARD_POINTS_REQUIRED');
    await expectRefused(env.kernel, TABLES, post('street_official', { companyId: w.organisations.pc1, kind: 'complaint_upheld', note: '属实', pointsCenti: '-500' }), 400, 'POINTS_NOT_ALLOWED');
    await expectRefused(env.kernel, TABLES, post('street_official', award('500'), [textFile()]), 400, 'FILE_TYPE_NOT_ALLOWED');
    await expectRefused(env.kernel, TABLES, post('community_secretary', award('500')), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, post('property_manager', award('500')), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, post('zofficial', award('500')), 404, 'COMPANY_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, post('assessor', award('500')), 404, 'COMPANY_NOT_FOUND');
  });

  test('a complaint upheld (−2, with a PDF) and an award at the top of its range (+10): 80 + 10 − 13 = 77.00 → B', async () => {
    const complaint = await as('street_official').upload(`${T}/records`, { companyId: w.organisations.pc1, kind: 'complaint_upheld', note: '电梯困人投诉属实' }, [pdfFile(2)]);
    assert.equal(complaint.status, 201, JSON.stringify(complaint.body));
    ids.complaint = complaint.body.id;
    const award = await as('street_official').request('POST', `${T}/records`, { companyId: w.organisations.pc1, kind: 'award', pointsCenti: 1000, note: '获评市级示范项目' });
    assert.equal(award.status, 201, JSON.stringify(award.body));
    ids.award = award.body.id;
    const page = await company('street_official', w.organisations.pc1);
    assert.deepEqual([page.scoreCenti, page.grade, page.goodCenti, page.badCenti, page.counting], [7700, 'B', 1000, 1300, 5]);
    const rec = page.records.find((r: { id: string }) => r.id === ids.complaint);
    assert.deepEqual([rec.pointsCenti, rec.state, rec.note, rec.files.length], [-200, 'counting', '电梯困人投诉属实', 1]);
    assert.equal((await as('street_official').request('GET', `${T}/files/${rec.files[0].id}`)).status, 200);
    assert.equal((await as('secretary2').request('GET', `${T}/files/${rec.files[0].id}`)).status, 404, 'not a company of their places');
    assert.deepEqual(page.formula.bands.map((b: { label: string }) => b.label), ['[110, 120]', '[100, 110)', '[80, 100)', '[60, 80)', '[0, 60)']);
  });
});

describe('access: a company sees only itself, officials their places', () => {
  const visible = async (login: string) => {
    const res = await as(login).request('GET', `${T}/companies?pageSize=200`);
    return res.status === 200 ? res.body.items.map((r: { companyName: string }) => r.companyName).sort() : res.status;
  };
  test('the companies table, role by role, inside and outside its place', async () => {
    const expected: Record<string, string[] | number> = {
      platform_admin: ['安和物业', '德润物业'],
      street_official: ['安和物业', '德润物业'],
      property_committee_member: ['安和物业', '德润物业'],
      community_secretary: ['安和物业'], // C1: A only
      committee_staff: ['安和物业'],
      secretary2: ['德润物业'], // C2: D
      property_manager: ['安和物业'], // its own only
      property_staff: ['安和物业'],
      managerd: ['德润物业'],
      zofficial: ['邻街物业'],
      zmanager: ['邻街物业'],
      assessor: 403,
      grid_worker: 403,
      owners_committee_member: 403,
      building_leader: 403,
      '13800000001': 403,
    };
    for (const [login, want] of Object.entries(expected)) assert.deepEqual(await visible(login), want, login);
  });

  test('a company’s page: its own and its officials’; 404 to others', async () => {
    for (const login of ['property_manager', 'property_staff', 'street_official', 'community_secretary']) assert.equal((await as(login).request('GET', `${T}/companies/${w.organisations.pc1}`)).status, 200, login);
    for (const login of ['managerd', 'secretary2', 'zofficial', 'zmanager', 'assessor', '13800000001', 'grid_worker']) {
      assert.equal((await as(login).request('GET', `${T}/companies/${w.organisations.pc1}`)).status, 404, login);
    }
    assert.equal((await as('property_manager').request('GET', `${T}/companies/${pcD}`)).status, 404);
    const own = await company('property_manager', w.organisations.pc1);
    assert.deepEqual([own.canApply, own.canDecide, own.canManage], [true, false, false]);
    assert.deepEqual([(await company('property_staff', w.organisations.pc1)).canApply, (await company('street_official', w.organisations.pc1)).canDecide], [false, true]);
  });

  test('the companies table sorts by each key, searches, filters by grade and exports', async () => {
    await expectSorts(env.kernel, as('street_official'), `${T}/companies`, CreditCompaniesSort, {
      score: [w.organisations.pc1, pcD], // 77.00, 80.00
      company: [w.organisations.pc1, pcD], // 安 (an) before 德 (de)
      good: [pcD, w.organisations.pc1],
      bad: [pcD, w.organisations.pc1],
      records: [pcD, w.organisations.pc1],
    });
    const b = await as('street_official').request('GET', `${T}/companies?grade=B`);
    assert.deepEqual(b.body.items.map((r: { id: string }) => r.id), [w.organisations.pc1]);
    const q = await as('street_official').request('GET', `${T}/companies?q=${encodeURIComponent('德润')}`);
    assert.deepEqual(q.body.items.map((r: { id: string }) => r.id), [pcD]);
    const x = await as('street_official').request('GET', `${T}/companies/export.xlsx`);
    assert.equal(x.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1), ['测试街道', '德润物业', 1, '80.00', 'A', '0.00', '0.00', 0, 0]);
    assert.equal((await as('assessor').request('GET', `${T}/companies/export.xlsx`)).status, 403);
  });
});

describe('credit repair', () => {
  test('only a bad record that counts and is not repaired; by the company’s manager; one pending at a time', async () => {
    const apply = (login: string, recordId: string, files = [png(7)]) => () => as(login).upload(`${T}/records/${recordId}/repairs`, { statement: '已整改到位，附照片' }, files);
    await expectRefused(env.kernel, TABLES, apply('property_manager', ids.award!), 409, 'NOT_REPAIRABLE');
    await expectRefused(env.kernel, TABLES, apply('property_staff', ids.overdue!), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, apply('street_official', ids.overdue!), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, apply('managerd', ids.overdue!), 404, 'RECORD_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, apply('zmanager', ids.overdue!), 404, 'RECORD_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, apply('13800000001', ids.overdue!), 404, 'RECORD_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, apply('property_manager', newId()), 404, 'RECORD_NOT_FOUND');
    const first = await apply('property_manager', ids.overdue!)();
    assert.equal(first.status, 201, JSON.stringify(first.body));
    ids.rejected = first.body.id;
    await expectRefused(env.kernel, TABLES, apply('property_manager', ids.overdue!), 409, 'REPAIR_PENDING');
  });

  test('the street’s to-do counts it; a community secretary has none', async () => {
    const todo = async (login: string) =>
      ((await as(login).request('GET', '/api/me/workbench')).body.todos as { key: string; count: number; link: string }[]).find((t) => t.key === 'supervisionCreditRepairsToReview');
    assert.deepEqual(await todo('street_official'), { key: 'supervisionCreditRepairsToReview', count: 1, link: '/supervision/credit/repairs?status=pending' });
    assert.equal(await todo('community_secretary'), undefined);
  });

  test('decided only by the street with a reason; rejected: it counts on and may be applied for again', async () => {
    const decide = (login: string, decision: string, reason = '材料不足') => () => as(login).request('POST', `${T}/repairs/${ids.rejected}/decide`, { decision, reason });
    await expectRefused(env.kernel, TABLES, decide('property_manager', 'approve'), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, decide('community_secretary', 'approve'), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, decide('zofficial', 'approve'), 404, 'REPAIR_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `${T}/repairs/${ids.rejected}/decide`, { decision: 'reject' }), 400, 'VALIDATION_FAILED');
    assert.equal((await decide('street_official', 'reject')()).status, 204);
    await expectRefused(env.kernel, TABLES, decide('street_official', 'approve'), 409, 'REPAIR_DECIDED');
    assert.equal((await company('street_official', w.organisations.pc1)).scoreCenti, 7700);
    setClock('2026-11-25T09:00:00+08:00');
    const again = await as('property_manager').upload(`${T}/records/${ids.overdue}/repairs`, { statement: '已补充维保合同与整改照片' }, [png(8), pdfFile(3)]);
    assert.equal(again.status, 201);
    ids.approved = again.body.id;
  });

  test('approved: the record stops counting from the approval, not before — 77.00 → 82.00 (B → A)', async () => {
    setClock('2026-11-26T10:00:00+08:00');
    const approvedAt = env.clock.now();
    assert.equal((await as('street_official').request('POST', `${T}/repairs/${ids.approved}/decide`, { decision: 'approve', reason: '整改到位，同意修复' })).status, 204);
    const page = await company('property_manager', w.organisations.pc1);
    assert.deepEqual([page.scoreCenti, page.grade, page.counting], [8200, 'A', 4]);
    const rec = page.records.find((r: { id: string }) => r.id === ids.overdue);
    assert.deepEqual([rec.state, new Date(rec.repairedAt).getTime(), rec.canApply], ['repaired', approvedAt.getTime(), false]);
    const at = (t: Date) => companyCreditGrades(read(env.kernel), { streetId: w.places.S, at: t }).then((g) => g.find((x) => x.companyId === w.organisations.pc1)!.scoreCenti);
    assert.equal(await at(new Date(approvedAt.getTime() - 1)), 7700, 'an instant before the approval: unchanged');
    assert.equal(await at(approvedAt), 8200);
    await expectRefused(env.kernel, TABLES, () => as('property_manager').upload(`${T}/records/${ids.overdue}/repairs`, { statement: '再次申请' }, [png(9)]), 409, 'NOT_REPAIRABLE');
    assert.deepEqual(
      (await actions()).filter((a) => a.includes('repair')),
      ['supervision.credit.repair_applied', 'supervision.credit.repair_rejected', 'supervision.credit.repair_applied', 'supervision.credit.repair_approved'],
    );
  });

  test('the repairs list: the company its own, officials their places; sorts by each key', async () => {
    const complaintD = await as('street_official').request('POST', `${T}/records`, { companyId: pcD, kind: 'complaint_upheld', note: '垃圾清运不及时' });
    const d = await as('managerd').request('POST', `${T}/records/${complaintD.body.id}/repairs`, { statement: '已增加清运频次' });
    assert.equal(d.status, 201);
    const list = async (login: string, query = '') => {
      const res = await as(login).request('GET', `${T}/repairs?pageSize=200${query}`);
      return res.status === 200 ? res.body.items.map((r: { id: string }) => r.id).sort() : res.status;
    };
    assert.deepEqual(await list('property_manager'), [ids.rejected, ids.approved].sort());
    assert.deepEqual(await list('managerd'), [d.body.id]);
    assert.deepEqual(await list('secretary2'), [d.body.id]);
    assert.deepEqual(await list('street_official', '&status=pending'), [d.body.id]);
    assert.deepEqual(await list('zofficial'), []);
    assert.equal(await list('assessor'), 403);
    assert.equal(await list('13800000001'), 403);
    const [r1, r2, r3] = [ids.rejected!, ids.approved!, d.body.id as string];
    const pc1ById = [r1, r2].sort();
    await expectSorts(env.kernel, as('street_official'), `${T}/repairs`, CreditRepairsSort, {
      appliedAt: [r1, r2, r3],
      company: { asc: [...pc1ById, r3], desc: [r3, ...[...pc1ById].reverse()] }, // 安和物业 before 德润物业; ties by id
      status: [r3, r2, r1], // pending, approved, rejected
    });
  });
});

describe('the resident: their company’s grade only', () => {
  test('on the home page: compound, company and grade — no score, no records', async () => {
    const home = await as('13800000001').request('GET', '/api/me/home');
    assert.equal(home.status, 200);
    assert.deepEqual(home.body.supervisionCredit, [{ compoundId: w.places.A, compoundName: '阳光花园', companyName: '安和物业', grade: 'A' }]);
  });
});

describe('expiry, driven by the clock', () => {
  test('the yellow counts the day before its expiry and the instant before; not at its expiry: 82.00 → 85.00', async () => {
    const expiry = new Date('2027-10-10T10:00:00+08:00');
    setClock(new Date(expiry.getTime() - 86_400_000));
    assert.equal((await company('street_official', w.organisations.pc1)).scoreCenti, 8200);
    setClock(new Date(expiry.getTime() - 1));
    const before = await company('street_official', w.organisations.pc1);
    assert.deepEqual([before.scoreCenti, before.records.find((r: { id: string }) => r.id === ids.yellow).state], [8200, 'counting']);
    setClock(expiry);
    const after = await company('street_official', w.organisations.pc1);
    assert.deepEqual([after.scoreCenti, after.grade, after.records.find((r: { id: string }) => r.id === ids.yellow).state], [8500, 'A', 'expired']);
  });

  test('an expired record cannot be applied for', async () => {
    await session('property_manager'); // signed in first: a sign-in is audited
    await expectRefused(env.kernel, TABLES, () => as('property_manager').request('POST', `${T}/records/${ids.yellow}/repairs`, { statement: '申请修复' }), 409, 'NOT_REPAIRABLE');
  });
});
