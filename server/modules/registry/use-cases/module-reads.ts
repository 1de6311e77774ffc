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
