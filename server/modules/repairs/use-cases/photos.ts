import type { Ctx } from '../../../kernel/context.ts';
import { type Tx, read } from '../repairs.db.ts';
import { type ImageType, sniffImageType } from '../../../kernel/files/files.ts';
import { newId } from '../../../kernel/ids.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../repairs.constants.ts';
import { RepairErrors } from '../repairs.errors.ts';

/** A file as it arrived: the name the client gave it and its bytes. */
export interface Upload {
  filename: string;
  content: Buffer;
}
export interface CheckedPhoto {
  filename: string;
  content: Buffer;
  mime: ImageType;
}

/**
 * Checks photos before anything is written: at most six, each at most 5 MB, each a JPEG, PNG or
 * WebP by its content (a text file named .jpg is refused, whatever its name or declared type).
 */
export function checkPhotos(uploads: Upload[]): CheckedPhoto[] {
  if (uploads.length > MAX_PHOTOS) throw RepairErrors.TOO_MANY_PHOTOS({ max: MAX_PHOTOS });
  return uploads.map((u) => {
    const name = u.filename.slice(0, 80) || '?';
    if (u.content.length > MAX_PHOTO_BYTES) throw RepairErrors.PHOTO_TOO_LARGE({ name, limit: MAX_PHOTO_BYTES / 1024 / 1024 });
    const mime = sniffImageType(u.content);
    if (!mime) throw RepairErrors.PHOTO_TYPE_NOT_ALLOWED({ name });
    return { filename: name, content: u.content, mime };
  });
}

/**
 * Stores checked photos for an order inside the order's transaction: the file first, then its row.
 * Returns the keys written, so that a rolled-back transaction can forget files nobody refers to.
 */
export async function storePhotos(
  tx: Tx,
  ctx: Ctx,
  target: { streetId: string; orderId: string; placeId: string; stage: 'report' | 'finish'; at: Date },
  photos: CheckedPhoto[],
  written: string[],
): Promise<void> {
  for (const p of photos) {
    const key = await ctx.kernel.files.put(p.content);
    written.push(key);
    await tx
      .insertInto('rep_photos')
      .values({
        street_id: target.streetId,
        id: newId(),
        order_id: target.orderId,
        place_id: target.placeId,
        stage: target.stage,
        file_key: key,
        mime: p.mime,
        size_bytes: p.content.length,
        uploaded_by: ctx.actor.accountId,
        uploaded_at: target.at,
      })
      .execute();
  }
}

/**
 * After a failed transaction: removes the files it wrote that no committed row refers to. Keys are
 * content hashes, so a file that another order also holds is kept.
 */
export async function forgetUnreferenced(ctx: Ctx, keys: string[]): Promise<void> {
  for (const key of new Set(keys)) {
    const used = await read(ctx).selectFrom('rep_photos').select('id').where('file_key', '=', key).limit(1).executeTakeFirst();
    if (!used) await ctx.kernel.files.remove(key).catch(() => {});
  }
}

/** Runs a write that stores photos; if it fails, the files it stored are forgotten again. */
export async function withPhotos<T>(ctx: Ctx, work: (written: string[]) => Promise<T>): Promise<T> {
  const written: string[] = [];
  try {
    return await work(written);
  } catch (err) {
    await forgetUnreferenced(ctx, written);
    throw err;
  }
}
