import { createHash } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import type { Executor, Tx } from '../db/index.ts';
import type { AuditLogTable } from '../db/tables.ts';
import { newId } from '../ids.ts';
import type { Module } from '../module.ts';

/** Who did it and under which request: every use case carries one. */
export interface AuditActor {
  accountId: string | null;
  name: string;
  requestId?: string | null;
}

export interface AuditEntryInput {
  action: string;
  placeId?: string | null;
  subjectType?: string;
  subjectId?: string;
  before?: unknown;
  after?: unknown;
  /** Small, non-personal facts for the log viewer (changed field names, counts). */
  detail?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
// All audit writes take this lock, so the chain has one order even with concurrent writers.
const AUDIT_LOCK = 727002;

/** JSON with object keys sorted at every level: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
export const digest = (row: unknown): string | null => (row === undefined || row === null ? null : sha256(canonicalJson(row)));

/** The fields an entry's hash covers, in one place so writing and verifying can never disagree. */
export function hashedFields(e: Omit<Selectable<AuditLogTable>, 'hash' | 'prev_hash' | 'detail'> & { detail: unknown }) {
  return {
    seq: e.seq,
    id: e.id,
    at: e.at.toISOString(),
    actor_id: e.actor_id,
    actor_name: e.actor_name,
    action: e.action,
    place_id: e.place_id,
    subject_type: e.subject_type,
    subject_id: e.subject_id,
    before_digest: e.before_digest,
    after_digest: e.after_digest,
    detail: e.detail ?? null,
    request_id: e.request_id,
  };
}

export const entryHash = (prevHash: string, fields: ReturnType<typeof hashedFields>): string =>
  sha256(prevHash + canonicalJson(fields));

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the change and its
 * record commit or roll back together.
 */
export async function recordAudit(tx: Tx, actor: AuditActor, input: AuditEntryInput, at: Date = new Date()): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields = hashedFields({
    seq: (last?.seq ?? 0) + 1,
    id: newId(),
    // Millisecond precision survives the timestamptz round trip exactly, so verify sees the same value.
    at: new Date(Math.floor(at.getTime())),
    actor_id: actor.accountId,
    actor_name: actor.name,
    action: input.action,
    place_id: input.placeId ?? null,
    subject_type: input.subjectType ?? null,
    subject_id: input.subjectId ?? null,
    before_digest: digest(input.before),
    after_digest: digest(input.after),
    detail: input.detail ? JSON.parse(canonicalJson(input.detail)) : null,
    request_id: actor.requestId ?? null,
  });
  const hash = entryHash(prevHash, fields);
  await tx
    .insertInto('audit_log')
    .values({
      ...fields,
      at: new Date(fields.at),
      detail: fields.detail === null ? null : JSON.stringify(fields.detail),
      prev_hash: prevHash,
      hash,
    })
    .execute();
  await tx
    .insertInto('audit_head')
    .values({ id: 1, seq: fields.seq, hash })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq: fields.seq, hash }))
    .execute();
}

export interface ChainProblem {
  seq: number;
  kind: 'edited' | 'deleted' | 'inserted';
  message: string;
}

/**
 * Walks the whole chain in order. An entry whose own hash does not match its content was edited;
 * a missing sequence number was deleted; an entry whose prev_hash does not match its predecessor
 * was inserted (or its predecessor deleted).
 */
export async function verifyAuditChain(db: Executor, batch = 5000): Promise<{ ok: boolean; entries: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      entries++;
      if (row.seq !== expectedSeq) {
        problems.push({
          seq: expectedSeq,
          kind: 'deleted',
          message: `entries ${expectedSeq}..${row.seq - 1} are missing (deleted)`,
        });
      }
      const detail = typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail;
      const recomputed = entryHash(row.prev_hash, hashedFields({ ...row, detail }));
      if (recomputed !== row.hash) {
        problems.push({ seq: row.seq, kind: 'edited', message: `entry ${row.seq} does not match its hash (edited)` });
      } else if (row.prev_hash !== prevHash && row.seq === expectedSeq) {
        problems.push({
          seq: row.seq,
          kind: 'inserted',
          message: `entry ${row.seq} does not follow entry ${row.seq - 1} (inserted or replaced)`,
        });
      }
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
    }
  }
  const lastSeq = expectedSeq - 1;
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (head && head.seq > lastSeq) {
    problems.push({ seq: lastSeq + 1, kind: 'deleted', message: `entries ${lastSeq + 1}..${head.seq} at the end of the log are missing (deleted)` });
  } else if (head && head.seq < lastSeq) {
    problems.push({ seq: head.seq + 1, kind: 'inserted', message: `entries ${head.seq + 1}..${lastSeq} were appended outside the application (inserted)` });
  } else if (head && head.hash !== prevHash) {
    problems.push({ seq: head.seq, kind: 'edited', message: `entry ${head.seq} does not match the recorded head of the chain (edited)` });
  } else if (!head && lastSeq > 0) {
    problems.push({ seq: 1, kind: 'deleted', message: 'the head of the chain is missing (deleted)' });
  }
  return { ok: problems.length === 0, entries, problems };
}

/**
 * The audit log's chain, then each chain a module keeps in its place (`auditStandIns`): what
 * `gongzhi audit verify` reports, one line each.
 */
export async function verifyAllChains(db: Executor, modules: readonly Pick<Module, 'name' | 'auditStandIns'>[]) {
  const chains = [{ name: 'audit log', ...(await verifyAuditChain(db)) }];
  for (const m of modules) for (const s of m.auditStandIns ?? []) chains.push({ name: `${m.name}: ${s.name}`, ...(await s.verify(db)) });
  return chains;
}
