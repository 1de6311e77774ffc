import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { RegistryTables } from './registry.tables.ts';

/** The registry module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type RegistryDb = KernelTables & RegistryTables;
export type Executor = AnyExecutor<RegistryDb>;
export type Tx = AnyTx<RegistryDb>;
export const { read, write, copyTransaction } = moduleDatabase<RegistryTables>();
