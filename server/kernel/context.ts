import type { Actor } from './access/actor.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database, Db, Tx } from './db/index.ts';
import type { Pii } from './pii/pii.ts';
import type { FileStore } from './files/files.ts';
import type { SmsSender } from './auth/sms.ts';
import { type AuditEntryInput, recordAudit } from './audit/audit.ts';

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
}

/** What every use case receives: the kernel and who is acting. */
export interface Ctx {
  kernel: Kernel;
  actor: Actor;
}

/** Runs one write as one transaction: the change and its audit entries commit or roll back together. */
export function write<T>(ctx: Ctx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.kernel.db.transaction().execute(work);
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
