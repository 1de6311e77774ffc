import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { SYSTEM_ACTOR, insertPlace, type PlaceRow, placeRow } from '../server/kernel/access/index.ts';
import { createAccount } from '../server/kernel/auth/accounts.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { ManualClock } from '../server/kernel/clock.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { type Ctx, type Kernel, write } from '../server/kernel/context.ts';
import { nextPeriod, periodOf, periodStart, previousPeriod } from '../server/kernel/figures/figures.ts';
import { newId } from '../server/kernel/ids.ts';
import { HOST } from './util.ts';

/**
 * A city for the dashboards (issue 27, part 3): one city, one district, 10 streets; each street's communities, two
 * grids per community, compounds under the grids, buildings of two units × 50 rooms — `households` rooms in all, each
 * with its owner (a person and a household), a third or so of them with an activated account (more in some compounds
 * than others). The registry and the accounts go in with COPY, street by street (one transaction each); the work
 * rows are made set-based in SQL, street by street:
 * - `orders` repair orders over the 13 months before `now` (2 in 100 withdrawn, a few still open, the rest finished,
 *   on time more or less often by compound; seven in ten finished orders rated and closed);
 * - property-fee bills for the two months before `now` (a bill per room per month, by area), paid in their period
 *   70–89 % of the time by compound, a few of the earlier month paid late, the rest owing; one payment per paid bill
 *   with its allocation;
 * - 40 owners' ratings of the property service per compound with a company, in the last closed month;
 * - management modes (mostly a professional company, some party-led, state fallback, self-managed, none), five
 *   property companies per street, an owners' committee at about six compounds in ten.
 * Every row satisfies the real schema (keys with their street, foreign keys, checks). Not generated: notices,
 * opinions, grid events, party, volunteers and supervision records (their figures count zero here).
 */

export interface CityOptions {
  /** Rooms = households (default BENCH_HOUSEHOLDS or 1,000,000). */
  households?: number;
  /** Repair orders (default BENCH_ORDERS or 1,000,000). */
  orders?: number;
  streets?: number;
  log?: (line: string) => void;
}

export interface City {
  city: PlaceRow;
  district: PlaceRow;
  streets: PlaceRow[];
  households: number;
  orders: number;
  /** The month closed just before `now`: the month the report is for. */
  period: string;
  seconds: number;
  rows: Record<string, number>;
}

/** The bench's clock: just past a month's end (Asia/Shanghai), so the month before is closed and the month-end job takes it. */
export const CITY_NOW = Date.parse('2026-12-01T00:30:00+08:00');
const STAMP = '2024-06-01T00:00:00Z';
const ROOMS_PER_UNIT = 50;
const UNITS_PER_BUILDING = 2;
const ROOMS_PER_COMPOUND = 1000;
const MODES = ['professional', 'party_led_company', 'state_fallback', 'self_managed', 'none'] as const;

/** COPY text: tab-separated, \N for null (the values here hold no tabs, newlines or backslashes). */
const line = (values: (string | number | null)[]) => `${values.map((v) => (v === null ? '\\N' : String(v))).join('\t')}\n`;
/** A small deterministic hash of an integer, 0..m-1. */
const mix = (n: number, m: number) => (((n * 2654435761) >>> 0) % 104729) % m;

export async function loadCity(kernel: Kernel, opts: CityOptions = {}): Promise<City> {
  const log = opts.log ?? (() => {});
  const H = opts.households ?? Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
  const O = opts.orders ?? Number(process.env.BENCH_ORDERS ?? 1_000_000);
  const S = opts.streets ?? 10;
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  const period = previousPeriod(periodOf(now));
  const billMonths = [previousPeriod(period), period];
  const t0 = performance.now();

  const { city, district, streets, reporter } = await write(system, async (tx) => {
    const city = await insertPlace(tx, { parent: null, kind: 'city', name: '压测市' });
    const district = await insertPlace(tx, { parent: city, kind: 'district', name: '压测区' });
    const streets: PlaceRow[] = [];
    for (let s = 0; s < S; s++) streets.push(await insertPlace(tx, { parent: district, kind: 'street', name: `压测街道${String(s + 1).padStart(2, '0')}` }));
    const reporter = await createAccount(tx, kernel.pii, { username: 'city-bench-reporter', displayName: '压测报修', password: 'x', passwordHash: 'x' });
    return { city, district, streets, reporter };
  });

  let person = 0;
  for (const [s, street] of streets.entries()) {
    const households = Math.floor(H / S) + (s < H % S ? 1 : 0);
    const compounds = Math.max(1, Math.round(households / ROOMS_PER_COMPOUND));
    const communities = Math.min(5, Math.max(1, Math.ceil(compounds / 20)));
    const c0 = performance.now();
    const places: string[] = [];
    const rooms: string[] = [];
    const persons: string[] = [];
    const held: string[] = [];
    const accounts: string[] = [];
    const regCompounds: string[] = [];
    const orgs: string[] = [];
    const place = (p: PlaceRow) => places.push(line([street.id, p.id, p.parent_id, p.kind, p.name, p.path, p.depth, STAMP, STAMP]));
    const companies = Array.from({ length: 5 }, () => newId());
    for (const [i, id] of companies.entries()) orgs.push(line([street.id, id, street.id, 'property_company', `压测物业${s + 1}-${i + 1}`, null, STAMP, STAMP]));
    const grids: PlaceRow[] = [];
    for (let c = 0; c < communities; c++) {
      const community = placeRow({ parent: street, kind: 'community', name: `第${c + 1}社区` });
      place(community);
      for (let g = 0; g < 2; g++) {
        const grid = placeRow({ parent: community, kind: 'grid', name: `第${g + 1}网格` });
        place(grid);
        grids.push(grid);
      }
    }
    let made = 0;
    for (let k = 0; k < compounds; k++) {
      const size = k === compounds - 1 ? households - made : Math.min(ROOMS_PER_COMPOUND, Math.floor(households / compounds));
      const compound = placeRow({ parent: grids[k % grids.length]!, kind: 'compound', name: `小区${String(k + 1).padStart(3, '0')}` });
      place(compound);
      const quality = mix(s * 1000 + k, 100);
      const mode = quality < 78 ? MODES[0] : quality < 86 ? MODES[1] : quality < 92 ? MODES[2] : quality < 97 ? MODES[3] : MODES[4];
      const company = mode === 'professional' || mode === 'party_led_company' ? companies[k % companies.length]! : null;
      regCompounds.push(line([street.id, compound.id, mode, company, STAMP]));
      if (mix(s * 1000 + k + 7, 10) < 6) orgs.push(line([street.id, newId(), compound.id, 'owners_committee', `${compound.name}业主委员会`, null, STAMP, STAMP]));
      // Activation varies by compound: 15 % to 70 % of the owners have an account.
      const activation = 15 + mix(s * 1000 + k + 13, 56);
      let building: PlaceRow | null = null;
      let unit: PlaceRow | null = null;
      for (let i = 0; i < size; i++, made++, person++) {
        if (i % (ROOMS_PER_UNIT * UNITS_PER_BUILDING) === 0) {
          building = placeRow({ parent: compound, kind: 'building', name: `${1 + i / (ROOMS_PER_UNIT * UNITS_PER_BUILDING)}栋` });
          place(building);
        }
        if (i % ROOMS_PER_UNIT === 0) {
          unit = placeRow({ parent: building!, kind: 'unit', name: `${1 + (Math.floor(i / ROOMS_PER_UNIT) % UNITS_PER_BUILDING)}单元` });
          place(unit);
        }
        const j = i % ROOMS_PER_UNIT;
        const floor = 1 + Math.floor(j / 2);
        const room = placeRow({ parent: unit!, kind: 'room', name: `${floor}0${1 + (j % 2)}` });
        place(room);
        // One room in 50 (on the ground floor) is a shop: not a household for the activation rate.
        rooms.push(line([street.id, room.id, floor, 6000 + mix(person, 80) * 100 + (i % 100), 'register', floor === 1 && j === 0 && i % 25 === 0 ? 'commercial' : 'residential', STAMP]));
        const pid = newId();
        persons.push(line([street.id, pid, compound.id, `业主${person}`, `13*******${String(person % 100).padStart(2, '0')}`, '{}', STAMP, STAMP]));
        // Most households have no start date on record (imported); one in five moved in on a date.
        const start = person % 5 === 0 ? `20${String(10 + (person % 14)).padStart(2, '0')}-0${1 + (person % 9)}-1${person % 10}` : null;
        held.push(line([street.id, newId(), room.id, pid, 'owner', 10000, start, STAMP, STAMP]));
        if (mix(person + 3, 100) < activation) accounts.push(line([newId(), `city-r${person}`, `居民${person}`, 'x', pid, STAMP]));
      }
    }
    const copied = performance.now();
    await kernel.database.copyTransaction(async (_tx, copy) => {
      await copy('street_places', ['street_id', 'id', 'parent_id', 'kind', 'name', 'path', 'depth', 'created_at', 'updated_at'], places.join(''));
      await copy('reg_organisations', ['street_id', 'id', 'place_id', 'kind', 'name', 'parent_id', 'created_at', 'updated_at'], orgs.join(''));
      await copy('reg_compounds', ['street_id', 'place_id', 'management_mode', 'property_company_id', 'updated_at'], regCompounds.join(''));
      await copy('reg_rooms', ['street_id', 'place_id', 'floor', 'area_centi', 'area_source', 'use', 'updated_at'], rooms.join(''));
      await copy('reg_persons', ['street_id', 'id', 'place_id', 'name', 'phone_masked', 'tags', 'created_at', 'updated_at'], persons.join(''));
      await copy('reg_households', ['street_id', 'id', 'room_id', 'person_id', 'relation', 'share_bp', 'start_date', 'created_at', 'updated_at'], held.join(''));
      await copy('accounts', ['id', 'username', 'display_name', 'password_hash', 'person_id', 'created_at'], accounts.join(''));
    });
    log(
      `street ${s + 1}/${S}: ${households} households in ${compounds} compounds, ${accounts.length} accounts — built ${((copied - c0) / 1000).toFixed(1)} s, COPY ${((performance.now() - copied) / 1000).toFixed(1)} s`,
    );
  }
  const registryS = (performance.now() - t0) / 1000;

  // ——— the work rows, set-based, street by street ———
  const w0 = performance.now();
  // Orders over the 13 months up to now: the closed month and the twelve before it.
  let firstMonth = period;
  for (let m = 0; m < 12; m++) firstMonth = previousPeriod(firstMonth);
  const first = periodStart(firstMonth).getTime();
  const spanS = (now.getTime() - first) / 1000;
  for (const [s, street] of streets.entries()) {
    const orders = Math.floor(O / S) + (s < O % S ? 1 : 0);
    const o0 = performance.now();
    await write(system, async (tx) => {
      const SID = street.id;
      // Rooms numbered within the street, with their compound and community (from the path: /city/district/street/community/grid/compound/…).
      await sql`create temp table city_rooms on commit drop as
        select row_number() over (order by r.path) - 1 as rn, r.id, r.path,
          split_part(r.path, '/', 7)::uuid as compound_id, split_part(r.path, '/', 5)::uuid as community_id, rr.area_centi,
          coalesce(rc.property_company_id, (select min(o.id::text)::uuid from reg_organisations o where o.street_id = ${SID} and o.kind = 'property_company')) as company_id,
          rc.property_company_id as own_company, abs(hashtext(split_part(r.path, '/', 7))) % 20 as quality
        from street_places r
        join reg_rooms rr on rr.street_id = r.street_id and rr.place_id = r.id
        join reg_compounds rc on rc.street_id = r.street_id and rc.place_id = split_part(r.path, '/', 7)::uuid
        where r.street_id = ${SID} and r.kind = 'room'`.execute(tx);
      await sql`create index on city_rooms (rn)`.execute(tx);
      const count = Number((await sql<{ n: string }>`select count(*) as n from city_rooms`.execute(tx)).rows[0]!.n);
      // Repair orders over the 13 months before now; the room by a stride through the street's rooms.
      await sql`insert into rep_orders (street_id, id, no, place_id, compound_id, community_id, company_id, category, description, channel, status,
          reported_by, reporter_name, reported_at, respond_by, complete_by, accepted_at, finished_at, close_by, closed_at, close_reason, overdue, rating, rated_at, updated_at)
        select ${SID}::uuid, gen_random_uuid(), 'C' || ${String(s + 1).padStart(2, '0')} || lpad(g.n::text, 7, '0'), r.id, r.compound_id, r.community_id, r.company_id,
          (array['water','electric','elevator','doors','facility','environment','other'])[1 + g.n % 7], '压测报修', (array['app','phone','counter'])[1 + g.n % 3],
          case when g.k < 2 then 'cancelled' when not g.done then 'accepted' when g.rated then 'closed' else 'finished' end,
          ${reporter}::uuid, '压测', g.t, g.t + interval '30 minutes', g.t + interval '3 days',
          case when g.k >= 2 then g.t + interval '10 minutes' end,
          case when g.k >= 2 and g.done then g.fin end,
          case when g.k >= 2 and g.done and not g.rated then g.fin + interval '7 days' end,
          case when g.k >= 2 and g.done and g.rated then g.fin + interval '1 day' end,
          case when g.k >= 2 and g.done and g.rated then 'rated' end,
          g.k >= 2 and ((g.done and g.fin > g.t + interval '3 days') or (not g.done and g.t + interval '3 days' < ${now}::timestamptz)),
          case when g.k >= 2 and g.done and g.rated then least(5, 2 + r.quality / 6 + g.n % 2) end,
          case when g.k >= 2 and g.done and g.rated then g.fin + interval '1 day' end,
          coalesce(case when g.k >= 2 and g.done and g.rated then g.fin + interval '1 day' end, case when g.k >= 2 and g.done then g.fin end, g.t)
        from (
          select n, (n * 37) % 100 as k, ${new Date(first)}::timestamptz + make_interval(secs => ((n::bigint * 104729) % ${orders}) * ${spanS}::float8 / ${orders}) as t,
            (n::bigint * 7919) % ${count} as room
          from generate_series(0, ${orders - 1}) n
        ) a
        join city_rooms r on r.rn = a.room
        cross join lateral (select a.t + case when (a.n * 13) % 100 < 70 + r.quality then make_interval(hours => 2 + a.n % 48) else make_interval(hours => 80 + a.n % 60) end as fin) f
        cross join lateral (select a.k >= 6 and f.fin < ${now}::timestamptz as done) d
        cross join lateral (select a.n, a.k, a.t, f.fin, d.done, d.done and f.fin + interval '1 day' < ${now}::timestamptz and (a.n * 17) % 10 < 7 as rated) g`.execute(tx);
      // Bills for the two months before now, one per room and month, by area; paid in the period 70–89 % by compound.
      await sql`create temp table city_bills on commit drop as
        select gen_random_uuid() as id, gen_random_uuid() as payment_id, r.id as room_id, r.compound_id, r.own_company as company_id, m.label,
          m.start_on, m.end_on, (r.area_centi::bigint * (200 + r.quality * 10)) / 100 as amount,
          abs(hashtext(r.id::text || m.label)) % 100 as p, r.quality, r.rn
        from city_rooms r
        cross join (values ${sql.join(billMonths.map((m) => sql`(${m}, ${`${m}-01`}::date, ${`${nextPeriod(m)}-01`}::date)`))}) as m(label, start_on, end_on)`.execute(tx);
      await sql`alter table city_bills add column paid_at timestamptz`.execute(tx);
      await sql`update city_bills set paid_at = case
          when p < 70 + quality then (start_on::timestamp + make_interval(days => p % 25, hours => 10)) at time zone 'Asia/Shanghai'
          when p < 95 and (end_on::timestamp + make_interval(days => p % 20, hours => 10)) at time zone 'Asia/Shanghai' < ${now}::timestamptz
            then (end_on::timestamp + make_interval(days => p % 20, hours => 10)) at time zone 'Asia/Shanghai'
        end`.execute(tx);
      await sql`insert into fee_bills (street_id, id, room_id, compound_id, company_id, bill_key, period_label, period_start, period_end, payer_kind, amount_fen, paid_fen, status, due_on, issued_at)
        select ${SID}::uuid, id, room_id, compound_id, company_id, 'city:' || label, label, start_on, end_on, 'owners', amount,
          case when paid_at is null then 0 else amount end, case when paid_at is null then 'open' else 'paid' end, start_on + 14,
          start_on::timestamp at time zone 'Asia/Shanghai'
        from city_bills`.execute(tx);
      await sql`insert into fee_payments (street_id, id, no, compound_id, company_id, channel, provider, provider_txn_id, amount_fen, booked_at)
        select ${SID}::uuid, payment_id, 'P' || ${String(s + 1).padStart(2, '0')} || label || '-' || rn, compound_id, company_id, 'gateway', 'wechat', 'T' || ${String(s + 1).padStart(2, '0')} || label || '-' || rn, amount, paid_at
        from city_bills where paid_at is not null and amount > 0`.execute(tx);
      await sql`insert into fee_payment_allocations (street_id, id, payment_id, bill_id, amount_fen, at)
        select ${SID}::uuid, gen_random_uuid(), payment_id, id, amount, paid_at from city_bills where paid_at is not null and amount > 0`.execute(tx);
      // Owners' ratings of the property service, 40 per compound with a company, in the closed month.
      await sql`insert into fee_ratings (street_id, id, compound_id, company_id, period, person_id, rooms_label, cleaning, security, repairs, greenery, attitude, rated_at)
        select ${SID}::uuid, gen_random_uuid(), c.compound_id, c.company_id, ${period}, gen_random_uuid(), '1栋',
          least(5, 2 + c.quality / 6 + n % 2), least(5, 2 + c.quality / 6 + n % 2), least(5, 1 + c.quality / 6 + n % 2), least(5, 2 + c.quality / 6), least(5, 3 + n % 3),
          ${periodStart(period)}::timestamptz + make_interval(days => n % 28)
        from (select distinct compound_id, own_company as company_id, quality from city_rooms where own_company is not null) c
        cross join generate_series(1, 40) n`.execute(tx);
    });
    log(`street ${s + 1}/${S}: ${orders} repair orders, bills for ${billMonths.join(' and ')} — ${((performance.now() - o0) / 1000).toFixed(1)} s`);
  }
  const workS = (performance.now() - w0) / 1000;
  const a0 = performance.now();
  await sql`analyze`.execute(kernel.db);
  const analyzeS = (performance.now() - a0) / 1000;
  const tables = [
    'street_places',
    'reg_rooms',
    'reg_persons',
    'reg_households',
    'accounts',
    'reg_compounds',
    'reg_organisations',
    'rep_orders',
    'fee_bills',
    'fee_payments',
    'fee_payment_allocations',
    'fee_ratings',
  ];
  const rows: Record<string, number> = {};
  for (const t of tables) rows[t] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(kernel.db)).rows[0]!.n);
  const seconds = (performance.now() - t0) / 1000;
  log(`loaded in ${seconds.toFixed(1)} s (registry and accounts by COPY ${registryS.toFixed(1)} s; orders, bills, payments, ratings ${workS.toFixed(1)} s; analyze ${analyzeS.toFixed(1)} s)`);
  for (const [t, n] of Object.entries(rows)) log(`  ${t.padEnd(24)} ${n.toLocaleString('en')}`);
  return { city, district, streets, households: rows.reg_households ?? 0, orders: rows.rep_orders ?? 0, period, seconds, rows };
}

/** DATABASE_URL (and GZ_ALLOW_UNSAFE_DB, for a throwaway server) when set: else the embedded server. */
export const databaseEnv = (): Record<string, string> =>
  Object.fromEntries((['DATABASE_URL', 'GZ_ALLOW_UNSAFE_DB'] as const).flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));

/** Run alone: loads a city into a fresh database (DATABASE_URL when set, else the embedded server) and prints the rows. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-city-'));
  const config = loadConfig({ ...databaseEnv(), GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
  const kernel = await bootKernel(config, new ManualClock(CITY_NOW)).catch((e: unknown) => {
    // A server that refuses to start (or a bad DATABASE_URL) leaves no temporary directory behind.
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  });
  try {
    await buildApp(kernel, { logger: false });
    await loadCity(kernel, { log: (l) => process.stdout.write(`${l}\n`) });
  } finally {
    await kernel.database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
