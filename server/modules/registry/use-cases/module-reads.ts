import type { Executor as AnyExecutor, Tx as AnyTx } from '../../../kernel/db/index.ts';
import { sql } from 'kysely';
import { pathLabel } from '../../../kernel/access/index.ts';
import { type Executor, read } from '../registry.db.ts';

/**
 * Small reads the repairs module needs from the registry (through index.ts). No access checks
 * here: the calling module's use case has already decided the actor may see what these answer.
 */

/** Names of organisations by id (e.g. the property companies in a table of figures). */
export async function organisationNames(caller: AnyExecutor, ids: readonly string[]): Promise<Map<string, string>> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('reg_organisations').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A person's name and phone (encrypted and masked, as stored), to copy as an order's contact. */
export async function personContact(caller: AnyExecutor, personId: string): Promise<{ name: string; phoneEnc: string | null; phoneMasked: string | null } | null> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const row = await db.selectFrom('reg_persons').select(['name', 'phone_enc', 'phone_masked']).where('id', '=', personId).executeTakeFirst();
  return row ? { name: row.name, phoneEnc: row.phone_enc, phoneMasked: row.phone_masked } : null;
}

/**
 * The current owners and tenants of the rooms under a place, in the order of the rooms' paths (at most
 * `limit`), each with their contact as stored: whom a module's demo seed makes its residents' records for.
 */
export async function roomHoldersUnder(caller: AnyExecutor, placePath: string, limit: number) {
  // Called by other modules with their own view of the database (kernel/module-database.ts).
  const db = read(caller);
  const rows = await db
    .selectFrom('reg_households as h')
    .innerJoin('places as room', 'room.id', 'h.room_id')
    .innerJoin('reg_persons as person', 'person.id', 'h.person_id')
    .select(['room.id as roomId', 'room.path as roomPath', 'person.id as personId', 'person.name', 'person.phone_enc', 'person.phone_masked'])
    .where('room.path', 'like', `${placePath}%`)
    .where('h.relation', 'in', ['owner', 'tenant'])
    .where('h.end_date', 'is', null)
    .orderBy('room.path')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ roomId: r.roomId, roomPath: r.roomPath, personId: r.personId, name: r.name, phoneEnc: r.phone_enc, phoneMasked: r.phone_masked }));
}

/** Full names of registry persons by id (a decision's per-owner table, for those allowed to see it). */
/** Persons' phones as everyone may see them (138****0012), by id: for lists that offer a call to those allowed to make it. */
export async function personPhonesMasked(caller: AnyExecutor, ids: readonly string[]): Promise<Map<string, string>> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('reg_persons').select(['id', 'phone_masked']).where('id', 'in', [...new Set(ids)]).where('phone_masked', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, r.phone_masked!]));
}

export async function personNames(caller: AnyExecutor, ids: readonly string[]): Promise<Map<string, string>> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('reg_persons').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * For the surveys module: the person's current rooms, each with whether they own it (owner or co-owner)
 * — who may answer an owners-only survey, and for which household.
 */
export async function roomsWithOwnershipOf(caller: AnyExecutor, personId: string): Promise<{ roomId: string; streetId: string; roomPath: string; roomLabel: string; owner: boolean }[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const rows = await db
    .selectFrom('reg_households as h')
    .innerJoin('street_places as room', 'room.id', 'h.room_id')
    .select([
      'room.id as roomId',
      'h.street_id as streetId',
      'room.path as roomPath',
      pathLabel('room.path', ['compound', 'building', 'unit', 'room']).as('roomLabel'),
      sql<boolean>`bool_or(h.relation in ('owner', 'co_owner'))`.as('owner'),
    ])
    .where('h.person_id', '=', personId)
    .where(sql<boolean>`(h.end_date is null or h.end_date >= current_date)`)
    .groupBy(['room.id', 'h.street_id', 'room.path'])
    .orderBy('room.path')
    .execute();
  return rows.map((r) => ({ ...r, owner: !!r.owner }));
}

/**
 * For the surveys module: how many may answer a survey at the place at `placePath` — households (rooms with
 * a current resident, or owner when `ownersOnly`) or resident accounts (enabled, matched to such a person).
 */
export async function surveyEligibleCount(caller: AnyExecutor, placePath: string, opts: { ownersOnly: boolean; per: 'account' | 'household' }): Promise<number> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const relations = opts.ownersOnly ? ['owner', 'co_owner'] : ['owner', 'co_owner', 'tenant', 'family'];
  const counted = opts.per === 'household' ? sql`count(distinct h.room_id)` : sql`count(distinct a.id)`;
  const row = await sql<{ n: number }>`
    select ${counted}::int as n
    from reg_households h
    join street_places room on room.street_id = h.street_id and room.id = h.room_id
    ${opts.per === 'account' ? sql`join accounts a on a.person_id = h.person_id and not a.disabled` : sql``}
    where room.path like ${`${placePath}%`} and h.person_id is not null
      and (h.end_date is null or h.end_date >= current_date) and h.relation = any(${relations}::text[])`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}
