import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { DashboardsTables } from './dashboards.tables.ts';

/** The dashboards module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type DashboardsDb = KernelTables & DashboardsTables;
export type Executor = AnyExecutor<DashboardsDb>;
export type Tx = AnyTx<DashboardsDb>;
export const { read, write, copyTransaction } = moduleDatabase<DashboardsTables>();
