import type { Ctx, Kernel } from './context.ts';
import { write as writeKernel } from './context.ts';
import type { CopyIn, Db, Executor, Tx } from './db/index.ts';
import type { KernelTables } from './db/tables.ts';

/**
 * A module's view of the one database: the kernel's tables and its own, nothing else. Each module
 * makes its view once, in its `<name>.db.ts`:
 *
 *   export type RepairsDb = KernelTables & RepairsTables;
 *   export const { read, write, copyTransaction } = moduleDatabase<RepairsTables>();
 *
 * and its repository and use cases take `Executor<RepairsDb>` / `Tx<RepairsDb>`, so a query naming
 * another module's table fails `npm run check`. The pool and the transaction are the same objects as
 * the kernel's: the view is a type. A function another module calls inside its own transaction
 * (exported from the callee's `index.ts`) takes the caller's `Tx` as `Executor` of the kernel's tables
 * and views it through the callee's own `read` (see docs/ARCHITECTURE.md, "Calling another module").
 */
export function moduleDatabase<Own>() {
  type Tables = KernelTables & Own;
  function read(from: Ctx | Kernel): Db<Tables>;
  function read(from: Tx): Tx<Tables>;
  function read(from: Executor): Executor<Tables>;
  function read(from: Ctx | Kernel | Executor): Executor<Tables> {
    return ('kernel' in from ? from.kernel.db : 'clock' in from ? from.db : from) as unknown as Executor<Tables>;
  }
  return {
    /** The database (or a caller's transaction, as the same transaction), seen with this module's tables. */
    read,
    /** `write` of kernel/context.ts: one transaction, its audit entries inside it; typed for this module. */
    write: <T>(ctx: Ctx, work: (tx: Tx<Tables>) => Promise<T>): Promise<T> =>
      writeKernel(ctx, work as unknown as (tx: Tx) => Promise<T>),
    /** The database's COPY-capable transaction (imports), typed for this module. */
    copyTransaction: <T>(kernel: Kernel, work: (tx: Tx<Tables>, copy: CopyIn) => Promise<T>): Promise<T> =>
      kernel.database.copyTransaction(work as unknown as (tx: Tx, copy: CopyIn) => Promise<T>),
  };
}

export type { Db, Executor, Tx };
