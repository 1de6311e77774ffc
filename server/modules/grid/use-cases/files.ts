import type { Ctx } from '../../../kernel/context.ts';
import { sniffAttachmentType } from '../../../kernel/files/attachment-check.ts';
import { removeUnreferenced, sniffImageType, withStoredFiles } from '../../../kernel/files/files.ts';
import { assertNoActiveContent } from '../../../kernel/files/pdf-active-content.ts';
import { newId } from '../../../kernel/ids.ts';
import { MAX_FILE_BYTES, MAX_FILES } from '../grid.constants.ts';
import { GridErrors } from '../grid.errors.ts';
import { type Executor, read, type Tx } from '../grid.db.ts';
import type { FileKind, FileMime, FileSubject } from '../grid.tables.ts';

/** A file as it arrived: the name the client gave it and its bytes. */
export interface Upload {
  filename: string;
  content: Buffer;
}
export interface CheckedFile {
  filename: string;
  content: Buffer;
  mime: FileMime;
}

/**
 * At most six files, each at most 5 MB, checked by content before anything is written: photos must be JPEG, PNG
 * or WebP; documents (an agency case's ID copies and forms) may also be a PDF without active content.
 */
export function checkFiles(uploads: readonly Upload[], { required = false, documents = false } = {}): CheckedFile[] {
  if (required && uploads.length === 0) throw GridErrors.FILE_REQUIRED();
  if (uploads.length > MAX_FILES) throw GridErrors.TOO_MANY_FILES({ max: MAX_FILES });
  return uploads.map((u) => {
    const name = u.filename.slice(0, 80) || '?';
    if (u.content.length > MAX_FILE_BYTES) throw GridErrors.FILE_TOO_LARGE({ name, limit: MAX_FILE_BYTES / 1024 / 1024 });
    const mime = documents ? sniffAttachmentType(u.content) : sniffImageType(u.content);
    if (!mime) throw documents ? GridErrors.FILE_TYPE_NOT_ALLOWED({ name }) : GridErrors.PHOTO_TYPE_NOT_ALLOWED({ name });
    if (mime === 'application/pdf') assertNoActiveContent(u.content);
    return { filename: name, content: u.content, mime };
  });
}

/**
 * Stores checked files of an event, a record or a case inside its transaction: the file first, then its row.
 * Returns the file ids in order; `written` collects the file keys, so a rolled-back transaction forgets them.
 */
export async function storeFiles(
  tx: Tx,
  ctx: Ctx,
  subject: { streetId: string; type: FileSubject; id: string; placeId: string },
  files: readonly CheckedFile[],
  written: string[],
  { kind = 'photo', label = '' }: { kind?: FileKind; label?: string } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (const f of files) {
    const key = await ctx.kernel.files.put(f.content);
    written.push(key);
    const id = newId();
    await tx
      .insertInto('grid_files')
      .values({
        street_id: subject.streetId,
        id,
        subject_type: subject.type,
        subject_id: subject.id,
        place_id: subject.placeId,
        kind,
        label: label || f.filename,
        file_key: key,
        mime: f.mime,
        size_bytes: f.content.length,
        uploaded_by: ctx.actor.accountId,
        uploaded_at: ctx.kernel.clock.now(),
        purged_at: null,
      })
      .execute();
    ids.push(id);
  }
  return ids;
}

/** Whether a row of grid_files still holds a stored file. */
const referenced = (ctx: Ctx) => async (key: string) => !!(await read(ctx).selectFrom('grid_files').select('id').where('file_key', '=', key).limit(1).executeTakeFirst());

/** Runs a write that stores files; if it fails, the files it stored and nobody else refers to are forgotten again. */
export const withFiles = <T>(ctx: Ctx, work: (written: string[]) => Promise<T>): Promise<T> => withStoredFiles(ctx.kernel.files, referenced(ctx), work);

export interface FileSummary {
  id: string;
  kind: FileKind;
  label: string;
  mime: FileMime;
  uploadedAt: string;
  /** When the file was deleted under the retention rule; its content is gone, the record of it stays. */
  purgedAt: string | null;
}

/** The files of each subject, in upload order (for answers that link them as /api/grid/files/:id). */
export async function filesOf(db: Executor, streetId: string, type: FileSubject, subjectIds: readonly string[]): Promise<Map<string, FileSummary[]>> {
  const out = new Map<string, FileSummary[]>(subjectIds.map((id) => [id, []]));
  if (!subjectIds.length) return out;
  const rows = await db
    .selectFrom('grid_files')
    .select(['id', 'subject_id', 'kind', 'label', 'mime', 'uploaded_at', 'purged_at'])
    .where('street_id', '=', streetId)
    .where('subject_type', '=', type)
    .where('subject_id', 'in', [...subjectIds])
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  for (const r of rows) out.get(r.subject_id)?.push({ id: r.id, kind: r.kind, label: r.label, mime: r.mime, uploadedAt: r.uploaded_at.toISOString(), purgedAt: r.purged_at?.toISOString() ?? null });
  return out;
}

/**
 * Deletes the content of a subject's files (the retention rule of agency documents), in the caller's transaction:
 * the rows stay with `purged_at`; the stored files are removed once nothing refers to them. Returns how many.
 */
export async function purgeFilesOf(tx: Tx, ctx: Ctx, streetId: string, type: FileSubject, subjectId: string): Promise<number> {
  const rows = await tx
    .updateTable('grid_files')
    .set({ file_key: null, purged_at: ctx.kernel.clock.now() })
    .where('street_id', '=', streetId)
    .where('subject_type', '=', type)
    .where('subject_id', '=', subjectId)
    .where('purged_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

/** Removes stored files no row refers to any more (after a purge has committed). */
export const removeUnreferencedFiles = (ctx: Ctx, keys: readonly string[]): Promise<void> => removeUnreferenced(ctx.kernel.files, keys, referenced(ctx));

/** A file's subject, as the part that owns it decides who may see it. */
export interface FileSubjectRef {
  streetId: string;
  type: FileSubject;
  id: string;
  placeId: string;
  fileId: string;
  kind: FileKind;
}

/**
 * A file's bytes for whoever may see its subject: `mayView` is the subject's part answering for its own rows;
 * anything else — and a file whose content was deleted under the retention rule — is "not found".
 */
export async function fileContent(ctx: Ctx, id: string, mayView: (subject: FileSubjectRef) => Promise<boolean>): Promise<{ mime: string; content: Buffer; label: string }> {
  const file = await read(ctx).selectFrom('grid_files').select(['street_id', 'subject_type', 'subject_id', 'place_id', 'file_key', 'mime', 'kind', 'label']).where('id', '=', id).executeTakeFirst();
  if (!file || !file.file_key) throw GridErrors.FILE_NOT_FOUND();
  if (!(await mayView({ streetId: file.street_id, type: file.subject_type, id: file.subject_id, placeId: file.place_id, fileId: id, kind: file.kind }))) throw GridErrors.FILE_NOT_FOUND();
  const content = await ctx.kernel.files.get(file.file_key);
  if (!content) throw GridErrors.FILE_NOT_FOUND();
  return { mime: file.mime, content, label: file.label };
}
