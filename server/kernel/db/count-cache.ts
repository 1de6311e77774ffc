import type { Compilable, Kysely } from 'kysely';
import type { Executor } from './index.ts';

/**
 * Exact totals of list pages, remembered for a few seconds. Counting every row in scope was 40% of
 * the registry list's cost (a street's 2,800 rooms counted on every page turn), while the total
 * changes only when someone writes. So:
 * - a total is reused for up to TOTAL_TTL_MS for the same query (same SQL, same parameters: the
 *   actor's scope is among them) on the same database;
 * - any write committed in this process (`write()` in context.ts) forgets every total at once, so a
 *   user sees their own change in the next total; another process's write shows within TOTAL_TTL_MS;
 * - counts inside a transaction are never cached (they must see the transaction's own rows).
 */
export const TOTAL_TTL_MS = 10_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  at: number;
  total: Promise<number>;
}
const byDatabase = new WeakMap<object, Map<string, Entry>>();
let generation = 0;

/** Forgets every remembered total (called after each write this process commits). */
export function forgetTotals(): void {
  generation++;
}

/** The query's `n` (a count), computed or remembered. */
export async function countOnce(db: Executor, query: Compilable & { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }): Promise<number> {
  const run = async () => Number((await query.executeTakeFirstOrThrow()).n);
  if ((db as Kysely<unknown>).isTransaction) return run();
  let cache = byDatabase.get(db);
  if (!cache) byDatabase.set(db, (cache = new Map()));
  const compiled = query.compile();
  const key = `${generation}\u0000${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at <= TOTAL_TTL_MS) return hit.total;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const total = run();
  cache.set(key, { at: now, total });
  total.catch(() => cache.delete(key));
  return total;
}
