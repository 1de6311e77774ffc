import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { newId } from '../../kernel/ids.ts';
import { useWorld } from '../../test/fixture.ts';
import { createOrganisation } from '../registry/index.ts';
import { read } from './supervision.db.ts';
import { companyCreditGrades } from './use-cases/company-credit-grades.ts';

/**
 * companyCreditGrades, the red and black list's input: every company serving a compound of the street graded at an
 * instant by the formula in force then. World (server/test/fixture.ts): street S with compound A served by 安和物业
 * (pc1), B without a company; street S2 with 邻街物业 (pcZ).
 */
const { env, w, afterSetUp } = useWorld();
let gone: string;
const T0 = new Date('2026-03-01T10:00:00+08:00');

const insert = (companyId: string, companyName: string, pointsCenti: number, occurredAt: Date, expiresAt: Date, street = w.places.S, repairedAt: Date | null = null) =>
  sql`insert into sup_credit_records (street_id, id, company_id, company_name, kind, points_centi, basis, source_type, source_id, source_label,
      occurred_at, expires_at, settings_version, created_at, repaired_at, repair_id)
    values (${street}, ${newId()}, ${companyId}, ${companyName}, ${pointsCenti > 0 ? 'award' : 'complaint_upheld'}, ${pointsCenti}, '第八条', 'manual', ${newId()}, '手工',
      ${occurredAt}, ${expiresAt}, 0, ${occurredAt}, ${repairedAt}, ${repairedAt ? newId() : null})`.execute(env.kernel.db);

afterSetUp(async () => {
  // A company that served the street once and serves no compound now: graded while its records count.
  gone = (await createOrganisation(w.ctx, { placeId: w.places.S, kind: 'property_company', name: '旧城物业' })).id;
  const inAYear = new Date('2027-03-01T10:00:00+08:00');
  await insert(w.organisations.pc1, '安和物业', 1000, T0, inAYear);
  await insert(w.organisations.pc1, '安和物业', -300, T0, new Date('2026-09-01T10:00:00+08:00'));
  await insert(w.organisations.pc1, '安和物业', -2000, T0, inAYear, w.places.S, new Date('2026-05-01T00:00:00+08:00'));
  await insert(gone, '旧城物业', -2500, T0, new Date('2026-06-01T00:00:00+08:00'));
  await insert(w.organisations.pcZ, '邻街物业', -5000, T0, inAYear, w.places.S2);
});

const grades = (at: string, streetId = w.places.S) => companyCreditGrades(read(env.kernel), { streetId, at: new Date(at) });

describe('companyCreditGrades', () => {
  test('before any record: the serving company at the base, 80.00 → A; the company serving nothing is left out', async () => {
    assert.deepEqual(await grades('2026-02-01T00:00:00+08:00'), [
      { companyId: w.organisations.pc1, companyName: '安和物业', scoreCenti: 8000, grade: 'A', goodCenti: 0, badCenti: 0, records: 0 },
    ]);
  });
  test('while all count: 80 + 10 − 3 − 20 = 67.00 → B; 旧城物业 80 − 25 = 55.00 → C; nothing of the other street', async () => {
    assert.deepEqual(await grades('2026-04-01T00:00:00+08:00'), [
      { companyId: w.organisations.pc1, companyName: '安和物业', scoreCenti: 6700, grade: 'B', goodCenti: 1000, badCenti: 2300, records: 3 },
      { companyId: gone, companyName: '旧城物业', scoreCenti: 5500, grade: 'C', goodCenti: 0, badCenti: 2500, records: 1 },
    ]);
  });
  test('after the repair: 80 + 10 − 3 = 87.00 → A; after 旧城物业’s record expired it is no longer listed', async () => {
    const after = await grades('2026-06-01T00:00:00+08:00');
    assert.deepEqual(after, [{ companyId: w.organisations.pc1, companyName: '安和物业', scoreCenti: 8700, grade: 'A', goodCenti: 1000, badCenti: 300, records: 2 }]);
  });
  test('the formula in force at the instant: a version saved later does not change an earlier grade', async () => {
    const bands = [
      { grade: 'AAA', from: 9000, to: 10000 },
      { grade: 'AA', from: 8500, to: 9000 },
      { grade: 'A', from: 7000, to: 8500 },
      { grade: 'B', from: 5000, to: 7000 },
      { grade: 'C', from: 0, to: 5000 },
    ];
    await sql`insert into sup_credit_settings (street_id, version, base_centi, cap_centi, validity_months, bands, kinds, updated_at)
      values (${w.places.S}, 1, 7000, 3000, 12, ${JSON.stringify(bands)}, '{}', ${new Date('2026-07-01T00:00:00+08:00')})`.execute(env.kernel.db);
    assert.equal((await grades('2026-06-30T00:00:00+08:00'))[0]!.scoreCenti, 8700);
    const later = (await grades('2026-07-01T00:00:00+08:00'))[0]!;
    assert.deepEqual([later.scoreCenti, later.grade], [7700, 'A']); // 70 + 10 − 3
    // After the −3 expired (1 Sept): 70 + 10 = 80.00 → A under the new bands.
    assert.deepEqual((await grades('2026-09-01T10:00:00+08:00')).map((g) => [g.scoreCenti, g.grade]), [[8000, 'A']]);
  });
  test('the other street: its own company only', async () => {
    assert.deepEqual((await grades('2026-04-01T00:00:00+08:00', w.places.S2)).map((g) => [g.companyName, g.scoreCenti, g.grade]), [['邻街物业', 3000, 'C']]);
  });
});
