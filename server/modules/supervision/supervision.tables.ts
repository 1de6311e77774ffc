import type { AssessmentTables } from './supervision.assessment.tables.ts';
import type { CommitteesTables } from './supervision.committees.tables.ts';
import type { CreditTables } from './supervision.credit.tables.ts';
import type { ListsTables } from './supervision.lists.tables.ts';
import type { RectificationTables } from './supervision.rectification.tables.ts';
import type { SheetsTables } from './supervision.sheets.tables.ts';
import type { StarsTables } from './supervision.stars.tables.ts';
import type { SubsidyTables } from './supervision.subsidy.tables.ts';

/** Kysely types of the supervision module's own tables: each part keeps its own in supervision.<part>.tables.ts. */
export interface SupervisionTables extends SheetsTables, RectificationTables, AssessmentTables, CreditTables, ListsTables, StarsTables, CommitteesTables, SubsidyTables {}
