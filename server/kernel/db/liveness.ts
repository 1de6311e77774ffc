import { randomInt } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import type { Database } from './index.ts';

/**
 * Which app processes are alive, for work that outlives a request (a task, an import's commit). Each
 * process holds an advisory lock on its own instance number while it runs (`Database.hold`), and work
 * it starts records that number as its owner. When a process dies — killed, crashed, its machine gone
 * — PostgreSQL ends its session and the lock with it, so any process can tell work whose owner is gone
 * from work still under way: on the embedded server and on a server many app processes share alike.
 */
export const LIVENESS_LOCK_CLASS = 727002;

/** A fresh instance number for this process (a positive int4; two live processes colliding is 1 in 2³¹). */
export const newInstance = (): number => randomInt(1, 2 ** 31 - 1);

export function holdLiveness(database: Database, instance: number): Promise<void> {
  return database.hold(LIVENESS_LOCK_CLASS, instance);
}

/** SQL: the process recorded in `ownerRef` is gone (or none was recorded). */
export function ownerGone(ownerRef: string): RawBuilder<boolean> {
  const owner = sql.ref(ownerRef);
  return sql<boolean>`(${owner} is null or not exists (select 1 from pg_locks l
    where l.locktype = 'advisory' and l.database = (select oid from pg_database where datname = current_database())
      and l.classid = ${sql.lit(LIVENESS_LOCK_CLASS)}::oid and l.objid = ${owner}::oid and l.objsubid = 2 and l.granted))`;
}
