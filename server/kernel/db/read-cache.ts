import { type Compilable, type Kysely, sql } from 'kysely';
import type { Database, Executor } from './index.ts';

/**
 * Reads many requests share, remembered until the next write: the exact totals of list pages (a
 * street's 2,800 rooms counted on every page turn were 40% of the registry list's cost) and what
 * every resident of a compound sees alike (its committees). So:
 * - a read is reused for up to READ_TTL_MS under the same key on the same database (a key names the
 *   query and everything it depends on — for a count, its SQL and parameters, the actor's scope among them);
 * - any write committed in this process (`write()` in context.ts, an import's COPY) forgets every read at
 *   once, so a user sees their own change in the next read;
 * - so does a write committed by any other process on the same database: `write()` notifies
 *   `gongzhi_writes` in its transaction and every process listens (`forgetOnEveryWrite`). Should the
 *   notification be lost, READ_TTL_MS still bounds how stale a read can be;
 * - reads inside a transaction are never remembered (they must see the transaction's own rows).
 */
export const READ_TTL_MS = 10_000;
export const WRITES_CHANNEL = 'gongzhi_writes';
const MAX_ENTRIES = 5_000;

interface Entry {
  at: number;
  value: Promise<unknown>;
}
const byDatabase = new WeakMap<object, Map<string, Entry>>();
let generation = 0;

/** Forgets every remembered read (after each write this process commits, and each another commits). */
export function forgetReads(): void {
  generation++;
}

/** The SQL that tells every process a write committed: run it inside the writing transaction. */
export const notifyWrite = () => sql`select pg_notify(${WRITES_CHANNEL}, '')`;

/** Listens for other processes' writes on this database, forgetting every read at each one. */
export async function forgetOnEveryWrite(database: Database): Promise<void> {
  await database.listen(WRITES_CHANNEL, forgetReads, forgetReads);
}

/** `load()`'s answer, remembered under `key` as described above (for `ttlMs`, READ_TTL_MS unless a caller says otherwise). */
export function remember<T>(db: Executor, key: string, load: () => Promise<T>, ttlMs = READ_TTL_MS): Promise<T> {
  if ((db as Kysely<unknown>).isTransaction) return load();
  let cache = byDatabase.get(db);
  if (!cache) byDatabase.set(db, (cache = new Map()));
  const fullKey = `${generation}\u0000${key}`;
  const now = Date.now();
  const hit = cache.get(fullKey);
  if (hit && now - hit.at <= ttlMs) return hit.value as Promise<T>;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const value = load();
  cache.set(fullKey, { at: now, value });
  value.catch(() => cache.delete(fullKey));
  return value;
}

/** The query's `n` (a count), computed or remembered. */
export function countOnce(db: Executor, query: Compilable & { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }): Promise<number> {
  const compiled = query.compile();
  return remember(db, `count\u0000${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`, async () => Number((await query.executeTakeFirstOrThrow()).n));
}
