import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { DecisionsTables } from './decisions.tables.ts';

/** The decisions module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type DecisionsDb = KernelTables & DecisionsTables;
export type Executor = AnyExecutor<DecisionsDb>;
export type Tx = AnyTx<DecisionsDb>;
export const { read, write, copyTransaction } = moduleDatabase<DecisionsTables>();
