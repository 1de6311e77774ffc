import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the registry module's own tables. */
type DateStr = ColumnType<string | null, string | null | undefined, string | null>;

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
export type PartyLevel = 'street_committee' | 'community_branch' | 'compound_branch' | 'building_group' | 'workplace';
export type ManagementMode = 'professional' | 'party_led_company' | 'state_fallback' | 'collective' | 'self_managed' | 'none';
export type Relation = 'owner' | 'co_owner' | 'tenant' | 'family';

export interface RegOrganisationsTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
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
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  place_id: string;
  management_mode: ManagementMode;
  property_company_id: string | null;
  address: string | null;
  updated_at: Generated<Date>;
}
export interface RegRoomsTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  place_id: string;
  floor: number | null;
  area_centi: number;
  area_source: 'register' | 'surveyed' | 'contract';
  use: 'residential' | 'commercial' | 'parking';
  /** Delivered to its buyer (migration 0031); null: before the registry kept the date. */
  delivered_on: DateStr;
  updated_at: Generated<Date>;
}
export interface RegPersonsTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
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
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
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
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
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

/** Household imports (0006_registry_import.sql): one row per uploaded file, and the staging tables of a commit. */
export interface RegImportsTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  place_id: string;
  file_key: string;
  file_name: string;
  file_size: number;
  file_sha256: string;
  created_by: string;
  created_at: Date;
  status: 'uploaded' | 'analysed' | 'committing' | 'committed' | 'failed';
  mapping: ColumnType<unknown, string | null, string | null>;
  report: ColumnType<unknown, string | null, string | null>;
  task_id: string | null;
  committed_at: Date | null;
  committed_by: string | null;
  /** The app process committing it, while `committing` (kernel/db/liveness.ts). */
  owner: ColumnType<number | null, number | null | undefined, number | null>;
}
export interface RegImportRoomsTable {
  import_id: string;
  op: 'create' | 'update';
  place_id: string;
  floor: number | null;
  area_centi: number;
  area_source: string;
  use: string;
}
/** An import's staged person: the registry's columns, without the street and timestamps. */
export interface RegImportPersonsTable extends Omit<RegPersonsTable, 'street_id' | 'tags' | 'created_at' | 'updated_at'> {
  import_id: string;
  op: 'create' | 'update';
  tags: string[];
}
export interface RegImportHouseholdsTable {
  import_id: string;
  op: 'create' | 'update';
  id: string;
  room_id: string;
  person_id: string;
  relation: string;
  share_bp: number | null;
}

/** A resident's request to correct their record (migration 0026, use-cases/*-correction*.ts). */
export interface RegCorrectionsTable {
  street_id: string;
  id: string;
  person_id: string;
  account_id: string;
  place_id: string;
  field: 'name' | 'phone' | 'id_number' | 'household' | 'other';
  request: string;
  status: Generated<'open' | 'answered'>;
  answer: string | null;
  answered_by: string | null;
  created_at: Date;
  answered_at: Date | null;
}

/** A span a person held a tag (migration 0049, use-cases/tag-spans.ts): `held_until` exclusive, null while held. */
export interface RegPersonTagSpansTable {
  street_id: string;
  id: string;
  person_id: string;
  tag: string;
  held_from: ColumnType<string, string, string>;
  held_until: ColumnType<string | null, string | null | undefined, string | null>;
  set_by: string | null;
  created_at: Generated<Date>;
}

export interface RegistryTables {
  reg_imports: RegImportsTable;
  reg_import_rooms: RegImportRoomsTable;
  reg_import_persons: RegImportPersonsTable;
  reg_import_households: RegImportHouseholdsTable;
  reg_organisations: RegOrganisationsTable;
  reg_compounds: RegCompoundsTable;
  reg_rooms: RegRoomsTable;
  reg_persons: RegPersonsTable;
  reg_households: RegHouseholdsTable;
  reg_positions: RegPositionsTable;
  reg_corrections: RegCorrectionsTable;
  reg_person_tag_spans: RegPersonTagSpansTable;
}
