import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { OpinionsTables } from './opinions.tables.ts';

/** The opinions module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type OpinionsDb = KernelTables & OpinionsTables;
export type Executor = AnyExecutor<OpinionsDb>;
export type Tx = AnyTx<OpinionsDb>;
export const { read, write, copyTransaction } = moduleDatabase<OpinionsTables>();
