import { createHash } from 'node:crypto';
import type { Ctx } from '../../../kernel/context.ts';
import { sniffImageType } from '../../../kernel/files/files.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Tx } from '../supervision.db.ts';
import { LIST_MAX_FILE_BYTES, LIST_MAX_FILES } from '../supervision.lists.constants.ts';
import { ListsErrors } from '../supervision.lists.errors.ts';

/** A file as it arrived. */
export interface ListUpload {
  filename: string;
  content: Buffer;
}
interface CheckedFile {
  filename: string;
  content: Buffer;
  mime: string;
}

/** Checks the files before anything is written: at most nine, each at most 10 MB, each an image or a PDF by its content. */
export function checkListFiles(uploads: ListUpload[], required: boolean): CheckedFile[] {
  if (uploads.length > LIST_MAX_FILES) throw ListsErrors.TOO_MANY_FILES({ max: LIST_MAX_FILES });
  if (required && uploads.length === 0) throw ListsErrors.FILES_REQUIRED();
  return uploads.map((u) => {
    const name = u.filename.slice(0, 100) || '?';
    if (u.content.length > LIST_MAX_FILE_BYTES) throw ListsErrors.FILE_TOO_LARGE({ name, mb: LIST_MAX_FILE_BYTES / 1024 / 1024 });
    const image = sniffImageType(u.content);
    if (image) return { filename: name, content: u.content, mime: image };
    if (u.content.subarray(0, 5).toString('latin1') === '%PDF-') return { filename: name, content: u.content, mime: 'application/pdf' };
    throw ListsErrors.FILE_TYPE_NOT_ALLOWED({ name });
  });
}

/**
 * Runs a write that stores files; if it fails, the files it ADDED to the store are removed again. Keys are content
 * hashes, so a file that was in the store before (another record's) is never touched: `added` holds only keys that
 * were absent when put.
 */
export async function withListFiles<T>(ctx: Ctx, work: (added: string[]) => Promise<T>): Promise<T> {
  const added: string[] = [];
  try {
    return await work(added);
  } catch (err) {
    for (const key of new Set(added)) await ctx.kernel.files.remove(key).catch(() => {});
    throw err;
  }
}

/** Stores checked files of an appeal or a plan in the write's transaction. */
export async function storeListFiles(
  tx: Tx,
  ctx: Ctx,
  target: { streetId: string; appealId?: string; measureId?: string; at: Date },
  files: CheckedFile[],
  added: string[],
): Promise<void> {
  for (const f of files) {
    // The stores key a file by its SHA-256 (kernel/files/files.ts): whether it was there before the put.
    const existed = (await ctx.kernel.files.get(createHash('sha256').update(f.content).digest('hex'))) !== null;
    const key = await ctx.kernel.files.put(f.content);
    if (!existed) added.push(key);
    await tx
      .insertInto('sup_list_files')
      .values({
        street_id: target.streetId,
        id: newId(),
        appeal_id: target.appealId ?? null,
        measure_id: target.measureId ?? null,
        file_key: key,
        file_name: f.filename,
        mime: f.mime,
        size_bytes: f.content.length,
        uploaded_by: ctx.actor.accountId,
        uploaded_at: target.at,
      })
      .execute();
  }
}
