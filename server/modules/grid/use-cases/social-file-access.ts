import type { Ctx } from '../../../kernel/context.ts';
import type { FileSubjectRef } from './files.ts';

/** Who may see the evidence of a funded project (use-cases/file-view.ts asks). Stub: the social part decides. */
export async function mayViewProjectFile(_ctx: Ctx, _subject: FileSubjectRef): Promise<boolean> {
  return false;
}
