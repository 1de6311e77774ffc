import type { Ctx } from '../../../kernel/context.ts';
import type { FileSubjectRef } from './files.ts';

/**
 * Who may see a file of a case (the agency part answers for its own rows; use-cases/file-view.ts asks it).
 * Until the part decides, nobody does.
 */
export async function mayViewCaseFile(_ctx: Ctx, _subject: FileSubjectRef): Promise<boolean> {
  return false;
}
