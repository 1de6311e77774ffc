import type { Executor as AnyExecutor, Tx as AnyTx } from '../../../kernel/db/index.ts';
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
