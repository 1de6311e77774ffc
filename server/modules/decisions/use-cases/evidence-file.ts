import { createHash } from 'node:crypto';
import type { Ctx } from '../../../kernel/context.ts';
import { type Upload, checkAttachment } from '../../../kernel/files/attachment-check.ts';
import { EVIDENCE_MAX_BYTES } from '../decisions.constants.ts';
import type { StoredFile } from '../decisions.tables.ts';

/**
 * A form that carries evidence: its validated fields and its one file. Use cases read it after checking the actor may
 * act at all, so nobody uploads 20 MB to be told no.
 */
export interface EvidenceForm<F> {
  fields: F;
  upload: Upload | null;
}

/**
 * Keeps a file that is evidence of a vote — a sheet's scan, a power of attorney, a signed receipt, a posting's
 * photo — after checking its content (image or PDF without active content), with its SHA-256: the hash is what
 * an inspection, a court or the evidence bundle compares the file against.
 */
export async function storeEvidence(ctx: Ctx, upload: Upload): Promise<StoredFile> {
  const { name, mime } = checkAttachment(upload, EVIDENCE_MAX_BYTES);
  const key = await ctx.kernel.files.put(upload.content);
  return { key, sha256: createHash('sha256').update(upload.content).digest('hex'), name, mime, size: upload.content.length };
}

/** The stored content of an evidence file, or null when the store has lost it. */
export async function evidenceContent(ctx: Ctx, file: StoredFile): Promise<{ name: string; mime: string; content: Buffer } | null> {
  const content = await ctx.kernel.files.get(file.key);
  return content ? { name: file.name, mime: file.mime, content } : null;
}
