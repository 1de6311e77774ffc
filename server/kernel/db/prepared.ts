import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Every parameterised statement runs as a named prepared statement on its connection, so PostgreSQL
 * parses and plans it once per connection instead of on every call. Profiled on the resident home
 * (docs/PERFORMANCE.md), planning took twice as long as executing: 0.3–0.9 ms of planning for 0.05–0.45 ms
 * of work per statement. PostgreSQL still re-plans a statement when a table it reads changes, and
 * chooses per call between the generic plan and a custom one (`plan_cache_mode = auto`).
 *
 * Limits, on purpose:
 * - statements without parameters (`begin`, `commit`, scripts of several statements) keep the simple
 *   protocol, which prepared statements cannot carry;
 * - at most MAX_NAMES distinct texts are named (per process): past that, a new text runs unnamed, so
 *   statements built with a varying number of parameters cannot grow each connection's memory forever;
 * - the schema changes only at boot, by migrations run as scripts before any parameterised statement
 *   touches the tables they change (a prepared `select *` whose table gained a column would fail).
 */
const MAX_NAMES = 2_000;
const names = new Map<string, string>();

/** The name a statement's text is prepared under (undefined past MAX_NAMES). */
export function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMES) {
    name = `gz_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
    names.set(text, name);
  }
  return name;
}

/** Makes this pool connection run parameterised statements as named prepared statements. */
export function preparingStatements(client: pg.PoolClient): void {
  // The class's method, looked up on each call (so a profiler that wraps it sees these statements too).
  const query = (...args: unknown[]) => (Object.getPrototypeOf(client).query as (...a: unknown[]) => unknown).apply(client, args);
  client.query = ((text: unknown, values: unknown, callback: unknown) => {
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
      const name = statementName(text);
      if (name) return query({ name, text, values });
    }
    return callback === undefined ? query(text, values) : query(text, values, callback);
  }) as typeof client.query;
}
