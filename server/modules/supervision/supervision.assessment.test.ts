import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { STAFF_ROLES, type StaffRole } from '../../kernel/access/index.ts';
import { newId } from '../../kernel/ids.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { expectRefused, type Session, signIn } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { createOrganisation, createPlace } from '../registry/index.ts';
import { DEFAULT_BANDS, DEFAULT_WEIGHTS } from './supervision.assessment.constants.ts';
import { AssessmentsSort } from './use-cases/list-assessments.ts';

/**
 * The assessment over HTTP on the test world (server/test/fixture.ts): street S with compound A (安和物业, 4 rooms),
 * B (no company: never assessed) and D (a second company, added here, under community C2), and street S2 with Z.
 * The clock stands in 2026-Q4. Inputs are the evaluations and inspections (the other modules' figures are read
 * through their public faces, whose own tests hold them; the mapping of every input is in scoring.test.ts).
 *
 * The role lists are written out again on purpose, rather than read from the policy, so that a change to the
 * policy breaks this test and has to be made twice, deliberately.
 */
const READ: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'assessor', 'property_manager', 'property_staff'];
const MANAGE: StaffRole[] = ['platform_admin', 'street_official'];

const { env, w, afterSetUp } = useWorld();
const s = new Map<string, Session>();
const as = (who: string) => s.get(who)!;
let D: string;
let pcD: string;
const Q = '2026-Q4';
const T = '/api/supervision/assessment';
const TABLES = ['sup_assessment_settings', 'sup_evaluations', 'sup_assessment_periods', 'sup_assessments', 'approvals', 'audit_log'];

afterSetUp(async () => {
  pcD = (await createOrganisation(w.ctx, { placeId: w.places.S, kind: 'property_company', name: '德润物业' })).id;
  D = (await createPlace(w.ctx, { parentId: w.places.G2, kind: 'compound', name: '德润家园', compound: { managementMode: 'professional', propertyCompanyId: pcD } })).id;
  for (const role of STAFF_ROLES) s.set(role, await signIn(env.app, role, PASSWORD));
  s.set('street2', await signIn(env.app, 'street2', PASSWORD));
  s.set('resident', await signIn(env.app, '13800000001', PASSWORD));
  // Two submitted inspections of A this quarter (90.00 and 80.50) and a draft that must not count.
  const sheet = newId();
  await sql`insert into sup_sheets (street_id, id, place_id, kind, name, version, applies_from, status, frozen_at)
    values (${w.places.S}, ${sheet}, ${w.places.S}, 'property_service', '物业服务标准', 1, '2026-Q4', 'active', now())`.execute(env.kernel.db);
  for (const [score, status] of [[9000, 'submitted'], [8050, 'submitted'], [1000, 'draft']] as const) {
    await sql`insert into sup_inspections (street_id, id, place_id, company_id, sheet_id, period, inspector_id, inspector_name, status, score_centi, submitted_at)
      values (${w.places.S}, ${newId()}, ${w.places.A}, ${w.organisations.pc1}, ${sheet}, ${Q}, ${w.accounts.street_official}, 'street_official', ${status},
        ${status === 'submitted' ? score : null}, ${status === 'submitted' ? new Date() : null})`.execute(env.kernel.db);
  }
});

const evaluate = (who: string, compoundId: string, kind: 'street' | 'party', scoreCenti: number, period = Q) =>
  as(who).request('POST', `${T}/evaluations`, { compoundId, period, kind, scoreCenti, comment: '服务规范' });

describe('settings: weights add up to 100, bands tile 0–100', () => {
  test('the defaults until saved; a street official saves new ones and the version steps', async () => {
    const res = await as('street_official').request('GET', `${T}/settings?streetId=${w.places.S}`);
    assert.equal(res.status, 200);
    assert.deepEqual([res.body.version, res.body.weights, res.body.bands], [0, DEFAULT_WEIGHTS, DEFAULT_BANDS]);
    const saved = await as('street_official').request('PATCH', `${T}/settings`, { streetId: w.places.S, weights: DEFAULT_WEIGHTS, bands: [...DEFAULT_BANDS].reverse() });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.version, 1);
    assert.deepEqual(saved.body.bands, DEFAULT_BANDS, 'kept top down');
  });
  test('weights not adding up to 100, or bands with a gap, are refused and nothing is written', async () => {
    const put = (body: object) => () => as('street_official').request('PATCH', `${T}/settings`, { streetId: w.places.S, weights: DEFAULT_WEIGHTS, bands: DEFAULT_BANDS, ...body });
    await expectRefused(env.kernel, TABLES, put({ weights: { ...DEFAULT_WEIGHTS, inspections: 25 } }), 400, 'WEIGHTS_INVALID');
    await expectRefused(env.kernel, TABLES, put({ bands: DEFAULT_BANDS.map((b) => (b.colour === 'blue' ? { ...b, to: 8990 } : b)) }), 400, 'BANDS_INVALID');
    await expectRefused(env.kernel, TABLES, put({ bands: DEFAULT_BANDS.map((b) => (b.colour === 'blue' ? { ...b, to: 9010 } : b)) }), 400, 'BANDS_INVALID');
  });
  test('only the platform admin and the street official set them; others of the street 403, another street 404', async () => {
    for (const role of STAFF_ROLES) {
      const res = await as(role).request('PATCH', `${T}/settings`, { streetId: w.places.S, weights: DEFAULT_WEIGHTS, bands: DEFAULT_BANDS });
      assert.equal(res.status, MANAGE.includes(role) ? 200 : READ.includes(role) ? 403 : 404, `${role}: ${JSON.stringify(res.body)}`);
    }
    const other = await as('street_official').request('PATCH', `${T}/settings`, { streetId: w.places.S2, weights: DEFAULT_WEIGHTS, bands: DEFAULT_BANDS });
    assert.equal(other.status, 404);
    // Reading them: whoever reads assessments in the street — the company too (its grants are on its compounds).
    for (const role of STAFF_ROLES) assert.equal((await as(role).request('GET', `${T}/settings?streetId=${w.places.S}`)).status, READ.includes(role) ? 200 : 404, role);
    assert.equal((await as('property_manager').request('GET', `${T}/settings?streetId=${w.places.S2}`)).status, 404);
  });
});

describe('evaluations, computing, publishing', () => {
  test('the street evaluates (street_official), the party organisation (community_secretary) — each only its own kind', async () => {
    assert.equal((await evaluate('street_official', w.places.A, 'street', 8500)).status, 200);
    assert.equal((await evaluate('community_secretary', w.places.A, 'party', 7500)).status, 200);
    assert.equal((await evaluate('street_official', D, 'street', 9500)).status, 200);
    assert.equal((await evaluate('street_official', w.places.A, 'party', 7500)).status, 403);
    assert.equal((await evaluate('community_secretary', w.places.A, 'street', 7500)).status, 403);
    assert.equal((await evaluate('community_secretary', D, 'party', 7500)).status, 404, 'D is outside C1');
    assert.equal((await evaluate('property_manager', w.places.A, 'street', 10000)).status, 403);
    assert.equal((await evaluate('street_official', w.places.Z, 'street', 10000)).status, 404);
    assert.equal((await evaluate('resident', w.places.A, 'street', 10000)).status, 404);
    await expectRefused(env.kernel, TABLES, () => evaluate('street_official', w.places.A, 'street', 8500, '2027-Q1'), 400, 'PERIOD_NOT_STARTED');
    await expectRefused(env.kernel, TABLES, () => evaluate('street_official', w.places.S, 'street', 8500), 400, 'NOT_A_COMPOUND');
  });

  test('compute: A from street 85, party 75 and inspections 85.25 (weights 15/10/20 of 45) = 82.89 blue, partial; D street only = 95.00 green', async () => {
    const res = await as('street_official').request('POST', `${T}/compute`, { streetId: w.places.S, period: Q });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.compounds, 2, 'A and D: B has no company');
    const a = await as('street_official').request('GET', `${T}/${Q}/compounds/${w.places.A}`);
    assert.equal(a.status, 200, JSON.stringify(a.body));
    // (15×85 + 10×75 + 20×85.25) / 45 = 3730 / 45 = 82.888…
    assert.deepEqual([a.body.scoreCenti, a.body.colour, a.body.partial, a.body.rooms], [8289, 'blue', true, 4]);
    const inspections = a.body.breakdown.inputs.find((l: { key: string }) => l.key === 'inspections');
    assert.deepEqual(inspections.raw, { inspections: 2, scoreSumCenti: 17050 }, 'the draft does not count');
    assert.equal(inspections.effectiveWeightCenti, 4444);
    assert.equal(a.body.breakdown.presentWeight, 45);
    const d = await as('street_official').request('GET', `${T}/${Q}/compounds/${D}`);
    assert.deepEqual([d.body.scoreCenti, d.body.colour], [9500, 'green']);
    assert.equal((await as('street_official').request('GET', `${T}/${Q}/compounds/${w.places.B}`)).status, 404);
  });

  test('recomputing a draft replaces it', async () => {
    assert.equal((await evaluate('street_official', w.places.A, 'street', 8000)).status, 200);
    assert.equal((await as('street_official').request('POST', `${T}/compute`, { streetId: w.places.S, period: Q })).status, 200);
    // (15×80 + 10×75 + 20×85.25) / 45 = 3655 / 45 = 81.222…
    const a = await as('street_official').request('GET', `${T}/${Q}/compounds/${w.places.A}`);
    assert.equal(a.body.scoreCenti, 8122);
    const n = await sql<{ n: number }>`select count(*)::int as n from sup_assessments where period = ${Q}`.execute(env.kernel.db);
    assert.equal(n.rows[0]!.n, 2);
  });

  test('the overview: colours, the company roll-up, and what the official may do', async () => {
    const o = await as('street_official').request('GET', `${T}/overview?period=${Q}`);
    assert.equal(o.status, 200, JSON.stringify(o.body));
    assert.deepEqual(
      o.body.distribution.map((d: { compounds: number }) => d.compounds),
      [1, 1, 0, 0, 0],
    );
    assert.equal(o.body.streets[0].status, 'draft');
    assert.deepEqual(o.body.streets[0].can, { compute: true, publish: true, settings: true });
    const pc1 = o.body.companies.find((c: { companyId: string }) => c.companyId === w.organisations.pc1);
    assert.deepEqual([pc1.scoreCenti, pc1.colour, pc1.rooms], [8122, 'blue', 4]);
  });

  test('publishing takes a second street official: the requester cannot approve (APPROVAL_SELF); then frozen (409)', async () => {
    const asked = await as('street_official').request('POST', `${T}/publish`, { streetId: w.places.S, period: Q });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    const approvalId = asked.body.approvalId;
    // While pending: nothing recomputes or re-evaluates, and a second ask is refused.
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `${T}/compute`, { streetId: w.places.S, period: Q }), 409, 'PERIOD_PENDING');
    await expectRefused(env.kernel, TABLES, () => evaluate('street_official', w.places.A, 'street', 9000), 409, 'PERIOD_PENDING');
    await expectRefused(env.kernel, TABLES, () => as('street2').request('POST', `${T}/publish`, { streetId: w.places.S, period: Q }), 409, 'PERIOD_PENDING');
    // The resident sees nothing before publication.
    assert.equal((await as('resident').request('GET', '/api/me/home')).body.supervisionColours, undefined);
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `/api/approvals/${approvalId}/approve`, {}), 403, 'APPROVAL_SELF');
    const approved = await as('street2').request('POST', `/api/approvals/${approvalId}/approve`, {});
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const o = await as('street_official').request('GET', `${T}/overview?period=${Q}`);
    assert.equal(o.body.streets[0].status, 'published');
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `${T}/compute`, { streetId: w.places.S, period: Q }), 409, 'PERIOD_PUBLISHED');
    await expectRefused(env.kernel, TABLES, () => evaluate('community_secretary', w.places.A, 'party', 9000), 409, 'PERIOD_PUBLISHED');
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `${T}/publish`, { streetId: w.places.S, period: Q }), 409, 'PERIOD_PUBLISHED');
    const audit = await sql<{ action: string }>`select action from audit_log where action like 'supervision.assessment.%' order by seq`.execute(env.kernel.db);
    assert.ok(['supervision.assessment.publish_requested', 'supervision.assessment.published'].every((a) => audit.rows.some((r) => r.action === a)));
  });

  test('the resident sees only the published colour of their compound, with the company and period — no score', async () => {
    const home = await as('resident').request('GET', '/api/me/home');
    assert.deepEqual(home.body.supervisionColours, [{ compoundId: w.places.A, compoundName: '阳光花园', companyName: '安和物业', period: Q, colour: 'blue' }]);
    for (const url of [`${T}/overview?period=${Q}`, `${T}/compounds?period=${Q}`, `${T}/trend?period=${Q}`, `${T}/evaluations?period=${Q}`]) {
      assert.equal((await as('resident').request('GET', url)).status, 403, url);
    }
    assert.equal((await as('resident').request('GET', `${T}/${Q}/compounds/${w.places.A}`)).status, 404);
    assert.equal((await as('resident').request('GET', `${T}/settings?streetId=${w.places.S}`)).status, 404);
  });

  test('a rejected publication leaves the period a draft, to recompute and ask again', async () => {
    const P = '2026-Q3';
    assert.equal((await as('street_official').request('POST', `${T}/compute`, { streetId: w.places.S, period: P })).status, 200);
    const asked = await as('street_official').request('POST', `${T}/publish`, { streetId: w.places.S, period: P });
    assert.equal((await as('street2').request('POST', `/api/approvals/${asked.body.approvalId}/reject`, { note: '再核' })).status, 200);
    assert.equal((await as('street_official').request('POST', `${T}/compute`, { streetId: w.places.S, period: P })).status, 200);
    assert.equal((await as('street_official').request('POST', `${T}/publish`, { streetId: w.places.S, period: P })).status, 202);
  });
});

describe('access: officials their places, a company its own, residents the colour only', () => {
  const ids = async (who: string) => ((await as(who).request('GET', `${T}/compounds?period=${Q}`)).body.items ?? []).map((r: { compoundId: string }) => r.compoundId).sort();
  test('the compounds list per role', async () => {
    const both = [w.places.A, D].sort();
    const expected: Record<StaffRole, string[] | number> = {
      platform_admin: both,
      street_official: both,
      property_committee_member: both,
      assessor: both,
      community_secretary: [w.places.A],
      committee_staff: [w.places.A],
      property_manager: [w.places.A],
      property_staff: [w.places.A],
      grid_worker: 403,
      owners_committee_member: 403,
      building_leader: 403,
      department_reviewer: 403,
      workplace_party_contact: 403,
    };
    for (const role of STAFF_ROLES) {
      const want = expected[role];
      if (typeof want === 'number') assert.equal((await as(role).request('GET', `${T}/compounds?period=${Q}`)).status, want, role);
      else assert.deepEqual(await ids(role), want, role);
    }
  });
  test("the breakdown: the company reads its own compound's, 404 for another company's", async () => {
    for (const role of READ) {
      const own = await as(role).request('GET', `${T}/${Q}/compounds/${w.places.A}`);
      assert.equal(own.status, 200, role);
      const other = await as(role).request('GET', `${T}/${Q}/compounds/${D}`);
      assert.equal(other.status, ['community_secretary', 'committee_staff', 'property_manager', 'property_staff'].includes(role) ? 404 : 200, role);
    }
    for (const role of STAFF_ROLES.filter((r) => !READ.includes(r))) assert.equal((await as(role).request('GET', `${T}/${Q}/compounds/${w.places.A}`)).status, 404, role);
  });
  test('the company roll-ups: a company sees its own only', async () => {
    const companies = async (who: string) => (await as(who).request('GET', `${T}/overview?period=${Q}`)).body.companies.map((c: { companyId: string }) => c.companyId).sort();
    assert.deepEqual(await companies('property_manager'), [w.organisations.pc1]);
    assert.deepEqual(await companies('street_official'), [w.organisations.pc1, pcD].sort());
    const trend = await as('property_staff').request('GET', `${T}/trend?period=${Q}`);
    assert.deepEqual(
      trend.body.companies.map((c: { companyId: string }) => c.companyId),
      [w.organisations.pc1],
    );
    assert.equal(trend.body.periods.at(-1), Q);
    assert.equal(trend.body.companies[0].points.at(-1), 8122);
  });
  test('compute and publish: the street official (and the admin computes); others 403, another street 404', async () => {
    const P = '2026-Q2';
    for (const role of STAFF_ROLES) {
      const res = await as(role).request('POST', `${T}/compute`, { streetId: w.places.S, period: P });
      assert.equal(res.status, MANAGE.includes(role) ? 200 : READ.includes(role) ? 403 : 404, `${role}: ${JSON.stringify(res.body)}`);
      const pub = await as(role).request('POST', `${T}/publish`, { streetId: w.places.S, period: '2026-Q1' });
      assert.equal(pub.status, role === 'street_official' ? 409 : READ.includes(role) ? 403 : 404, `${role} publish: ${JSON.stringify(pub.body)}`);
    }
    assert.equal((await as('street_official').request('POST', `${T}/compute`, { streetId: w.places.S2, period: P })).status, 404);
    assert.equal((await as('resident').request('POST', `${T}/compute`, { streetId: w.places.S, period: P })).status, 404);
  });
});

describe('the compounds list sorts, searches and exports', () => {
  test('sorts by score, compound, company, rooms', async () => {
    await expectSorts(env.kernel, as('street_official'), `${T}/compounds?period=${Q}`, AssessmentsSort, {
      score: [w.places.A, D],
      compound: [D, w.places.A],
      company: [w.places.A, D],
      rooms: { asc: [D, w.places.A], desc: [w.places.A, D] },
    });
  });
  test('search by compound or company, filter by colour; xlsx', async () => {
    const q = async (params: string) => (await as('street_official').request('GET', `${T}/compounds?period=${Q}&${params}`)).body.items.map((r: { compoundId: string }) => r.compoundId);
    assert.deepEqual(await q(`q=${encodeURIComponent('德润')}`), [D]);
    assert.deepEqual(await q('colour=blue'), [w.places.A]);
    const res = await env.app.inject({ method: 'GET', url: `${T}/compounds/export.xlsx?period=${Q}`, headers: { cookie: (await loginCookie('street_official')) } });
    assert.equal(res.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    assert.equal(sheet.rowCount, 3);
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1), [Q, '德润家园', '德润物业', 0, '95.00', '绿色', '是', '已公布']);
  });
});

async function loginCookie(login: string) {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
  return `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
}
