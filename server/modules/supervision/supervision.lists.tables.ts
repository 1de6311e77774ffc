import type { ColumnType } from 'kysely';
import type { AppealStatus, ListGrade, ListKind, ListMeasureRule, ListRules, MeasureKind } from './supervision.lists.constants.ts';

/** Kysely types of the lists part's tables (migration 0061). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** A `date` column: read as the day's text (the pg type parser keeps dates as strings). */
type Day = ColumnType<string, string, string>;

export interface SupListRulesTable {
  street_id: string;
  version: number;
  red_from: ListGrade;
  red_basis: string;
  black_from: ListGrade;
  black_basis: string;
  appeal_days: number;
  measures: Json<ListMeasureRule[]>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SupListPublicationsTable {
  street_id: string;
  id: string;
  period: string;
  as_of: Timestamp;
  rules: Json<ListRules>;
  rules_version: number;
  published_at: Timestamp;
  published_by: string | null;
  published_by_name: string;
}

export interface SupListEntriesTable {
  street_id: string;
  id: string;
  publication_id: string;
  company_id: string;
  company_name: string;
  list: ListKind;
  grade: ListGrade;
  score_centi: number;
  basis: string;
  appeal_until: Date | null;
  removed_at: Date | null;
}

export interface SupListAppealsTable {
  street_id: string;
  id: string;
  entry_id: string;
  reasons: string;
  submitted_by: string;
  submitted_by_name: string;
  submitted_at: Timestamp;
  status: AppealStatus;
  decision_reasons: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
}

export interface SupListMeasuresTable {
  street_id: string;
  id: string;
  entry_id: string;
  kind: MeasureKind;
  basis: string;
  interview_on: Day | null;
  attendees: string | null;
  extra_inspections: number | null;
  inspection_period: string | null;
  plan_due: Day | null;
  plan_note: string | null;
  plan_submitted_at: Date | null;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Timestamp;
}

export interface SupListFilesTable {
  street_id: string;
  id: string;
  appeal_id: string | null;
  measure_id: string | null;
  file_key: string;
  file_name: string;
  mime: string;
  size_bytes: number;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

/** Kysely types of the lists part's tables (its migration). */
export interface ListsTables {
  sup_list_rules: SupListRulesTable;
  sup_list_publications: SupListPublicationsTable;
  sup_list_entries: SupListEntriesTable;
  sup_list_appeals: SupListAppealsTable;
  sup_list_measures: SupListMeasuresTable;
  sup_list_files: SupListFilesTable;
}
