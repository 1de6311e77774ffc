import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { FeesTables } from './fees.tables.ts';

/** The fees module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type FeesDb = KernelTables & FeesTables;
export type Executor = AnyExecutor<FeesDb>;
export type Tx = AnyTx<FeesDb>;
export const { read, write, copyTransaction } = moduleDatabase<FeesTables>();
