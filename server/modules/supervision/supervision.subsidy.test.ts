import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { STAFF_ROLES, type StaffRole } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { generatePayouts, statementTotal } from '../../kernel/payouts/payouts.ts';
import { type Client, ctxFor, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { expectRefused } from '../../test/harness.ts';
import { createOrganisation, createPlace } from '../registry/index.ts';
import { read } from './supervision.db.ts';
import { subsidyAmount } from './supervision.subsidy.amount.ts';
import { STANDARD_SUBSIDY_KIND } from './supervision.subsidy.constants.ts';
import { subsidyOutcomes } from './use-cases/subsidy-outcomes.ts';

/**
 * 达标补贴 on the test world (server/test/fixture.ts), the clock in 2026-Q4. Street S: A (安和物业) and two compounds
 * added here, D (德润物业) and F (安和物业 too), and B (no company: never assessed). The assessment's results are
 * written straight into its tables (its own tests hold how they are computed): 2026-Q3 PUBLISHED — A exactly 80.00,
 * D 79.99, E 95.00 (not listed), F 88.00 with 500 rooms (capped); 2026-Q2 computed but NOT published (A 95.00).
 * The policy from 2026-Q1: score ≥ 80.00, 15.50 yuan per room per quarter, at most 5,000.00 yuan per compound; from
 * 2026-Q4: ≥ 90.00.
 */
const { env, w, afterSetUp } = useWorld();
const clients = new Map<string, Client>();
const as = (who: string) => clients.get(who)!;
let official: Ctx;
const P: Record<'D' | 'E' | 'F' | 'pcD', string> = {} as never;
const T = '/api/supervision/subsidy';
const TABLES = ['sup_subsidy_compounds', 'sup_subsidy_policies', 'audit_log'];

async function assessment(period: string, status: 'draft' | 'published', rows: { compoundId: string; companyId: string; companyName: string; rooms: number; score: number | null }[]) {
  const db = env.kernel.db;
  await sql`insert into sup_assessment_periods (street_id, period, status, settings_version, settings, computed_at, published_at)
    values (${w.places.S}, ${period}, ${status}, 0, '{}', now(), ${status === 'published' ? new Date() : null})`.execute(db);
  for (const r of rows) {
    await sql`insert into sup_assessments (street_id, period, compound_id, company_id, company_name, rooms, score_centi, colour, partial, breakdown, computed_at)
      values (${w.places.S}, ${period}, ${r.compoundId}, ${r.companyId}, ${r.companyName}, ${r.rooms}, ${r.score}, ${r.score === null ? null : 'blue'}, false, '[]', now())`.execute(db);
  }
}

afterSetUp(async () => {
  P.pcD = (await createOrganisation(w.ctx, { placeId: w.places.S, kind: 'property_company', name: '德润物业' })).id;
  const compound = async (name: string, company: string) =>
    (await createPlace(w.ctx, { parentId: w.places.G2, kind: 'compound', name, compound: { managementMode: 'professional', propertyCompanyId: company } })).id;
  P.D = await compound('德润家园', P.pcD);
  P.E = await compound('新城花苑', P.pcD);
  P.F = await compound('纺织厂宿舍', w.organisations.pc1);
  await assessment('2026-Q3', 'published', [
    { compoundId: w.places.A, companyId: w.organisations.pc1, companyName: '安和物业', rooms: 123, score: 8000 },
    { compoundId: P.D, companyId: P.pcD, companyName: '德润物业', rooms: 60, score: 7999 },
    { compoundId: P.E, companyId: P.pcD, companyName: '德润物业', rooms: 80, score: 9500 },
    { compoundId: P.F, companyId: w.organisations.pc1, companyName: '安和物业', rooms: 500, score: 8800 },
  ]);
  await assessment('2026-Q2', 'draft', [{ compoundId: w.places.A, companyId: w.organisations.pc1, companyName: '安和物业', rooms: 123, score: 9500 }]);
  official = await ctxFor(env.kernel, w.accounts.street_official);
  for (const role of [...STAFF_ROLES, 'street2']) clients.set(role, await signInClient(env.app, role, PASSWORD));
  clients.set('resident', await signInClient(env.app, '13800000001', PASSWORD));
});

describe('the amount: rooms × rate in whole fen, at most the cap', () => {
  test('123 rooms × 15.50 = 1,906.50 yuan; 500 rooms × 15.50 = 7,750.00 > 5,000.00 → the cap as 1 × 5,000.00; exactly the cap is not capped', () => {
    assert.deepEqual(subsidyAmount(123, 1550, 500_000), { quantity: 123, unitFen: 1550, amountFen: 190_650, capped: false });
    assert.deepEqual(subsidyAmount(500, 1550, 500_000), { quantity: 1, unitFen: 500_000, amountFen: 500_000, capped: true });
    assert.deepEqual(subsidyAmount(200, 2500, 500_000), { quantity: 200, unitFen: 2500, amountFen: 500_000, capped: false });
  });
});

describe('the list and the policy (street officials)', () => {
  test('listing A, D, F and B from 2026-Q1; E not listed; a last quarter before the first is refused', async () => {
    for (const id of [w.places.A, P.D, P.F, w.places.B]) {
      const res = await as('street_official').request('POST', `${T}/compounds`, { compoundId: id, fromPeriod: '2026-Q1', note: '老旧小区' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `${T}/compounds`, { compoundId: P.E, fromPeriod: '2026-Q3', toPeriod: '2026-Q2' }), 400, 'PERIODS_INVALID');
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `${T}/compounds`, { compoundId: w.places.S, fromPeriod: '2026-Q3' }), 400, 'NOT_A_COMPOUND');
    const list = await as('street_official').request('GET', `${T}/compounds?sort=compound&order=asc`);
    assert.equal(list.body.total, 4);
  });
  test('policy versions: from 2026-Q1 (≥ 80.00) and from 2026-Q4 (≥ 90.00); each quarter takes the latest version not after it', async () => {
    assert.equal((await as('street_official').request('POST', `${T}/policies`, { streetId: w.places.S, fromPeriod: '2026-Q1', thresholdCenti: 8000, rateFen: 1550, capFen: 500_000 })).status, 200);
    assert.equal((await as('street_official').request('POST', `${T}/policies`, { streetId: w.places.S, fromPeriod: '2026-Q4', thresholdCenti: 9000, rateFen: 1550, capFen: 500_000 })).status, 200);
    const got = await as('property_manager').request('GET', `${T}/policies?streetId=${w.places.S}`);
    assert.deepEqual(got.body.versions.map((v: any) => [v.fromPeriod, v.thresholdCenti]), [['2026-Q4', 9000], ['2026-Q1', 8000]]);
    const q3 = await subsidyOutcomes(read(env.kernel), w.places.S, '2026-Q3');
    assert.equal(q3.policy?.thresholdCenti, 8000);
    const q4 = await subsidyOutcomes(read(env.kernel), w.places.S, '2026-Q4');
    assert.equal(q4.policy?.thresholdCenti, 9000);
    const q2025 = await subsidyOutcomes(read(env.kernel), w.places.S, '2025-Q4');
    assert.equal(q2025.policy, null);
    assert.ok(q2025.rows.length === 0, 'nothing listed before 2026-Q1');
  });
});

describe('only listed compounds meeting the standard of a published assessment get a line', () => {
  test('2026-Q3: A (exactly 80.00) and F (capped) earn; D (79.99), B (not assessed) do not; E (not listed) has no row', async () => {
    const q = await as('street_official').request('GET', `${T}/quarter?period=2026-Q3&sort=compound&order=asc`);
    assert.equal(q.status, 200);
    const by = Object.fromEntries(q.body.items.map((r: any) => [r.compoundName, [r.outcome, r.amountFen]]));
    assert.deepEqual(by, { 阳光花园: ['meets', 190_650], 德润家园: ['below', 0], 纺织厂宿舍: ['meets', 500_000], 明月小区: ['not_assessed', 0] });
    assert.deepEqual(q.body.totals, { listed: 4, meeting: 2, amountFen: 690_650 });
  });

  test('the statement: one per company, a line per earning compound, quantity × unit = amount; the total is the sum of its lines', async () => {
    const made = await generatePayouts(official, { kind: STANDARD_SUBSIDY_KIND, streetId: w.places.S, period: '2026-Q3' });
    assert.deepEqual([made.created, made.lines], [1, 2]);
    const lines = await read(env.kernel)
      .selectFrom('payout_lines as l')
      .innerJoin('payout_statements as s', (j) => j.onRef('s.street_id', '=', 'l.street_id').onRef('s.id', '=', 'l.statement_id'))
      .select(['s.id as statementId', 's.payee_id', 'l.place_id', 'l.quantity', 'l.unit_fen', 'l.amount_fen'])
      .where('s.kind', '=', STANDARD_SUBSIDY_KIND)
      .orderBy('l.amount_fen')
      .execute();
    assert.deepEqual(
      lines.map((l) => [l.payee_id, l.place_id, l.quantity, l.unit_fen, l.amount_fen]),
      [
        [w.organisations.pc1, w.places.A, 123, 1550, 190_650],
        [w.organisations.pc1, P.F, 1, 500_000, 500_000],
      ],
    );
    assert.equal(await statementTotal(read(env.kernel), w.places.S, lines[0]!.statementId), 690_650);
    // Generating again adds nothing (each compound is paid once per quarter).
    assert.equal((await generatePayouts(official, { kind: STANDARD_SUBSIDY_KIND, streetId: w.places.S, period: '2026-Q3' })).lines, 0);
    const q = await as('street_official').request('GET', `${T}/quarter?period=2026-Q3&q=阳光`);
    assert.equal(q.body.items[0].statementId, lines[0]!.statementId);
  });

  test('an unpublished quarter (2026-Q2, A at 95.00 in a draft) gives no line', async () => {
    const made = await generatePayouts(official, { kind: STANDARD_SUBSIDY_KIND, streetId: w.places.S, period: '2026-Q2' });
    assert.equal(made.lines, 0);
    const q = await as('street_official').request('GET', `${T}/quarter?period=2026-Q2&q=阳光`);
    assert.deepEqual([q.body.items[0].outcome, q.body.items[0].scoreCenti], ['unpublished', null]);
  });

  test('under the 2026-Q4 version (≥ 90.00) a published 88.00 is below', async () => {
    await assessment('2026-Q4', 'published', [{ compoundId: P.F, companyId: w.organisations.pc1, companyName: '安和物业', rooms: 500, score: 8800 }]);
    const q4 = await subsidyOutcomes(read(env.kernel), w.places.S, '2026-Q4');
    assert.equal(q4.rows.find((r) => r.compoundId === P.F)?.outcome, 'below');
    await sql`delete from sup_assessments where period = '2026-Q4'`.execute(env.kernel.db);
    await sql`delete from sup_assessment_periods where period = '2026-Q4'`.execute(env.kernel.db);
  });

  test('the quarter as xlsx', async () => {
    const res = await as('street_official').request('GET', `${T}/quarter/export.xlsx?period=2026-Q3&sort=compound&order=asc`);
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    const rows = wb.worksheets[0]!.getSheetValues().slice(2).map((r: any) => [r[2], r[5], r[7]]);
    assert.deepEqual(rows, [
      ['德润家园', '得分低于标准', '0.00'],
      ['明月小区', '未参加考评（无物业服务企业）', '0.00'],
      ['纺织厂宿舍', '达标', '5000.00'],
      ['阳光花园', '达标', '1906.50'],
    ]);
  });
});

describe('access', () => {
  const READ: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'property_manager', 'property_staff'];
  const MANAGE: StaffRole[] = ['platform_admin', 'street_official'];
  test('the quarter: officials their places, a company its own compounds (no statement link), others 403', async () => {
    const expectRows: Partial<Record<StaffRole, string[]>> = {
      platform_admin: ['德润家园', '明月小区', '纺织厂宿舍', '阳光花园'],
      street_official: ['德润家园', '明月小区', '纺织厂宿舍', '阳光花园'],
      property_committee_member: ['德润家园', '明月小区', '纺织厂宿舍', '阳光花园'],
      community_secretary: ['阳光花园'],
      committee_staff: ['阳光花园'],
      property_manager: ['阳光花园'],
      property_staff: ['阳光花园'],
    };
    for (const who of [...STAFF_ROLES, 'resident'] as const) {
      const res = await as(who).request('GET', `${T}/quarter?period=2026-Q3&sort=compound&order=asc`);
      if (!(READ as string[]).includes(who)) {
        assert.equal(res.status, 403, who);
        continue;
      }
      assert.equal(res.status, 200, who);
      assert.deepEqual(res.body.items.map((r: any) => r.compoundName), expectRows[who as StaffRole], who);
      const sunny = res.body.items.find((r: any) => r.compoundName === '阳光花园');
      // The statement covers A (一社区) and F (二社区): it sits at the street, beyond the community's staff.
      assert.equal(sunny.statementId !== null, who === 'street_official', `${who} statement link`);
    }
  });
  test('the list and the policy: street officials (and the admin) only; a company sees the policy but may not set it', async () => {
    for (const who of [...STAFF_ROLES, 'resident'] as const) {
      const listing = await as(who).request('POST', `${T}/compounds`, { compoundId: w.places.A, fromPeriod: '2026-Q1' });
      const visible = (READ as string[]).includes(who) || (MANAGE as string[]).includes(who);
      assert.equal(listing.status, (MANAGE as string[]).includes(who) ? 200 : visible ? 403 : 404, `${who} list`);
      const policy = await as(who).request('POST', `${T}/policies`, { streetId: w.places.S, fromPeriod: '2026-Q1', thresholdCenti: 8000, rateFen: 1550, capFen: 500_000 });
      assert.equal(policy.status, (MANAGE as string[]).includes(who) ? 200 : visible ? 403 : 404, `${who} policy`);
    }
    // The other street's compound: 404 to this street's official.
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `${T}/compounds`, { compoundId: w.places.Z, fromPeriod: '2026-Q1' }), 404, 'PLACE_NOT_FOUND');
  });
});
