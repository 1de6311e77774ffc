import type { AssessmentTables } from './supervision.assessment.tables.ts';
import type { RectificationTables } from './supervision.rectification.tables.ts';
import type { SheetsTables } from './supervision.sheets.tables.ts';

/** Kysely types of the supervision module's own tables: each part keeps its own in supervision.<part>.tables.ts. */
export interface SupervisionTables extends SheetsTables, RectificationTables, AssessmentTables {}
