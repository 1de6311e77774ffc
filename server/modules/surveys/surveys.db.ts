import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { SurveysTables } from './surveys.tables.ts';

/** The surveys module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type SurveysDb = KernelTables & SurveysTables;
export type Executor = AnyExecutor<SurveysDb>;
export type Tx = AnyTx<SurveysDb>;
export const { read, write, copyTransaction } = moduleDatabase<SurveysTables>();
