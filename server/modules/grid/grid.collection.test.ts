import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { grantRole } from '../../kernel/auth/accounts.ts';
import { write as kwrite } from '../../kernel/context.ts';
import { generatePayouts } from '../../kernel/payouts/payouts.ts';
import { withIdChecksum } from '../../kernel/pii/pii.ts';
import { createPlace } from '../registry/index.ts';
import { type Client, signInClient as signIn } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { expectRefused } from '../../test/harness.ts';
import { COLLECTION_PAYOUT_KIND } from './grid.collection.constants.ts';
import { read } from './grid.db.ts';
import { drawnForSpotCheck } from './use-cases/collection-access.ts';
import { checkRecord } from './use-cases/collection-record-check.ts';
import { submitRecord } from './use-cases/collection-record-submit.ts';
import { setCollectionSettings } from './use-cases/collection-settings-set.ts';
import { loadGrants } from '../../kernel/auth/sessions.ts';
import type { Ctx } from '../../kernel/context.ts';

/**
 * 四个实有: who may submit where (grid workers within their grid; property staff only in a compound their company is
 * commissioned for today), the check exactly once (a verified arrival changes the registry once, audited; an owner
 * waits for the second approver; wrong and already known change nothing), the incentive (only a commissioned
 * company's verified new records, a drawn one only once its spot check passed), and the monthly statement at the
 * month's boundary in Asia/Shanghai.
 */
const { env, w, afterSetUp } = useWorld();
const R = '/api/grid/collection/records';
const C = '/api/grid/collection';
const TABLES = ['grid_records', 'grid_legal_persons', 'grid_components', 'grid_commissions', 'grid_collection_settings', 'reg_households', 'reg_persons', 'approvals', 'audit_log'];
const places = { A3: '', A3room: '' };

afterSetUp(async () => {
  // A second compound of the same company (安和物业) in grid G1, where the property staff also work: never commissioned.
  const A3 = (await createPlace(w.ctx, { parentId: w.places.G1, kind: 'compound', name: '和园小区', compound: { managementMode: 'professional', propertyCompanyId: w.organisations.pc1 } })).id;
  const b = (await createPlace(w.ctx, { parentId: A3, kind: 'building', name: '1栋' })).id;
  const u = (await createPlace(w.ctx, { parentId: b, kind: 'unit', name: '1单元' })).id;
  places.A3 = A3;
  places.A3room = (await createPlace(w.ctx, { parentId: u, kind: 'room', name: '301', room: { floor: 3, area: '80.00', areaSource: 'register', use: 'residential' } })).id;
  await kwrite(w.ctx, async (tx) => {
    await grantRole(tx, w.accounts.property_staff, 'property_staff', A3);
  });
  for (const login of ['grid_worker', 'property_staff', 'property_manager', 'committee_staff', 'community_secretary', 'street_official', 'street2', 'building_leader', '13800000001']) await session(login);
});

const sessions = new Map<string, Promise<Client>>();
const session = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, signIn(env.app, login, PASSWORD));
  return sessions.get(login)!;
};
let seq = 0;
const idNumber = () => withIdChecksum(`33010219880101${String(500 + ++seq).padStart(3, '0')}`);
const arrival = (roomId: string, over: object = {}) => ({
  kind: 'resident_arrival',
  placeId: roomId,
  name: '何静',
  phone: '13912345678',
  idNumber: idNumber(),
  relation: 'tenant',
  date: '2026-11-20',
  landlordName: '房东',
  contractStart: '2026-11-20',
  contractEnd: '2027-11-19',
  ...over,
});
async function submit(login: string, body: object): Promise<string> {
  const r = await (await session(login)).request('POST', R, body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}
async function check(login: string, id: string, outcome: 'new' | 'known' | 'wrong', reason?: string) {
  const r = await (await session(login)).request('POST', `${R}/${id}/check`, { outcome, ...(reason ? { reason } : {}) });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}
const households = (roomId: string) => env.kernel.db.selectFrom('reg_households' as never).select(['id' as never, 'relation' as never]).where('room_id' as never, '=', roomId as never).where('end_date' as never, 'is', null).execute() as Promise<{ id: string; relation: string }[]>;
const audits = (id: string, action: string) => env.kernel.db.selectFrom('audit_log').select('id').where('subject_id', '=', id).where('action', '=', action).execute();
let commissionId = '';
/** A login's actor at a moment (the use cases straight, for times a session cannot travel to). */
async function actorAt(login: keyof typeof w.accounts, iso: string): Promise<Ctx> {
  const accountId = w.accounts[login];
  const when = new Date(iso);
  return { kernel: { ...env.kernel, clock: { now: () => when } }, actor: { accountId, name: login, personId: null, grants: await loadGrants(env.kernel.db, accountId), requestId: null, locale: 'zh-CN' } };
}
async function commissionA(over: object = {}) {
  const r = await (await session('street_official')).request('POST', `${C}/commissions`, { companyId: w.organisations.pc1, compoundId: w.places.A, validFrom: '2026-11-01', ...over });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  commissionId = r.body.id;
}

describe('access: who may submit where', () => {
  test('grid workers within their grid; property staff only where commissioned today; a resident never', async () => {
    await submit('grid_worker', arrival(w.rooms.A103));
    await expectRefused(env.kernel, TABLES, async () => (await session('grid_worker')).request('POST', R, arrival(w.rooms.B103)), 404, 'PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, async () => (await session('property_staff')).request('POST', R, arrival(w.rooms.A103)), 403, 'COLLECTION_NOT_COMMISSIONED');
    await expectRefused(env.kernel, TABLES, async () => (await session('property_staff')).request('POST', R, arrival(w.rooms.B103)), 404, 'PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, async () => (await session('13800000001')).request('POST', R, arrival(w.rooms.A103)), 404, 'PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, async () => (await session('building_leader')).request('POST', R, arrival(w.rooms.A103)), 404, 'PLACE_NOT_FOUND');
    // Only the street commissions, and only the compound's own company.
    await expectRefused(env.kernel, TABLES, async () => (await session('committee_staff')).request('POST', `${C}/commissions`, { companyId: w.organisations.pc1, compoundId: w.places.A, validFrom: '2026-11-01' }), 404, 'PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, async () => (await session('street_official')).request('POST', `${C}/commissions`, { companyId: w.organisations.pc1, compoundId: w.places.B, validFrom: '2026-11-01' }), 400, 'COLLECTION_COMPANY_NOT_OF_COMPOUND');
    // A commission starting in December does not count today (2026-11-22 in Shanghai).
    await commissionA({ validFrom: '2026-12-01' });
    await expectRefused(env.kernel, TABLES, async () => (await session('property_staff')).request('POST', R, arrival(w.rooms.A103)), 403, 'COLLECTION_NOT_COMMISSIONED');
    await commissionA({ validFrom: '2026-11-22', validUntil: '2026-11-22' });
    const id = await submit('property_staff', arrival(w.rooms.A103));
    const row = await read(env.kernel).selectFrom('grid_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.company_id, w.organisations.pc1, "the company is the record's payee");
    assert.equal(row.id_number_masked?.length, 18);
    assert.ok(row.id_number_masked?.includes('*') && !row.id_number_enc?.includes('3301'), 'ID number masked, stored encrypted');
    // Same company, the compound it was never commissioned for: refused.
    await expectRefused(env.kernel, TABLES, async () => (await session('property_staff')).request('POST', R, arrival(places.A3room)), 403, 'COLLECTION_NOT_COMMISSIONED');
    // The commission ends at the end of its last day.
    const tomorrow = await actorAt('property_staff', '2026-11-23T00:00:00+08:00');
    await assert.rejects(submitRecord(tomorrow, arrival(w.rooms.A103) as never), /not commissioned/);
  });

  test('community staff check only in their community; property staff read only their commissioned work', async () => {
    // A record in 二社区 (compound B), submitted by the system standing in for that grid's worker.
    const inB = (await submitRecord({ kernel: env.kernel, actor: SYSTEM_ACTOR }, arrival(w.rooms.B103) as never)).id;
    await expectRefused(env.kernel, TABLES, async () => (await session('committee_staff')).request('POST', `${R}/${inB}/check`, { outcome: 'new' }), 404, 'RECORD_NOT_FOUND');
    const inA = await submit('grid_worker', arrival(w.rooms.A103, { name: '孔维' }));
    await expectRefused(env.kernel, TABLES, async () => (await session('grid_worker')).request('POST', `${R}/${inA}/check`, { outcome: 'new' }), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, async () => (await session('property_manager')).request('GET', `${R}/${inA}`), 404, 'RECORD_NOT_FOUND');
    const list = await (await session('committee_staff')).request('GET', `${R}?q=${encodeURIComponent('孔维')}`);
    assert.deepEqual(list.body.items.map((i: { id: string }) => i.id), [inA]);
    const theirs = await (await session('property_staff')).request('GET', `${R}?pageSize=200`);
    assert.ok(theirs.body.items.length > 0 && theirs.body.items.every((i: { companyId: string | null }) => i.companyId === w.organisations.pc1), "property staff see their company's records only");
    const detail = await (await session('committee_staff')).request('GET', `${R}/${inA}`);
    assert.equal(detail.body.match, 'new');
    assert.equal(detail.body.can.check, true);
    assert.equal(detail.body.roomId, w.rooms.A103);
    assert.ok(!JSON.stringify(detail.body).includes('13912345678'), 'the phone is masked');
  });
});

describe('the form picker', () => {
  test('rooms where I may collect, found by any part of the label, with or without separators', async () => {
    const gw = await session('grid_worker');
    for (const q of ['103', '1栋1单元103', '1栋 / 1单元 / 103']) {
      const found = await gw.request('GET', `${C}/places?kind=room&q=${encodeURIComponent(q)}`);
      assert.ok(found.body.some((p: { id: string; label: string }) => p.id === w.rooms.A103 && p.label === '阳光花园 / 1栋 / 1单元 / 103'), q);
      assert.ok(!found.body.some((p: { id: string }) => p.id === w.rooms.B103), 'not outside the grid');
    }
    const members = await gw.request('GET', `${C}/rooms/${w.rooms.A101}/members`);
    assert.deepEqual(members.body.map((m: { name: string }) => m.name), ['王丽']);
    assert.equal((await gw.request('GET', `${C}/rooms/${w.rooms.B101}/members`)).status, 404);
  });
});

describe('checking: exactly once, applied through the registry', () => {
  test('a verified tenant starts one household, audited; a second check is refused and writes nothing', async () => {
    const before = (await households(w.rooms.A103)).length;
    const id = await submit('grid_worker', arrival(w.rooms.A103, { name: '严冬' }));
    const done = await check('committee_staff', id, 'new');
    assert.equal(done.status, 'verified');
    assert.equal(done.registry.status, 'applied');
    assert.equal((await households(w.rooms.A103)).length, before + 1);
    assert.equal((await audits(id, 'grid.collection.verified')).length, 1);
    const householdAudit = await env.kernel.db.selectFrom('audit_log').select('action').where('subject_id', '=', done.registry.householdId).execute();
    assert.equal(householdAudit.length, 1, `the household is audited once: ${JSON.stringify(householdAudit)}`);
    await expectRefused(env.kernel, TABLES, async () => (await session('community_secretary')).request('POST', `${R}/${id}/check`, { outcome: 'new' }), 409, 'RECORD_ALREADY_CHECKED');
    await expectRefused(env.kernel, TABLES, async () => (await session('committee_staff')).request('POST', `${R}/${id}/check`, { outcome: 'wrong', reason: '重复' }), 409, 'RECORD_ALREADY_CHECKED');
    assert.equal((await households(w.rooms.A103)).length, before + 1, 'the registry changed exactly once');
    const detail = await (await session('committee_staff')).request('GET', `${R}/${id}`);
    assert.equal(detail.body.status, 'verified');
    assert.equal(detail.body.match, 'here', 'the registry now knows her at the room');
  });

  test('an owner waits for the second approver: no household until a different official approves', async () => {
    const before = (await households(w.rooms.A103)).length;
    const id = await submit('grid_worker', arrival(w.rooms.A103, { name: '章程', relation: 'co_owner', shareBp: 5000 }));
    const done = await check('committee_staff', id, 'new');
    assert.equal(done.registry.status, 'pending_approval');
    assert.equal((await households(w.rooms.A103)).length, before, 'nothing yet');
    const row = await read(env.kernel).selectFrom('grid_records').select(['approval_id', 'registry_outcome']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.approval_id, done.registry.approvalId);
    const approved = await (await session('street_official')).request('POST', `/api/approvals/${row.approval_id}/approve`, { note: '核对产权证' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const now = await households(w.rooms.A103);
    assert.equal(now.length, before + 1);
    assert.ok(now.some((h) => h.relation === 'co_owner'));
  });

  test('wrong needs a reason and changes nothing; already known changes nothing and earns nothing', async () => {
    const id = await submit('grid_worker', arrival(w.rooms.A103, { name: '错登' }));
    await expectRefused(env.kernel, TABLES, async () => (await session('committee_staff')).request('POST', `${R}/${id}/check`, { outcome: 'wrong' }), 400, 'COLLECTION_REASON_REQUIRED');
    const before = { households: (await households(w.rooms.A103)).length, persons: await env.kernel.db.selectFrom('reg_persons' as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() };
    assert.equal((await check('committee_staff', id, 'wrong', '身份证号与姓名不符')).status, 'wrong');
    const known = await submit('grid_worker', arrival(w.rooms.A103, { name: '已知' }));
    assert.equal((await check('committee_staff', known, 'known')).status, 'known');
    assert.equal((await households(w.rooms.A103)).length, before.households);
    assert.deepEqual(await env.kernel.db.selectFrom('reg_persons' as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), before.persons);
    assert.equal((await audits(id, 'grid.collection.wrong')).length, 1);
  });

  test('a departure ends the household; a legal person and a component go to the actuals; a known component is updated', async () => {
    const leave = await submit('grid_worker', { kind: 'resident_departure', placeId: w.rooms.A102, personId: w.persons.tom, date: '2026-11-21' });
    assert.equal((await check('committee_staff', leave, 'new')).registry.status, 'applied');
    assert.equal((await households(w.rooms.A102)).length, 0);
    await expectRefused(env.kernel, TABLES, async () => (await session('grid_worker')).request('POST', R, { kind: 'resident_departure', placeId: w.rooms.A102, personId: w.persons.tom, date: '2026-11-21' }), 400, 'COLLECTION_PERSON_NOT_HERE');
    const shop = await submit('grid_worker', { kind: 'legal_person', placeId: (w.places.A1 as unknown as { building: string }).building, name: '便民小卖部', legalKind: 'shop', location: '1栋底商' });
    await check('committee_staff', shop, 'new');
    const lamp = await submit('grid_worker', { kind: 'component', placeId: w.places.A, componentKind: 'street_lamp', condition: 'damaged', location: '北门' });
    await check('committee_staff', lamp, 'new');
    const comp = await read(env.kernel).selectFrom('grid_components').selectAll().where('record_id', '=', lamp).executeTakeFirstOrThrow();
    const again = await submit('grid_worker', { kind: 'component', placeId: w.places.A, componentId: comp.id, componentKind: 'street_lamp', condition: 'good' });
    await check('committee_staff', again, 'new');
    const after = await read(env.kernel).selectFrom('grid_components').selectAll().where('id', '=', comp.id).executeTakeFirstOrThrow();
    assert.equal(after.condition, 'good');
    assert.equal((await read(env.kernel).selectFrom('grid_components').select('id').where('place_id', '=', w.places.A).execute()).length, 1, 'updated, not added');
    const legal = await (await session('committee_staff')).request('GET', `${C}/legal-persons?q=${encodeURIComponent('小卖部')}`);
    assert.equal(legal.body.total, 1);
  });
});

describe('incentive and the monthly statement', () => {
  const setShare = async (bp: number) => {
    const r = await (await session('street_official')).request('PUT', `${C}/settings`, { incentiveFen: 500, spotCheckBp: bp });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };

  test('only verified new records of commissioned staff, drawn ones once passed; the statement at the boundary equals a hand count', async () => {
    await commissionA({ validFrom: '2026-10-01' });
    await expectRefused(env.kernel, TABLES, async () => (await session('committee_staff')).request('PUT', `${C}/settings`, { incentiveFen: 1, spotCheckBp: 0 }), 403, 'FORBIDDEN');
    const payable = [] as string[];
    const unpaid = [] as string[];
    const staffOct = await actorAt('property_staff', '2026-10-31T20:00:00+08:00');
    const gridOct = await actorAt('grid_worker', '2026-10-31T20:00:00+08:00');
    const lastInstant = await actorAt('committee_staff', '2026-10-31T23:59:59.999+08:00');
    const streetOct = await actorAt('street_official', '2026-10-31T23:59:59.999+08:00');
    const company = async (name: string) => (await submitRecord(staffOct, arrival(w.rooms.A103, { name }) as never)).id;
    await setCollectionSettings(streetOct, { incentiveFen: 500, spotCheckBp: 0 });
    // Back in October 2026: the company's records, the grid worker's, already known, wrong — checked at the month's last instant.
    const a = await company('甲');
    const k = await company('乙');
    const x = await company('丙');
    const g = (await submitRecord(gridOct, arrival(w.rooms.A103, { name: '丁' }) as never)).id;
    await checkRecord(lastInstant, a, { outcome: 'new' });
    payable.push(a);
    await checkRecord(lastInstant, k, { outcome: 'known' });
    await checkRecord(lastInstant, x, { outcome: 'wrong', reason: '查无此人' });
    await checkRecord(lastInstant, g, { outcome: 'new' });
    unpaid.push(k, x, g);
    // Drawn: every record while the share is 100%.
    await setCollectionSettings(streetOct, { incentiveFen: 500, spotCheckBp: 10_000 });
    const drawnPass = await company('戊');
    const drawnFail = await company('己');
    const drawnPending = await company('庚');
    for (const id of [drawnPass, drawnFail, drawnPending]) assert.equal((await checkRecord(lastInstant, id, { outcome: 'new' })).spotCheck, true);
    const spot = async (id: string, passed: boolean) => assert.equal((await (await session('street_official')).request('POST', `${R}/${id}/spot-check`, { passed, note: '复核' })).status, 200);
    await spot(drawnPass, true);
    await spot(drawnFail, false);
    await expectRefused(env.kernel, TABLES, async () => (await session('street_official')).request('POST', `${R}/${drawnFail}/spot-check`, { passed: true }), 409, 'SPOT_CHECK_NOT_PENDING');
    await expectRefused(env.kernel, TABLES, async () => (await session('committee_staff')).request('POST', `${R}/${drawnPending}/spot-check`, { passed: true }), 403, 'FORBIDDEN');
    payable.push(drawnPass);
    unpaid.push(drawnFail, drawnPending);
    await setShare(0);
    // The first instant of November: next month's.
    const nov = await company('辛');
    await checkRecord(await actorAt('committee_staff', '2026-11-01T00:00:00+08:00'), nov, { outcome: 'new' });
    unpaid.push(nov);
    const made = await generatePayouts({ kernel: env.kernel, actor: SYSTEM_ACTOR }, { kind: COLLECTION_PAYOUT_KIND, streetId: w.places.S, period: '2026-10' });
    assert.equal(made.created, 1);
    const lines = await env.kernel.db
      .selectFrom('payout_lines as l')
      .innerJoin('payout_statements as s', 's.id', 'l.statement_id')
      .select(['l.source_id', 'l.amount_fen', 's.payee_id', 's.id as statementId'])
      .where('s.kind', '=', COLLECTION_PAYOUT_KIND)
      .where('s.period', '=', '2026-10')
      .execute();
    // Earlier tests verified company records in November (clock 2026-11-22): not October's.
    assert.deepEqual(lines.map((l) => l.source_id).sort(), [...payable].sort(), 'the hand count: the company verified new, and the drawn one that passed');
    assert.ok(lines.every((l) => l.amount_fen === 500 && l.payee_id === w.organisations.pc1));
    for (const id of unpaid) assert.ok(!lines.some((l) => l.source_id === id));

    const month = await (await session('street_official')).request('GET', `${C}/statements?month=2026-10`);
    assert.equal(month.status, 200, JSON.stringify(month.body));
    const row = month.body.items.find((i: { companyId: string }) => i.companyId === w.organisations.pc1);
    assert.deepEqual(
      { verifiedNew: row.verifiedNew, known: row.known, wrong: row.wrong, spotDrawn: row.spotDrawn, spotPassed: row.spotPassed, spotFailed: row.spotFailed, spotPending: row.spotPending, passRate: row.passRate, earnedFen: row.earnedFen },
      { verifiedNew: 4, known: 1, wrong: 1, spotDrawn: 3, spotPassed: 1, spotFailed: 1, spotPending: 1, passRate: 50, earnedFen: 1000 },
    );
    assert.equal(row.statement.totalFen, 1000, 'the kernel statement equals the hand count');
    assert.equal(row.statement.status, 'draft');
    const xlsx = await (await session('street_official')).request('GET', `${C}/statements/export.xlsx?month=2026-10`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    assert.equal(book.worksheets[0]!.getRow(2).getCell(1).value, '安和物业');
  });

  test('the draw is fixed by the record id against the share', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const drawn = ids.filter((id) => drawnForSpotCheck(id, 1000)).length;
    assert.ok(drawn > 150 && drawn < 250, `about one in ten: ${drawn}`);
    assert.equal(ids.filter((id) => drawnForSpotCheck(id, 0)).length, 0);
    assert.equal(ids.filter((id) => drawnForSpotCheck(id, 10_000)).length, 2000);
    assert.equal(drawnForSpotCheck(ids[7]!, 1000), drawnForSpotCheck(ids[7]!, 1000));
  });
});

describe('photos and exports', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 2)]);
  test("a component's photo: seen by whoever reads the record, by nobody else; a wrong file type writes nothing", async () => {
    const made = await (await session('grid_worker')).upload(R, { kind: 'component', placeId: w.places.A, componentKind: 'manhole_cover', condition: 'missing', location: '东门' }, { filename: '井盖.png', type: 'image/png', content: PNG });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const detail = await (await session('committee_staff')).request('GET', `${R}/${made.body.id}`);
    assert.equal(detail.body.photos.length, 1);
    const url = detail.body.photos[0].url as string;
    assert.equal((await (await session('committee_staff')).request('GET', url)).status, 200);
    assert.equal((await (await session('grid_worker')).request('GET', url)).status, 200);
    assert.equal((await (await session('property_manager')).request('GET', url)).status, 404, "not the company's record");
    assert.equal((await (await session('13800000001')).request('GET', url)).status, 404);
    await expectRefused(
      env.kernel,
      [...TABLES, 'grid_files'],
      async () => (await session('grid_worker')).upload(R, { kind: 'component', placeId: w.places.A, componentKind: 'camera', condition: 'good' }, { filename: 'a.txt', type: 'text/plain', content: Buffer.from('not a photo') }),
      415,
      'PHOTO_TYPE_NOT_ALLOWED',
    );
  });

  test('the records table exports what it lists; the to-do counts records waiting for a check', async () => {
    const list = await (await session('committee_staff')).request('GET', `${R}?status=submitted&pageSize=200`);
    const file = await (await session('committee_staff')).request('GET', `${R}/export.xlsx?status=submitted`);
    assert.equal(file.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.raw as unknown as ArrayBuffer);
    assert.equal(book.worksheets[0]!.rowCount, list.body.total + 1);
    const home = await (await session('committee_staff')).request('GET', '/api/me/workbench');
    const todo = (home.body.todos ?? []).find((t: { key: string }) => t.key === 'gridRecordsToCheck');
    assert.equal(todo?.count, list.body.total);
  });
});
