import type { Ctx } from '../../../kernel/context.ts';
import { type ImageType, sniffImageType, withStoredFiles } from '../../../kernel/files/files.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, type Tx } from '../deliberation.db.ts';
import { ExecutionErrors } from '../execution.errors.ts';
import { actorIdOf } from './plan-tasks.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../execution.schemas.ts';

export interface Upload {
  filename: string;
  content: Buffer;
}
interface CheckedPhoto {
  filename: string;
  content: Buffer;
  mime: ImageType;
}

/** At most six photos, each at most 5 MB and a JPEG, PNG or WebP by its content — checked before anything is written. */
export function checkPhotos(uploads: Upload[]): CheckedPhoto[] {
  if (uploads.length > MAX_PHOTOS) throw ExecutionErrors.TOO_MANY_PHOTOS({ max: MAX_PHOTOS });
  return uploads.map((u) => {
    const name = u.filename.slice(0, 80) || '?';
    if (u.content.length > MAX_PHOTO_BYTES) throw ExecutionErrors.PHOTO_TOO_LARGE({ name, limit: MAX_PHOTO_BYTES / 1024 / 1024 });
    const mime = sniffImageType(u.content);
    if (!mime) throw ExecutionErrors.PHOTO_TYPE_NOT_ALLOWED({ name });
    return { filename: name, content: u.content, mime };
  });
}

/** Stores checked photos of a task in its transaction; their ids, in order, and the file keys written. */
export async function storePhotos(tx: Tx, ctx: Ctx, target: { streetId: string; itemId: string; taskId: string; at: Date }, photos: CheckedPhoto[], written: string[]) {
  const ids: string[] = [];
  for (const p of photos) {
    const key = await ctx.kernel.files.put(p.content);
    written.push(key);
    const id = newId();
    await tx
      .insertInto('dlb_task_photos')
      .values({ street_id: target.streetId, id, item_id: target.itemId, task_id: target.taskId, file_key: key, mime: p.mime, size_bytes: p.content.length, uploaded_by: actorIdOf(ctx), uploaded_at: target.at })
      .execute();
    ids.push(id);
  }
  return ids;
}

/** Runs a write that stores photos; if it fails, the files it wrote that no committed row refers to are removed. */
export function withPhotos<T>(ctx: Ctx, work: (written: string[]) => Promise<T>): Promise<T> {
  const referenced = async (key: string) => !!(await read(ctx).selectFrom('dlb_task_photos').select('id').where('file_key', '=', key).limit(1).executeTakeFirst());
  return withStoredFiles(ctx.kernel.files, referenced, work);
}
