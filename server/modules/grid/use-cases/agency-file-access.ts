import { can, type Role } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { read, write } from '../grid.db.ts';
import { accessTo, caseById, pointById } from './agency-access.ts';
import type { FileSubjectRef } from './files.ts';

/** Besides the point's own staff, who may open a case's documents: the street's officials (and the platform's admin). */
const STREET: readonly Role[] = ['street_official', 'platform_admin'];

/**
 * Who may see a document of a case (use-cases/file-view.ts asks): the staff of the case's point and the street's
 * officials — nobody else, not the applicant either (the H5 shows the labels). Each view is a personal-data read:
 * audited (`grid.agency.document_viewed`) before the content is handed out.
 */
export async function mayViewCaseFile(ctx: Ctx, subject: FileSubjectRef): Promise<boolean> {
  const db = read(ctx);
  const kase = await caseById(db, subject.id);
  if (!kase || kase.streetId !== subject.streetId) return false;
  const point = await pointById(db, kase.pointId);
  if (!point) return false;
  const may = can(ctx.actor, STREET, point.compoundPath) || (await accessTo(db, ctx, point)).staffs;
  if (!may) return false;
  await write(ctx, (tx) =>
    audit(tx, ctx, { action: 'grid.agency.document_viewed', placeId: kase.compoundId, subjectType: 'grid_agency_case', subjectId: kase.id, detail: { no: kase.no, file: subject.fileId } }),
  );
  return true;
}
