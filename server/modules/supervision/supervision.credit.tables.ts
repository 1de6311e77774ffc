import type { ColumnType } from 'kysely';
import type { CreditBand, CreditKindRules, CreditRecordKind, CreditRepairStatus, CreditSourceType } from './supervision.credit.constants.ts';

/** Kysely types of the credit part's tables (migration 0057). Points and scores are integer hundredths. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface SupCreditSettingsTable {
  street_id: string;
  version: number;
  base_centi: number;
  cap_centi: number;
  validity_months: number;
  bands: Json<CreditBand[]>;
  kinds: Json<CreditKindRules>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SupCreditRecordsTable {
  street_id: string;
  id: string;
  company_id: string;
  company_name: string;
  kind: CreditRecordKind;
  points_centi: number;
  basis: string;
  source_type: CreditSourceType;
  source_id: string;
  source_label: string;
  compound_id: string | null;
  occurred_at: Timestamp;
  expires_at: Timestamp;
  note: ColumnType<string, string | undefined, string>;
  settings_version: number;
  created_by: string | null;
  created_at: Timestamp;
  repaired_at: Date | null;
  repair_id: string | null;
}

export interface SupCreditRepairsTable {
  street_id: string;
  id: string;
  record_id: string;
  company_id: string;
  company_name: string;
  status: CreditRepairStatus;
  statement: string;
  applied_by: string;
  applicant_name: string;
  applied_at: Timestamp;
  decided_by: string | null;
  decider_name: string | null;
  decided_at: Date | null;
  reason: string | null;
}

export interface SupCreditFilesTable {
  street_id: string;
  id: string;
  owner_type: 'record' | 'repair';
  owner_id: string;
  file_key: string;
  file_name: ColumnType<string, string | undefined, string>;
  mime: string;
  size_bytes: number;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

/** Kysely types of the credit part's tables (its migration). */
export interface CreditTables {
  sup_credit_settings: SupCreditSettingsTable;
  sup_credit_records: SupCreditRecordsTable;
  sup_credit_repairs: SupCreditRepairsTable;
  sup_credit_files: SupCreditFilesTable;
}
