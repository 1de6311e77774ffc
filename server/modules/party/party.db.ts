import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { PartyTables } from './party.tables.ts';

/** The party module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type PartyDb = KernelTables & PartyTables;
export type Executor = AnyExecutor<PartyDb>;
export type Tx = AnyTx<PartyDb>;
export const { read, write, copyTransaction } = moduleDatabase<PartyTables>();
