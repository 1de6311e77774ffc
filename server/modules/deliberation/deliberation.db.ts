import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { DeliberationTables } from './deliberation.tables.ts';

/** The deliberation module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type DeliberationDb = KernelTables & DeliberationTables;
export type Executor = AnyExecutor<DeliberationDb>;
export type Tx = AnyTx<DeliberationDb>;
export const { read, write, copyTransaction } = moduleDatabase<DeliberationTables>();
