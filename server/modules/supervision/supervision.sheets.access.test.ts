import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type StaffRole, STAFF_ROLES } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { useWorld } from '../../test/fixture.ts';
import { expectSorts } from '../../test/sorting.ts';
import { read } from './supervision.db.ts';
import { type Client, JPEG, TEST_SHEET, ctxFor, otherStreetOfficial, signInClient } from './supervision.sheets.test-support.ts';
import { activateSheet } from './use-cases/activate-sheet.ts';
import { createSheet } from './use-cases/create-sheet.ts';
import { deleteSheet } from './use-cases/delete-sheet.ts';
import { InspectionsSort } from './use-cases/list-inspections.ts';
import { saveInspectionItem } from './use-cases/save-inspection-item.ts';
import { saveSheet } from './use-cases/save-sheet.ts';
import { startInspection } from './use-cases/start-inspection.ts';
import { submitInspection } from './use-cases/submit-inspection.ts';

/**
 * The access matrix of the sheets part: each staff role of the fixture (street S: officials and the assessor at S,
 * the community's at C1, the company at compound A, …) on records inside its places and outside them (the other
 * street S2, compound Z; compound B of community C2), and the resident. Allowed → success; visible but not the role's
 * → 403; not visible → 404 (or filtered out of a list).
 *
 * The role lists are written out again on purpose, rather than read from SUPERVISION_ROLES, so that a change to the
 * policy breaks this test and has to be made twice, deliberately.
 */
const STAFF = STAFF_ROLES;
const OFFICIALS: StaffRole[] = ['street_official', 'property_committee_member', 'community_secretary', 'committee_staff'];
const COMPANY: StaffRole[] = ['property_manager', 'property_staff'];
const SHEETS_READ: StaffRole[] = ['platform_admin', ...OFFICIALS, 'assessor', ...COMPANY];
const SHEETS_MANAGE: StaffRole[] = ['platform_admin', 'street_official'];
const INSPECT: StaffRole[] = [...OFFICIALS, 'assessor'];
const READ_SUBMITTED: StaffRole[] = ['platform_admin', ...OFFICIALS, 'assessor', ...COMPANY];
const READ_DRAFTS: StaffRole[] = ['platform_admin', ...INSPECT];
/** Whose grants cover compound B (community C2): the street's, not community C1's nor the company's at A. */
const COVER_B: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'assessor', 'department_reviewer'];

const { env, w, afterSetUp } = useWorld();
const clients = new Map<StaffRole | 'resident', Client>();
const as = (who: StaffRole | 'resident') => clients.get(who)!;
let official: Ctx;
let outside: Ctx;
let activeSheet: string;
let outsideSheet: string;
let submittedA: string;
let submittedZ: string;

/** A fresh draft at S, with content (the previous draft deleted: one draft per kind at a time). */
async function freshDraft(kind: 'civility' = 'civility') {
  const drafts = await read(env.kernel).selectFrom('sup_sheets').select('id').where('street_id', '=', w.places.S).where('kind', '=', kind).where('status', '=', 'draft').execute();
  for (const d of drafts) await deleteSheet(official, d.id);
  const s = await createSheet(official, { placeId: w.places.S, kind, name: '有礼小区评价' });
  await saveSheet(official, s.id, TEST_SHEET);
  return s.id;
}

async function inspection(ctx: Ctx, compoundId: string, submit: boolean) {
  const v = await startInspection(ctx, { compoundId, kind: 'property_service' });
  for (const s of v.sections)
    for (const i of s.indicators) {
      const body = i.method === 'points' ? { awardedCenti: 100 } : i.method === 'yes_no' ? { met: true } : { findings: 1 };
      await saveInspectionItem(ctx, v.id, i.id, body);
    }
  if (submit) await submitInspection(ctx, v.id, {});
  return v.id;
}

afterSetUp(async () => {
  official = await ctxFor(env.kernel, w.accounts.street_official);
  outside = await otherStreetOfficial(env.kernel, w.places.S2);
  const s = await createSheet(official, { placeId: w.places.S, kind: 'property_service', name: '物业服务考评' });
  await saveSheet(official, s.id, TEST_SHEET);
  await activateSheet(official, s.id);
  activeSheet = s.id;
  const z = await createSheet(outside, { placeId: w.places.S2, kind: 'property_service', name: '邻街标准' });
  await saveSheet(outside, z.id, TEST_SHEET);
  await activateSheet(outside, z.id);
  outsideSheet = z.id;
  submittedA = await inspection(official, w.places.A, true);
  submittedZ = await inspection(outside, w.places.Z, true);
  for (const role of STAFF) clients.set(role, await signInClient(env.app, role));
  clients.set('resident', await signInClient(env.app, '13800000001'));
});

const expect3 = (role: StaffRole, allowed: StaffRole[], visible: StaffRole[], success: number) => (allowed.includes(role) ? success : visible.includes(role) ? 403 : 404);

describe('sheets', () => {
  test('GET a sheet: its street’s readers (grants at, above or below it); never the other street’s', async () => {
    for (const role of STAFF) {
      assert.equal((await as(role).request('GET', `/api/supervision/sheets/${activeSheet}`)).status, SHEETS_READ.includes(role) ? 200 : 404, role);
      assert.equal((await as(role).request('GET', `/api/supervision/sheets/${outsideSheet}`)).status, 404, `${role} outside`);
    }
    assert.equal((await as('resident').request('GET', `/api/supervision/sheets/${activeSheet}`)).status, 404);
  });

  test('GET the list: the streets one reads; residents nothing', async () => {
    for (const role of STAFF) {
      const ids = (await as(role).request('GET', '/api/supervision/sheets?pageSize=200')).body.items.map((r: { id: string }) => r.id);
      assert.equal(ids.includes(activeSheet), SHEETS_READ.includes(role), role);
      assert.ok(!ids.includes(outsideSheet), `${role} outside`);
    }
    const res = await as('resident').request('GET', '/api/supervision/sheets');
    assert.deepEqual([res.status, res.body.total], [200, 0]);
  });

  test('POST a draft, PUT its content, activate, copy, delete: the street official and the platform’s admin', async () => {
    for (const role of STAFF) {
      const drafts = await read(env.kernel).selectFrom('sup_sheets').select('id').where('street_id', '=', w.places.S).where('kind', '=', 'civility').where('status', '=', 'draft').execute();
      for (const d of drafts) await deleteSheet(official, d.id);
      const created = await as(role).request('POST', '/api/supervision/sheets', { placeId: w.places.S, kind: 'civility', name: '有礼小区' });
      assert.equal(created.status, expect3(role, SHEETS_MANAGE, SHEETS_READ, 201), `${role} create: ${JSON.stringify(created.body)}`);
      assert.equal((await as(role).request('POST', '/api/supervision/sheets', { placeId: w.places.S2, kind: 'civility', name: '邻街' })).status, 404, `${role} create outside`);

      const draft = await freshDraft();
      assert.equal((await as(role).request('PUT', `/api/supervision/sheets/${draft}`, TEST_SHEET)).status, expect3(role, SHEETS_MANAGE, SHEETS_READ, 200), `${role} edit`);
      assert.equal((await as(role).request('POST', `/api/supervision/sheets/${draft}/activate`)).status, expect3(role, SHEETS_MANAGE, SHEETS_READ, 200), `${role} activate`);
      const other = await freshDraft();
      assert.equal((await as(role).request('DELETE', `/api/supervision/sheets/${other}`)).status, expect3(role, SHEETS_MANAGE, SHEETS_READ, 200), `${role} delete`);
      await freshDraft();
      // Copy needs no draft of the kind: the property-service one has none.
      const copied = await as(role).request('POST', `/api/supervision/sheets/${activeSheet}/copy`);
      assert.equal(copied.status, expect3(role, SHEETS_MANAGE, SHEETS_READ, 201), `${role} copy`);
      if (copied.status === 201) await deleteSheet(official, copied.body.id);
      for (const [m, url] of [
        ['PUT', `/api/supervision/sheets/${outsideSheet}`],
        ['POST', `/api/supervision/sheets/${outsideSheet}/activate`],
        ['POST', `/api/supervision/sheets/${outsideSheet}/copy`],
        ['DELETE', `/api/supervision/sheets/${outsideSheet}`],
      ] as const) {
        assert.equal((await as(role).request(m, url, m === 'PUT' ? TEST_SHEET : undefined)).status, 404, `${role} ${m} ${url} outside`);
      }
    }
    const draft = await freshDraft();
    for (const [m, url] of [
      ['GET', `/api/supervision/sheets/${draft}`],
      ['PUT', `/api/supervision/sheets/${draft}`],
      ['POST', `/api/supervision/sheets/${draft}/activate`],
    ] as const) {
      assert.equal((await as('resident').request(m, url, m === 'PUT' ? TEST_SHEET : undefined)).status, 404, `resident ${m}`);
    }
    assert.equal((await as('resident').request('POST', '/api/supervision/sheets', { placeId: w.places.S, kind: 'civility', name: 'x' })).status, 404);
  });
});

describe('inspections', () => {
  test('GET a submitted inspection: officials, the assessor, the company inspected; not the other street’s', async () => {
    for (const role of STAFF) {
      assert.equal((await as(role).request('GET', `/api/supervision/inspections/${submittedA}`)).status, READ_SUBMITTED.includes(role) ? 200 : 404, role);
      assert.equal((await as(role).request('GET', `/api/supervision/inspections/${submittedZ}`)).status, 404, `${role} outside`);
    }
    assert.equal((await as('resident').request('GET', `/api/supervision/inspections/${submittedA}`)).status, 404);
    const file = (await as('street_official').upload(`/api/supervision/inspections/${await inspection(official, w.places.A, false)}/items/${(await read(env.kernel).selectFrom('sup_sheet_indicators').select('id').where('sheet_id', '=', activeSheet).where('code', '=', 'T1').executeTakeFirstOrThrow()).id}/files`, {}, { filename: 'a.jpg', type: 'image/jpeg', content: JPEG })).body;
    const photo = file.sections[0].indicators[0].files[0];
    for (const role of STAFF) {
      const res = await as(role).request('GET', `/api/supervision/inspections/${file.id}/files/${photo.id}`);
      assert.equal(res.status, READ_DRAFTS.includes(role) ? 200 : 404, `${role} photo of a draft`);
    }
  });

  test('a draft: seen by inspectors and the admin, not the company; worked on by inspectors only', async () => {
    for (const role of STAFF) {
      const draft = await inspection(official, w.places.A, false);
      const t4 = (await read(env.kernel).selectFrom('sup_sheet_indicators').select('id').where('sheet_id', '=', activeSheet).where('code', '=', 'T4').executeTakeFirstOrThrow()).id;
      assert.equal((await as(role).request('GET', `/api/supervision/inspections/${draft}`)).status, READ_DRAFTS.includes(role) ? 200 : 404, `${role} read`);
      assert.equal((await as(role).request('PUT', `/api/supervision/inspections/${draft}/items/${t4}`, { awardedCenti: 200 })).status, expect3(role, INSPECT, READ_DRAFTS, 200), `${role} item`);
      assert.equal((await as(role).upload(`/api/supervision/inspections/${draft}/items/${t4}/files`, {}, { filename: 'a.jpg', type: 'image/jpeg', content: JPEG })).status, expect3(role, INSPECT, READ_DRAFTS, 201), `${role} file`);
      assert.equal((await as(role).request('POST', `/api/supervision/inspections/${draft}/submit`, {})).status, expect3(role, INSPECT, READ_DRAFTS, 200), `${role} submit`);
      const other = await inspection(official, w.places.A, false);
      assert.equal((await as(role).request('DELETE', `/api/supervision/inspections/${other}`)).status, expect3(role, INSPECT, READ_DRAFTS, 200), `${role} delete`);
      const outsideDraft = await inspection(outside, w.places.Z, false);
      assert.equal((await as(role).request('GET', `/api/supervision/inspections/${outsideDraft}`)).status, 404, `${role} outside`);
      assert.equal((await as(role).request('POST', `/api/supervision/inspections/${outsideDraft}/submit`, {})).status, 404, `${role} outside submit`);
    }
  });

  test('start an inspection: inspectors whose grant covers the compound', async () => {
    for (const role of STAFF) {
      assert.equal((await as(role).request('POST', '/api/supervision/inspections', { compoundId: w.places.A })).status, expect3(role, INSPECT, READ_SUBMITTED, 201), `${role} at A`);
      const atB = INSPECT.filter((r) => COVER_B.includes(r));
      const seesB = READ_SUBMITTED.filter((r) => COVER_B.includes(r));
      assert.equal((await as(role).request('POST', '/api/supervision/inspections', { compoundId: w.places.B })).status, expect3(role, atB, seesB, 201), `${role} at B`);
      assert.equal((await as(role).request('POST', '/api/supervision/inspections', { compoundId: w.places.Z })).status, 404, `${role} at Z`);
    }
    assert.equal((await as('resident').request('POST', '/api/supervision/inspections', { compoundId: w.places.A })).status, 404);
  });

  test('the list: the company sees its compound’s submitted inspections only; residents nothing', async () => {
    const draftA = await inspection(official, w.places.A, false);
    for (const role of STAFF) {
      const items = (await as(role).request('GET', '/api/supervision/inspections?pageSize=200')).body.items as { id: string; status: string; compoundId: string }[];
      const ids = items.map((r) => r.id);
      assert.equal(ids.includes(submittedA), READ_SUBMITTED.includes(role), `${role} submitted`);
      assert.equal(ids.includes(draftA), READ_DRAFTS.includes(role), `${role} draft`);
      assert.ok(!ids.includes(submittedZ), `${role} outside`);
      if (COMPANY.includes(role)) assert.ok(items.every((r) => r.status === 'submitted' && r.compoundId === w.places.A), role);
    }
    const res = await as('resident').request('GET', '/api/supervision/inspections');
    assert.deepEqual([res.status, res.body.total], [200, 0]);
    const xlsx = await as('property_manager').request('GET', '/api/supervision/inspections/export.xlsx');
    assert.equal(xlsx.status, 200);
  });
});

describe('the inspections list sorts', () => {
  let rows: string[] = [];
  let civility = '';
  before(async () => {
    // Three inspections on the civility sheet in force (activated in the matrix above; sheetId isolates them): by the
    // official at A (scored), the assessor at B (scored higher) and the committee member at A (a draft, no score).
    await activateSheet(official, await freshDraft());
    const by = async (role: StaffRole, compoundId: string, awarded: number, submit: boolean) => {
      const ctx = await ctxFor(env.kernel, w.accounts[role]);
      const v = await startInspection(ctx, { compoundId, kind: 'civility' });
      civility = v.sheetId;
      for (const s of v.sections)
        for (const i of s.indicators) await saveInspectionItem(ctx, v.id, i.id, i.method === 'points' ? { awardedCenti: awarded } : i.method === 'yes_no' ? { met: true } : { findings: 0 });
      if (submit) await submitInspection(ctx, v.id, {});
      env.clock.advance(60_000);
      return v.id;
    };
    rows = [await by('street_official', w.places.A, 100, true), await by('assessor', w.places.B, 600, true), await by('property_committee_member', w.places.A, 0, false)];
  });

  test('every key, both ways', async () => {
    const [r1, r2, r3] = rows as [string, string, string];
    const { rows: lt } = await sql<{ lt: boolean }>`select ${'阳光花园'}::text < ${'明月小区'}::text as lt`.execute(read(env.kernel));
    const place = lt[0]!.lt ? [r1, r3, r2] : [r2, r1, r3];
    await expectSorts(env.kernel, as('street_official'), `/api/supervision/inspections?sheetId=${civility}`, InspectionsSort, {
      startedAt: [r1, r2, r3],
      period: [r1, r2, r3],
      place,
      score: { asc: [r1, r2, r3], desc: [r2, r1, r3] },
      inspector: [r2, r3, r1],
    });
  });
});
