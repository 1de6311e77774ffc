import type { Ctx } from '../../../kernel/context.ts';
import { sniffImageType } from '../../../kernel/files/files.ts';
import { newId } from '../../../kernel/ids.ts';
import { CREDIT_FILE_MAX_BYTES, CREDIT_FILES_MAX } from '../supervision.credit.constants.ts';
import { CreditErrors } from '../supervision.credit.errors.ts';
import type { Tx } from '../supervision.db.ts';

/** A file as the route read it. */
export interface Upload {
  filename: string;
  content: Buffer;
}
export interface CheckedFile {
  filename: string;
  content: Buffer;
  mime: string;
}

/** Evidence must be photos (JPEG/PNG/WebP, by their bytes) or PDFs, at most 9, each ≤ 10 MB: checked before any write. */
export function checkCreditFiles(uploads: Upload[]): CheckedFile[] {
  if (uploads.length > CREDIT_FILES_MAX) throw CreditErrors.TOO_MANY_FILES({ max: CREDIT_FILES_MAX });
  return uploads.map((u) => {
    const name = u.filename.slice(0, 100) || '?';
    if (u.content.length > CREDIT_FILE_MAX_BYTES) throw CreditErrors.FILE_TOO_LARGE({ name, mb: CREDIT_FILE_MAX_BYTES / 1024 / 1024 });
    const image = sniffImageType(u.content);
    if (image) return { filename: name, content: u.content, mime: image };
    if (u.content.subarray(0, 5).toString('latin1') === '%PDF-') return { filename: name, content: u.content, mime: 'application/pdf' };
    throw CreditErrors.FILE_TYPE_NOT_ALLOWED({ name });
  });
}

/**
 * Stores the files (kernel.files: content-addressed, so a file another record already holds is stored once) and
 * lists them under their owner, in the caller's transaction. Called after every check, so a refusal stores nothing;
 * a file left by a transaction that then failed is unreferenced and harmless (its key is its content's hash).
 */
export async function storeCreditFiles(tx: Tx, ctx: Ctx, owner: { streetId: string; type: 'record' | 'repair'; id: string; at: Date }, files: CheckedFile[]): Promise<void> {
  for (const f of files) {
    const key = await ctx.kernel.files.put(f.content);
    await tx
      .insertInto('sup_credit_files')
      .values({
        street_id: owner.streetId,
        id: newId(),
        owner_type: owner.type,
        owner_id: owner.id,
        file_key: key,
        file_name: f.filename,
        mime: f.mime,
        size_bytes: f.content.length,
        uploaded_by: ctx.actor.accountId,
        uploaded_at: owner.at,
      })
      .execute();
  }
}
