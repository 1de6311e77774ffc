import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { RepairsTables } from './repairs.tables.ts';

/** The repairs module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type RepairsDb = KernelTables & RepairsTables;
export type Executor = AnyExecutor<RepairsDb>;
export type Tx = AnyTx<RepairsDb>;
export const { read, write, copyTransaction } = moduleDatabase<RepairsTables>();
