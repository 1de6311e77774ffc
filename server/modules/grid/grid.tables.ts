import type { ColumnType, Generated } from 'kysely';
import type { EmergencyTables } from './grid.emergency.tables.ts';
import type { MediationTables } from './grid.mediation.tables.ts';
import type { SocialTables } from './grid.social.tables.ts';

/**
 * Kysely types of the grid module's own tables (migrations/0072_grid.sql and after). Every row carries its street,
 * the distribution key (docs/adr/0003-street-keys.md).
 */
export type FileSubject = 'event' | 'record' | 'case' | 'mediation' | 'project';
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

// events part: 网格事件 and 执法进小区 liaisons (migrations/0073_grid_events.sql).
export type LiaisonLine = 'police' | 'urban_management' | 'housing' | 'market' | 'fire';
export type EventBody = 'property' | 'committee' | LiaisonLine;
export type EventStatus = 'reported' | 'dispatched' | 'handling' | 'resolved' | 'closed' | 'dismissed';
export type EventUrgency = 'normal' | 'urgent';
export type EventLevel = 'community' | 'street';

export interface GridLiaisonsTable {
  street_id: string;
  id: string;
  department_id: string;
  department_name: string;
  line: LiaisonLine;
  compound_id: string;
  account_id: string;
  name: string;
  phone_masked: Generated<string>;
  from_on: string;
  until_on: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  ended_by: string | null;
}

export interface GridPatrolsTable {
  street_id: string;
  id: string;
  compound_id: string;
  patrol_on: string;
  liaison_ids: Generated<string[]>;
  findings: string;
  recorded_by: string | null;
  recorded_by_name: Generated<string>;
  created_at: Generated<Date>;
}

export interface GridEventsTable {
  street_id: string;
  id: string;
  place_id: string;
  compound_id: string;
  location: Generated<string>;
  category: string;
  description: string;
  urgency: Generated<EventUrgency>;
  status: Generated<EventStatus>;
  level: Generated<EventLevel>;
  body: EventBody | null;
  liaison_id: string | null;
  patrol_id: string | null;
  dispatched_at: Date | null;
  due_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  overdue_escalated_at: Date | null;
  resolution_note: string | null;
  reporter_account_id: string | null;
  reporter_person_id: string | null;
  reporter_name: Generated<string>;
  reported_via: Generated<'staff' | 'resident'>;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GridEventStepsTable {
  street_id: string;
  id: string;
  event_id: string;
  kind: string;
  from_status: EventStatus | null;
  to_status: EventStatus;
  body: EventBody | null;
  liaison_id: string | null;
  actor_account_id: string | null;
  actor_name: string;
  note: string | null;
  at: Date;
}

// collection part: 四个实有 (migrations/0074_grid_collection.sql).
export type RecordKind = 'resident_arrival' | 'resident_departure' | 'legal_person' | 'component';
export type RecordStatus = 'submitted' | 'verified' | 'known' | 'wrong';
export type RecordRelation = 'owner' | 'co_owner' | 'tenant' | 'family';
export type LegalKind = 'shop' | 'company' | 'individual_business' | 'social_org' | 'other';
export type ComponentKind = 'fire_hydrant' | 'camera' | 'street_lamp' | 'manhole_cover' | 'fitness_equipment' | 'ev_charger' | 'other';
export type ComponentCondition = 'good' | 'damaged' | 'missing';
export type SpotStatus = 'pending' | 'passed' | 'failed';

export interface GridCollectionSettingsTable {
  street_id: string;
  incentive_fen: Generated<number>;
  spot_check_bp: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface GridCommissionsTable {
  street_id: string;
  id: string;
  company_id: string;
  company_name: string;
  compound_id: string;
  valid_from: string;
  valid_until: string | null;
  note: Generated<string>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface GridLegalPersonsTable {
  street_id: string;
  id: string;
  place_id: string;
  name: string;
  credit_code: string | null;
  kind: LegalKind;
  contact: Generated<string>;
  location: Generated<string>;
  record_id: string;
  created_at: Generated<Date>;
}

export interface GridComponentsTable {
  street_id: string;
  id: string;
  place_id: string;
  kind: ComponentKind;
  location: Generated<string>;
  condition: ComponentCondition;
  record_id: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GridRecordsTable {
  street_id: string;
  id: string;
  kind: RecordKind;
  status: Generated<RecordStatus>;
  place_id: string;
  compound_id: string;
  company_id: string | null;
  company_name: string | null;
  submitted_by: string | null;
  submitted_by_name: Generated<string>;
  submitted_at: Generated<Date>;
  person_name: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  relation: RecordRelation | null;
  share_bp: number | null;
  event_date: string | null;
  person_id: string | null;
  landlord_person_id: string | null;
  landlord_name: string | null;
  contract_start: string | null;
  contract_end: string | null;
  subject_name: string | null;
  credit_code: string | null;
  legal_kind: LegalKind | null;
  contact: string | null;
  location: string | null;
  component_kind: ComponentKind | null;
  condition: ComponentCondition | null;
  component_id: string | null;
  note: Generated<string>;
  checked_at: Date | null;
  checked_by: string | null;
  checked_by_name: string | null;
  check_reason: string | null;
  registry_outcome: 'applied' | 'pending_approval' | null;
  approval_id: string | null;
  registry_person_id: string | null;
  household_id: string | null;
  actual_id: string | null;
  incentive_fen: number | null;
  spot_status: SpotStatus | null;
  spot_note: string | null;
  spot_checked_at: Date | null;
  spot_checked_by: string | null;
}

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

/**
 * The second half's parts (issue 25) keep their tables in their own files, so the parts' branches touch no shared
 * lines: grid.mediation.tables.ts, grid.social.tables.ts, grid.emergency.tables.ts.
 */
export interface GridTables extends MediationTables, SocialTables, EmergencyTables {
  grid_files: GridFilesTable;
  // The parts' tables, one line each:
  grid_liaisons: GridLiaisonsTable; // events part
  grid_patrols: GridPatrolsTable; // events part
  grid_events: GridEventsTable; // events part
  grid_event_steps: GridEventStepsTable; // events part
  grid_collection_settings: GridCollectionSettingsTable;
  grid_commissions: GridCommissionsTable;
  grid_legal_persons: GridLegalPersonsTable;
  grid_components: GridComponentsTable;
  grid_records: GridRecordsTable;
  grid_agency_settings: GridAgencySettingsTable;
  grid_agency_services: GridAgencyServicesTable;
  grid_agency_points: GridAgencyPointsTable;
  grid_agency_point_services: GridAgencyPointServicesTable;
  grid_agency_cases: GridAgencyCasesTable;
  grid_agency_case_steps: GridAgencyCaseStepsTable;
  grid_agency_bookings: GridAgencyBookingsTable;
}
