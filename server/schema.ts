import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely's view of every table. Kernel and module tables live here side by side so that one typed
 * `Kysely<DB>` serves the whole process; each module still touches only its own tables.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateStr = ColumnType<string | null, string | null | undefined, string | null>;
type Json = ColumnType<unknown, string, string>;

export type PlaceKind = 'city' | 'district' | 'street' | 'community' | 'grid' | 'compound' | 'building' | 'unit' | 'room';

export interface PlacesTable {
  id: string;
  parent_id: string | null;
  kind: PlaceKind;
  name: string;
  path: string;
  depth: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface AccountsTable {
  id: string;
  username: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  display_name: string;
  password_hash: string;
  person_id: string | null;
  locale: Generated<string>;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
}
export interface AuthFailuresTable {
  identifier_hash: string;
  at: Timestamp;
}
export interface SessionsTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}
export interface GrantsTable {
  id: string;
  account_id: string;
  role: string;
  place_id: string;
  created_at: Generated<Date>;
}
export interface AuditLogTable {
  seq: number;
  id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  place_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  before_digest: string | null;
  after_digest: string | null;
  detail: Json | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}
export interface ApprovalsTable {
  id: string;
  kind: string;
  place_id: string;
  summary: string;
  payload: Json;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  result: Json | null;
}

export type OrganisationKind =
  | 'party_org'
  | 'residents_committee'
  | 'owners_assembly'
  | 'owners_committee'
  | 'property_committee'
  | 'property_company'
  | 'social_org'
  | 'department'
  | 'assessor'
  | 'developer';
export type PartyLevel = 'street_committee' | 'community_branch' | 'compound_branch' | 'building_group';
export type ManagementMode = 'professional' | 'party_led_company' | 'state_fallback' | 'collective' | 'self_managed' | 'none';
export type Relation = 'owner' | 'co_owner' | 'tenant' | 'family';

export interface RegOrganisationsTable {
  id: string;
  place_id: string;
  kind: OrganisationKind;
  name: string;
  parent_id: string | null;
  party_level: PartyLevel | null;
  credit_code: string | null;
  contact_phone_enc: string | null;
  contact_phone_masked: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface RegCompoundsTable {
  place_id: string;
  management_mode: ManagementMode;
  property_company_id: string | null;
  address: string | null;
  updated_at: Generated<Date>;
}
export interface RegRoomsTable {
  place_id: string;
  floor: number | null;
  area_centi: number;
  area_source: 'register' | 'surveyed' | 'contract';
  use: 'residential' | 'commercial' | 'parking';
  updated_at: Generated<Date>;
}
export interface RegPersonsTable {
  id: string;
  place_id: string;
  name: string;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface RegHouseholdsTable {
  id: string;
  room_id: string;
  person_id: string | null;
  organisation_id: string | null;
  relation: Relation;
  share_bp: number | null;
  start_date: DateStr;
  end_date: DateStr;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface RegPositionsTable {
  id: string;
  person_id: string;
  organisation_id: string;
  title: string;
  place_id: string | null;
  term_start: DateStr;
  term_end: DateStr;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DB {
  schema_migrations: { version: string; applied_at: Generated<Date> };
  places: PlacesTable;
  accounts: AccountsTable;
  auth_failures: AuthFailuresTable;
  sessions: SessionsTable;
  grants: GrantsTable;
  audit_log: AuditLogTable;
  approvals: ApprovalsTable;
  reg_organisations: RegOrganisationsTable;
  reg_compounds: RegCompoundsTable;
  reg_rooms: RegRoomsTable;
  reg_persons: RegPersonsTable;
  reg_households: RegHouseholdsTable;
  reg_positions: RegPositionsTable;
}
