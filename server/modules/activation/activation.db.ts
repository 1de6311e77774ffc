import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { ActivationTables } from './activation.tables.ts';

/** The activation module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type ActivationDb = KernelTables & ActivationTables;
export type Executor = AnyExecutor<ActivationDb>;
export type Tx = AnyTx<ActivationDb>;
export const { read, write, copyTransaction } = moduleDatabase<ActivationTables>();
