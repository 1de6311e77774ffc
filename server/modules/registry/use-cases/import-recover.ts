import type { Kernel } from '../../../kernel/context.ts';

/**
 * An import whose commit a crash cut short: its rows were written in one transaction, so they are all
 * there (and the import says `committed`, in the same transaction) or none is. One still `committing`
 * wrote nothing: it goes back to `failed`, so the importer can commit it again.
 */
export async function endInterruptedImports(kernel: Kernel): Promise<void> {
  await kernel.db.updateTable('reg_imports').set({ status: 'failed' }).where('status', '=', 'committing').execute();
}
