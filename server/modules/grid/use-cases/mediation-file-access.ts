import type { Ctx } from '../../../kernel/context.ts';
import type { FileSubjectRef } from './files.ts';

/** Who may see a document of a mediation case (use-cases/file-view.ts asks). Stub: the mediation part decides. */
export async function mayViewMediationFile(_ctx: Ctx, _subject: FileSubjectRef): Promise<boolean> {
  return false;
}
