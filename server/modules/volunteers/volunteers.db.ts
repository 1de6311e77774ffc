import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { VolunteersTables } from './volunteers.tables.ts';

/** The volunteers module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type VolunteersDb = KernelTables & VolunteersTables;
export type Executor = AnyExecutor<VolunteersDb>;
export type Tx = AnyTx<VolunteersDb>;
export const { read, write, copyTransaction } = moduleDatabase<VolunteersTables>();
