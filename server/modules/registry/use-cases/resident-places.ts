import type { Executor as AnyExecutor, Tx as AnyTx } from '../../../kernel/db/index.ts';
import { sql } from 'kysely';
import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { type Executor, read } from '../registry.db.ts';

/**
 * Small reads for modules that reach residents by place (opinions, notices): which rooms and
 * compounds a person lives in now, who serves a compound, and how many resident accounts live under
 * a place. Exported through the registry's index.ts; other modules never query reg_* themselves.
 */

const current = sql<boolean>`(h.end_date is null or h.end_date >= current_date)`;

export interface ResidentRoom {
  roomId: string;
  /** The room's street: what other modules' rows about it carry (docs/adr/0003-street-keys.md). */
  streetId: string;
  roomPath: string;
  roomLabel: string;
  compoundId: string;
  compoundName: string;
  compoundPath: string;
}

/** One of the person's current households, with what the resident home shows of its room and compound. */
export type ResidentHousehold = Awaited<ReturnType<typeof householdsOf>>[number];

function householdsOf(db: Executor, personId: string) {
  return db
    .selectFrom('reg_households as h')
    .innerJoin('street_places as room', 'room.id', 'h.room_id')
    .innerJoin('reg_rooms', 'reg_rooms.place_id', 'room.id')
    .innerJoin('street_places as compound', (j) =>
      j.on(sql<boolean>`compound.id = any(string_to_array(trim(both '/' from room.path), '/')::uuid[])`).on('compound.kind', '=', 'compound'),
    )
    .innerJoin('reg_compounds', 'reg_compounds.place_id', 'compound.id')
    .leftJoin('reg_organisations as company', 'company.id', 'reg_compounds.property_company_id')
    .innerJoin('reg_persons as person', 'person.id', 'h.person_id')
    .select([
      'person.name as personName',
      'person.phone_masked as personPhone',
      'h.id as householdId',
      'h.relation',
      'h.share_bp as shareBp',
      'room.id as roomId',
      'h.street_id as streetId',
      'room.path as roomPath',
      pathLabel('room.path', ['building', 'unit', 'room']).as('roomLabel'),
      'reg_rooms.area_centi as areaCenti',
      'reg_rooms.use',
      'compound.id as compoundId',
      'compound.name as compoundName',
      'compound.path as compoundPath',
      'reg_compounds.management_mode as managementMode',
      'reg_compounds.address',
      'company.id as companyId',
      'company.name as companyName',
      'company.contact_phone_masked as companyPhone',
    ])
    .where('h.person_id', '=', personId)
    .where(current)
    .orderBy('room.path')
    .orderBy('h.id')
    .execute();
}

// A person may be owner and family of the same room: one entry per room.
const oncePerRoom = <T extends { roomId: string }>(rows: T[]): T[] => {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.roomId) ? false : (seen.add(r.roomId), true)));
};

/** The person's current rooms (any relation), each with its compound. */
export async function currentRoomsOf(caller: AnyExecutor, personId: string): Promise<ResidentRoom[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  return oncePerRoom(await householdsOf(db, personId));
}

/**
 * The acting resident's current households, read once per request (outside transactions): the
 * resident home's sections — my home, notices, posts — all start from them.
 */
const perRequest = new WeakMap<Ctx, ReturnType<typeof householdsOf>>();
export function householdsOfActor(ctx: Ctx): ReturnType<typeof householdsOf> {
  const personId = ctx.actor.personId;
  if (!personId) return Promise.resolve([]);
  let rows = perRequest.get(ctx);
  if (!rows) perRequest.set(ctx, (rows = householdsOf(read(ctx), personId)));
  return rows;
}

/** The acting person's current rooms, read with `db` (a transaction reads its own; otherwise once per request). */
export async function roomsOfActor(caller: AnyExecutor, ctx: Ctx): Promise<ResidentRoom[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  if (!ctx.actor.personId) return [];
  return db === read(ctx) ? oncePerRoom(await householdsOfActor(ctx)) : currentRoomsOf(db, ctx.actor.personId);
}

export interface CompoundServices {
  propertyCompany: { id: string; name: string } | null;
  residentsCommittee: { id: string; name: string } | null;
  ownersCommittee: { id: string; name: string } | null;
}

/** Who serves a compound: its property company, the nearest residents' committee above it, its owners' committee. */
export async function compoundServices(caller: AnyExecutor, compoundId: string): Promise<CompoundServices> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const compound = await db
    .selectFrom('places')
    .leftJoin('reg_compounds', 'reg_compounds.place_id', 'places.id')
    .leftJoin('reg_organisations as company', 'company.id', 'reg_compounds.property_company_id')
    .select(['places.path', 'company.id as companyId', 'company.name as companyName'])
    .where('places.id', '=', compoundId)
    .executeTakeFirst();
  if (!compound) return { propertyCompany: null, residentsCommittee: null, ownersCommittee: null };
  const ancestorIds = compound.path.split('/').filter(Boolean);
  const orgs = await db
    .selectFrom('reg_organisations as o')
    .innerJoin('street_places as p', 'p.id', 'o.place_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.place_id', 'p.depth'])
    .where('o.place_id', 'in', ancestorIds)
    .where('o.kind', 'in', ['residents_committee', 'owners_committee'])
    .orderBy('p.depth', 'desc')
    .orderBy('o.name')
    .execute();
  const rc = orgs.find((o) => o.kind === 'residents_committee');
  const oc = orgs.find((o) => o.kind === 'owners_committee' && o.place_id === compoundId);
  return {
    propertyCompany: compound.companyId && compound.companyName ? { id: compound.companyId, name: compound.companyName } : null,
    residentsCommittee: rc ? { id: rc.id, name: rc.name } : null,
    ownersCommittee: oc ? { id: oc.id, name: oc.name } : null,
  };
}

/** Resident accounts (matched to a person with a current room) living under the place at `placePath`. */
export async function countResidentAccountsUnder(caller: AnyExecutor, placePath: string): Promise<number> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const row = await db
    .selectFrom('accounts as a')
    .select(sql<number>`count(distinct a.id)`.as('n'))
    .where('a.disabled', '=', false)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('reg_households as h')
          .innerJoin('street_places as room', 'room.id', 'h.room_id')
          .select(sql`1`.as('x'))
          .whereRef('h.person_id', '=', 'a.person_id')
          .where(current)
          .where('room.path', 'like', `${placePath}%`),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The resident accounts of a street on `day` and the rooms they live in (households by their dates of
 * effect; enabled accounts matched to the person): one row per account and room, for other modules'
 * figures (notices' reach), which join it to their own records by the room's path.
 */
export async function residentAccountRooms(caller: AnyExecutor, streetId: string, day: string): Promise<{ accountId: string; roomPath: string }[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const rows = await sql<{ accountId: string; roomPath: string }>`
    select distinct a.id as "accountId", room.path as "roomPath"
    from reg_households h
    join accounts a on a.person_id = h.person_id and not a.disabled
    join street_places room on room.street_id = h.street_id and room.id = h.room_id
    where h.street_id = ${streetId} and (h.start_date is null or h.start_date <= ${day}::date) and (h.end_date is null or h.end_date >= ${day}::date)`.execute(db);
  return rows.rows;
}
