import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { DevicesTables } from './devices.tables.ts';

/** The devices module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type DevicesDb = KernelTables & DevicesTables;
export type Executor = AnyExecutor<DevicesDb>;
export type Tx = AnyTx<DevicesDb>;
export const { read, write, copyTransaction } = moduleDatabase<DevicesTables>();
