import { sql } from 'kysely';
import type { Executor } from '../registry.db.ts';
import type { Analysis } from './analyse.ts';
import type { ColumnMapping } from './columns.ts';

/**
 * The dry run's analysis, kept in this process for the commit that usually follows it: checking
 * and encrypting 200,000 rows again would double the import's time. The commit uses it only if
 * it was made with the same column mapping and nothing in the registry has changed since (no
 * `registry.*` audit entry after the one that was the latest when the dry run began; every change
 * to the registry is audited). Otherwise, or after a restart, the commit analyses the file again.
 */
interface Kept {
  analysis: Analysis;
  mappingKey: string;
  auditSeq: number;
  bytes: number;
  keptAt: number;
}

const MAX_BYTES = 768 * 1024 * 1024;
const MAX_AGE_MS = 2 * 60 * 60 * 1000;
const kept = new Map<string, Kept>();

export const mappingKey = (mapping: ColumnMapping | undefined) =>
  JSON.stringify(Object.entries(mapping ?? {}).sort(([a], [b]) => a.localeCompare(b)));

/** The latest audit entry's position: taken before a dry run reads the registry. */
export async function auditPosition(db: Executor): Promise<number> {
  const head = await db.selectFrom('audit_head').select('seq').executeTakeFirst();
  return Number(head?.seq ?? 0);
}

/** Audited registry actions that change nothing in it: reads of personal data, an import's upload and dry run. */
const NOT_CHANGES = ['registry.person.pii_read', 'registry.import.uploaded', 'registry.import.analysed'];

/** Whether the registry changed after audit entry `seq`. */
export async function registryChangedSince(db: Executor, seq: number): Promise<boolean> {
  const r = await sql<{ changed: boolean }>`
    select exists (select 1 from audit_log where seq > ${seq} and action like 'registry.%' and action <> all(${NOT_CHANGES}::text[])) as changed`.execute(db);
  return r.rows[0]?.changed ?? true;
}

export function keepPlan(importId: string, entry: Omit<Kept, 'bytes' | 'keptAt'>): void {
  kept.delete(importId);
  const bytes = (entry.analysis.plan?.loads ?? []).reduce((n, l) => n + l.chunks.reduce((m, c) => m + c.text.byteLength, 0), 0);
  const now = Date.now();
  for (const [id, k] of kept) if (now - k.keptAt > MAX_AGE_MS) kept.delete(id);
  // Oldest first out, until the new one fits.
  let total = [...kept.values()].reduce((n, k) => n + k.bytes, 0);
  for (const [id, k] of kept) {
    if (total + bytes <= MAX_BYTES) break;
    kept.delete(id);
    total -= k.bytes;
  }
  if (bytes <= MAX_BYTES) kept.set(importId, { ...entry, bytes, keptAt: now });
}

/** The kept analysis for this import, if it was made with this mapping (and is not too old). */
export function keptPlan(importId: string, mapping: ColumnMapping | undefined): Pick<Kept, 'analysis' | 'auditSeq'> | null {
  const k = kept.get(importId);
  if (!k || k.mappingKey !== mappingKey(mapping) || Date.now() - k.keptAt > MAX_AGE_MS) return null;
  return k;
}

export const forgetPlan = (importId: string) => kept.delete(importId);
