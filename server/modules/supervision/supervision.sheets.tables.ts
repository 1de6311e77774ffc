import type { ColumnType, Generated } from 'kysely';
import type { EvidenceKind, InspectionStatus, ScoringMethod, SheetKind, SheetStatus } from './supervision.sheets.constants.ts';

/** Kysely types of the sheets-and-inspections part's tables (migration 0053). Points are integer hundredths. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SupSheetsTable {
  street_id: string;
  id: string;
  place_id: string;
  kind: SheetKind;
  name: string;
  version: number;
  applies_from: string | null;
  status: SheetStatus;
  is_demo: Generated<boolean>;
  frozen_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SupSheetSectionsTable {
  street_id: string;
  id: string;
  sheet_id: string;
  position: number;
  name: string;
  weight: number;
}

export interface SupSheetIndicatorsTable {
  street_id: string;
  id: string;
  sheet_id: string;
  section_id: string;
  position: number;
  code: string;
  name: string;
  guidance: Generated<string>;
  method: ScoringMethod;
  max_points: number;
  deduction_points: number | null;
  evidence: EvidenceKind;
}

export interface SupInspectionsTable {
  street_id: string;
  id: string;
  place_id: string;
  company_id: string | null;
  sheet_id: string;
  period: string;
  inspector_id: string;
  inspector_name: string;
  status: InspectionStatus;
  score_centi: number | null;
  note: Generated<string>;
  started_at: Timestamp;
  submitted_at: Date | null;
}

export interface SupInspectionItemsTable {
  street_id: string;
  inspection_id: string;
  indicator_id: string;
  awarded_points: number | null;
  findings: Generated<number>;
  met: boolean | null;
  credited_points: number | null;
  note: Generated<string>;
  updated_at: Timestamp;
}

export interface SupInspectionFilesTable {
  street_id: string;
  id: string;
  inspection_id: string;
  indicator_id: string;
  kind: 'photo' | 'document';
  file_key: string;
  file_name: Generated<string>;
  mime: string;
  size_bytes: number;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface SheetsTables {
  sup_sheets: SupSheetsTable;
  sup_sheet_sections: SupSheetSectionsTable;
  sup_sheet_indicators: SupSheetIndicatorsTable;
  sup_inspections: SupInspectionsTable;
  sup_inspection_items: SupInspectionItemsTable;
  sup_inspection_files: SupInspectionFilesTable;
}
