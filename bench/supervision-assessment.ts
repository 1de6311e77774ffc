import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { appDb, buildApp } from '../server/app.ts';
import { SYSTEM_ACTOR, insertPlace, type PlaceRow } from '../server/kernel/access/index.ts';
import { createAccount } from '../server/kernel/auth/accounts.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { ManualClock } from '../server/kernel/clock.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { type Ctx, write } from '../server/kernel/context.ts';
import { newId } from '../server/kernel/ids.ts';
import { parsePeriod } from '../server/kernel/payouts/payouts.ts';
import { repairFiguresFor } from '../server/modules/repairs/index.ts';
import { computeAssessment } from '../server/modules/supervision/use-cases/compute-assessment.ts';
import { HOST } from './util.ts';

/**
 * The four-colour assessment of a whole city for one quarter, on PostgreSQL (DATABASE_URL when set, else the
 * embedded server): 20 streets × 100 compounds, each compound with its company (5 per street) and 50 rooms;
 * 1,000,000 repair orders spread over the year (a quarter of them in the assessed quarter, most rated; each compound's
 * service better or worse by a hash of its id, so the colours spread), 40 owners'
 * ratings per compound in the quarter, the street's evaluation of four compounds in five and a few inspections —
 * all inserted set-based with generate_series. Residents' verdicts are left out (that input is missing everywhere,
 * so every score also exercises the rescaling). Timed: computeAssessment for every street, as an official runs it
 * (each street one transaction: every input read through the other modules' public faces, scored, stored, audited).
 * The baseline, in the same run: repairFiguresFor alone for every street — the biggest input's one grouped pass.
 * Last line: `assessing 2000 compounds (1000000 repair orders): X s (baseline repairFiguresFor over 20 streets Y s)`.
 */
const STREETS = Number(process.env.GZ_BENCH_STREETS ?? 20);
const COMPOUNDS = 100;
const ROOMS = 50;
const ORDERS = Number(process.env.GZ_BENCH_ORDERS ?? 1_000_000);
const PERIOD = '2026-Q4';

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-assess-'));
const config = loadConfig({ ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}), GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
const kernel = await bootKernel(config, new ManualClock(Date.parse('2026-12-20T09:00:00+08:00')));
const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
const db = appDb(kernel);
const q = parsePeriod('quarter', PERIOD)!;

try {
  await buildApp(kernel, { logger: false });
  const g0 = performance.now();
  const reporter = await write(system, (tx) => createAccount(tx, kernel.pii, { username: 'bench-reporter', displayName: '压测', password: 'Bench@12345' }));
  const streets: { street: PlaceRow; community: PlaceRow }[] = [];
  await write(system, async (tx) => {
    for (let s = 0; s < STREETS; s++) {
      const street = await insertPlace(tx, { parent: null, kind: 'street', name: `压测街道${String(s + 1).padStart(2, '0')}` });
      const community = await insertPlace(tx, { parent: street, kind: 'community', name: '压测社区' });
      streets.push({ street, community });
    }
  });
  const perCompound = Math.ceil(ORDERS / (STREETS * COMPOUNDS));
  const yearStart = Date.parse('2026-01-01T00:00:00+08:00');
  const yearMs = Date.parse('2027-01-01T00:00:00+08:00') - yearStart;
  for (const { street, community } of streets) {
    await write(system, async (tx) => {
      const S = street.id;
      await sql`insert into street_places (street_id, id, parent_id, kind, name, path, depth)
        select ${S}::uuid, id, ${community.id}::uuid, 'compound', '小区' || lpad(i::text, 3, '0'), ${community.path} || id || '/', ${community.depth + 1}
        from (select i, gen_random_uuid() as id from generate_series(1, ${COMPOUNDS}) i) g`.execute(tx);
      await sql`insert into reg_organisations (street_id, id, place_id, kind, name)
        select ${S}::uuid, gen_random_uuid(), ${S}::uuid, 'property_company', '压测物业' || i from generate_series(1, 5) i`.execute(tx);
      await sql`insert into reg_compounds (street_id, place_id, management_mode, property_company_id)
        select c.street_id, c.id, 'professional', o.id
        from (select street_id, id, row_number() over (order by name) % 5 as k from street_places where street_id = ${S} and kind = 'compound') c
        join (select id, row_number() over (order by name) % 5 as k from reg_organisations where street_id = ${S} and kind = 'property_company') o on o.k = c.k`.execute(tx);
      // The lateral names the compound so each compound gets rooms of its own (an uncorrelated one may run once).
      await sql`insert into street_places (street_id, id, parent_id, kind, name, path, depth)
        select c.street_id, r.id, c.id, 'room', r.i::text, c.path || r.id || '/', c.depth + 1
        from street_places c cross join lateral (select i, gen_random_uuid() as id from generate_series(1, ${ROOMS}) i where c.id is not null) r
        where c.street_id = ${S} and c.kind = 'compound'`.execute(tx);
      // Orders spread over the year; answered on time four in five, finished nine in ten, overdue one in twenty, rated seven in ten.
      await sql`insert into rep_orders (street_id, id, no, place_id, compound_id, community_id, company_id, category, description, channel, status,
          reported_by, reporter_name, reported_at, respond_by, complete_by, accepted_at, finished_at, overdue, rating, rated_at, updated_at)
        select c.street_id, gen_random_uuid(), 'B' || substr(md5(random()::text), 1, 16), c.id, c.id, ${community.id}::uuid, rc.property_company_id,
          'water', '压测报修', 'app', case when n % 10 = 0 then 'accepted' else 'finished' end,
          ${reporter}::uuid, '压测', t, t + interval '30 minutes', t + interval '3 days',
          t + case when n % 5 = 0 then interval '2 hours' else interval '10 minutes' end,
          case when n % 10 = 0 then null else t + interval '1 day' end,
          n % (10 + 10 * (abs(hashtext(c.id::text)) % 4)) = 0,
          case when n % 10 < 7 then least(5, 2 + abs(hashtext(c.id::text)) % 4 + n % 2) end,
          case when n % 10 < 7 then t + interval '2 days' end, t
        from street_places c
        join reg_compounds rc on rc.street_id = c.street_id and rc.place_id = c.id
        cross join lateral (select n, to_timestamp(${yearStart / 1000} + ((n * 7919 + ascii(c.name::text)) % 1000) / 1000.0 * ${yearMs / 1000}) as t from generate_series(1, ${perCompound}) n) g
        where c.street_id = ${S} and c.kind = 'compound'`.execute(tx);
      await sql`insert into fee_ratings (street_id, id, compound_id, company_id, period, person_id, rooms_label, cleaning, security, repairs, greenery, attitude, rated_at)
        select c.street_id, gen_random_uuid(), c.id, rc.property_company_id, '2026-' || lpad((10 + n % 3)::text, 2, '0'), gen_random_uuid(), '1栋',
          least(5, 2 + abs(hashtext(c.id::text || 'f')) % 4 + n % 2), least(5, 2 + abs(hashtext(c.id::text || 'f')) % 4 + n % 2), least(5, 1 + abs(hashtext(c.id::text || 'f')) % 4 + n % 2),
          least(5, 2 + abs(hashtext(c.id::text || 'f')) % 4), least(5, 3 + n % 3), ${q.start}::timestamptz + interval '1 day'
        from street_places c join reg_compounds rc on rc.street_id = c.street_id and rc.place_id = c.id
        cross join generate_series(1, 40) n
        where c.street_id = ${S} and c.kind = 'compound'`.execute(tx);
      await sql`insert into sup_evaluations (street_id, compound_id, period, kind, score_centi, comment, evaluator_id, evaluator_name)
        select street_id, id, ${PERIOD}, 'street', 6000 + abs(hashtext(id::text || 'e')) % 4001, '压测评价', ${reporter}::uuid, '压测'
        from street_places where street_id = ${S} and kind = 'compound' and right(name, 1) <> '5' and right(name, 1) <> '0'`.execute(tx);
      const sheet = newId();
      await sql`insert into sup_sheets (street_id, id, place_id, kind, name, version, applies_from, status, frozen_at)
        values (${S}, ${sheet}, ${S}, 'property_service', '压测标准', 1, ${PERIOD}, 'active', now())`.execute(tx);
      await sql`insert into sup_inspections (street_id, id, place_id, sheet_id, period, inspector_id, inspector_name, status, score_centi, submitted_at)
        select street_id, gen_random_uuid(), id, ${sheet}::uuid, ${PERIOD}, ${reporter}::uuid, '压测', 'submitted', 5500 + abs(hashtext(id::text || 'i')) % 4501, now()
        from street_places where street_id = ${S} and kind = 'compound' and right(name, 1) in ('1', '4', '7')`.execute(tx);
    });
  }
  await sql`analyze`.execute(db);
  const orders = Number((await sql<{ n: string }>`select count(*) as n from rep_orders`.execute(db)).rows[0]!.n);
  process.stdout.write(`${STREETS} streets, ${STREETS * COMPOUNDS} compounds, ${orders} repair orders, in ${((performance.now() - g0) / 1000).toFixed(1)} s\n`);

  // ——— baseline: the repair figures alone, street by street ———
  const b0 = performance.now();
  let figureRows = 0;
  for (const { street } of streets) figureRows += (await repairFiguresFor(db, { streetId: street.id, from: q.start, to: q.end })).length;
  const baselineS = (performance.now() - b0) / 1000;
  const c0 = performance.now();
  await sql`select count(*) from rep_orders`.execute(db);
  const countS = (performance.now() - c0) / 1000;

  // ——— the assessment, as an official computes it: street by street ———
  const t0 = performance.now();
  let compounds = 0;
  const colours: Record<string, number> = {};
  for (const { street } of streets) {
    const r = await computeAssessment(system, { streetId: street.id, period: PERIOD });
    compounds += r.compounds;
    for (const [c, n] of Object.entries(r.distribution)) colours[c] = (colours[c] ?? 0) + n;
  }
  const assessS = (performance.now() - t0) / 1000;
  const partial = Number((await sql<{ n: string }>`select count(*) filter (where partial) as n from sup_assessments where period = ${PERIOD}`.execute(db)).rows[0]!.n);
  process.stdout.write(`repairFiguresFor over ${STREETS} streets: ${figureRows} rows in ${baselineS.toFixed(2)} s; count(*) over rep_orders ${countS.toFixed(2)} s\n`);
  process.stdout.write(`colours: ${JSON.stringify(colours)}; partial ${partial}\n`);
  process.stdout.write(`assessing ${compounds} compounds (${orders} repair orders): ${assessS.toFixed(2)} s (baseline repairFiguresFor over ${STREETS} streets ${baselineS.toFixed(2)} s)\n`);
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
