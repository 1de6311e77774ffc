import type { Kernel } from '../../../kernel/context.ts';
import { ownerGone } from '../../../kernel/db/liveness.ts';
import { read } from '../registry.db.ts';

/**
 * An import whose commit a crash cut short: its rows were written in one transaction, so they are all
 * there (and the import says `committed`, in the same transaction) or none is. One still `committing`
 * whose process is gone (kernel/db/liveness.ts) wrote nothing: it goes back to `failed`, so the
 * importer can commit it again. One another live process is committing is left alone.
 */
export async function endInterruptedImports(kernel: Kernel): Promise<void> {
  await read(kernel).updateTable('reg_imports').set({ status: 'failed' }).where('status', '=', 'committing').where(ownerGone('reg_imports.owner')).execute();
}
