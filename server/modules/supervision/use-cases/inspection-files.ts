import { type Ctx, audit } from '../../../kernel/context.ts';
import { type Upload, checkAttachment } from '../../../kernel/files/attachment-check.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../supervision.db.ts';
import { EVIDENCE_MAX_BYTES, FILES_PER_ITEM, type EvidenceFileKind } from '../supervision.sheets.constants.ts';
import { SheetErrors } from '../supervision.sheets.errors.ts';
import { findInspection, lockInspection } from '../supervision.sheets.repository.ts';
import { visibleInspection, workableInspection } from './inspection-access.ts';
import { inspectionView } from './inspection-view.ts';

export type { Upload };

/** The indicator of the inspection's sheet, and how many files it has; else 404. */
async function itemOf(db: Parameters<typeof workableInspection>[0], row: { street_id: string; sheet_id: string; id: string }, indicatorId: string) {
  const ind = await db.selectFrom('sup_sheet_indicators').select(['code']).where('street_id', '=', row.street_id).where('sheet_id', '=', row.sheet_id).where('id', '=', indicatorId).executeTakeFirst();
  if (!ind) throw SheetErrors.INDICATOR_NOT_FOUND();
  const { n } = await db
    .selectFrom('sup_inspection_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('street_id', '=', row.street_id)
    .where('inspection_id', '=', row.id)
    .where('indicator_id', '=', indicatorId)
    .executeTakeFirstOrThrow();
  if (Number(n) >= FILES_PER_ITEM) throw SheetErrors.TOO_MANY_FILES({ max: FILES_PER_ITEM });
  return ind;
}

/**
 * Adds an evidence file to an indicator of a draft inspection — from a phone's camera too. A photo must be an image
 * (JPEG, PNG, WebP by its content); a document may be a PDF (without active content) or an image of the paper. Who
 * may, the draft and the count are checked before the upload is read; the content before anything is stored.
 */
export async function addInspectionFile(ctx: Ctx, id: string, indicatorId: string, readUpload: () => Promise<{ upload: Upload; kind: EvidenceFileKind | undefined }>) {
  const before = await workableInspection(read(ctx), ctx, id);
  await itemOf(read(ctx), before, indicatorId);
  const { upload, kind: asked } = await readUpload();
  const { name, mime } = checkAttachment(upload, EVIDENCE_MAX_BYTES);
  const kind: EvidenceFileKind = asked ?? (mime === 'application/pdf' ? 'document' : 'photo');
  if (kind === 'photo' && mime === 'application/pdf') throw SheetErrors.PHOTO_MUST_BE_IMAGE();
  const key = await ctx.kernel.files.put(upload.content);
  return write(ctx, async (tx) => {
    if (!(await lockInspection(tx, id))) throw SheetErrors.INSPECTION_NOT_FOUND();
    const row = await workableInspection(tx, ctx, id);
    const ind = await itemOf(tx, row, indicatorId);
    const fileId = newId();
    await tx
      .insertInto('sup_inspection_files')
      .values({ street_id: row.street_id, id: fileId, inspection_id: id, indicator_id: indicatorId, kind, file_key: key, file_name: name, mime, size_bytes: upload.content.length, uploaded_by: ctx.actor.accountId, uploaded_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'supervision.inspection.file_added', placeId: row.place_id, subjectType: 'sup_inspection', subjectId: id, detail: { fileId, indicatorId, code: ind.code, kind, mime, size: upload.content.length } });
    return inspectionView(tx, ctx, row);
  });
}

/** Removes an evidence file of a draft inspection (the stored content stays: keys are content hashes, maybe shared). */
export async function removeInspectionFile(ctx: Ctx, id: string, fileId: string) {
  return write(ctx, async (tx) => {
    if (!(await lockInspection(tx, id))) throw SheetErrors.INSPECTION_NOT_FOUND();
    const row = await workableInspection(tx, ctx, id);
    const removed = await tx
      .deleteFrom('sup_inspection_files')
      .where('street_id', '=', row.street_id)
      .where('inspection_id', '=', id)
      .where('id', '=', fileId)
      .returning(['indicator_id', 'kind', 'mime', 'size_bytes'])
      .executeTakeFirst();
    if (!removed) throw SheetErrors.FILE_NOT_FOUND();
    await audit(tx, ctx, { action: 'supervision.inspection.file_removed', placeId: row.place_id, subjectType: 'sup_inspection', subjectId: id, detail: { fileId, indicatorId: removed.indicator_id, kind: removed.kind } });
    return inspectionView(tx, ctx, (await findInspection(tx, id))!);
  });
}

/** An evidence file's content, for whoever may see the inspection (the rectification part copies them as evidence). */
export async function getInspectionFile(ctx: Ctx, id: string, fileId: string) {
  const db = read(ctx);
  const row = await visibleInspection(db, ctx, id);
  const file = await db
    .selectFrom('sup_inspection_files')
    .select(['file_key', 'file_name', 'mime'])
    .where('street_id', '=', row.street_id)
    .where('inspection_id', '=', id)
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!file) throw SheetErrors.FILE_NOT_FOUND();
  const content = await ctx.kernel.files.get(file.file_key);
  if (!content) throw SheetErrors.FILE_NOT_FOUND();
  return { name: file.file_name, mime: file.mime, content };
}
