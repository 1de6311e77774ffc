import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { NoticesTables } from './notices.tables.ts';

/** The notices module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type NoticesDb = KernelTables & NoticesTables;
export type Executor = AnyExecutor<NoticesDb>;
export type Tx = AnyTx<NoticesDb>;
export const { read, write, copyTransaction } = moduleDatabase<NoticesTables>();
