import type { Ctx } from '../../../kernel/context.ts';
import type { FileSubject } from '../grid.tables.ts';
import { mayViewCaseFile } from './agency-file-access.ts';
import { mayViewRecordFile } from './collection-file-access.ts';
import { mayViewEventFile } from './events-file-access.ts';
import { mayViewMediationFile } from './mediation-file-access.ts';
import { mayViewProjectFile } from './social-file-access.ts';
import { type FileSubjectRef, fileContent } from './files.ts';

const VIEWERS: Record<FileSubject, (ctx: Ctx, subject: FileSubjectRef) => Promise<boolean>> = {
  event: mayViewEventFile,
  record: mayViewRecordFile,
  case: mayViewCaseFile,
  mediation: mayViewMediationFile,
  project: mayViewProjectFile,
};

/** A file of an event, a collected record, an agency case, a mediation case or a funded project, for those its part lets see it. */
export function viewFile(ctx: Ctx, id: string) {
  return fileContent(ctx, id, (subject) => VIEWERS[subject.type](ctx, subject));
}
