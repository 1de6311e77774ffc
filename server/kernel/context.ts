import type { Actor } from './access/actor.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database, Db, Tx } from './db/index.ts';
import type { Pii } from './pii/pii.ts';
import type { FileStore } from './files/files.ts';
import type { SmsSender } from './notify/channels/sms.ts';
import type { WechatClient } from './notify/channels/wechat.ts';
import { type AuditEntryInput, recordAudit } from './audit/audit.ts';
import type { SessionCache } from './auth/session-cache.ts';
import { sql } from 'kysely';
import { forgetReads, WRITES_CHANNEL } from './db/read-cache.ts';

/** The process-wide services a use case may use. Built once in main.ts (or a test). */
export interface Kernel {
  database: Database;
  db: Db;
  config: Config;
  clock: Clock;
  pii: Pii;
  files: FileStore;
  /** Text messages: the sandbox (dev inbox) or a real provider, by configuration. */
  sms: SmsSender;
  /** WeChat subscribe messages: the sandbox or the official account's API, by configuration. */
  wechat: WechatClient;
  /** Resolved sessions, cached and invalidated by the database's notifications. */
  sessions: SessionCache;
  /** This process among the app processes on the database: the owner of the work it starts (db/liveness.ts). */
  instance: number;
}

/** What every use case receives: the kernel and who is acting. */
export interface Ctx {
  kernel: Kernel;
  actor: Actor;
}

/**
 * Runs one write as one transaction: the change and its audit entries commit or roll back together.
 * A change to what a session may do (grants, accounts, sessions, places: migration 0011 notes them in
 * the transaction) is forgotten by this process's session cache the moment it commits, so the next
 * request — the same user's, right after — already sees it; other processes hear it from the database.
 */
export async function write<T>(ctx: Ctx, work: (tx: Tx) => Promise<T>): Promise<T> {
  let changed: string | null = null;
  const result = await ctx.kernel.db.transaction().execute(async (tx) => {
    const out = await work(tx);
    // One round trip at the end of every write: what it changed of sessions' rights, and a note to every
    // process that its shared reads are stale (read-cache.ts).
    changed = (await sql<{ ids: string | null }>`select current_setting('gongzhi.auth_changed', true) as ids, pg_notify(${WRITES_CHANNEL}, '')`.execute(tx)).rows[0]?.ids ?? null;
    return out;
  });
  for (const id of new Set((changed ?? '').split(',').filter(Boolean))) ctx.kernel.sessions.invalidate(id);
  forgetReads();
  return result;
}

/** Appends the actor's audit entry for this change, in the caller's transaction. */
export function audit(tx: Tx, ctx: Ctx, entry: AuditEntryInput): Promise<void> {
  return recordAudit(
    tx,
    { accountId: ctx.actor.accountId, name: ctx.actor.name, requestId: ctx.actor.requestId },
    entry,
    ctx.kernel.clock.now(),
  );
}
