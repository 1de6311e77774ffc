import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { GridTables } from './grid.tables.ts';

/** The grid module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type GridDb = KernelTables & GridTables;
export type Executor = AnyExecutor<GridDb>;
export type Tx = AnyTx<GridDb>;
export const { read, write, copyTransaction } = moduleDatabase<GridTables>();
