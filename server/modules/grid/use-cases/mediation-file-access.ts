import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../grid.db.ts';
import type { FileSubjectRef } from './files.ts';
import { accessTo, caseById } from './mediation-access.ts';

/**
 * Who may see a document of a mediation case (use-cases/file-view.ts asks): the signed agreement names the parties,
 * so only the case's assigned mediators and the committee's managers — not every reader of the case.
 */
export async function mayViewMediationFile(ctx: Ctx, subject: FileSubjectRef): Promise<boolean> {
  const db = read(ctx);
  const kase = await caseById(db, subject.id);
  if (!kase || kase.streetId !== subject.streetId) return false;
  const access = await accessTo(db, ctx, kase);
  return access.mediator || access.manager;
}
