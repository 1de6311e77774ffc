import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the grid module's own tables (migrations/0072_grid.sql and after). Every row carries its street,
 * the distribution key (docs/adr/0003-street-keys.md).
 */
export type FileSubject = 'event' | 'record' | 'case';
export type FileKind = 'photo' | 'document';
export type FileMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export interface GridFilesTable {
  street_id: string;
  id: string;
  subject_type: FileSubject;
  subject_id: string;
  place_id: string;
  kind: Generated<FileKind>;
  label: Generated<string>;
  file_key: string | null;
  mime: FileMime;
  size_bytes: number;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
  purged_at: Date | null;
}

// The parts add their tables below, each in its own block (events, collection, agency).

// agency part: 政务服务代办点 (migration 0075).
export type AgencyCaseStatus = 'accepted' | 'sent' | 'result' | 'completed' | 'withdrawn';
export type AgencyOutcome = 'success' | 'refused';
export type AgencyHandover = 'in_person' | 'delivered';
export type AgencyStep = 'accepted' | 'sent' | 'result' | 'completed' | 'withdrawn' | 'documents_purged';
export type AgencyBookingKind = 'point' | 'home';
export type AgencyBookingSlot = 'am' | 'pm';
export type AgencyBookingStatus = 'requested' | 'confirmed' | 'declined';

export interface GridAgencySettingsTable {
  street_id: string;
  document_retention_days: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}
export interface GridAgencyServicesTable {
  street_id: string;
  id: string;
  name: string;
  documents: ColumnType<string[], string[] | undefined, string[]>;
  time_limit_days: number;
  pay_fen: number;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface GridAgencyPointsTable {
  street_id: string;
  id: string;
  compound_id: string;
  company_id: string;
  name: string;
  address: Generated<string>;
  hours: Generated<string>;
  phone: Generated<string>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface GridAgencyPointServicesTable {
  street_id: string;
  point_id: string;
  service_id: string;
}
export interface GridAgencyCasesTable {
  street_id: string;
  id: string;
  no: string;
  point_id: string;
  compound_id: string;
  service_id: string;
  service_name: string;
  applicant_person_id: string | null;
  applicant_name: string;
  applicant_phone_enc: string | null;
  applicant_phone_masked: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
  status: Generated<AgencyCaseStatus>;
  outcome: AgencyOutcome | null;
  refusal_reason: string | null;
  accepted_at: Date;
  accepted_by: string | null;
  due_on: string;
  sent_at: Date | null;
  result_at: Date | null;
  handed_over_on: string | null;
  handover: AgencyHandover | null;
  completed_at: Date | null;
  on_time: boolean | null;
  pay_fen: number | null;
  withdrawn_at: Date | null;
  withdraw_reason: string | null;
  documents_purged_at: Date | null;
  updated_at: Generated<Date>;
}
export interface GridAgencyCaseStepsTable {
  street_id: string;
  id: string;
  case_id: string;
  step: AgencyStep;
  note: Generated<string>;
  at: Date;
  by_account: string | null;
  by_name: Generated<string>;
}
export interface GridAgencyBookingsTable {
  street_id: string;
  id: string;
  point_id: string;
  compound_id: string;
  person_id: string;
  person_name: string;
  service_id: string | null;
  kind: AgencyBookingKind;
  day: string;
  slot: AgencyBookingSlot;
  note: Generated<string>;
  status: Generated<AgencyBookingStatus>;
  decline_reason: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  created_at: Date;
}

export interface GridTables {
  grid_files: GridFilesTable;
  // The parts' tables, one line each:
  grid_agency_settings: GridAgencySettingsTable;
  grid_agency_services: GridAgencyServicesTable;
  grid_agency_points: GridAgencyPointsTable;
  grid_agency_point_services: GridAgencyPointServicesTable;
  grid_agency_cases: GridAgencyCasesTable;
  grid_agency_case_steps: GridAgencyCaseStepsTable;
  grid_agency_bookings: GridAgencyBookingsTable;
}
