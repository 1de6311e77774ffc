import type { Ctx } from '../../../kernel/context.ts';
import { recordFor } from './collection-access.ts';
import { read } from '../grid.db.ts';
import type { FileSubjectRef } from './files.ts';

/**
 * Who may see a file of a record (a component's photos): whoever may read the record — the community, grid workers
 * and the street over its place; property staff for their company's commissioned work (use-cases/file-view.ts asks).
 */
export async function mayViewRecordFile(ctx: Ctx, subject: FileSubjectRef): Promise<boolean> {
  try {
    await recordFor(read(ctx), ctx, subject.id, 'read');
    return true;
  } catch {
    return false;
  }
}
