import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { SupervisionTables } from './supervision.tables.ts';

/** The supervision module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type SupervisionDb = KernelTables & SupervisionTables;
export type Executor = AnyExecutor<SupervisionDb>;
export type Tx = AnyTx<SupervisionDb>;
export const { read, write, copyTransaction } = moduleDatabase<SupervisionTables>();
