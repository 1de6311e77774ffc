import { type Ctx, audit } from '../../../kernel/context.ts';
import { type Upload, checkAttachment } from '../../../kernel/files/attachment-check.ts';
import { newId } from '../../../kernel/ids.ts';
import { COMMITTEE_EVIDENCE_MAX_BYTES, COMMITTEE_FILES_PER_DIMENSION, type CommitteeDimension } from '../supervision.committees.constants.ts';
import { CommitteeErrors } from '../supervision.committees.errors.ts';
import { type Executor, read, write } from '../supervision.db.ts';
import { ratingFor } from './committee-access.ts';
import { ratingViews } from './committee-rating-view.ts';

export type { Upload };

async function roomFor(db: Executor, streetId: string, id: string, dimension: CommitteeDimension) {
  const { n } = await db
    .selectFrom('sup_committee_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('street_id', '=', streetId)
    .where('rating_id', '=', id)
    .where('dimension', '=', dimension)
    .executeTakeFirstOrThrow();
  if (Number(n) >= COMMITTEE_FILES_PER_DIMENSION) throw CommitteeErrors.TOO_MANY_FILES({ max: COMMITTEE_FILES_PER_DIMENSION });
}

/**
 * Adds evidence to a dimension of a draft rating: a photo (JPEG, PNG, WebP) or a PDF without active content, by its
 * content. Who may, the draft and the count are checked before the upload is read; the content before it is stored.
 */
export async function addCommitteeFile(ctx: Ctx, id: string, dimension: CommitteeDimension, readUpload: () => Promise<Upload>) {
  const before = await ratingFor(ctx, read(ctx), id, { write: true });
  await roomFor(read(ctx), before.street_id, id, dimension);
  const upload = await readUpload();
  const { name, mime } = checkAttachment(upload, COMMITTEE_EVIDENCE_MAX_BYTES);
  const key = await ctx.kernel.files.put(upload.content);
  return write(ctx, async (tx) => {
    const row = await ratingFor(ctx, tx, id, { write: true, forUpdate: true });
    await roomFor(tx, row.street_id, id, dimension);
    const fileId = newId();
    await tx
      .insertInto('sup_committee_files')
      .values({ street_id: row.street_id, id: fileId, rating_id: id, dimension, file_key: key, file_name: name, mime, size_bytes: upload.content.length, uploaded_by: ctx.actor.accountId, uploaded_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'supervision.committees.file_added', placeId: row.compound_id, subjectType: 'sup_committee_rating', subjectId: id, detail: { fileId, dimension, mime, size: upload.content.length } });
    return (await ratingViews(tx, ctx, [row]))[0]!;
  });
}

/** Removes an evidence file from a draft rating (the stored content stays: keys are content hashes, maybe shared). */
export async function removeCommitteeFile(ctx: Ctx, id: string, fileId: string) {
  return write(ctx, async (tx) => {
    const row = await ratingFor(ctx, tx, id, { write: true, forUpdate: true });
    const removed = await tx
      .deleteFrom('sup_committee_files')
      .where('street_id', '=', row.street_id)
      .where('rating_id', '=', id)
      .where('id', '=', fileId)
      .returning(['dimension', 'mime', 'size_bytes'])
      .executeTakeFirst();
    if (!removed) throw CommitteeErrors.FILE_NOT_FOUND();
    await audit(tx, ctx, { action: 'supervision.committees.file_removed', placeId: row.compound_id, subjectType: 'sup_committee_rating', subjectId: id, detail: { fileId, dimension: removed.dimension } });
    return (await ratingViews(tx, ctx, [row]))[0]!;
  });
}

/** An evidence file's content, for whoever sees the rating. */
export async function getCommitteeFile(ctx: Ctx, id: string, fileId: string) {
  const db = read(ctx);
  const row = await ratingFor(ctx, db, id);
  const file = await db
    .selectFrom('sup_committee_files')
    .select(['file_key', 'file_name', 'mime'])
    .where('street_id', '=', row.street_id)
    .where('rating_id', '=', id)
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!file) throw CommitteeErrors.FILE_NOT_FOUND();
  const content = await ctx.kernel.files.get(file.file_key);
  if (!content) throw CommitteeErrors.FILE_NOT_FOUND();
  return { name: file.file_name, mime: file.mime, content };
}
