import type { Ctx } from '../../../kernel/context.ts';
import { type ImageType, sniffImageType, withStoredFiles } from '../../../kernel/files/files.ts';
import { newId } from '../../../kernel/ids.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../volunteers.constants.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { type Executor, read, type Tx } from '../volunteers.db.ts';
import type { PhotoSubject } from '../volunteers.tables.ts';

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

/** At most six photos, each at most 5 MB and a JPEG, PNG or WebP by its content — checked before anything is written. */
export function checkPhotos(uploads: readonly Upload[], { required = false } = {}): CheckedPhoto[] {
  if (required && uploads.length === 0) throw VolunteersErrors.PHOTO_REQUIRED();
  if (uploads.length > MAX_PHOTOS) throw VolunteersErrors.TOO_MANY_PHOTOS({ max: MAX_PHOTOS });
  return uploads.map((u) => {
    const name = u.filename.slice(0, 80) || '?';
    if (u.content.length > MAX_PHOTO_BYTES) throw VolunteersErrors.PHOTO_TOO_LARGE({ name, limit: MAX_PHOTO_BYTES / 1024 / 1024 });
    const mime = sniffImageType(u.content);
    if (!mime) throw VolunteersErrors.PHOTO_TYPE_NOT_ALLOWED({ name });
    return { filename: name, content: u.content, mime };
  });
}

/**
 * Stores checked photos of a task, listing or care record inside its transaction: the file first, then its row.
 * Returns the photo ids in order; `written` collects the file keys, so a rolled-back transaction forgets them.
 */
export async function storePhotos(
  tx: Tx,
  ctx: Ctx,
  subject: { streetId: string; type: PhotoSubject; id: string; placeId: string },
  photos: readonly CheckedPhoto[],
  written: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const p of photos) {
    const key = await ctx.kernel.files.put(p.content);
    written.push(key);
    const id = newId();
    await tx
      .insertInto('vol_photos')
      .values({
        street_id: subject.streetId,
        id,
        subject_type: subject.type,
        subject_id: subject.id,
        place_id: subject.placeId,
        file_key: key,
        mime: p.mime,
        size_bytes: p.content.length,
        uploaded_by: ctx.actor.accountId,
        uploaded_at: ctx.kernel.clock.now(),
      })
      .execute();
    ids.push(id);
  }
  return ids;
}

/** Runs a write that stores photos; if it fails, the files it stored and nobody else refers to are forgotten again. */
export function withPhotos<T>(ctx: Ctx, work: (written: string[]) => Promise<T>): Promise<T> {
  const referenced = async (key: string) => !!(await read(ctx).selectFrom('vol_photos').select('id').where('file_key', '=', key).limit(1).executeTakeFirst());
  return withStoredFiles(ctx.kernel.files, referenced, work);
}

/** The photo ids of each subject, in upload order (for the answers that show them as /api/volunteers/photos/:id). */
export async function photoIdsOf(db: Executor, streetId: string, type: PhotoSubject, subjectIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(subjectIds.map((id) => [id, []]));
  if (!subjectIds.length) return out;
  const rows = await db
    .selectFrom('vol_photos')
    .select(['id', 'subject_id'])
    .where('street_id', '=', streetId)
    .where('subject_type', '=', type)
    .where('subject_id', 'in', [...subjectIds])
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  for (const r of rows) out.get(r.subject_id)?.push(r.id);
  return out;
}

/**
 * A photo's bytes for whoever may see its subject: `mayView` is the subject's part answering for its own rows (a
 * task's poster and grabber, a listing's compound, a plot's compound); anything else is "not found".
 */
export async function photoContent(
  ctx: Ctx,
  id: string,
  mayView: (subject: { streetId: string; type: PhotoSubject; id: string; placeId: string }) => Promise<boolean>,
): Promise<{ mime: string; content: Buffer }> {
  const photo = await read(ctx).selectFrom('vol_photos').select(['street_id', 'subject_type', 'subject_id', 'place_id', 'file_key', 'mime']).where('id', '=', id).executeTakeFirst();
  if (!photo || !(await mayView({ streetId: photo.street_id, type: photo.subject_type, id: photo.subject_id, placeId: photo.place_id }))) throw VolunteersErrors.PHOTO_NOT_FOUND();
  const content = await ctx.kernel.files.get(photo.file_key);
  if (!content) throw VolunteersErrors.PHOTO_NOT_FOUND();
  return { mime: photo.mime, content };
}
