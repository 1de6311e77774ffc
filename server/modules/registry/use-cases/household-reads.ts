import type { Executor as AnyExecutor, Tx as AnyTx } from '../../../kernel/db/index.ts';
import { sql } from 'kysely';
import { pathLabel } from '../../../kernel/access/index.ts';
import { type FigureRowsQuery, type FigureWindow, rollUp } from '../../../kernel/figures/figures.ts';
import { type Executor, read } from '../registry.db.ts';
import type { Relation } from '../registry.tables.ts';

/**
 * Small reads the activation module needs from the registry (through index.ts): who lives in a
 * room now, which rooms count as households, and how many of them have an activated account. No
 * access checks here: the calling use case has already decided what the actor may see.
 *
 * A household (住户) here is a residential room with at least one current person on record (owner,
 * co-owner, tenant or family); rooms held only by the developer, shops and parking spaces are not.
 */

const current = (alias: string) => sql<boolean>`(${sql.ref(`${alias}.end_date`)} is null or ${sql.ref(`${alias}.end_date`)} >= current_date)`;

/** SQL: the room in `roomRef` is a household (residential, with a current person on record). */
const isHousehold = (roomRef: string) =>
  sql<boolean>`exists (select 1 from reg_rooms rr where rr.place_id = ${sql.ref(roomRef)} and rr.use = 'residential')
    and exists (select 1 from reg_households hh where hh.room_id = ${sql.ref(roomRef)} and hh.person_id is not null and ${current('hh')})`;

export interface RoomMember {
  personId: string;
  name: string;
  /** Every current relation the person has to the room (owner and family at once is possible). */
  relations: Relation[];
  /** The last four characters of the ID number on record, or null when none is on record. */
  idLast4: string | null;
  idNumberMasked: string | null;
}

const RELATION_ORDER: Relation[] = ['owner', 'co_owner', 'tenant', 'family'];

/** The people who belong to a room now, strongest relation first (owner, co-owner, tenant, family). */
export async function currentMembersOfRoom(caller: AnyExecutor, roomId: string): Promise<RoomMember[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const rows = await db
    .selectFrom('reg_households as h')
    .innerJoin('reg_persons as p', 'p.id', 'h.person_id')
    .select(['p.id', 'p.name', 'p.id_number_masked', 'h.relation'])
    .where('h.room_id', '=', roomId)
    .where(current('h'))
    .orderBy('p.name')
    .execute();
  const byPerson = new Map<string, RoomMember>();
  for (const r of rows) {
    let m = byPerson.get(r.id);
    if (!m) {
      // The masked form keeps the last four characters (3308**********0387).
      const masked = r.id_number_masked;
      m = { personId: r.id, name: r.name, relations: [], idLast4: masked && masked.length >= 8 ? masked.slice(-4) : null, idNumberMasked: masked };
      byPerson.set(r.id, m);
    }
    if (!m.relations.includes(r.relation)) m.relations.push(r.relation);
  }
  const rank = (m: RoomMember) => Math.min(...m.relations.map((x) => RELATION_ORDER.indexOf(x)));
  for (const m of byPerson.values()) m.relations.sort((a, b) => RELATION_ORDER.indexOf(a) - RELATION_ORDER.indexOf(b));
  return [...byPerson.values()].sort((a, b) => rank(a) - rank(b));
}

export interface RoomFacts {
  id: string;
  /** The room's street: what the rows other modules keep of it carry (docs/adr/0003-street-keys.md). */
  streetId: string;
  path: string;
  name: string;
  /** 阳光花园 / 1栋 / 1单元 / 1201 */
  label: string;
  use: 'residential' | 'commercial' | 'parking';
}

/** A room with its readable label, or undefined when the id is not a room. */
export async function roomFacts(caller: AnyExecutor, roomId: string): Promise<RoomFacts | undefined> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  return db
    .selectFrom('reg_rooms as r')
    .innerJoin('street_places as places', 'places.id', 'r.place_id')
    .select(['places.id', 'r.street_id as streetId', 'places.path', 'places.name', 'r.use', pathLabel('places.path', ['compound', 'building', 'unit', 'room']).as('label')])
    .where('places.id', '=', roomId)
    .executeTakeFirst();
}

/**
 * Households under a place, counted per child of that place: how many there are and how many are
 * activated (a current member's person is matched to an enabled account).
 */
export async function householdActivationByChild(
  caller: AnyExecutor,
  parent: { path: string },
): Promise<Map<string, { households: number; activated: number }>> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const rows = await db
    .selectFrom('street_places as room')
    .select([
      sql<string>`split_part(substr(room.path, ${parent.path.length + 1}), '/', 1)`.as('childId'),
      sql<number>`count(*)::int`.as('households'),
      sql<number>`(count(*) filter (where exists (
        select 1 from reg_households ah join accounts a on a.person_id = ah.person_id and not a.disabled
        where ah.room_id = room.id and ${current('ah')})))::int`.as('activated'),
    ])
    .where('room.kind', '=', 'room')
    .where('room.path', 'like', `${parent.path}_%`)
    .where(isHousehold('room.id'))
    .groupBy('childId')
    .execute();
  return new Map(rows.map((r) => [r.childId, { households: Number(r.households), activated: Number(r.activated) }]));
}

/** Whether the room at `roomId` is a household, and whether it is activated. */
export async function householdActivationOfRoom(caller: AnyExecutor, roomId: string): Promise<{ household: boolean; activated: boolean }> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const row = await db
    .selectFrom('street_places as room')
    .select([
      sql<boolean>`${isHousehold('room.id')}`.as('household'),
      sql<boolean>`exists (select 1 from reg_households ah join accounts a on a.person_id = ah.person_id and not a.disabled where ah.room_id = room.id and ${current('ah')})`.as(
        'activated',
      ),
    ])
    .where('room.id', '=', roomId)
    .executeTakeFirst();
  return { household: !!row?.household, activated: !!row?.household && !!row.activated };
}

export interface HouseholdRoom {
  roomId: string;
  compound: string;
  building: string;
  unit: string;
  room: string;
}

/** The households under a place (e.g. a building), in building → unit → floor → room order. */
export async function householdRoomsUnder(caller: AnyExecutor, placePath: string): Promise<HouseholdRoom[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const nameOf = (kind: string) =>
    sql<string>`coalesce((select a.name from places a where a.id = any(string_to_array(trim(both '/' from room.path), '/')::uuid[]) and a.kind = ${kind}), '')`;
  const rows = await db
    .selectFrom('street_places as room')
    .innerJoin('street_places as unit', 'unit.id', 'room.parent_id')
    .innerJoin('reg_rooms as r', 'r.place_id', 'room.id')
    .select(['room.id as roomId', 'room.name as room', 'r.floor', nameOf('compound').as('compound'), nameOf('building').as('building'), 'unit.name as unit'])
    .where('room.kind', '=', 'room')
    .where('room.path', 'like', `${placePath}%`)
    .where(isHousehold('room.id'))
    .execute();
  // Natural order ("2栋" before "10栋", "201" before "1001"), floor by floor.
  const natural = new Intl.Collator('zh-CN', { numeric: true });
  rows.sort(
    (a, b) =>
      natural.compare(a.compound, b.compound) ||
      natural.compare(a.building, b.building) ||
      natural.compare(a.unit, b.unit) ||
      (a.floor ?? 0) - (b.floor ?? 0) ||
      natural.compare(a.room, b.room),
  );
  return rows.map(({ floor: _floor, ...r }) => r);
}

/** SQL: the person of household row `alias` lives there on `day` (its dates of effect). */
const livesOn = (alias: string, day: string) =>
  sql<boolean>`(${sql.ref(`${alias}.start_date`)} is null or ${sql.ref(`${alias}.start_date`)} <= ${day}::date)
      and (${sql.ref(`${alias}.end_date`)} is null or ${sql.ref(`${alias}.end_date`)} >= ${day}::date)`;
/** SQL over `room`: a residential room with a current person on `day` — a household. */
const isHouseholdOn = (day: string) =>
  sql<boolean>`room.kind = 'room'
      and exists (select 1 from reg_rooms rr where rr.street_id = room.street_id and rr.place_id = room.id and rr.use = 'residential')
      and exists (select 1 from reg_households hh where hh.street_id = room.street_id and hh.room_id = room.id and hh.person_id is not null and ${livesOn('hh', day)})`;
/** SQL over `room`: one of its current members has an account that is not disabled — an activated household. */
const isActivated = (day: string) =>
  sql<boolean>`exists (
        select 1 from reg_households ah join accounts a on a.person_id = ah.person_id and not a.disabled
        where ah.street_id = room.street_id and ah.room_id = room.id and ${livesOn('ah', day)})`;

/**
 * The activation rate's parts for every kept place of a street (kernel/figures), with the households'
 * own dates of effect on `day` (a household began on or before it and had not ended): households as
 * `householdActivationByChild` counts them (residential rooms with a current person on record), and
 * those activated (a current member's person matched to an enabled account, as it stands now).
 */
export async function householdActivationParts(
  caller: AnyExecutor,
  at: Pick<FigureWindow, 'streetId' | 'placeKinds'>,
  day: string,
): Promise<{ placeId: string; numerator: number; denominator: number }[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const rows = await sql<{ placeId: string; numerator: number; denominator: number }>`
    select up.place_id as "placeId", count(*) filter (where ${isActivated(day)})::int as numerator, count(*)::int as denominator
    from street_places room
    ${rollUp('room.path', at)}
    where room.street_id = ${at.streetId} and ${isHouseholdOn(day)}
    group by up.place_id`.execute(db);
  return rows.rows;
}

/**
 * The households under one place on `day`, a page by their rooms' labels, each marked activated or not: the dashboard's
 * rows behind the activation rate (no names: a room and its state).
 */
export async function householdActivationRows(caller: AnyExecutor, q: FigureRowsQuery, day: string) {
  const db = read(caller);
  const only = q.only === 'counted' ? sql`and ${isActivated(day)}` : q.only === 'uncounted' ? sql`and not ${isActivated(day)}` : sql``;
  const under = sql`room.street_id = ${q.streetId} and room.path like ${`${q.place.path}%`} and ${isHouseholdOn(day)} ${only}`;
  const [rows, totals] = await Promise.all([
    sql<{ id: string; label: string; compound: string; counted: boolean }>`
      select room.id, ${pathLabel('room.path', ['building', 'unit', 'room'])} as label, ${pathLabel('room.path', ['compound'])} as compound, ${isActivated(day)} as counted
      from street_places room
      where ${under}
      order by room.path
      limit ${q.limit} offset ${q.offset}`.execute(db),
    sql<{ total: number; counted: number }>`
      select count(*)::int as total, count(*) filter (where ${isActivated(day)})::int as counted from street_places room where ${under}`.execute(db),
  ]);
  return {
    total: totals.rows[0]?.total ?? 0,
    counted: totals.rows[0]?.counted ?? 0,
    items: rows.rows.map((r) => ({ id: r.id, label: r.label, place: r.compound, counted: r.counted, at: null, note: r.counted ? null : '未激活', link: `/registry/places/${r.id}` })),
  };
}
